#include "core/i18n/catalog.hpp"

#include <fmt/format.h>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <stdexcept>

#include "core/util/resources.hpp"

namespace samtryg::i18n {

std::vector<std::string> runtime_keys(std::initializer_list<PrefixedCodes> prefixed,
                                      std::initializer_list<std::string_view> plain) {
  std::vector<std::string> keys(plain.begin(), plain.end());
  for (const auto& [prefix, codes] : prefixed) {
    for (const auto item : codes) keys.push_back(std::string(prefix) + std::string(item));
  }
  return keys;
}

std::vector<std::string_view> catalog_paths(Language language) {
  const auto file = fmt::format("/messages/{}.json", code(language));
  std::vector<std::string_view> paths;
  for (const auto& resource : resources::all()) {
    if (resource.path.ends_with(file)) paths.push_back(resource.path);
  }
  return paths;
}

Catalog::Catalog(Language language) : language_(language) {
  // Core's catalog and every feature's: each feature keeps its texts beside its code.
  const auto paths = catalog_paths(language);
  if (paths.empty()) throw std::logic_error("no message catalog in the build");
  for (const auto path : paths) {
    const auto document = boost::json::parse(*resources::find(path));
    for (const auto& [key, value] : document.as_object()) {
      const std::string text(value.as_string());
      if (!entries_.emplace(std::string(key), text).second) {
        throw std::logic_error("message key \"" + std::string(key) + "\" is defined twice (" +
                               std::string(path) + ")");
      }
      // Flat "t_key" names: kainjow splits dotted names on every lookup, which is slow.
      template_data_.set("t_" + std::string(key), text);
    }
  }
  template_data_.set("lang", std::string(code(language)));
}

const Catalog& Catalog::get(Language language) {
  static const Catalog da(Language::da);
  static const Catalog sv(Language::sv);
  static const Catalog en(Language::en);
  switch (language) {
    case Language::da:
      return da;
    case Language::sv:
      return sv;
    case Language::en:
      return en;
  }
  return da;
}

std::string_view Catalog::text(std::string_view key) const {
  const auto found = entries_.find(std::string(key));
  return found == entries_.end() ? key : std::string_view(found->second);
}

std::string Catalog::format(std::string_view key, const Values& values) const {
  std::string out(text(key));
  for (const auto& [name, value] : values) {
    const auto placeholder = fmt::format("{{{}}}", name);
    for (auto at = out.find(placeholder); at != std::string::npos;
         at = out.find(placeholder, at + value.size())) {
      out.replace(at, placeholder.size(), value);
    }
  }
  return out;
}

}  // namespace samtryg::i18n
