#include "features/surveys/store.hpp"

#include "core/db/database.hpp"
#include "core/db/nullable.hpp"
#include "core/util/crypto.hpp"
#include "core/util/time.hpp"

namespace samtryg::surveys::store {

using db::Nullable;
using soci::into;
using soci::use;

namespace {

std::string created_or_now(const std::string& given) {
  return given.empty() ? now_iso_utc() : given;
}

void insert_options(soci::session& sql, long long question_id, const std::vector<Option>& options) {
  int position = 0;
  for (const auto& option : options) {
    ++position;
    const int in_share = option.in_share ? 1 : 0;
    sql << "INSERT INTO survey_options (question_id, position, label, in_share) "
           "VALUES (:q, :p, :l, :s)",
        use(question_id), use(position), use(option.label), use(in_share);
  }
}

void insert_answers(soci::session& sql, long long result_id,
                    const std::vector<std::optional<double>>& percents) {
  for (std::size_t index = 0; index < percents.size(); ++index) {
    if (!percents[index]) continue;
    const int position = static_cast<int>(index) + 1;
    const double percent = *percents[index];
    sql << "INSERT INTO survey_answers (result_id, option_position, percent) VALUES (:r, :p, :v)",
        use(result_id), use(position), use(percent);
  }
}

}  // namespace

long long insert_survey(soci::session& sql, const Survey& survey) {
  const auto created = created_or_now(survey.created_at);
  const auto updated = survey.updated_at.empty() ? created : survey.updated_at;
  long long id = 0;
  sql << "INSERT INTO surveys (workspace_id, name, kind, publisher, description, created_at, "
         "updated_at) VALUES (:w, :n, :k, :p, :d, :ca, :ua) RETURNING id",
      use(survey.workspace_id), use(survey.name), use(survey.kind), use(survey.publisher),
      use(survey.description), use(created), use(updated), into(id);
  return id;
}

bool update_survey(soci::session& sql, const Survey& survey) {
  const auto now = now_iso_utc();
  soci::statement st =
      (sql.prepare << "UPDATE surveys SET name = :n, kind = :k, publisher = :p, description = :d, "
                      "updated_at = :ua, row_version = row_version + 1 "
                      "WHERE id = :id AND workspace_id = :w AND row_version = :rv",
       use(survey.name), use(survey.kind), use(survey.publisher), use(survey.description), use(now),
       use(survey.id), use(survey.workspace_id), use(survey.row_version));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

namespace {

std::vector<Survey> select_surveys(soci::session& sql, long long workspace_id, long long id) {
  std::vector<Survey> out;
  Survey survey;
  soci::statement st =
      (sql.prepare << "SELECT id, workspace_id, name, kind, publisher, description, created_at, "
                      "updated_at, row_version FROM surveys WHERE workspace_id = :w "
                      "AND (:id = 0 OR id = :id2) ORDER BY id",
       into(survey.id), into(survey.workspace_id), into(survey.name), into(survey.kind),
       into(survey.publisher), into(survey.description), into(survey.created_at),
       into(survey.updated_at), into(survey.row_version), use(workspace_id), use(id), use(id));
  st.execute();
  while (st.fetch()) out.push_back(survey);
  return out;
}

}  // namespace

std::optional<Survey> find_survey(soci::session& sql, long long workspace_id, long long id) {
  if (id <= 0) return std::nullopt;
  auto found = select_surveys(sql, workspace_id, id);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<Survey> surveys(soci::session& sql, long long workspace_id) {
  return select_surveys(sql, workspace_id, 0);
}

void delete_survey(soci::session& sql, long long workspace_id, long long id) {
  // SQLite enforces the cascade only where foreign keys are switched on: say it outright.
  const std::string of_survey = "(SELECT id FROM surveys WHERE id = :id AND workspace_id = :w)";
  sql << "DELETE FROM survey_answers WHERE result_id IN (SELECT r.id FROM survey_results r "
         "JOIN survey_questions q ON q.id = r.question_id WHERE q.survey_id IN " +
             of_survey + ")",
      use(id), use(workspace_id);
  sql << "DELETE FROM survey_results WHERE question_id IN (SELECT id FROM survey_questions "
         "WHERE survey_id IN " +
             of_survey + ")",
      use(id), use(workspace_id);
  sql << "DELETE FROM survey_options WHERE question_id IN (SELECT id FROM survey_questions "
         "WHERE survey_id IN " +
             of_survey + ")",
      use(id), use(workspace_id);
  for (const char* table : {"survey_questions", "survey_waves", "survey_imports"}) {
    sql << std::string("DELETE FROM ") + table + " WHERE survey_id IN " + of_survey, use(id),
        use(workspace_id);
  }
  sql << "DELETE FROM surveys WHERE id = :id AND workspace_id = :w", use(id), use(workspace_id);
}

long long insert_wave(soci::session& sql, const Wave& wave) {
  long long id = 0;
  sql << "INSERT INTO survey_waves (survey_id, period, fielded, note) VALUES (:s, :p, :f, :n) "
         "RETURNING id",
      use(wave.survey_id), use(wave.period), use(wave.fielded), use(wave.note), into(id);
  return id;
}

std::vector<Wave> waves(soci::session& sql, long long survey_id) {
  std::vector<Wave> out;
  Wave wave;
  soci::statement st = (sql.prepare << "SELECT id, survey_id, period, fielded, note FROM "
                                       "survey_waves WHERE survey_id = :s ORDER BY period, id",
                        into(wave.id), into(wave.survey_id), into(wave.period), into(wave.fielded),
                        into(wave.note), use(survey_id));
  st.execute();
  while (st.fetch()) out.push_back(wave);
  return out;
}

void update_wave(soci::session& sql, const Wave& wave) {
  sql << "UPDATE survey_waves SET period = :p, fielded = :f, note = :n "
         "WHERE id = :id AND survey_id = :s",
      use(wave.period), use(wave.fielded), use(wave.note), use(wave.id), use(wave.survey_id);
}

void delete_wave(soci::session& sql, long long survey_id, long long id) {
  sql << "DELETE FROM survey_answers WHERE result_id IN (SELECT r.id FROM survey_results r "
         "JOIN survey_waves w ON w.id = r.wave_id WHERE w.id = :id AND w.survey_id = :s)",
      use(id), use(survey_id);
  sql << "DELETE FROM survey_results WHERE wave_id IN (SELECT id FROM survey_waves "
         "WHERE id = :id AND survey_id = :s)",
      use(id), use(survey_id);
  sql << "DELETE FROM survey_waves WHERE id = :id AND survey_id = :s", use(id), use(survey_id);
}

long long insert_question(soci::session& sql, const Question& question) {
  Nullable<long long> indicator(question.indicator_id);
  const auto created = created_or_now(question.created_at);
  const auto updated = question.updated_at.empty() ? created : question.updated_at;
  long long id = 0;
  sql << "INSERT INTO survey_questions (survey_id, position, text, share_label, indicator_id, "
         "created_at, updated_at) VALUES (:s, :p, :t, :l, :i, :ca, :ua) RETURNING id",
      use(question.survey_id), use(question.position), use(question.text),
      use(question.share_label), use(indicator.value, indicator.indicator), use(created),
      use(updated), into(id);
  insert_options(sql, id, question.options);
  return id;
}

bool update_question(soci::session& sql, const Question& question) {
  Nullable<long long> indicator(question.indicator_id);
  const auto now = now_iso_utc();
  soci::statement st =
      (sql.prepare << "UPDATE survey_questions SET text = :t, share_label = :l, "
                      "indicator_id = :i, updated_at = :ua, row_version = row_version + 1 "
                      "WHERE id = :id AND survey_id = :s AND row_version = :rv",
       use(question.text), use(question.share_label), use(indicator.value, indicator.indicator),
       use(now), use(question.id), use(question.survey_id), use(question.row_version));
  st.execute(true);
  if (st.get_affected_rows() != 1) return false;
  sql << "DELETE FROM survey_options WHERE question_id = :q", use(question.id);
  insert_options(sql, question.id, question.options);
  const int count = static_cast<int>(question.options.size());
  sql << "DELETE FROM survey_answers WHERE option_position > :c AND result_id IN "
         "(SELECT id FROM survey_results WHERE question_id = :q)",
      use(count), use(question.id);
  return true;
}

std::vector<Question> questions(soci::session& sql, long long survey_id) {
  std::vector<Question> out;
  std::map<long long, std::size_t> index_of;
  {
    Question question;
    Nullable<long long> indicator;
    soci::statement st =
        (sql.prepare << "SELECT id, survey_id, position, text, share_label, indicator_id, "
                        "created_at, updated_at, row_version FROM survey_questions "
                        "WHERE survey_id = :s ORDER BY position, id",
         into(question.id), into(question.survey_id), into(question.position), into(question.text),
         into(question.share_label), into(indicator.value, indicator.indicator),
         into(question.created_at), into(question.updated_at), into(question.row_version),
         use(survey_id));
    st.execute();
    while (st.fetch()) {
      question.indicator_id = indicator.get();
      index_of[question.id] = out.size();
      out.push_back(question);
    }
  }
  long long question_id = 0;
  Option option;
  int in_share = 0;
  soci::statement st =
      (sql.prepare << "SELECT o.question_id, o.label, o.in_share FROM survey_options o "
                      "JOIN survey_questions q ON q.id = o.question_id WHERE q.survey_id = :s "
                      "ORDER BY o.question_id, o.position",
       into(question_id), into(option.label), into(in_share), use(survey_id));
  st.execute();
  while (st.fetch()) {
    option.in_share = in_share != 0;
    if (const auto found = index_of.find(question_id); found != index_of.end()) {
      out[found->second].options.push_back(option);
    }
  }
  return out;
}

void delete_question(soci::session& sql, long long survey_id, long long id) {
  const std::string of_question =
      "(SELECT id FROM survey_questions WHERE id = :id AND survey_id = :s)";
  sql << "DELETE FROM survey_answers WHERE result_id IN (SELECT id FROM survey_results "
         "WHERE question_id IN " +
             of_question + ")",
      use(id), use(survey_id);
  sql << "DELETE FROM survey_results WHERE question_id IN " + of_question, use(id), use(survey_id);
  sql << "DELETE FROM survey_options WHERE question_id IN " + of_question, use(id), use(survey_id);
  sql << "DELETE FROM survey_questions WHERE id = :id AND survey_id = :s", use(id), use(survey_id);
}

long long save_result(soci::session& sql, const Result& result) {
  const long long area_key = result.area_id.value_or(0);
  Nullable<long long> area(result.area_id);
  Nullable<int> respondents(result.respondents);
  Nullable<int> invited(result.invited);
  const auto updated = created_or_now(result.updated_at);
  long long id = 0;
  Nullable<long long> existing;
  sql << "SELECT id FROM survey_results WHERE wave_id = :w AND question_id = :q AND "
         "area_key = :a",
      use(result.wave_id), use(result.question_id), use(area_key),
      into(existing.value, existing.indicator);
  if (sql.got_data() && existing.get()) {
    id = existing.value;
    sql << "UPDATE survey_results SET respondents = :r, invited = :i, updated_at = :u "
           "WHERE id = :id",
        use(respondents.value, respondents.indicator), use(invited.value, invited.indicator),
        use(updated), use(id);
    sql << "DELETE FROM survey_answers WHERE result_id = :id", use(id);
  } else {
    sql << "INSERT INTO survey_results (wave_id, question_id, area_id, area_key, respondents, "
           "invited, updated_at) VALUES (:w, :q, :a, :k, :r, :i, :u) RETURNING id",
        use(result.wave_id), use(result.question_id), use(area.value, area.indicator),
        use(area_key), use(respondents.value, respondents.indicator),
        use(invited.value, invited.indicator), use(updated), into(id);
  }
  insert_answers(sql, id, result.percents);
  return id;
}

std::vector<Result> results(soci::session& sql, long long survey_id) {
  std::vector<Result> out;
  std::map<long long, std::size_t> index_of;
  {
    Result result;
    Nullable<long long> area;
    Nullable<int> respondents;
    Nullable<int> invited;
    soci::statement st =
        (sql.prepare << "SELECT r.id, r.wave_id, r.question_id, r.area_id, r.respondents, "
                        "r.invited, r.updated_at FROM survey_results r "
                        "JOIN survey_questions q ON q.id = r.question_id "
                        "WHERE q.survey_id = :s ORDER BY r.id",
         into(result.id), into(result.wave_id), into(result.question_id),
         into(area.value, area.indicator), into(respondents.value, respondents.indicator),
         into(invited.value, invited.indicator), into(result.updated_at), use(survey_id));
    st.execute();
    while (st.fetch()) {
      result.area_id = area.get();
      result.respondents = respondents.get();
      result.invited = invited.get();
      index_of[result.id] = out.size();
      out.push_back(result);
    }
  }
  long long result_id = 0;
  int position = 0;
  double percent = 0;
  soci::statement st =
      (sql.prepare << "SELECT a.result_id, a.option_position, a.percent FROM survey_answers a "
                      "JOIN survey_results r ON r.id = a.result_id "
                      "JOIN survey_questions q ON q.id = r.question_id WHERE q.survey_id = :s",
       into(result_id), into(position), into(percent), use(survey_id));
  st.execute();
  while (st.fetch()) {
    const auto found = index_of.find(result_id);
    if (found == index_of.end() || position < 1) continue;
    auto& percents = out[found->second].percents;
    if (percents.size() < static_cast<std::size_t>(position)) percents.resize(position);
    percents[position - 1] = percent;
  }
  return out;
}

void delete_result(soci::session& sql, long long survey_id, long long id) {
  const std::string of_survey =
      "(SELECT r.id FROM survey_results r JOIN survey_questions q ON q.id = r.question_id "
      "WHERE r.id = :id AND q.survey_id = :s)";
  sql << "DELETE FROM survey_answers WHERE result_id IN " + of_survey, use(id), use(survey_id);
  sql << "DELETE FROM survey_results WHERE id IN " + of_survey, use(id), use(survey_id);
}

std::map<long long, Counts> counts(soci::session& sql, long long workspace_id) {
  std::map<long long, Counts> out;
  long long survey_id = 0;
  long long count = 0;
  {
    soci::statement st =
        (sql.prepare << "SELECT w.survey_id, COUNT(*) FROM survey_waves w JOIN surveys s "
                        "ON s.id = w.survey_id WHERE s.workspace_id = :w GROUP BY w.survey_id",
         into(survey_id), into(count), use(workspace_id));
    st.execute();
    while (st.fetch()) out[survey_id].waves = count;
  }
  soci::statement st =
      (sql.prepare << "SELECT q.survey_id, COUNT(*) FROM survey_questions q JOIN surveys s "
                      "ON s.id = q.survey_id WHERE s.workspace_id = :w GROUP BY q.survey_id",
       into(survey_id), into(count), use(workspace_id));
  st.execute();
  while (st.fetch()) out[survey_id].questions = count;
  return out;
}

long long insert_staged_file(soci::session& sql, const StagedFile& staged) {
  long long id = 0;
  Nullable<long long> user(staged.user_id);
  const auto content = crypto::base64_encode(staged.content);
  sql << "INSERT INTO survey_imports (workspace_id, survey_id, user_id, file_name, "
         "content_base64, created_at) VALUES (:w, :s, :u, :f, :c, :t) RETURNING id",
      use(staged.workspace_id), use(staged.survey_id), use(user.value, user.indicator),
      use(staged.file_name), use(content), use(staged.created_at), into(id);
  return id;
}

std::optional<StagedFile> find_staged_file(soci::session& sql, long long workspace_id,
                                           long long id) {
  StagedFile staged;
  Nullable<long long> user;
  std::string content;
  sql << "SELECT id, workspace_id, survey_id, user_id, file_name, content_base64, created_at "
         "FROM survey_imports WHERE id = :id AND workspace_id = :w",
      into(staged.id), into(staged.workspace_id), into(staged.survey_id),
      into(user.value, user.indicator), into(staged.file_name), into(content),
      into(staged.created_at), use(id), use(workspace_id);
  if (!sql.got_data()) return std::nullopt;
  staged.user_id = user.get();
  staged.content = crypto::base64_decode(content).value_or(std::string());
  return staged;
}

void delete_staged_file(soci::session& sql, long long workspace_id, long long id) {
  sql << "DELETE FROM survey_imports WHERE id = :id AND workspace_id = :w", use(id),
      use(workspace_id);
}

void delete_staged_files_before(soci::session& sql, const std::string& before) {
  sql << "DELETE FROM survey_imports WHERE created_at < :t", use(before);
}

}  // namespace samtryg::surveys::store
