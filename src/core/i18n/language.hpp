#pragma once
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace samtryg::i18n {

enum class Language { da, sv, en };
inline constexpr std::array kLanguages{Language::da, Language::sv, Language::en};

std::string_view code(Language language);
// {"da", "sv", "en"}
const std::vector<std::string>& language_codes();
std::optional<Language> parse_language(std::string_view code);

// Picks the best of da/sv/en from an Accept-Language header ("sv-SE,sv;q=0.9,en;q=0.8").
// Norwegian (nb/nn/no) reads Danish most easily.
std::optional<Language> negotiate(std::string_view accept_language);

}  // namespace samtryg::i18n
