#pragma once
// A hook for serving part of the application on host names of its own behind a reverse proxy
// (a workspace's public site at tryg.aalborg.dk): a feature says which path a host name stands
// for, and the application answers a request for that host as if its path began there.
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace samtryg::web {

struct Services;

struct HostSites {
  // The path prefix `host` (lower case, without a port) stands for ("/p/tryg-aalborg"), or
  // nothing for a host that is not one of these.
  std::function<std::optional<std::string>(Services&, std::string_view host)> prefix;
};

// Paths that keep their meaning on any host: the assets, the pages that name their site
// themselves, and the public pages features serve under /public/.
bool keeps_path_on_own_host(std::string_view path);

// `host` as it names a site: lower case, without a port; "" for an IP address or localhost,
// which name no site.
std::string site_host(std::string_view host);

}  // namespace samtryg::web
