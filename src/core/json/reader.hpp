#pragma once
// Reads the members of one JSON object into C++ fields, collecting every problem as a field
// error (wrong type, unknown member) instead of stopping at the first. Used by the JSON API
// (field names as given) and by workspace import (JSON paths such as "$.plans[2].name").
#include <boost/json/object.hpp>

#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "core/validation/validation.hpp"

namespace samtryg::json {

class Reader {
 public:
  // `path` prefixes field names in errors: "" gives "name", "$.plans[0]" gives
  // "$.plans[0].name".
  Reader(const boost::json::object& object, validation::Errors& errors, std::string path = {});

  // Each reads `key` when present (absent members leave `out` unchanged) and returns whether
  // it was present with the right type. null clears optionals.
  bool text(std::string_view key, std::string& out);
  bool integer(std::string_view key, long long& out);
  bool integer(std::string_view key, int& out);
  bool optional_integer(std::string_view key, std::optional<long long>& out);
  bool optional_integer(std::string_view key, std::optional<int>& out);
  bool number(std::string_view key, double& out);
  bool optional_number(std::string_view key, std::optional<double>& out);
  bool boolean(std::string_view key, bool& out);
  // Marks a member as known without reading it (the caller handles it, e.g. nested arrays).
  void known(std::string_view key);
  bool has(std::string_view key) const { return object_.contains(key); }
  // Reports every member nobody asked for.
  void reject_unknown();

  std::string field(std::string_view key) const;
  validation::Errors& errors() { return errors_; }

 private:
  const boost::json::value* member(std::string_view key);

  const boost::json::object& object_;
  validation::Errors& errors_;
  std::string path_;
  std::set<std::string, std::less<>> seen_;
};

}  // namespace samtryg::json
