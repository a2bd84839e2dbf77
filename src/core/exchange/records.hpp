#pragma once
// The one way a section reads a list of records from the workspace document: every object of
// an array member is read into a Record, its unknown members refused, its id declared, its
// rules checked, its references to other records checked and its unique key not repeated; every
// problem is reported under the record's JSON path.
#include <boost/json/array.hpp>

#include <algorithm>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/exchange/section.hpp"

namespace samtryg::exchange {

template <class Record>
struct Reference {
  std::string_view member;  // "plan_id"
  std::string_view kind;    // "plan"
  std::function<std::optional<long long>(const Record&)> of;
};

template <class Record>
struct RecordRules {
  // The kind of id the records declare, with its id and, where later records need it, the
  // record it belongs to (a focus area's plan). Empty for records without ids of their own.
  std::string_view kind{};
  std::function<long long(const Record&)> id{};
  std::function<std::optional<long long>(const Record&)> owner{};
  // The record's own rules (the same validate_* the commands apply).
  std::function<validation::Errors(const Record&)> validate{};
  std::vector<Reference<Record>> references{};
  // Two records of the list with the same key are refused at `unique_member`; a record
  // without a key (nullopt) is not compared.
  std::function<std::optional<std::string>(const Record&)> unique{};
  std::string_view unique_member = "name";
  std::string_view unique_error = "name_taken";
};

// Reads the array member `key` of `parent`: `read(reader, record, path)` reads one record's
// members (and the lists it holds), then the rules are applied.
template <class Record, class Read>
std::vector<Record> read_records(Reading& in, json::Reader& parent, std::string_view key,
                                 const RecordRules<Record>& rules, Read&& read) {
  std::vector<Record> records;
  std::set<std::string> keys;
  parent.objects(key, [&](const std::string& path, const boost::json::object& item) {
    json::Reader reader(item, in.errors, path);
    Record record;
    read(reader, record, path);
    reader.reject_unknown();
    if (!rules.kind.empty()) {
      in.declare(path, rules.kind, rules.id(record),
                 rules.owner ? rules.owner(record) : std::nullopt);
    }
    if (rules.validate) in.add_all(path, rules.validate(record));
    for (const auto& reference : rules.references) {
      in.check_ref(path + "." + std::string(reference.member), reference.kind,
                   reference.of(record));
    }
    if (rules.unique) {
      const auto unique_key = rules.unique(record);
      if (unique_key && !keys.insert(*unique_key).second) {
        in.add(path + "." + std::string(rules.unique_member), std::string(rules.unique_error));
      }
    }
    records.push_back(std::move(record));
  });
  return records;
}

// Export: records in the order they were created.
template <class Record>
void sort_by_id(std::vector<Record>& records) {
  std::sort(records.begin(), records.end(),
            [](const Record& a, const Record& b) { return a.id < b.id; });
}

// Export: the records oldest first, each as `to_document(record)` with "id" set to its next
// document id of `ids` (numbered before to_document runs, so it may refer to itself).
template <class Record, class ToDocument>
boost::json::array numbered(std::vector<Record> records, LocalIds& ids, ToDocument&& to_document) {
  sort_by_id(records);
  boost::json::array list;
  for (const auto& record : records) {
    const auto id = ids.add(record.id);
    boost::json::object json = to_document(record);
    json["id"] = id;
    list.push_back(std::move(json));
  }
  return list;
}

// The JSON path of item `index` of a top-level list: "$.plans[2]".
inline std::string item_path(std::string_view list, std::size_t index) {
  return "$." + std::string(list) + "[" + std::to_string(index) + "]";
}

}  // namespace samtryg::exchange
