#include "core/i18n/language.hpp"

#include <charconv>

#include "core/util/strings.hpp"

namespace samtryg::i18n {

std::string_view code(Language language) {
  switch (language) {
    case Language::da:
      return "da";
    case Language::sv:
      return "sv";
    case Language::en:
      return "en";
  }
  return "da";
}

const std::vector<std::string>& language_codes() {
  static const std::vector<std::string> codes = [] {
    std::vector<std::string> list;
    list.reserve(kLanguages.size());
    for (const auto language : kLanguages) list.emplace_back(code(language));
    return list;
  }();
  return codes;
}

std::optional<Language> parse_language(std::string_view text) {
  const auto lower = to_lower_ascii(trim(text));
  if (lower == "da") return Language::da;
  if (lower == "sv") return Language::sv;
  if (lower == "en") return Language::en;
  return std::nullopt;
}

std::optional<Language> negotiate(std::string_view accept_language) {
  std::optional<Language> best;
  double best_quality = 0.0;
  for (auto item : split(accept_language, ',')) {
    auto parts = split(item, ';');
    auto tag = to_lower_ascii(trim(parts.front()));
    double quality = 1.0;
    for (std::size_t i = 1; i < parts.size(); ++i) {
      auto parameter = trim(parts[i]);
      if (parameter.starts_with("q=")) {
        parameter.remove_prefix(2);
        // from_chars for double is in libstdc++ 11+
        std::from_chars(parameter.data(), parameter.data() + parameter.size(), quality);
      }
    }
    const auto primary = std::string_view(tag).substr(0, tag.find('-'));
    std::optional<Language> language = parse_language(primary);
    if (!language && (primary == "nb" || primary == "nn" || primary == "no")) {
      language = Language::da;
    }
    if (language && quality > best_quality) {
      best = language;
      best_quality = quality;
    }
  }
  return best;
}

}  // namespace samtryg::i18n
