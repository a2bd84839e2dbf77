#pragma once
// Use cases of surveys, shared by the pages, the JSON API, the import and the demo: check rights
// → validate everything → one transaction (store + audit). Failures: validation::Invalid (field
// errors), NotFound, Forbidden, Conflict.
//
// Coordinators and admins keep surveys: the figures are reported in the partnership's name.
// A question linked to an indicator passes its share on as that indicator's value for the
// wave's period and the result's area, in the same transaction; when the indicator refuses it
// (the period does not fit its frequency), nothing is saved and the error says so.
#include <string>
#include <vector>

#include "core/db/database.hpp"
#include "features/surveys/import.hpp"
#include "features/surveys/queries.hpp"

namespace samtryg::surveys {

long long create_survey(db::Database& database, const Actor& actor, Survey survey);
void update_survey(db::Database& database, const Actor& actor, Survey survey);
// With everything it holds.
void delete_survey(db::Database& database, const Actor& actor, long long id);

// The period is stored in its canonical form; a second wave of the same period is refused.
long long add_wave(db::Database& database, const Actor& actor, long long survey_id, Wave wave);
// A wave's period, when it was asked, its note; the period stays unique within the survey.
void update_wave(db::Database& database, const Actor& actor, long long survey_id, Wave wave);
// With its results.
void delete_wave(db::Database& database, const Actor& actor, long long survey_id,
                 long long wave_id);

long long add_question(db::Database& database, const Actor& actor, long long survey_id,
                       Question question);
// Linking an indicator passes every result's share on to it.
void update_question(db::Database& database, const Actor& actor, long long survey_id,
                     Question question);
// With its results.
void delete_question(db::Database& database, const Actor& actor, long long survey_id,
                     long long question_id);

// A result for the same wave, question and area replaces the one there.
long long save_result(db::Database& database, const Actor& actor, long long survey_id,
                      Result result);
void delete_result(db::Database& database, const Actor& actor, long long survey_id,
                   long long result_id);

// The import keeps an uploaded table while the coordinator maps it; files nobody confirmed
// are dropped two days later, on the next upload.
long long stage_file(db::Database& database, const Actor& actor, long long survey_id,
                     const std::string& file_name, const std::string& content);
struct StagedTable {
  long long id = 0;
  long long survey_id = 0;
  std::string file_name;
  std::string content;
};
StagedTable staged_file(db::Database& database, const Actor& actor, long long survey_id,
                        long long id);

struct ImportOutcome {
  int results = 0;
  int waves_created = 0;
};
// Stores the preview's results for `question_id` in one transaction (all or nothing), adding
// the waves it names that the survey lacks, and drops the staged file.
ImportOutcome import_results(db::Database& database, const Actor& actor, long long survey_id,
                             long long question_id, const ImportPreview& preview,
                             long long staged_id = 0);

}  // namespace samtryg::surveys
