#pragma once
// UI text per language: core's catalog (src/core/i18n/messages/{da,sv,en}.json) and every
// feature's (src/features/*/messages/), embedded at build time and merged; a key is defined in
// one of them only. Templates read them as {{t_key}}; C++ reads them with text()/format().
#include <kainjow/mustache.hpp>

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/i18n/language.hpp"

namespace samtryg::i18n {

// Keys built at run time, which a module lists (module::Module::runtime_message_keys) so the
// catalog test knows them: each prefix with each of its codes ("status_" + "active"), and
// `plain` keys as they are.
using PrefixedCodes = std::pair<std::string_view, std::span<const std::string_view>>;
std::vector<std::string> runtime_keys(std::initializer_list<PrefixedCodes> prefixed,
                                      std::initializer_list<std::string_view> plain = {});

// The embedded catalog files of `language`, core's and every feature's.
std::vector<std::string_view> catalog_paths(Language language);

class Catalog {
 public:
  static const Catalog& get(Language language);

  Language language() const { return language_; }
  // The text for `key`; a missing key shows as the key itself so it is noticed, never crashes.
  std::string_view text(std::string_view key) const;
  // Replaces {name} placeholders: format("login_throttled", {{"minutes", "15"}}). A value
  // "t:key" is replaced by that key's text. A text with a plural ("{count, plural, one {# punkt}
  // other {# punkter}}") is an ICU MessageFormat pattern, its plain-number values numbers.
  using Values = std::vector<std::pair<std::string, std::string>>;
  std::string format(std::string_view key, const Values& values) const;

  // {"t_key": text, …, "lang": "da"} for templates; built once, shared by every render.
  const kainjow::mustache::data& template_data() const { return template_data_; }
  const std::unordered_map<std::string, std::string>& entries() const { return entries_; }

 private:
  explicit Catalog(Language language);
  Language language_;
  std::unordered_map<std::string, std::string> entries_;
  kainjow::mustache::data template_data_;
};

}  // namespace samtryg::i18n
