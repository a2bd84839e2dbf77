#pragma once
// One feature's part of the workspace document (docs/exchange-format.md). The envelope
// (core/exchange/document) asks every section in the modules' order to write its members on
// export; on import, to read and check its members (all sections, before anything is stored,
// so every problem of the document is reported at once), then to store what it read, all
// sections in one transaction.
#include <soci/soci.h>
#include <boost/json/object.hpp>

#include <string>
#include <utility>
#include <vector>

#include "core/exchange/ids.hpp"
#include "core/json/reader.hpp"
#include "core/validation/validation.hpp"

namespace samtryg::exchange {

// Export: where a section writes.
struct Writing {
  soci::session& sql;
  long long workspace_id;
  boost::json::object& document;   // the top-level members
  boost::json::object& workspace;  // the members of "workspace"
  ExportedIds& ids;                // every kind's document ids, for references
};

// Import, first phase: what a section reads from and where it reports problems, each under
// its JSON path ("$.plans[2].name").
struct Reading {
  json::Reader& document;   // the top-level members ("$")
  json::Reader& workspace;  // the members of "$.workspace"
  validation::Errors& errors;
  DeclaredIds& ids;

  void add(const std::string& path, const std::string& key) { errors.add(path, key); }
  // The field errors of a check under `path` ("name" → "$.plans[2].name").
  void add_all(const std::string& path, const validation::Errors& found);
  // Declares the record at `path` as `id` of `kind`: a positive number, once per kind.
  bool declare(const std::string& path, std::string_view kind, long long id,
               std::optional<long long> owner = {});
  // A reference at `path` (".plan_id" included) must be a declared id of `kind`.
  void check_ref(const std::string& path, std::string_view kind,
                 const std::optional<long long>& ref);
};

// Import, second phase: where a section stores, inside the import's one transaction.
struct Storing {
  soci::session& sql;
  long long workspace_id;
  std::string now;  // for records the document gives no time
  StoredIds& ids;   // document id → stored id, every kind
  // What was imported, in document order: {"plans", 5}; shown by the command line and audited.
  std::vector<std::pair<std::string, int>>& counts;

  void count(const std::string& what, int number) { counts.emplace_back(what, number); }
};

class Section {
 public:
  virtual ~Section() = default;
  virtual void write(Writing& out) const = 0;
  virtual void read(Reading& in) = 0;
  // Called only when no section found a problem.
  virtual void store(Storing& out) = 0;
};

}  // namespace samtryg::exchange
