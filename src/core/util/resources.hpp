#pragma once
// Files embedded into the binary at build time (cmake/embed.cmake): migrations, templates,
// message catalogs and static assets, addressed by their path in the source tree.
#include <optional>
#include <string_view>
#include <vector>

namespace samtryg::resources {

struct Resource {
  std::string_view path;
  std::string_view bytes;
};

const std::vector<Resource>& all();

inline std::optional<std::string_view> find(std::string_view path) {
  for (const auto& resource : all()) {
    if (resource.path == path) return resource.bytes;
  }
  return std::nullopt;
}

}  // namespace samtryg::resources
