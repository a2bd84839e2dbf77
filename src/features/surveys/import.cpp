#include "features/surveys/import.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "core/util/strings.hpp"
#include "features/statistics/period.hpp"

namespace samtryg::surveys {

namespace {

using validation::Errors;

std::size_t dimension_index(const stats::Table& table, std::string_view id) {
  for (std::size_t index = 0; index < table.dimensions.size(); ++index) {
    if (table.dimensions[index].id == id) return index;
  }
  return table.dimensions.size();
}

using stats::category_position;

// The option a category names, by label or code (case-insensitive).
std::optional<std::size_t> option_of(const Question& question, const stats::Category& category) {
  for (std::size_t i = 0; i < question.options.size(); ++i) {
    const auto& label = question.options[i].label;
    if (iequals_ascii(label, category.label) || iequals_ascii(label, category.code)) return i;
  }
  return std::nullopt;
}

std::optional<long long> area_of(const stats::Category& category,
                                 const std::vector<AreaName>& areas) {
  for (const auto& area : areas) {
    if (!area.code.empty() && area.code == category.code) return area.id;
  }
  for (const auto& area : areas) {
    if (iequals_ascii(area.name, category.label) || iequals_ascii(area.name, category.code)) {
      return area.id;
    }
  }
  return std::nullopt;
}

std::string named(const stats::Category& category) {
  return category.label == category.code || category.label.empty()
             ? category.code
             : category.code + " (" + category.label + ")";
}

std::size_t matching_options(const stats::Dimension& dim, const Question& question) {
  return static_cast<std::size_t>(std::count_if(
      dim.categories.begin(), dim.categories.end(),
      [&](const stats::Category& category) { return option_of(question, category).has_value(); }));
}

// A category that names the number who answered, in the three languages and as offices
// abbreviate it.
bool is_respondents_label(std::string_view text) {
  static constexpr std::string_view kNames[] = {
      "antal svarande",    "antal svar",      "svarande",
      "antal besvarelser", "besvarelser",     "respondenter",
      "respondents",       "respondents (n)", "n",
      "antal respondenter"};
  return std::any_of(std::begin(kNames), std::end(kNames),
                     [&](std::string_view name) { return iequals_ascii(text, name); });
}

bool is_free(const ImportMapping& mapping, std::string_view id) {
  return id != mapping.time_dimension && id != mapping.area_dimension &&
         id != mapping.answer_dimension;
}

}  // namespace

void check_mapping(const stats::Table& table, const ImportMapping& mapping,
                   const Question& question) {
  Errors errors;
  const auto* time = stats::find_dimension(table, mapping.time_dimension);
  const auto* answers = stats::find_dimension(table, mapping.answer_dimension);
  if (time == nullptr) errors.add("time", "import_dimension_unknown");
  if (answers == nullptr) {
    errors.add("answers", "import_dimension_unknown");
  } else if (mapping.answer_dimension == mapping.time_dimension) {
    errors.add("answers", "survey_import_same_dimension");
  } else if (matching_options(*answers, question) == 0) {
    errors.add("answers", "survey_import_no_option");
  }
  if (!mapping.area_dimension.empty()) {
    if (stats::find_dimension(table, mapping.area_dimension) == nullptr) {
      errors.add("area", "import_dimension_unknown");
    } else if (mapping.area_dimension == mapping.time_dimension ||
               mapping.area_dimension == mapping.answer_dimension) {
      errors.add("area", "survey_import_same_dimension");
    }
  }
  if (answers != nullptr && !mapping.respondents_category.empty() &&
      !category_position(*answers, mapping.respondents_category)) {
    errors.add("respondents", "import_dimension_unknown");
  }
  for (const auto& dim : table.dimensions) {
    if (!is_free(mapping, dim.id)) continue;
    const auto chosen = mapping.where.find(dim.id);
    if (chosen != mapping.where.end() && category_position(dim, chosen->second)) continue;
    if (chosen == mapping.where.end() && dim.categories.size() == 1) continue;
    errors.add("where." + dim.id, "import_choose_category", {{"dimension", dim.label}});
  }
  validation::throw_if_any(errors);
}

ImportMapping guess_mapping(const stats::Table& table, const Question& question) {
  ImportMapping mapping;
  std::size_t best = 0;
  for (const auto& dim : table.dimensions) {
    if (dim.role == stats::DimensionRole::time && mapping.time_dimension.empty()) {
      mapping.time_dimension = dim.id;
    } else if (dim.role == stats::DimensionRole::geo && mapping.area_dimension.empty()) {
      mapping.area_dimension = dim.id;
    } else if (const auto matches = matching_options(dim, question); matches > best) {
      best = matches;
      mapping.answer_dimension = dim.id;
    }
  }
  for (const auto& dim : table.dimensions) {
    if (dim.id != mapping.answer_dimension) continue;
    for (const auto& category : dim.categories) {
      if (is_respondents_label(category.label) || is_respondents_label(category.code)) {
        mapping.respondents_category = category.code;
      }
    }
  }
  if (mapping.time_dimension.empty()) {
    for (const auto& dim : table.dimensions) {
      const bool periods = !dim.categories.empty() &&
                           std::all_of(dim.categories.begin(), dim.categories.end(),
                                       [&](const stats::Category& category) {
                                         return stats::parse_period(category.code).has_value();
                                       });
      if (periods && dim.id != mapping.answer_dimension) {
        mapping.time_dimension = dim.id;
        break;
      }
    }
  }
  return mapping;
}

namespace {

// Walks the cells the mapping selects: for each period and area, one result with a figure per
// answer category.
class PreviewBuilder {
 public:
  PreviewBuilder(const stats::Table& table, const ImportMapping& mapping, const Question& question,
                 const std::vector<AreaName>& areas)
      : table_(table),
        mapping_(mapping),
        question_(question),
        areas_(areas),
        time_(dimension_index(table, mapping.time_dimension)),
        area_(dimension_index(table, mapping.area_dimension)),
        answers_(dimension_index(table, mapping.answer_dimension)),
        positions_(table.dimensions.size(), 0) {
    for (std::size_t d = 0; d < table.dimensions.size(); ++d) {
      const auto found = mapping.where.find(table.dimensions[d].id);
      if (found == mapping.where.end()) continue;
      positions_[d] = category_position(table.dimensions[d], found->second).value_or(0);
    }
  }

