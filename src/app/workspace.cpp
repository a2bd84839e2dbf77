#include "app/workspace.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <stdexcept>

#include "app/modules.hpp"
#include "core/auth/store.hpp"
#include "core/util/resources.hpp"

namespace samtryg::app {

namespace {

using boost::json::object;

// The envelope of the demo document: format, version and the workspace itself.
constexpr std::string_view kDemoEnvelope = "src/app/data/demo.json";

object embedded_object(std::string_view path) {
  const auto bytes = resources::find(path);
  if (!bytes) throw std::logic_error("not embedded in the build: " + std::string(path));
  return boost::json::parse(*bytes).as_object();
}

// The envelope with every feature's members; "workspace" members are merged, not replaced.
object demo_document() {
  auto document = embedded_object(kDemoEnvelope);
  for (const auto* feature : modules()) {
    if (feature->demo_document().empty()) continue;
    for (auto& member : embedded_object(feature->demo_document())) {
      if (member.key() == "workspace") {
        for (auto& field : member.value().as_object()) {
          document["workspace"].as_object()[field.key()] = field.value();
        }
      } else {
        document[member.key()] = std::move(member.value());
      }
    }
  }
  return document;
}

}  // namespace

exchange::Sections exchange_sections() {
  exchange::Sections sections;
  for (const auto* feature : modules()) {
    if (auto section = feature->exchange_section()) sections.push_back(std::move(section));
  }
  return sections;
}

boost::json::object export_workspace(db::Database& database, const std::string& workspace_name) {
  return exchange::export_workspace(database, workspace_name, exchange_sections());
}

exchange::ImportResult import_workspace(db::Database& database, const std::string& document_text) {
  auto sections = exchange_sections();
  return exchange::import_workspace(database, document_text, sections);
}

std::vector<demo::Login> load_demo(db::Database& database, auth::HashCost cost) {
  std::optional<auth::Workspace> existing;
  {
    auto sql = database.session();
    existing = auth::find_workspace_by_name(sql, std::string(kDemoWorkspace));
  }
  demo::Seed seed{database, existing ? existing->id : 0, !existing, cost, {}};
  if (!existing) {
    seed.workspace_id =
        import_workspace(database, boost::json::serialize(demo_document())).workspace_id;
  }
  for (const auto* feature : modules()) feature->seed_demo(seed);
  return seed.logins;
}

}  // namespace samtryg::app
