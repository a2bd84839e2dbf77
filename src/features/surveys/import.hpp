#pragma once
// Survey results from a statistics table (PX, JSON-stat, CSV, read by the statistics feature's
// readers): a mapping says which dimension holds the waves (periods), which the areas, and which
// the answers (its categories matched to the question's options by label, or the respondents'
// count); every other dimension is fixed to one category. The preview lists what would be
// stored and what would not (unknown periods, areas, answers, missing cells); nothing is written
// until the coordinator confirms it. No I/O.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "features/statistics/table.hpp"
#include "features/surveys/model.hpp"

namespace samtryg::surveys {

struct ImportMapping {
  std::string time_dimension;
  std::string area_dimension;  // empty: the whole population asked
  std::string answer_dimension;
  // The answer category holding the number who answered, if the table has one.
  std::string respondents_category;
  std::map<std::string, std::string> where;  // other dimension id → category code
};

// An area a table's category can name: by its statistics code or its name.
struct AreaName {
  long long id = 0;
  std::string name;
  std::string code;
};

struct PreviewResult {
  std::string period;  // canonical
  std::optional<long long> area_id;
  std::string area_label;
  std::optional<int> respondents;
  std::vector<std::optional<double>> percents;  // per option of the question
};

struct ImportPreview {
  std::vector<PreviewResult> results;
  std::vector<std::string> new_periods;      // waves the import adds
  std::vector<std::string> unknown_periods;  // categories that read as no period
  std::vector<std::string> unknown_areas;    // categories with no area
  std::vector<std::string> unknown_answers;  // categories matching no option
  std::vector<std::string> missing_cells;    // "2016 · Centrum · Mycket trygg: .."
  // Results the rules refuse (shares above 100 % …): where, and the first rule's message key.
  struct Refused {
    std::string where;  // "2016 · Centrum"
    validation::FieldError error;
  };
  std::vector<Refused> refused;
};

// Dimensions exist and differ, every other dimension is fixed to one of its categories, and at
// least one answer category matches an option; validation::Invalid names the field at fault.
void check_mapping(const stats::Table& table, const ImportMapping& mapping,
                   const Question& question);
// A first guess for the form: the time and geographic roles, the other dimension whose
// categories match most options, and among its categories the number who answered
// ("Antal svarande", "Respondents" …).
ImportMapping guess_mapping(const stats::Table& table, const Question& question);
// `known_periods` are the survey's waves (canonical periods).
ImportPreview preview(const stats::Table& table, const ImportMapping& mapping,
                      const Question& question, const std::vector<AreaName>& areas,
                      const std::vector<std::string>& known_periods);

}  // namespace samtryg::surveys
