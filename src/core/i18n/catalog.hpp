#pragma once
// UI text per language, from the embedded message catalogs src/core/i18n/messages/*.json.
// Templates read them as {{t_key}}; C++ reads them with text()/format().
#include <kainjow/mustache.hpp>

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/i18n/language.hpp"

namespace samtryg::i18n {

class Catalog {
 public:
  static const Catalog& get(Language language);

  Language language() const { return language_; }
  // The text for `key`; a missing key shows as the key itself so it is noticed, never crashes.
  std::string_view text(std::string_view key) const;
  // Replaces {name} placeholders: format("login_throttled", {{"minutes", "15"}}).
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
