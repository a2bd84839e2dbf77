#pragma once
// The workspace document (docs/exchange-format.md): one JSON object with everything a
// workspace holds, for moving it to another server and for backups a person can read. This
// is its envelope — format, version, the workspace itself, the order of the sections and the
// whole-document error report; each feature's Section writes, checks and stores its own part.
#include <boost/json/object.hpp>

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/db/database.hpp"
#include "core/exchange/section.hpp"

namespace samtryg::exchange {

inline constexpr std::string_view kFormat = "samtryg-workspace";
// Version 2 added areas and indicators, version 3 the reporting cycle (rounds with their forms,
// revisions, reminders and chapters) and the workspace's logo, version 4 safety walks, citizen
// dialogues, surveys and citizen promises; older documents still import.
inline constexpr int kFormatVersion = 4;

using Sections = std::vector<std::unique_ptr<Section>>;

// Throws validation::NotFound when no workspace has that name.
boost::json::object export_workspace(db::Database& database, const std::string& workspace_name,
                                     const Sections& sections);

// Every workspace's name, for choosing one.
std::vector<std::string> workspace_names(db::Database& database);

struct ImportProblem {
  std::string path;     // JSON path, e.g. "$.initiatives[3].name"
  std::string code;     // catalog key
  std::string message;  // in English, for the CLI and logs
};

struct ImportResult {
  long long workspace_id = 0;
  std::vector<std::pair<std::string, int>> counts;  // {"plans", 5}, in document order

  // How many of `what` ("plans") were imported; 0 when no section counts them.
  int count(std::string_view what) const;
};

// Every problem of the document, each with its path.
struct ImportError : std::runtime_error {
  explicit ImportError(std::vector<ImportProblem> found)
      : std::runtime_error("the workspace document is not valid"), problems(std::move(found)) {}
  std::vector<ImportProblem> problems;
};

// Checks the whole document first and throws ImportError with every problem; then stores
// everything in one transaction, or nothing.
ImportResult import_workspace(db::Database& database, const std::string& document_text,
                              Sections& sections);

}  // namespace samtryg::exchange
