#pragma once
// Reads of the reporting cycle as an actor sees them: the one place that decides who sees
// rounds and forms (members and up; forms are internal working papers, so viewers see none)
// and what role a person has on a form. Pages, the command line and the demo read here, never
// through the store.
#include <optional>
#include <string>
#include <vector>

#include "core/auth/actor.hpp"
#include "core/db/database.hpp"
#include "features/reporting/model.hpp"
#include "features/reporting/records.hpp"
#include "features/strategy/model.hpp"

namespace samtryg::reporting {

using auth::Actor;

// The form within the actor's workspace, when the actor may read forms; NotFound otherwise.
FormRow readable_form_row(soci::session& sql, const Actor& actor, long long id);
// Whether the actor leads the form's initiative (or the one it belongs to), and whether they
// are a coordinator.
Role form_role(soci::session& sql, const Actor& actor, const FormRow& row);

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

// The actor's own unsaved copy of the form, if there is one.
std::optional<Autosave> form_autosave(db::Database& database, const Actor& actor,
                                      long long form_id);

std::vector<Revision> form_revisions(db::Database& database, const Actor& actor, long long form_id);

// The forms of the initiatives the actor leads, newest round first.
std::vector<AssignedForm> my_forms(db::Database& database, const Actor& actor);

// Every form of the workspace, the next deadline first; coordinators only (empty otherwise).
std::vector<AssignedForm> coordinated_forms(db::Database& database, const Actor& actor);

// Who was reminded of which form of a round, and when.
std::vector<SentReminder> sent_reminders(db::Database& database, const Actor& actor,
                                         long long round_id);
// The workspace's name and logo (SVG; "" when it has none) for the report.
WorkspaceLook workspace_look(db::Database& database, const Actor& actor);
// The workspace's logo alone.
std::string workspace_logo(db::Database& database, const Actor& actor);

}  // namespace samtryg::reporting
