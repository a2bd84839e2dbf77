#include "core/json/reader.hpp"

#include <limits>

namespace samtryg::json {

Reader::Reader(const boost::json::object& object, validation::Errors& errors, std::string path)
    : object_(object), errors_(errors), path_(std::move(path)) {}

std::string Reader::field(std::string_view key) const {
  if (path_.empty()) return std::string(key);
  return path_ + "." + std::string(key);
}

const boost::json::value* Reader::member(std::string_view key) {
  seen_.emplace(key);
  const auto found = object_.find(key);
  return found == object_.end() ? nullptr : &found->value();
}

void Reader::known(std::string_view key) {
  seen_.emplace(key);
}

bool Reader::text(std::string_view key, std::string& out) {
  const auto* value = member(key);
  if (value == nullptr) return false;
  if (!value->is_string()) {
    errors_.add(field(key), "json_expected_text");
    return false;
  }
  out.assign(value->get_string().data(), value->get_string().size());
  return true;
}

bool Reader::integer(std::string_view key, long long& out) {
  const auto* value = member(key);
  if (value == nullptr) return false;
  if (value->is_int64()) {
    out = value->get_int64();
    return true;
  }
  if (value->is_uint64() && value->get_uint64() <= std::numeric_limits<long long>::max()) {
    out = static_cast<long long>(value->get_uint64());
    return true;
  }
  errors_.add(field(key), "json_expected_integer");
  return false;
}

bool Reader::integer(std::string_view key, int& out) {
  long long wide = 0;
  if (!integer(key, wide)) return false;
  if (wide < std::numeric_limits<int>::min() || wide > std::numeric_limits<int>::max()) {
    errors_.add(field(key), "json_expected_integer");
    return false;
  }
  out = static_cast<int>(wide);
  return true;
}

bool Reader::optional_integer(std::string_view key, std::optional<long long>& out) {
  const auto* value = object_.if_contains(key);
  if (value != nullptr && value->is_null()) {
    seen_.emplace(key);
    out.reset();
    return true;
  }
  long long read = 0;
  if (!integer(key, read)) return false;
  out = read;
  return true;
}

bool Reader::optional_integer(std::string_view key, std::optional<int>& out) {
  const auto* value = object_.if_contains(key);
  if (value != nullptr && value->is_null()) {
    seen_.emplace(key);
    out.reset();
    return true;
  }
  int read = 0;
  if (!integer(key, read)) return false;
  out = read;
  return true;
}

bool Reader::number(std::string_view key, double& out) {
  const auto* value = member(key);
  if (value == nullptr) return false;
  if (!value->is_number()) {
    errors_.add(field(key), "json_expected_number");
    return false;
  }
  out = value->to_number<double>();
  return true;
}

bool Reader::optional_number(std::string_view key, std::optional<double>& out) {
  const auto* value = object_.if_contains(key);
  if (value != nullptr && value->is_null()) {
    seen_.emplace(key);
    out.reset();
    return true;
  }
  double read = 0;
  if (!number(key, read)) return false;
  out = read;
  return true;
}

bool Reader::boolean(std::string_view key, bool& out) {
  const auto* value = member(key);
  if (value == nullptr) return false;
  if (!value->is_bool()) {
    errors_.add(field(key), "json_expected_boolean");
    return false;
  }
  out = value->get_bool();
  return true;
}

void Reader::reject_unknown() {
  for (const auto& item : object_) {
    if (!seen_.contains(std::string_view(item.key()))) {
      errors_.add(field(item.key()), "json_unknown_member");
    }
  }
}

}  // namespace samtryg::json
