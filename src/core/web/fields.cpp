#include "core/web/fields.hpp"

#include <algorithm>

#include "core/util/crypto.hpp"
#include "core/util/strings.hpp"

namespace samtryg::web {

std::string error_message(const validation::FieldError& error, const i18n::Catalog& catalog) {
  return catalog.format(error.message_key, error.values);
}

namespace {

// The ids that describe the field to assistive technology: its hint and its error.
std::string described_by(const Field& field, bool has_error) {
  std::string described;
  if (!field.hint.empty()) described = field.name + "-hint";
  if (has_error) described += (described.empty() ? "" : " ") + field.name + "-error";
  return described;
}

// What kind of control the partial draws.
void set_control(view::Data& item, const Field& field) {
  using Kind = Field::Kind;
  const bool input = field.kind == Kind::text || field.kind == Kind::date ||
                     field.kind == Kind::number || field.kind == Kind::url ||
                     field.kind == Kind::file;
  item.set("input", view::flag(input));
  item.set("input_type", field.kind == Kind::date     ? "date"
                         : field.kind == Kind::number ? "number"
                         : field.kind == Kind::url    ? "url"
                         : field.kind == Kind::file   ? "file"
                                                      : "text");
  item.set("textarea", view::flag(field.kind == Kind::textarea || field.kind == Kind::markdown));
  item.set("markdown", view::flag(field.kind == Kind::markdown));
  item.set("checkbox", view::flag(field.kind == Kind::checkbox));
  item.set("checked", view::flag(field.kind == Kind::checkbox && field.value == "1"));
  item.set("select", view::flag(field.kind == Kind::select));
  item.set("options", option_list(field.options, field.value));
}

}  // namespace

view::Data fields_data(const std::vector<Field>& fields, const validation::Errors& errors,
                       const i18n::Catalog& catalog) {
  auto list = view::list();
  for (const auto& field : fields) {
    view::Data item;
    item.set("name", field.name);
    item.set("label", field.label);
    item.set("value", field.value);
    item.set("required", view::flag(field.required));
    item.set("hint", field.hint);
    item.set("has_hint", view::flag(!field.hint.empty()));
    item.set("rows", std::to_string(field.rows));
    const auto* error = errors.for_field(field.name);
    item.set("has_error", view::flag(error != nullptr));
    item.set("error", error != nullptr ? error_message(*error, catalog) : std::string());
    const auto described = described_by(field, error != nullptr);
    item.set("described", described);
    item.set("has_described", view::flag(!described.empty()));
    set_control(item, field);
    item.set("theirs", view::text(field.theirs));
    list.push_back(item);
  }
  return list;
}

namespace {

// A value's fingerprint; line ends and outer spaces aside, as browsers send text boxes back.
std::string fingerprint(std::string_view value) {
  std::string plain;
  for (const char c : trim(value)) {
    if (c != '\r') plain.push_back(c);
  }
  return crypto::sha256_hex(plain).substr(0, 12);
}

std::string seen_fingerprint(std::string_view seen, std::string_view name) {
  for (const auto part : split(seen, ';')) {
    const auto equals = part.find('=');
    if (equals != std::string_view::npos && part.substr(0, equals) == name) {
      return std::string(part.substr(equals + 1));
    }
  }
  return {};
}

std::string words_of(const Field& saved, const i18n::Catalog& catalog) {
  if (saved.kind == Field::Kind::checkbox) {
    return std::string(
        catalog.text(saved.value.empty() ? "conflict_theirs_no" : "conflict_theirs_yes"));
  }
  std::string words = saved.value;
  if (saved.kind == Field::Kind::select) {
    for (const auto& option : saved.options) {
      if (option.code == saved.value) words = option.label;
    }
  }
  return words.empty() ? std::string(catalog.text("conflict_theirs_empty")) : words;
}

}  // namespace

std::string seen_values(const std::vector<Field>& fields) {
  std::string seen;
  for (const auto& field : fields) {
    if (field.kind == Field::Kind::file) continue;
    seen += (seen.empty() ? "" : ";") + field.name + "=" + fingerprint(field.value);
  }
  return seen;
}

void merge_theirs(std::vector<Field>& mine, const std::vector<Field>& theirs, std::string_view seen,
                  const i18n::Catalog& catalog) {
  for (auto& field : mine) {
    const auto saved = std::find_if(theirs.begin(), theirs.end(),
                                    [&](const Field& other) { return other.name == field.name; });
    if (saved == theirs.end() || fingerprint(saved->value) == fingerprint(field.value)) continue;
    const auto opened = seen_fingerprint(seen, field.name);
    if (!opened.empty() && fingerprint(field.value) == opened) {
      field.value = saved->value;  // only they changed it
      continue;
    }
    if (!opened.empty() && fingerprint(saved->value) == opened) continue;  // only this person
    field.theirs = words_of(*saved, catalog);
  }
}

std::vector<Option> coded_options(std::span<const std::string_view> codes, std::string_view prefix,
                                  const i18n::Catalog& catalog, bool with_empty) {
  std::vector<Option> options;
  options.reserve(codes.size() + 1);
  if (with_empty) options.push_back({"", std::string(catalog.text("choice_none"))});
  for (const auto code : codes) {
    options.push_back(
        {std::string(code), std::string(catalog.text(std::string(prefix) + std::string(code)))});
  }
  return options;
}

view::Data option_list(const std::vector<Option>& options, std::string_view selected) {
  auto list = view::list();
  for (const auto& option : options) {
    view::Data item;
    item.set("code", option.code);
    item.set("label", option.label);
    item.set("selected", view::flag(option.code == selected));
    list.push_back(item);
  }
  return list;
}

std::optional<long long> optional_number(const std::string& text, std::string_view field,
                                         validation::Errors& errors) {
  if (text.empty()) return std::nullopt;
  const auto value = parse_integer(text);
  if (!value) errors.add(std::string(field), "number_invalid");
  return value;
}

}  // namespace samtryg::web
