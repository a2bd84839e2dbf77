#include "features/reporting/queries.hpp"

#include "features/reporting/store.hpp"
#include "features/strategy/queries.hpp"

namespace samtryg::reporting {

namespace {

void require_read_all(const Actor& actor) {
  // Drafts, autosaves and revisions are working papers: viewers do not see them.
  if (!actor.read_all) throw validation::NotFound();
}

// A viewer (a council member) reads a form once it is handed in (submitted or approved), when
// its plan and initiative are published; everyone else in the workspace reads every form.
bool viewer_may_read(soci::session& sql, const Actor& actor, const FormRow& row,
                     const Round& round) {
  if (actor.read_all) return true;
  const bool handed_in =
      row.form.status == FormStatus::submitted || row.form.status == FormStatus::approved;
  return handed_in && strategy::find_plan(sql, actor, round.plan_id).has_value() &&
         strategy::find_initiative(sql, actor, row.form.initiative_id).has_value();
}

}  // namespace

FormRow readable_form_row(soci::session& sql, const Actor& actor, long long id) {
  auto row = store::find_form(sql, actor.workspace_id, id);
  if (!row) throw validation::NotFound();
  if (!actor.read_all) {
    const auto round = store::find_round(sql, actor.workspace_id, row->form.round_id);
    if (!round || !viewer_may_read(sql, actor, *row, *round)) throw validation::NotFound();
  }
  return std::move(*row);
}

Role form_role(soci::session& sql, const Actor& actor, const FormRow& row) {
  Role role;
  role.coordinator = actor.edit_all;
  if (!actor.edit_own || !actor.user_id) return role;
  if (row.lead_user_id == actor.user_id) {
    role.lead = true;
    return role;
  }
  const auto initiative = strategy::find_initiative(sql, actor, row.form.initiative_id);
  if (initiative && initiative->parent_initiative_id) {
    const auto parent = strategy::find_initiative(sql, actor, *initiative->parent_initiative_id);
    role.lead = parent && parent->lead_user_id == actor.user_id;
  }
  return role;
}

std::vector<long long> default_reporting_initiatives(db::Database& database, const Actor& actor,
                                                     long long plan_id) {
  auto sql = database.session();
  const strategy::InitiativeFilter filter{.plan_id = plan_id, .in_plan = 1, .top_level_only = true};
  std::vector<long long> ids;
  for (const auto& row : strategy::initiatives(sql, actor, filter)) {
    if (row.initiative.status != "proposed") ids.push_back(row.initiative.id);
  }
  return ids;
}

RoundRecord readable_round(db::Database& database, const Actor& actor, long long id) {
  std::optional<Round> round;
  {
    auto sql = database.session();
    round = store::find_round(sql, actor.workspace_id, id);
  }
  if (!round) throw validation::NotFound();
  RoundRecord record;
  // Its own connection: never hold two at once (the pool may have one).
  record.plan = strategy::readable_plan(database, actor, round->plan_id);
  auto sql = database.session();
  record.forms = store::round_forms(sql, round->id);
  if (!actor.read_all) {
    std::erase_if(record.forms,
                  [&](const FormRow& row) { return !viewer_may_read(sql, actor, row, *round); });
  }
  record.chapters = store::chapters(sql, round->id);
  record.round = std::move(*round);
  return record;
}

std::vector<Round> plan_rounds(db::Database& database, const Actor& actor, long long plan_id) {
  // The plan decides: a viewer sees the rounds of published plans.
  strategy::readable_plan(database, actor, plan_id);
  auto sql = database.session();
  return store::rounds(sql, actor.workspace_id, plan_id);
}

std::optional<long long> workspace_of_round(db::Database& database, long long round_id) {
  auto sql = database.session();
  return store::workspace_of_round(sql, round_id);
}

std::optional<long long> workspace_of_form(db::Database& database, long long form_id) {
  auto sql = database.session();
  return store::workspace_of_form(sql, form_id);
}

FormRecord readable_form(db::Database& database, const Actor& actor, long long id) {
  auto sql = database.session();
  FormRecord record;
  record.row = readable_form_row(sql, actor, id);
  record.round = *store::find_round(sql, actor.workspace_id, record.row.form.round_id);
  record.role = form_role(sql, actor, record.row);
  record.save_refusal = std::string(reporting::save_refusal(record.row.form.status, record.role));
  return record;
}

std::optional<Autosave> form_autosave(db::Database& database, const Actor& actor,
                                      long long form_id) {
  if (!actor.user_id) return std::nullopt;
  auto sql = database.session();
  if (!store::find_form(sql, actor.workspace_id, form_id)) return std::nullopt;
  return store::find_autosave(sql, form_id, *actor.user_id);
}

std::vector<Revision> form_revisions(db::Database& database, const Actor& actor,
                                     long long form_id) {
  require_read_all(actor);
  readable_form(database, actor, form_id);
  auto sql = database.session();
  return store::revisions(sql, form_id);
}

std::vector<AssignedForm> my_forms(db::Database& database, const Actor& actor) {
  if (!actor.user_id) return {};
  auto sql = database.session();
  return store::forms_led_by(sql, actor.workspace_id, *actor.user_id);
}

std::vector<AssignedForm> coordinated_forms(db::Database& database, const Actor& actor) {
  if (!actor.edit_all) return {};
  auto sql = database.session();
  return store::workspace_forms(sql, actor.workspace_id);
}

std::vector<SentReminder> sent_reminders(db::Database& database, const Actor& actor,
                                         long long round_id) {
  if (!actor.read_all) return {};  // who was reminded is the coordinators' business
  auto sql = database.session();
  return store::sent_reminders(sql, actor.workspace_id, round_id);
}

WorkspaceLook workspace_look(db::Database& database, const Actor& actor) {
  auto sql = database.session();
  return store::workspace_look(sql, actor.workspace_id);
}

std::string workspace_logo(db::Database& database, const Actor& actor) {
  return workspace_look(database, actor).logo_svg;
}

}  // namespace samtryg::reporting
