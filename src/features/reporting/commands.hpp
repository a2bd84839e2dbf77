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
#include "features/reporting/form.hpp"
#include "features/reporting/queries.hpp"
#include "features/reporting/records.hpp"
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

// Saves the answers and the figures typed into the measurement section (read and checked
// here; their errors are named by their fields, form::figure_field) as a new revision, in one
// transaction with the indicator values and the form's new items added to the initiative's
// activity register; with AfterSave::submit the form is submitted in the same transaction, so a
// refused submit leaves nothing saved. Refused with Invalid (field "form") and the reason when
// the form is locked; Conflict when someone saved since `row_version` was read.
enum class AfterSave { stay, submit };
void save_form(db::Database& database, const Actor& actor, long long form_id, long long row_version,
               const form::Input& input, AfterSave then = AfterSave::stay);
// Keeps what the actor has typed into the form and not saved (`fields`: the form's fields,
// urlencoded), replacing their previous copy; no revision, no register change. Refused like a
// save (NotFound, Forbidden, Invalid "form" when locked). Saving or a workflow step by the same
// person removes it. Returns when it was kept (UTC, ISO).
inline constexpr std::size_t kMaxAutosaveBytes = std::size_t{512} * 1024;
std::string autosave_form(db::Database& database, const Actor& actor, long long form_id,
                          const std::string& fields);
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

void save_chapter(db::Database& database, const Actor& actor, const Chapter& chapter);

// The initiative's summary in the round's report (at most kMaxSummary; empty: the report makes
// one from the form). Coordinators at any time; the initiative's lead until the form is
// approved. Conflict when someone wrote it since `summary_version` was read.
void save_summary(db::Database& database, const Actor& actor, long long form_id,
                  const std::string& summary, long long summary_version);

// The workspace's logo on the report's title page: an SVG (at most kMaxLogoBytes) that librsvg
// can read; empty removes it. Coordinators and admins.
inline constexpr std::size_t kMaxLogoBytes = std::size_t{512} * 1024;
// What is wrong with a logo (field "file"): too large, or not an SVG librsvg can read.
validation::Errors check_logo(const std::string& svg);
void set_logo(db::Database& database, const Actor& actor, const std::string& svg);

}  // namespace samtryg::reporting
