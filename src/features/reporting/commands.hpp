#pragma once
// Use cases of the reporting cycle, shared by the web pages, the CLI and the demo: check rights
// → validate everything → one transaction (store + revision + audit). Failures:
// validation::Invalid (field errors), NotFound, Forbidden, Conflict.
//
// Rights: coordinators and admins create rounds, write chapters, return, approve and reopen
// forms; the lead of an initiative (or of its parent) fills in and submits its forms. Members
// read rounds and forms; viewers do not see them (forms are internal working papers).
#include <optional>
#include <string>
#include <vector>

#include "core/db/database.hpp"
#include "features/indicators/model.hpp"
#include "features/reporting/store.hpp"
#include "features/strategy/commands.hpp"

namespace samtryg::reporting {

using auth::Actor;

struct RoundInput {
  long long plan_id = 0;
  std::string name;
  std::string period_start;
  std::string period_end;
  std::string deadline;
  std::string template_key;
  // Which initiatives report; empty means the default: the plan's top-level initiatives that
  // are written into the plan and not merely proposed.
  std::vector<long long> initiative_ids;
  // Carry forward the items still planned or ongoing in this earlier round's forms.
  std::optional<long long> carry_forward_from;
};

// Creates the round with one draft form per reporting initiative and the report's chapters
// with generated starting text. Returns the round's id.
long long create_round(db::Database& database, const Actor& actor, const RoundInput& input);

struct RoundRecord {
  Round round;
  strategy::Plan plan;
  std::vector<FormRow> forms;
  std::vector<Chapter> chapters;
};

RoundRecord readable_round(db::Database& database, const Actor& actor, long long id);
std::vector<Round> plan_rounds(db::Database& database, const Actor& actor, long long plan_id);
// The initiatives a new round of `plan_id` asks by default, for the new-round form.
std::vector<long long> default_reporting_initiatives(db::Database& database, const Actor& actor,
                                                     long long plan_id);

struct FormRecord {
  Round round;
  FormRow row;
  Role role;
  std::string save_refusal;  // catalog key when the actor may not change the answers now
};

// The workspace a round or a form belongs to, for tools that are given only its id.
std::optional<long long> workspace_of_round(db::Database& database, long long round_id);
std::optional<long long> workspace_of_form(db::Database& database, long long form_id);

FormRecord readable_form(db::Database& database, const Actor& actor, long long id);

// Saves the answers as a new revision, in one transaction with the indicator values typed into
// the form's measurement section (their errors are named "iv.{indicator id}.{field}") and with
// the form's new items added to the initiative's activity register. Refused with Invalid
// (field "form") and the reason when the form is locked; Conflict when someone saved since
// `row_version` was read.
void save_form(db::Database& database, const Actor& actor, long long form_id, long long row_version,
               const Content& content, const std::vector<indicators::Value>& values = {});
// Keeps what the actor has typed into the form and not saved (`fields`: the form's fields,
// urlencoded), replacing their previous copy; no revision, no register change. Refused like a
// save (NotFound, Forbidden, Invalid "form" when locked). Saving or a workflow step by the same
// person removes it. Returns when it was kept (UTC, ISO).
inline constexpr std::size_t kMaxAutosaveBytes = std::size_t{512} * 1024;
std::string autosave_form(db::Database& database, const Actor& actor, long long form_id,
                          const std::string& fields);
// The actor's own unsaved copy of the form, if there is one.
std::optional<Autosave> form_autosave(db::Database& database, const Actor& actor,
                                      long long form_id);

// The workflow steps; `note` is the comment of a return and the reason of a reopen (both
// required). A submit after the deadline is accepted and marked late.
void submit_form(db::Database& database, const Actor& actor, long long form_id,
                 long long row_version);
void return_form(db::Database& database, const Actor& actor, long long form_id,
                 long long row_version, const std::string& comment);
void approve_form(db::Database& database, const Actor& actor, long long form_id,
                  long long row_version);
void reopen_form(db::Database& database, const Actor& actor, long long form_id,
                 long long row_version, const std::string& reason);

std::vector<Revision> form_revisions(db::Database& database, const Actor& actor, long long form_id);

void save_chapter(db::Database& database, const Actor& actor, const Chapter& chapter);

// The workspace's logo on the report's title page: an SVG (at most kMaxLogoBytes) that librsvg
// can read; empty removes it. Coordinators and admins.
inline constexpr std::size_t kMaxLogoBytes = std::size_t{512} * 1024;
// What is wrong with a logo (field "file"): too large, or not an SVG librsvg can read.
validation::Errors check_logo(const std::string& svg);
void set_logo(db::Database& database, const Actor& actor, const std::string& svg);

// The forms of the initiatives the actor leads, newest round first.
std::vector<AssignedForm> my_forms(db::Database& database, const Actor& actor);

}  // namespace samtryg::reporting
