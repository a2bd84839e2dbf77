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
  // The member `key` (marked as known) for the caller to read itself, or nullptr when absent.
  const boost::json::value* nested(std::string_view key) { return member(key); }
  // Calls `each(path, object)` for every item of the array member `key`, with the item's path
  // ("$.plans[2]"); reports a member that is not an array and items that are not objects.
  template <class Each>
  void objects(std::string_view key, Each&& each) {
    const auto* list = member(key);
    if (list == nullptr) return;
    if (!list->is_array()) {
      errors_.add(field(key), "json_expected_array");
      return;
    }
    std::size_t index = 0;
    for (const auto& item : list->get_array()) {
      auto item_path = field(key) + "[" + std::to_string(index++) + "]";
      if (!item.is_object()) {
        errors_.add(item_path, "json_expected_object");
        continue;
      }
      each(item_path, item.get_object());
    }
  }
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
