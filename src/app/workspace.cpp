#include "app/workspace.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <stdexcept>

#include "app/modules.hpp"
#include "core/auth/store.hpp"
#include "core/demo/marks.hpp"
#include "core/util/resources.hpp"

namespace samtryg::app {

namespace {

using boost::json::object;

object embedded_object(std::string_view path) {
  const auto bytes = resources::find(path);
  if (!bytes) throw std::logic_error("not embedded in the build: " + std::string(path));
  return boost::json::parse(*bytes).as_object();
}

}  // namespace

exchange::Sections exchange_sections() {
  exchange::Sections sections;
  for (const auto* feature : modules()) {
    if (auto section = feature->exchange_section()) sections.push_back(std::move(section));
  }
  // Last: the marks name records of every section.
  sections.push_back(demo::marks_section());
  return sections;
}

boost::json::object export_workspace(db::Database& database, const std::string& workspace_name) {
  return exchange::export_workspace(database, workspace_name, exchange_sections());
}

exchange::ImportResult import_workspace(db::Database& database, const std::string& document_text) {
  auto sections = exchange_sections();
  return exchange::import_workspace(database, document_text, sections);
}

// The workspace's envelope (src/app/data/demo<suffix>.json: format, version and the workspace
// itself) with every feature's part (its demo folder's demo<suffix>.json); "workspace" members
// are merged, not replaced.
boost::json::object demo_workspace_document(const DemoWorkspace& workspace) {
  const auto file = "demo" + std::string(workspace.suffix) + ".json";
  auto document = embedded_object("src/app/data/" + file);
  for (const auto* feature : modules()) {
    if (feature->demo_folder().empty()) continue;
    const auto path = std::string(feature->demo_folder()) + file;
    if (!resources::find(path)) continue;
    for (auto& member : embedded_object(path)) {
      if (member.key() == "workspace") {
        for (auto& field : member.value().as_object()) {
          document["workspace"].as_object()[field.key()] = field.value();
        }
      } else if (auto* list = document.if_contains(member.key());
                 list != nullptr && list->is_array() && member.value().is_array()) {
        // Lists two features both give (their example marks) are joined.
        for (auto& item : member.value().as_array()) list->as_array().push_back(std::move(item));
      } else {
        document[member.key()] = std::move(member.value());
      }
    }
  }
  return document;
}

std::vector<demo::Login> load_demo(db::Database& database, auth::HashCost cost) {
  std::vector<demo::Login> logins;
  for (const auto& workspace : kDemoWorkspaces) {
    std::optional<auth::Workspace> existing;
    {
      auto sql = database.session();
      existing = auth::find_workspace_by_name(sql, std::string(workspace.name));
    }
    demo::Seed seed{database, existing ? existing->id : 0,        !existing,
                    cost,     demo_workspace_document(workspace), {}};
    if (!existing) {
      seed.workspace_id =
          import_workspace(database, boost::json::serialize(seed.document)).workspace_id;
    }
    for (const auto* feature : modules()) feature->seed_demo(seed);
    for (auto& login : seed.logins) {
      login.workspace = workspace.name;
      logins.push_back(std::move(login));
    }
  }
  return logins;
}

}  // namespace samtryg::app
