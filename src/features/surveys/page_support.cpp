#include "features/surveys/page_support.hpp"

#include "core/i18n/locale_format.hpp"
#include "core/util/strings.hpp"
#include "core/web/form_page.hpp"
#include "features/indicators/presentation.hpp"
#include "features/indicators/queries.hpp"

namespace samtryg::surveys {

std::string notice_text(const Context& context) {
  return web::notice_text(context, {"notice_saved", "notice_created", "notice_deleted",
                                    "notice_survey_wave_added", "notice_survey_question_added",
                                    "notice_survey_result_saved", "notice_survey_imported"});
}

std::string survey_path(long long id) {
  return "/surveys/" + std::to_string(id);
}

Survey stored_survey(const Context& context) {
  auto sql = context.services.database.session();
  return readable_survey(sql, context.actor(), context.path_id());
}

std::string period_text(const Context& context, const std::string& period) {
  return indicators::period_label(period, context.language);
}

std::string percent_text(const Context& context, std::optional<double> percent) {
  return percent ? i18n::format_percent(*percent, 1, context.language) : std::string("–");
}

std::optional<int> form_count(const std::string& text, std::string_view field,
                              validation::Errors& errors) {
  const auto trimmed = trim(text);
  if (trimmed.empty()) return std::nullopt;
  const auto value = parse_integer(trimmed);
  if (!value || *value < 0 || *value > kMaxCount) {
    errors.add(std::string(field), "survey_count_invalid", {{"max", std::to_string(kMaxCount)}});
    return std::nullopt;
  }
  return static_cast<int>(*value);
}

std::vector<web::Option> area_options(const Context& context, soci::session& sql) {
  std::vector<web::Option> options{{"", context.text("survey_whole_population")}};
  auto areas = indicators::areas(sql, context.actor());
  i18n::sort_by_name(areas, context.language, [](const auto& area) { return area.name; });
  for (const auto& area : areas) options.push_back({std::to_string(area.id), area.name});
  return options;
}

std::string area_name(const Context& context, soci::session& sql,
                      const std::optional<long long>& area_id) {
  if (!area_id) return context.text("survey_whole_population");
  const auto names = indicators::area_names(sql, context.actor());
  const auto found = names.find(*area_id);
  return found == names.end() ? std::string() : found->second;
}

}  // namespace samtryg::surveys
