#pragma once
// The demo workspace is the seed documents' content: each feature gives its part of the
// workspace document (module::Module::demo_folder) and, after the document is imported, adds
// what a document cannot hold (module::Module::seed_demo), such as a second plan version made
// by the real command or forms taken through their workflow.
#include <boost/json/object.hpp>

#include <string>
#include <vector>

#include "core/auth/actor.hpp"
#include "core/auth/passwords.hpp"
#include "core/db/database.hpp"

namespace samtryg::demo {

inline constexpr std::string_view kPassword = "samtryg-demo";

struct Login {
  std::string email;
  std::string role;
  std::string workspace;  // its name; set by the demo loader
};

struct Seed {
  db::Database& database;
  long long workspace_id = 0;
  // The document was imported just now; false when the demo was loaded before (a second run
  // adds only what is missing).
  bool fresh = false;
  auth::HashCost cost = auth::HashCost::interactive;
  // The demo workspace's whole document, as imported (its "users" are the logins).
  boost::json::object document;
  // The demo's logins, one per role, for the server to print.
  std::vector<Login> logins;

  // The demo acting as a tool with full rights.
  auth::Actor actor() const { return auth::Actor::tool(workspace_id, "demo"); }
};

}  // namespace samtryg::demo