  ImportPreview build(const std::vector<std::string>& known_periods) {
    const auto& time = table_.dimensions[time_];
    note_unknown_answers();
    for (std::size_t t = 0; t < time.categories.size(); ++t) {
      const auto parsed = stats::parse_period(time.categories[t].code, time.time_unit);
      if (!parsed) {
        out_.unknown_periods.push_back(named(time.categories[t]));
        continue;
      }
      positions_[time_] = t;
      add_period(time.categories[t], parsed->code(), known_periods);
    }
    out_.new_periods.assign(new_periods_.begin(), new_periods_.end());
    return std::move(out_);
  }

 private:
  // One period's results, an area at a time (or the whole population's).
  void add_period(const stats::Category& category, const std::string& period,
                  const std::vector<std::string>& known_periods) {
    const bool has_area = area_ < table_.dimensions.size();
    const std::size_t area_count = has_area ? table_.dimensions[area_].categories.size() : 1;
    for (std::size_t a = 0; a < area_count; ++a) {
      PreviewResult result;
      result.period = period;
      if (has_area) {
        positions_[area_] = a;
        const auto& area = table_.dimensions[area_].categories[a];
        result.area_id = area_of(area, areas_);
        result.area_label = area.label.empty() ? area.code : area.label;
        if (!result.area_id) {
          note_once(out_.unknown_areas, named(area));
          continue;
        }
      }
      if (!fill(result, category) || refused(result, category)) continue;
      if (std::find(known_periods.begin(), known_periods.end(), period) == known_periods.end()) {
        new_periods_.insert(period);
      }
      out_.results.push_back(std::move(result));
    }
  }

  static void note_once(std::vector<std::string>& list, const std::string& text) {
    if (std::find(list.begin(), list.end(), text) == list.end()) list.push_back(text);
  }

  void note_unknown_answers() {
    for (const auto& category : table_.dimensions[answers_].categories) {
      if (category.code == mapping_.respondents_category) continue;
      if (!option_of(question_, category)) out_.unknown_answers.push_back(named(category));
    }
  }

  // A result the rules refuse is listed, not stored: one bad row does not stop the rest.
  bool refused(const PreviewResult& item, const stats::Category& period) {
    Result result;
    result.respondents = item.respondents;
    result.percents = item.percents;
    const auto errors = validate_result(question_, result);
    if (errors.empty()) return false;
    out_.refused.push_back({period.code + (item.area_label.empty() ? "" : " · " + item.area_label),
                            errors.items().front()});
    return true;
  }

  // The answers of one period and area; false when the table gives none of them.
  bool fill(PreviewResult& result, const stats::Category& period) {
    result.percents.assign(question_.options.size(), std::nullopt);
    bool any = false;
    const auto& answers = table_.dimensions[answers_].categories;
    for (std::size_t c = 0; c < answers.size(); ++c) {
      positions_[answers_] = c;
      const auto cell = table_.cell_index(positions_);
      const double value = cell < table_.values.size() ? table_.values[cell] : NAN;
      const bool is_respondents = answers[c].code == mapping_.respondents_category;
      const auto option = is_respondents ? std::nullopt : option_of(question_, answers[c]);
      if (!is_respondents && !option) continue;
      if (std::isnan(value)) {
        const auto symbol = table_.status.find(cell);
        out_.missing_cells.push_back(
            period.code + (result.area_label.empty() ? "" : " · " + result.area_label) + " · " +
            (answers[c].label.empty() ? answers[c].code : answers[c].label) + ": " +
            (symbol == table_.status.end() ? ".." : symbol->second));
        continue;
      }
      any = true;
      if (is_respondents) {
        result.respondents = static_cast<int>(std::llround(value));
      } else {
        result.percents[*option] = value;
      }
    }
    return any;
  }

  const stats::Table& table_;
  const ImportMapping& mapping_;
  const Question& question_;
  const std::vector<AreaName>& areas_;
  std::size_t time_;
  std::size_t area_;
  std::size_t answers_;
  std::vector<std::size_t> positions_;
  std::set<std::string> new_periods_;
  ImportPreview out_;
};

}  // namespace

ImportPreview preview(const stats::Table& table, const ImportMapping& mapping,
                      const Question& question, const std::vector<AreaName>& areas,
                      const std::vector<std::string>& known_periods) {
  check_mapping(table, mapping, question);
  return PreviewBuilder(table, mapping, question, areas).build(known_periods);
}

}  // namespace samtryg::surveys
