#pragma once
// Field-level validation results shared by every feature: a command either succeeds whole or
// throws Invalid with every problem found, each tied to the field at fault and a catalog key.
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace samtryg::validation {

struct FieldError {
  std::string field;        // form field / JSON member name
  std::string message_key;  // catalog key, e.g. "users_email_invalid"
  std::vector<std::pair<std::string, std::string>> values;  // {placeholder, value}
};

class Errors {
 public:
  void add(std::string field, std::string message_key,
           std::vector<std::pair<std::string, std::string>> values = {}) {
    items_.push_back(FieldError{std::move(field), std::move(message_key), std::move(values)});
  }
  // Every error of `other`, each field name after `prefix` ("status_history[0]." + "status").
  void add_all(const Errors& other, std::string_view prefix = {}) {
    for (const auto& item : other.items_) {
      items_.push_back(FieldError{std::string(prefix) + item.field, item.message_key, item.values});
    }
  }
  bool empty() const { return items_.empty(); }
  const std::vector<FieldError>& items() const { return items_; }
  const FieldError* for_field(std::string_view field) const {
    for (const auto& item : items_) {
      if (item.field == field) return &item;
    }
    return nullptr;
  }

 private:
  std::vector<FieldError> items_;
};

struct Invalid : std::runtime_error {
  explicit Invalid(Errors errs)
      : std::runtime_error("validation failed"), errors(std::move(errs)) {}
  Errors errors;
};

// The record does not exist in the caller's workspace (404; never "exists elsewhere").
struct NotFound : std::runtime_error {
  NotFound() : std::runtime_error("not found") {}
};

// The caller may read the record but not change it (403).
struct Forbidden : std::runtime_error {
  Forbidden() : std::runtime_error("forbidden") {}
};

// Someone else saved the record since the caller loaded it (409): the optimistic version
// check refused to overwrite their change.
struct Conflict : std::runtime_error {
  Conflict() : std::runtime_error("edit conflict") {}
};

inline void throw_if_any(const Errors& errors) {
  if (!errors.empty()) throw Invalid(errors);
}

// Length in Unicode code points of UTF-8 text (what a person counts as characters).
std::size_t utf8_length(std::string_view text);
// Whether `text` is well-formed UTF-8 (no stray continuation bytes, no overlong forms).
bool valid_utf8(std::string_view text);

}  // namespace samtryg::validation
