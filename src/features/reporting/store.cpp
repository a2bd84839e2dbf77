#include "features/reporting/store.hpp"

#include <fmt/format.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "core/db/database.hpp"
#include "core/db/nullable.hpp"
#include "core/util/time.hpp"

namespace samtryg::reporting::store {

namespace {

using db::Nullable;
using soci::into;
using soci::use;

constexpr std::string_view kFormColumns =
    "f.id, f.round_id, f.initiative_id, f.status, f.content, f.revision, f.submitted_at, "
    "f.late, f.comment, f.updated_at, f.updated_by, f.row_version, i.name, i.lead_user_id, "
    "COALESCE(u.name, i.lead_title), i.position, i.focus_area_id, f.summary, f.summary_version";
constexpr std::string_view kFormTables =
    " FROM report_forms f JOIN initiatives i ON i.id = f.initiative_id "
    "LEFT JOIN users u ON u.id = i.lead_user_id ";

// The columns of kFormColumns, bound once per statement.
struct FormBinding {
  FormRow row;
  std::string status;
  std::string content;
  int late = 0;
  Nullable<long long> lead;
  Nullable<long long> focus_area;

  void bind(soci::statement& st) {
    st.exchange(into(row.form.id));
    st.exchange(into(row.form.round_id));
    st.exchange(into(row.form.initiative_id));
    st.exchange(into(status));
    st.exchange(into(content));
    st.exchange(into(row.form.revision));
    st.exchange(into(row.form.submitted_at));
    st.exchange(into(late));
    st.exchange(into(row.form.comment));
    st.exchange(into(row.form.updated_at));
    st.exchange(into(row.form.updated_by));
    st.exchange(into(row.form.row_version));
    st.exchange(into(row.initiative_name));
    st.exchange(into(lead.value, lead.indicator));
    st.exchange(into(row.lead_name));
    st.exchange(into(row.position));
    st.exchange(into(focus_area.value, focus_area.indicator));
    st.exchange(into(row.form.summary));
    st.exchange(into(row.form.summary_version));
  }
  FormRow get() const {
    FormRow out = row;
    out.form.status = parse_form_status(status).value_or(FormStatus::draft);
    out.form.content = parse_content(boost::json::parse(content));
    out.form.late = late != 0;
    out.lead_user_id = lead.get();
    out.focus_area_id = focus_area.get();
    return out;
  }
};

struct RoundBinding {
  Round round;
  std::string template_text;
  Nullable<long long> previous;

