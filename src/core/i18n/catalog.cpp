#include "core/i18n/catalog.hpp"

#include <fmt/format.h>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <stdexcept>

#include "core/util/resources.hpp"

namespace samtryg::i18n {

Catalog::Catalog(Language language) : language_(language) {
  const auto path = fmt::format("src/core/i18n/messages/{}.json", code(language));
  const auto bytes = resources::find(path);
  if (!bytes) throw std::logic_error("message catalog missing from the build: " + path);
  const auto document = boost::json::parse(*bytes);
  for (const auto& [key, value] : document.as_object()) {
    const std::string text(value.as_string());
    entries_.emplace(std::string(key), text);
    // Flat "t_key" names: kainjow splits dotted names on every lookup, which is slow.
    template_data_.set("t_" + std::string(key), text);
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
