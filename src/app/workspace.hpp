#pragma once
// The whole workspace, made of every feature's part: the workspace document with every
// module's exchange section in the modules' order, and the demo workspace.
#include <boost/json/object.hpp>

#include <string>
#include <vector>

#include "core/demo/seed.hpp"
#include "core/exchange/document.hpp"

namespace samtryg::app {

exchange::Sections exchange_sections();

// exchange::export_workspace / import_workspace with every feature's section.
boost::json::object export_workspace(db::Database& database, const std::string& workspace_name);
exchange::ImportResult import_workspace(db::Database& database, const std::string& document_text);

// The demo workspaces, each the real content of its seed documents: Tryg Aalborg (seeds 000–003,
// Danish) and Landskrona's agreement between the city and the local police area (seed 004,
// Swedish). `suffix` names its files: demo<suffix>.json in app/data and in each feature's folder.
struct DemoWorkspace {
  std::string_view name;  // as in its envelope
  std::string_view suffix;
};
inline constexpr DemoWorkspace kDemoWorkspaces[] = {
    {"Tryg Aalborg – en mere tryg kommune", ""},
    {"Trygghet i Landskrona – Landskrona stad och Polisen", "-landskrona"}};
// The first demo workspace, which most tests read.
inline constexpr std::string_view kDemoWorkspace = kDemoWorkspaces[0].name;

// The demo workspace's document: its envelope with every feature's part.
boost::json::object demo_workspace_document(const DemoWorkspace& workspace);

// Creates each demo workspace from every feature's part of its document and the demo steps,
// or adds only what is missing when it exists (safe to run again); returns their logins.
std::vector<demo::Login> load_demo(db::Database& database, auth::HashCost cost);

}  // namespace samtryg::app
