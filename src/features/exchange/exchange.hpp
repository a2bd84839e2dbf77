#pragma once
// The workspace exchange format (docs/exchange-format.md): one JSON document with everything
// a workspace holds, for moving it to another server and for backups a person can read.
// Ids in the document are its own (1, 2, 3 … per kind, in creation order), so a document
// imports into any database and exports again unchanged.
#include <boost/json/object.hpp>

#include <string>
#include <vector>

#include "core/db/database.hpp"

namespace samtryg::exchange {

inline constexpr std::string_view kFormat = "samtryg-workspace";
// Version 2 added areas and indicators, version 3 the reporting cycle (rounds with their forms,
// revisions, reminders and chapters) and the workspace's logo; older documents still import.
inline constexpr int kFormatVersion = 3;

// Throws validation::NotFound when no workspace has that name.
boost::json::object export_workspace(db::Database& database, const std::string& workspace_name);

// Every workspace's name, for choosing one.
std::vector<std::string> workspace_names(db::Database& database);

struct ImportProblem {
  std::string path;     // JSON path, e.g. "$.initiatives[3].name"
  std::string code;     // catalog key
  std::string message;  // in English, for the CLI and logs
};

struct ImportResult {
  long long workspace_id = 0;
  int plans = 0;
  int initiatives = 0;
  int activities = 0;
  int groups = 0;
  int users = 0;
  int indicators = 0;
  int values = 0;
  int rounds = 0;
  int forms = 0;
};

// Validates the whole document first and throws ImportError with every problem; then
// writes everything in one transaction, or nothing.
struct ImportError : std::runtime_error {
  explicit ImportError(std::vector<ImportProblem> found)
      : std::runtime_error("the workspace document is not valid"), problems(std::move(found)) {}
  std::vector<ImportProblem> problems;
};

ImportResult import_workspace(db::Database& database, const std::string& document_text);

}  // namespace samtryg::exchange
