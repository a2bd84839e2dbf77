#include "features/dialogues/page_support.hpp"

#include "core/util/strings.hpp"
#include "core/web/form_page.hpp"

namespace samtryg::dialogues {

std::string notice_text(const Context& context) {
  return web::notice_text(
      context, {"notice_saved", "notice_created", "notice_deleted", "notice_dialogue_theme_added"});
}

std::string dialogue_path(long long id) {
  return "/dialogues/" + std::to_string(id);
}

std::optional<int> form_count(const std::string& text, std::string_view field,
                              validation::Errors& errors) {
  const auto trimmed = trim(text);
  if (trimmed.empty()) return std::nullopt;
  const auto value = parse_integer(trimmed);
  if (!value || *value < 0 || *value > kMaxCount) {
    errors.add(std::string(field), "dialogue_count_invalid", {{"max", std::to_string(kMaxCount)}});
    return std::nullopt;
  }
  return static_cast<int>(*value);
}

std::vector<web::Field> theme_fields(const Context& context, const Theme& theme,
                                     const TypedWeight& typed) {
  return {
      {.name = "label",
       .label = context.text("dialogue_theme_label"),
       .value = theme.label,
       .required = true,
       .hint = context.text("dialogue_theme_label_hint")},
      {.name = "mentions",
       .label = context.text("dialogue_theme_mentions"),
       .value = typed.mentions,
       .kind = Kind::number,
       .hint = context.text("dialogue_theme_weight_hint")},
      {.name = "rank",
       .label = context.text("dialogue_theme_rank"),
       .value = typed.rank,
       .kind = Kind::number},
      {.name = "summary",
       .label = context.text("dialogue_theme_summary"),
       .value = theme.summary,
       .kind = Kind::textarea,
       .hint = context.text("dialogue_theme_summary_hint"),
       .rows = 3},
  };
}

TypedWeight typed_weight(const Theme& theme) {
  return {theme.mentions ? std::to_string(*theme.mentions) : std::string(),
          theme.rank ? std::to_string(*theme.rank) : std::string()};
}

}  // namespace samtryg::dialogues
