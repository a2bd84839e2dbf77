#pragma once
// What one feature adds to samtryg, declared in one place: its folder's module.cpp. The list of
// modules in app/modules.cpp is the only place outside a feature that names it; the server, the
// command line, the workspace document and the demo each ask every module in that order.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/demo/seed.hpp"
#include "core/exchange/section.hpp"
#include "core/module/jobs.hpp"

namespace samtryg::web {
class App;
}
namespace samtryg::cli {
class Commands;
}

namespace samtryg::module {

class Module {
 public:
  virtual ~Module() = default;

  // The feature's folder name ("strategy").
  virtual std::string_view name() const = 0;
  // Its routes, menu entries and the hooks it offers or fills (app.services().hooks); called
  // once for every server built.
  virtual void add_routes(web::App& /*app*/) const {}
  // Its subcommands of `samtryg`.
  virtual void add_commands(cli::Commands& /*commands*/) const {}
  // Its part of the workspace document (docs/exchange-format.md), or none. A new object for
  // every export or import: it keeps what it read until it stores it.
  virtual std::unique_ptr<exchange::Section> exchange_section() const { return nullptr; }
  // The embedded folder of its parts of the demo workspaces ("src/features/strategy/data/"), or
  // "" for none: "demo.json" joins the first demo workspace's document, "demo-landskrona.json"
  // the one whose suffix is "-landskrona"; each is a JSON object whose members join that
  // document. A feature without a file for a workspace has no part in it.
  virtual std::string_view demo_folder() const { return {}; }
  // What the demo shows that the document cannot hold, done after the document is imported.
  virtual void seed_demo(demo::Seed& /*seed*/) const {}
  // What it has done in the background while a server runs with these settings.
  virtual std::vector<Job> jobs(const config::Config& /*settings*/) const { return {}; }
  // Catalog keys it builds at run time ("status_" + code): they count as used although no
  // source file names them, and each must exist in every language.
  virtual std::vector<std::string> runtime_message_keys() const { return {}; }
};

}  // namespace samtryg::module
