#include "features/dialogues/model.hpp"

#include <algorithm>
#include <tuple>

#include "core/util/strings.hpp"
#include "core/validation/fields.hpp"

namespace samtryg::dialogues {

using validation::Errors;

namespace {

void check_count(Errors& errors, std::string_view field, int value) {
  if (value < 0 || value > kMaxCount) {
    errors.add(std::string(field), "dialogue_count_invalid", {{"max", std::to_string(kMaxCount)}});
  }
}

}  // namespace

Errors validate_participants(const Participants& participants) {
  Errors errors;
  check_count(errors, "residents", participants.residents);
  check_count(errors, "young_people", participants.young_people);
  check_count(errors, "business_owners", participants.business_owners);
  check_count(errors, "police", participants.police);
  check_count(errors, "municipality", participants.municipality);
  check_count(errors, "others", participants.others);
  return errors;
}

Errors validate_dialogue(const Dialogue& dialogue) {
  Errors errors;
  validation::require(errors, "title", dialogue.title, kMaxTitle);
  validation::limit(errors, "place", dialogue.place, kMaxTitle);
  if (dialogue.held_on.empty()) {
    errors.add("held_on", "field_required");
  } else {
    validation::optional_date(errors, "held_on", dialogue.held_on);
  }
  validation::choice(errors, "format", dialogue.format, kFormats);
  validation::limit(errors, "partners", dialogue.partners, kMaxText);
  validation::limit(errors, "summary", dialogue.summary, kMaxText);
  errors.add_all(validate_participants(dialogue.participants));
  return errors;
}

Errors validate_theme(const Theme& theme) {
  Errors errors;
  validation::require(errors, "label", theme.label, kMaxTitle);
  validation::limit(errors, "summary", theme.summary, kMaxText);
  if (theme.mentions) check_count(errors, "mentions", *theme.mentions);
  if (theme.rank && (*theme.rank < 1 || *theme.rank > kMaxRank)) {
    errors.add("rank", "dialogue_theme_rank_invalid", {{"max", std::to_string(kMaxRank)}});
  }
  // A theme says how much it weighed; without either it cannot be weighed against the others
  // when a promise picks one to three problems.
  if (!theme.mentions && !theme.rank) errors.add("mentions", "dialogue_theme_needs_weight");
  return errors;
}

std::vector<std::string> partner_list(std::string_view partners) {
  std::vector<std::string> out;
  for (const auto line : split(partners, '\n')) {
    const auto cleaned = trim(line);
    if (!cleaned.empty()) out.emplace_back(cleaned);
  }
  return out;
}

std::vector<Theme> ordered(std::vector<Theme> themes) {
  const auto key = [](const Theme& theme) {
    return std::tuple(theme.rank.has_value() ? 0 : 1, theme.rank.value_or(0),
                      -theme.mentions.value_or(-1), theme.position, theme.id);
  };
  std::stable_sort(themes.begin(), themes.end(),
                   [&](const Theme& a, const Theme& b) { return key(a) < key(b); });
  return themes;
}

int next_position(const std::vector<Theme>& themes) {
  int highest = 0;
  for (const auto& theme : themes) highest = std::max(highest, theme.position);
  return highest + 1;
}

}  // namespace samtryg::dialogues
