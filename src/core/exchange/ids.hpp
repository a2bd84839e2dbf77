#pragma once
// Ids in the workspace document are its own: 1, 2, 3 … per kind of record ("plan", "user" …)
// in creation order, so a document imports next to other workspaces and exports again
// unchanged. These classes keep the three mappings a section needs, one per phase, shared
// by all sections so that a record can point at another feature's.
#include <boost/json/object.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace samtryg::exchange {

// Export: database id → document id, for one kind.
class LocalIds {
 public:
  // Numbers `id` next, unless it has its number already; returns its document id. (A section
  // numbers its records up front when one names a later one.)
  long long add(long long id);
  std::optional<long long> find(long long id) const;
  // The document id of the database id `id` holds, or null.
  boost::json::value of(const boost::json::value& id) const;

 private:
  std::map<long long, long long> ids_;
};

// Export: the document ids of every kind numbered so far.
class ExportedIds {
 public:
  LocalIds& of(std::string_view kind);
  const LocalIds& of(std::string_view kind) const;
  // Replaces the database id in json[member] by the document id of that `kind` record (null
  // when it has none).
  void relink(boost::json::object& json, std::string_view member, std::string_view kind) const;

 private:
  std::map<std::string, LocalIds, std::less<>> kinds_;
};

// Import, while checking: the ids the document declares of each kind, each with the record it
// belongs to where the sections after it need that (a focus area's plan, an initiative's plan).
class DeclaredIds {
 public:
  // False when `id` of `kind` was declared already (the first declaration stays).
  bool declare(std::string_view kind, long long id, std::optional<long long> owner = {});
  bool contains(std::string_view kind, long long id) const;
  std::optional<long long> owner(std::string_view kind, long long id) const;

 private:
  std::map<std::string, std::map<long long, std::optional<long long>>, std::less<>> kinds_;
};

// Import, while storing: the database id each document id of a kind was stored as.
class StoredIds {
 public:
  void add(std::string_view kind, long long local, long long stored);
  // The stored id of a document id the check found declared; throws std::logic_error otherwise.
  long long at(std::string_view kind, long long local) const;
  // The same for an optional reference: none stays none.
  std::optional<long long> find(std::string_view kind, std::optional<long long> local) const;

 private:
  std::map<std::string, std::map<long long, long long>, std::less<>> kinds_;
};

}  // namespace samtryg::exchange
