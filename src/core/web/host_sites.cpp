#include "core/web/host_sites.hpp"

#include <algorithm>
#include <cctype>

namespace samtryg::web {

bool keeps_path_on_own_host(std::string_view path) {
  return path.starts_with("/static/") || path.starts_with("/p/") || path.starts_with("/public/") ||
         path == "/healthz" || path == "/favicon.ico";
}

std::string site_host(std::string_view host) {
  if (host.starts_with('[')) return {};  // an IPv6 address
  host = host.substr(0, host.find(':'));
  std::string out(host);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const bool address = !out.empty() && std::all_of(out.begin(), out.end(), [](char c) {
    return c == '.' || std::isdigit(static_cast<unsigned char>(c)) != 0;
  });
  if (address || out == "localhost") return {};
  return out;
}

}  // namespace samtryg::web
