#pragma once
// Every SQL statement of the surveys feature. Functions take a borrowed session, so the caller
// decides the transaction; surveys are looked up within a workspace, everything else through
// its survey.
#include <soci/soci.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "features/surveys/model.hpp"

namespace samtryg::surveys::store {

long long insert_survey(soci::session& sql, const Survey& survey);
// False when the stored row_version differs.
bool update_survey(soci::session& sql, const Survey& survey);
std::optional<Survey> find_survey(soci::session& sql, long long workspace_id, long long id);
std::vector<Survey> surveys(soci::session& sql, long long workspace_id);
// With its waves, questions, results and staged imports.
void delete_survey(soci::session& sql, long long workspace_id, long long id);

long long insert_wave(soci::session& sql, const Wave& wave);
// In period order.
std::vector<Wave> waves(soci::session& sql, long long survey_id);
// Its period, when it was asked and its note.
void update_wave(soci::session& sql, const Wave& wave);
// With its results.
void delete_wave(soci::session& sql, long long survey_id, long long id);

// With its options.
long long insert_question(soci::session& sql, const Question& question);
// Replaces the options; answers to options no longer there go. False on a stale row_version.
bool update_question(soci::session& sql, const Question& question);
// In their order, with their options.
std::vector<Question> questions(soci::session& sql, long long survey_id);
// With its results.
void delete_question(soci::session& sql, long long survey_id, long long id);

// A result for the same wave, question and area replaces the one there; returns its id.
long long save_result(soci::session& sql, const Result& result);
// Every result of the survey, with its answers.
std::vector<Result> results(soci::session& sql, long long survey_id);
void delete_result(soci::session& sql, long long survey_id, long long id);

// How many waves and questions each of the workspace's surveys has, by survey id.
struct Counts {
  long long waves = 0;
  long long questions = 0;
};
std::map<long long, Counts> counts(soci::session& sql, long long workspace_id);

struct StagedFile {
  long long id = 0;
  long long workspace_id = 0;
  long long survey_id = 0;
  std::optional<long long> user_id;
  std::string file_name;
  std::string content;
  std::string created_at;
};
long long insert_staged_file(soci::session& sql, const StagedFile& staged);
std::optional<StagedFile> find_staged_file(soci::session& sql, long long workspace_id,
                                           long long id);
void delete_staged_file(soci::session& sql, long long workspace_id, long long id);
void delete_staged_files_before(soci::session& sql, const std::string& before);

}  // namespace samtryg::surveys::store
