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

// The name of the demo workspace (app/data/demo.json).
inline constexpr std::string_view kDemoWorkspace = "Tryg Aalborg – en mere tryg kommune";

// Creates the demo workspace from every feature's part of the demo document and demo steps, or
// adds only what is missing when it exists (safe to run again); returns its logins.
std::vector<demo::Login> load_demo(db::Database& database, auth::HashCost cost);

}  // namespace samtryg::app