  void bind(soci::statement& st) {
    st.exchange(into(round.id));
    st.exchange(into(round.workspace_id));
    st.exchange(into(round.plan_id));
    st.exchange(into(round.name));
    st.exchange(into(round.period_start));
    st.exchange(into(round.period_end));
    st.exchange(into(round.deadline));
    st.exchange(into(template_text));
    st.exchange(into(previous.value, previous.indicator));
    st.exchange(into(round.published_on));
    st.exchange(into(round.created_at));
    st.exchange(into(round.updated_at));
    st.exchange(into(round.row_version));
  }
  Round get() const {
    Round out = round;
    out.form_template = parse_template(boost::json::parse(template_text));
    out.previous_round_id = previous.get();
    return out;
  }
};

constexpr std::string_view kRoundColumns =
    "SELECT id, workspace_id, plan_id, name, period_start, period_end, deadline, template, "
    "previous_round_id, published_on, created_at, updated_at, row_version FROM report_rounds ";

std::string json_text(const boost::json::value& value) {
  return boost::json::serialize(value);
}

}  // namespace

long long insert_round(soci::session& sql, const Round& round) {
  long long id = 0;
  Nullable<long long> previous(round.previous_round_id);
  const auto now = now_iso_utc();
  const auto created = round.created_at.empty() ? now : round.created_at;
  const auto updated = round.updated_at.empty() ? created : round.updated_at;
  const auto template_text = json_text(template_json(round.form_template));
  sql << "INSERT INTO report_rounds (workspace_id, plan_id, name, period_start, period_end, "
         "deadline, template_key, template, previous_round_id, published_on, created_at, "
         "updated_at) VALUES (:w, :p, :n, :s, :e, :d, :k, :t, :prev, :pub, :c, :u) RETURNING id",
      use(round.workspace_id), use(round.plan_id), use(round.name), use(round.period_start),
      use(round.period_end), use(round.deadline), use(round.form_template.key), use(template_text),
      use(previous.value, previous.indicator), use(round.published_on), use(created), use(updated),
      into(id);
  return id;
}

std::optional<Round> find_round(soci::session& sql, long long workspace_id, long long id) {
  RoundBinding binding;
  soci::statement st(sql);
  binding.bind(st);
  st.exchange(use(workspace_id));
  st.exchange(use(id));
  db::prepare_and_run(st, std::string(kRoundColumns) + "WHERE workspace_id = :w AND id = :id");
  if (!st.fetch()) return std::nullopt;
  return binding.get();
}

std::vector<Round> rounds(soci::session& sql, long long workspace_id, long long plan_id) {
  RoundBinding binding;
  soci::statement st(sql);
  binding.bind(st);
  st.exchange(use(workspace_id));
  st.exchange(use(plan_id));
  db::prepare_and_run(st, std::string(kRoundColumns) +
                              "WHERE workspace_id = :w AND plan_id = :p "
                              "ORDER BY period_start DESC, id DESC");
  std::vector<Round> out;
  while (st.fetch()) out.push_back(binding.get());
  return out;
}

std::vector<Round> all_rounds(soci::session& sql, long long workspace_id) {
  RoundBinding binding;
  soci::statement st(sql);
  binding.bind(st);
  st.exchange(use(workspace_id));
  db::prepare_and_run(st, std::string(kRoundColumns) + "WHERE workspace_id = :w ORDER BY id");
  std::vector<Round> out;
  while (st.fetch()) out.push_back(binding.get());
  return out;
}

void set_round_published(soci::session& sql, long long round_id, const std::string& day) {
  sql << "UPDATE report_rounds SET published_on = :d, row_version = row_version + 1 "
         "WHERE id = :r",
      use(day), use(round_id);
}

std::vector<Round> published_rounds(soci::session& sql, long long workspace_id) {
  RoundBinding binding;
  soci::statement st(sql);
  binding.bind(st);
  st.exchange(use(workspace_id));
  db::prepare_and_run(st, std::string(kRoundColumns) +
                              "WHERE workspace_id = :w AND published_on <> '' "
                              "ORDER BY period_start DESC, id DESC");
  std::vector<Round> out;
  while (st.fetch()) out.push_back(binding.get());
  return out;
}

std::optional<long long> workspace_of_round(soci::session& sql, long long round_id) {
  long long workspace_id = 0;
  sql << "SELECT workspace_id FROM report_rounds WHERE id = :r", use(round_id), into(workspace_id);
  if (!sql.got_data()) return std::nullopt;
  return workspace_id;
}

std::optional<long long> workspace_of_form(soci::session& sql, long long form_id) {
  long long round_id = 0;
  sql << "SELECT round_id FROM report_forms WHERE id = :f", use(form_id), into(round_id);
  if (!sql.got_data()) return std::nullopt;
  return workspace_of_round(sql, round_id);
}

bool round_name_taken(soci::session& sql, long long plan_id, const std::string& name) {
  int count = 0;
  sql << "SELECT COUNT(*) FROM report_rounds WHERE plan_id = :p AND name = :n", use(plan_id),
      use(name), into(count);
  return count > 0;
}

long long insert_form(soci::session& sql, const Form& form) {
  long long id = 0;
  const std::string status(code(form.status));
  const auto content = json_text(content_json(form.content));
  const int late = form.late ? 1 : 0;
  const auto now = form.updated_at.empty() ? now_iso_utc() : form.updated_at;
  sql << "INSERT INTO report_forms (round_id, initiative_id, status, content, revision, "
         "submitted_at, late, comment, summary, updated_at, updated_by) VALUES (:r, :i, :s, :c, "
         ":rev, :sa, :l, :cm, :su, :u, :ub) RETURNING id",
      use(form.round_id), use(form.initiative_id), use(status), use(content), use(form.revision),
      use(form.submitted_at), use(late), use(form.comment), use(form.summary), use(now),
      use(form.updated_by), into(id);
  return id;
}

std::optional<FormRow> find_form(soci::session& sql, long long workspace_id, long long id) {
  FormBinding binding;
  soci::statement st(sql);
  binding.bind(st);
  st.exchange(use(id));
  st.exchange(use(workspace_id));
  db::prepare_and_run(st, fmt::format("SELECT {}{} WHERE f.id = :id AND f.round_id IN (SELECT id "
                                      "FROM report_rounds WHERE workspace_id = :w)",
                                      kFormColumns, kFormTables));
  if (!st.fetch()) return std::nullopt;
  return binding.get();
}

std::vector<FormRow> round_forms(soci::session& sql, long long round_id) {
  FormBinding binding;
  soci::statement st(sql);
  binding.bind(st);
  st.exchange(use(round_id));
  db::prepare_and_run(st, fmt::format("SELECT {}{} WHERE f.round_id = :r ORDER BY i.position, i.id",
                                      kFormColumns, kFormTables));
  std::vector<FormRow> out;
  while (st.fetch()) out.push_back(binding.get());
  return out;
}

namespace {

// The workspace's forms with their round's name and deadline; `lead_user_id` 0: every form.
std::vector<AssignedForm> assigned_forms(soci::session& sql, long long workspace_id,
                                         long long lead_user_id, std::string_view order) {
  FormBinding binding;
  std::string round_name;
  std::string deadline;
  soci::statement st(sql);
  binding.bind(st);
  st.exchange(into(round_name));
  st.exchange(into(deadline));
  st.exchange(use(workspace_id));
  st.exchange(use(lead_user_id));
  st.exchange(use(lead_user_id));
  db::prepare_and_run(st, fmt::format("SELECT {}, r.name, r.deadline{} JOIN report_rounds r ON "
                                      "r.id = f.round_id WHERE r.workspace_id = :w AND "
                                      "(:u1 = 0 OR i.lead_user_id = :u2) ORDER BY {}",
                                      kFormColumns, kFormTables, order));
  std::vector<AssignedForm> out;
  while (st.fetch()) out.push_back({binding.get(), round_name, deadline});
  return out;
}

}  // namespace

std::vector<AssignedForm> workspace_forms(soci::session& sql, long long workspace_id) {
  return assigned_forms(sql, workspace_id, 0, "r.deadline, r.id, i.position");
}

std::vector<AssignedForm> forms_led_by(soci::session& sql, long long workspace_id,
                                       long long user_id) {
  return assigned_forms(sql, workspace_id, user_id, "r.deadline DESC, i.position");
}

std::vector<ReminderCandidate> reminder_candidates(soci::session& sql, long long workspace_id,
                                                   long long round_id) {
  FormBinding binding;
  ReminderCandidate candidate;
  Nullable<std::string> email;
  Nullable<std::string> language;
  soci::statement st(sql);
  binding.bind(st);
  st.exchange(into(candidate.workspace_id));
  st.exchange(into(candidate.workspace_name));
  st.exchange(into(candidate.round_name));
  st.exchange(into(candidate.deadline));
  st.exchange(into(email.value, email.indicator));
  st.exchange(into(language.value, language.indicator));
  st.exchange(use(workspace_id));
  st.exchange(use(workspace_id));
  st.exchange(use(round_id));
  st.exchange(use(round_id));
  db::prepare_and_run(
      st, fmt::format("SELECT {}, r.workspace_id, w.name, r.name, r.deadline, u.email, u.language"
                      "{} JOIN report_rounds r ON r.id = f.round_id "
                      "JOIN workspaces w ON w.id = r.workspace_id "
                      "WHERE f.status IN ('draft', 'returned') "
                      "AND (:w1 = 0 OR r.workspace_id = :w2) AND (:r1 = 0 OR r.id = :r2) "
                      "ORDER BY r.deadline, r.id, i.position",
                      kFormColumns, kFormTables));
  std::vector<ReminderCandidate> out;
  while (st.fetch()) {
    auto row = candidate;
    row.row = binding.get();
    row.lead_email = email.get().value_or("");
    row.lead_language = language.get().value_or("");
    out.push_back(std::move(row));
  }
  return out;
}

std::vector<SentReminder> sent_reminders(soci::session& sql, long long workspace_id,
                                         long long round_id) {
  SentReminder reminder;
  std::string kind;
  soci::statement st(sql);
  st.exchange(into(reminder.form_id));
  st.exchange(into(kind));
  st.exchange(into(reminder.recipient));
  st.exchange(into(reminder.sent_at));
  st.exchange(use(workspace_id));
  st.exchange(use(workspace_id));
  st.exchange(use(round_id));
  st.exchange(use(round_id));
  db::prepare_and_run(
      st,
      "SELECT m.form_id, m.kind, m.recipient, m.sent_at FROM report_form_reminders m "
      "JOIN report_forms f ON f.id = m.form_id "
      "JOIN report_rounds r ON r.id = f.round_id "
      "WHERE (:w1 = 0 OR r.workspace_id = :w2) AND (:r1 = 0 OR r.id = :r2) "
      "ORDER BY m.sent_at, m.id");
  std::vector<SentReminder> out;
  while (st.fetch()) {
    auto row = reminder;
    row.kind = parse_reminder_kind(kind).value_or(ReminderKind::before_deadline);
    out.push_back(std::move(row));
  }
  return out;
}

bool claim_reminder(soci::session& sql, const SentReminder& reminder) {
  const std::string kind(code(reminder.kind));
  soci::statement st =
      (sql.prepare << "INSERT INTO report_form_reminders (form_id, kind, recipient, sent_at) "
                      "VALUES (:f, :k, :r, :s) ON CONFLICT (form_id, kind) DO NOTHING",
       use(reminder.form_id), use(kind), use(reminder.recipient), use(reminder.sent_at));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

void release_reminder(soci::session& sql, long long form_id, ReminderKind kind) {
  const std::string kind_code(code(kind));
  sql << "DELETE FROM report_form_reminders WHERE form_id = :f AND kind = :k", use(form_id),
      use(kind_code);
}

bool update_form(soci::session& sql, const Form& form) {
  const std::string status(code(form.status));
  const auto content = json_text(content_json(form.content));
  const int late = form.late ? 1 : 0;
  const auto now = now_iso_utc();
  soci::statement st =
      (sql.prepare << "UPDATE report_forms SET status = :s, content = :c, revision = :rev, "
                      "submitted_at = :sa, late = :l, comment = :cm, updated_at = :u, "
                      "updated_by = :ub, row_version = row_version + 1 "
                      "WHERE id = :id AND row_version = :rv",
       use(status), use(content), use(form.revision), use(form.submitted_at), use(late),
       use(form.comment), use(now), use(form.updated_by), use(form.id), use(form.row_version));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

bool update_summary(soci::session& sql, long long form_id, const std::string& summary,
                    long long summary_version) {
  soci::statement st =
      (sql.prepare << "UPDATE report_forms SET summary = :s, summary_version = summary_version + 1 "
                      "WHERE id = :id AND summary_version = :v",
       use(summary), use(form_id), use(summary_version));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

void set_submitted_at(soci::session& sql, long long form_id, const std::string& submitted_at,
                      bool late) {
  const int late_flag = late ? 1 : 0;
  sql << "UPDATE report_forms SET submitted_at = :s, late = :l WHERE id = :id", use(submitted_at),
      use(late_flag), use(form_id);
}

void insert_revision(soci::session& sql, const Revision& revision) {
  const std::string status(code(revision.status));
  const auto content = json_text(content_json(revision.content));
  const auto saved_at = revision.saved_at.empty() ? now_iso_utc() : revision.saved_at;
  sql << "INSERT INTO report_form_revisions (form_id, revision, status, content, saved_at, "
         "saved_by, note) VALUES (:f, :r, :s, :c, :a, :b, :n)",
      use(revision.form_id), use(revision.revision), use(status), use(content), use(saved_at),
      use(revision.saved_by), use(revision.note);
}

std::vector<Revision> revisions(soci::session& sql, long long form_id) {
  Revision revision;
  std::string status;
  std::string content;
  soci::statement st =
      (sql.prepare << "SELECT id, form_id, revision, status, content, saved_at, saved_by, note "
                      "FROM report_form_revisions WHERE form_id = :f ORDER BY revision",
       into(revision.id), into(revision.form_id), into(revision.revision), into(status),
       into(content), into(revision.saved_at), into(revision.saved_by), into(revision.note),
       use(form_id));
  st.execute();
  std::vector<Revision> out;
  while (st.fetch()) {
    revision.status = parse_form_status(status).value_or(FormStatus::draft);
    revision.content = parse_content(boost::json::parse(content));
    out.push_back(revision);
  }
  return out;
}

void put_autosave(soci::session& sql, const Autosave& autosave) {
  sql << "INSERT INTO report_form_autosaves (form_id, user_id, fields, saved_at) "
         "VALUES (:f, :u, :d, :s) ON CONFLICT (form_id, user_id) DO UPDATE SET "
         "fields = excluded.fields, saved_at = excluded.saved_at",
      use(autosave.form_id), use(autosave.user_id), use(autosave.fields), use(autosave.saved_at);
}

std::optional<Autosave> find_autosave(soci::session& sql, long long form_id, long long user_id) {
  Autosave autosave;
  autosave.form_id = form_id;
  autosave.user_id = user_id;
  sql << "SELECT fields, saved_at FROM report_form_autosaves WHERE form_id = :f AND user_id = :u",
      use(form_id), use(user_id), into(autosave.fields), into(autosave.saved_at);
  if (!sql.got_data()) return std::nullopt;
  return autosave;
}

void delete_autosave(soci::session& sql, long long form_id, long long user_id) {
  sql << "DELETE FROM report_form_autosaves WHERE form_id = :f AND user_id = :u", use(form_id),
      use(user_id);
}

long long insert_chapter(soci::session& sql, const Chapter& chapter) {
  long long id = 0;
  const auto now = chapter.updated_at.empty() ? now_iso_utc() : chapter.updated_at;
  sql << "INSERT INTO report_chapters (round_id, position, chapter_key, title, body, updated_at) "
         "VALUES (:r, :p, :k, :t, :b, :u) RETURNING id",
      use(chapter.round_id), use(chapter.position), use(chapter.key), use(chapter.title),
      use(chapter.body), use(now), into(id);
  return id;
}

std::vector<Chapter> chapters(soci::session& sql, long long round_id) {
  Chapter chapter;
  soci::statement st =
      (sql.prepare << "SELECT id, round_id, position, chapter_key, title, body, updated_at, "
                      "row_version FROM report_chapters WHERE round_id = :r ORDER BY position, id",
       into(chapter.id), into(chapter.round_id), into(chapter.position), into(chapter.key),
       into(chapter.title), into(chapter.body), into(chapter.updated_at), into(chapter.row_version),
       use(round_id));
  st.execute();
  std::vector<Chapter> out;
  while (st.fetch()) out.push_back(chapter);
  return out;
}

bool update_chapter(soci::session& sql, const Chapter& chapter) {
  const auto now = now_iso_utc();
  soci::statement st =
      (sql.prepare << "UPDATE report_chapters SET title = :t, body = :b, updated_at = :u, "
                      "row_version = row_version + 1 WHERE id = :id AND round_id = :r AND "
                      "row_version = :rv",
       use(chapter.title), use(chapter.body), use(now), use(chapter.id), use(chapter.round_id),
       use(chapter.row_version));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

WorkspaceLook workspace_look(soci::session& sql, long long workspace_id) {
  WorkspaceLook look;
  sql << "SELECT name, logo_svg FROM workspaces WHERE id = :w", use(workspace_id), into(look.name),
      into(look.logo_svg);
  return look;
}

void set_workspace_logo(soci::session& sql, long long workspace_id, const std::string& svg) {
  sql << "UPDATE workspaces SET logo_svg = :l WHERE id = :w", use(svg), use(workspace_id);
}

}  // namespace samtryg::reporting::store
