#include "core/i18n/catalog.hpp"

#include <fmt/format.h>
#include <unicode/msgfmt.h>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <charconv>
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

namespace {

// A value written in plain digits ("1", "-3") becomes a number, so that plural rules can choose
// by it; any other value (a formatted "1.234,5", a name) stays text.
icu::Formattable argument(const std::string& value) {
  std::int64_t number = 0;
  const auto* end = value.data() + value.size();
  const auto [stop, error] = std::from_chars(value.data(), end, number);
  if (!value.empty() && error == std::errc() && stop == end) return icu::Formattable(number);
  return icu::Formattable(icu::UnicodeString::fromUTF8(value));
}

// An ICU MessageFormat pattern ("{count, plural, one {# punkt} other {# punkter}}") with
// named arguments; a pattern ICU cannot read is shown as it is, never thrown.
std::string format_message(std::string_view pattern, const Catalog::Values& values,
                           Language language) {
  UErrorCode status = U_ZERO_ERROR;
  icu::MessageFormat message(icu::UnicodeString::fromUTF8(pattern),
                             icu::Locale(std::string(code(language)).c_str()), status);
  if (U_FAILURE(status)) return std::string(pattern);
  std::vector<icu::UnicodeString> names;
  std::vector<icu::Formattable> arguments;
  names.reserve(values.size());
  arguments.reserve(values.size());
  for (const auto& [name, value] : values) {
    names.push_back(icu::UnicodeString::fromUTF8(name));
    arguments.push_back(argument(value));
  }
  icu::UnicodeString result;
  message.format(names.data(), arguments.data(), static_cast<std::int32_t>(values.size()), result,
                 status);
  if (U_FAILURE(status)) return std::string(pattern);
  std::string out;
  result.toUTF8String(out);
  return out;
}

}  // namespace

std::string Catalog::format(std::string_view key, const Values& given) const {
  // A value "t:key" is itself a catalog text: a code shown in the reader's language.
  Values values = given;
  for (auto& [name, value] : values) {
    if (value.starts_with("t:")) value = std::string(text(std::string_view(value).substr(2)));
  }
  const auto pattern = text(key);
  if (pattern.find(", plural,") != std::string_view::npos) {
    return format_message(pattern, values, language_);
  }
  std::string out(pattern);
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
