#include "features/surveys/model.hpp"

#include <algorithm>
#include <cmath>

#include "core/validation/fields.hpp"
#include "features/statistics/period.hpp"

namespace samtryg::surveys {

using validation::Errors;

namespace {

void check_count(Errors& errors, std::string_view field, const std::optional<int>& value) {
  if (value && (*value < 0 || *value > kMaxCount)) {
    errors.add(std::string(field), "survey_count_invalid", {{"max", std::to_string(kMaxCount)}});
  }
}

}  // namespace

Errors validate_survey(const Survey& survey) {
  Errors errors;
  validation::require(errors, "name", survey.name, kMaxName);
  validation::choice(errors, "kind", survey.kind, kKinds);
  validation::limit(errors, "publisher", survey.publisher, kMaxName);
  validation::limit(errors, "description", survey.description, kMaxText);
  return errors;
}

Errors validate_wave(const Wave& wave, std::string* canonical) {
  Errors errors;
  if (wave.period.empty()) {
    errors.add("period", "field_required");
  } else if (const auto period = stats::parse_period(wave.period); !period) {
    errors.add("period", "survey_period_invalid");
  } else if (canonical != nullptr) {
    *canonical = period->code();
  }
  validation::limit(errors, "fielded", wave.fielded, kMaxName);
  validation::limit(errors, "note", wave.note, kMaxText);
  return errors;
}

Errors validate_question(const Question& question) {
  Errors errors;
  validation::require(errors, "text", question.text, kMaxQuestion);
  validation::limit(errors, "share_label", question.share_label, kMaxName);
  if (question.options.size() < kMinOptions || question.options.size() > kMaxOptions) {
    errors.add("options", "survey_options_count",
               {{"min", std::to_string(kMinOptions)}, {"max", std::to_string(kMaxOptions)}});
  }
  for (std::size_t index = 0; index < question.options.size(); ++index) {
    validation::require(errors, "options[" + std::to_string(index) + "].label",
                        question.options[index].label, kMaxName);
  }
  // An indicator takes the share; without an answer in the share there is nothing to take.
  if (question.indicator_id && !has_share(question)) {
    errors.add("indicator_id", "survey_indicator_needs_share");
  }
  return errors;
}

Errors validate_result(const Question& question, const Result& result) {
  Errors errors;
  check_count(errors, "respondents", result.respondents);
  check_count(errors, "invited", result.invited);
  if (result.respondents && result.invited && *result.respondents > *result.invited) {
    errors.add("respondents", "survey_respondents_above_invited");
  }
  if (result.percents.size() > question.options.size()) {
    errors.add("percents", "survey_percents_too_many",
               {{"count", std::to_string(question.options.size())}});
  }
  double total = 0;
  for (std::size_t index = 0; index < result.percents.size(); ++index) {
    const auto& percent = result.percents[index];
    if (!percent) continue;
    if (!std::isfinite(*percent) || *percent < 0 || *percent > 100) {
      errors.add("percents[" + std::to_string(index) + "]", "survey_percent_invalid");
      continue;
    }
    total += *percent;
  }
  if (total > 100 + kRoundingSlack) errors.add("percents", "survey_percents_above_100");
  return errors;
}

std::optional<double> response_rate(const Result& result) {
  if (!result.respondents || !result.invited || *result.invited == 0) return std::nullopt;
  return 100.0 * *result.respondents / *result.invited;
}

bool has_share(const Question& question) {
  return std::any_of(question.options.begin(), question.options.end(),
                     [](const Option& option) { return option.in_share; });
}

std::optional<double> share(const Question& question, const Result& result) {
  if (!has_share(question)) return std::nullopt;
  double total = 0;
  for (std::size_t index = 0; index < question.options.size(); ++index) {
    if (!question.options[index].in_share) continue;
    if (index >= result.percents.size() || !result.percents[index]) return std::nullopt;
    total += *result.percents[index];
  }
  return std::min(total, 100.0);
}

std::optional<long long> answer_count(const Result& result, std::size_t index) {
  if (!result.respondents || index >= result.percents.size() || !result.percents[index]) {
    return std::nullopt;
  }
  return std::llround(*result.respondents * *result.percents[index] / 100.0);
}

int next_position(const std::vector<Question>& questions) {
  int last = 0;
  for (const auto& question : questions) last = std::max(last, question.position);
  return last + 1;
}

}  // namespace samtryg::surveys
