#include "core/http/static_files.hpp"

#include <fmt/format.h>

#include "core/util/crypto.hpp"
#include "core/util/resources.hpp"

namespace samtryg::http {

std::string content_type_for(std::string_view filename) {
  const auto dot = filename.rfind('.');
  const auto extension = dot == std::string_view::npos ? std::string_view{} : filename.substr(dot);
  if (extension == ".css") return "text/css; charset=utf-8";
  if (extension == ".js" || extension == ".mjs") return "text/javascript; charset=utf-8";
  if (extension == ".svg") return "image/svg+xml";
  if (extension == ".png") return "image/png";
  if (extension == ".jpg" || extension == ".jpeg") return "image/jpeg";
  if (extension == ".ico") return "image/x-icon";
  if (extension == ".woff2") return "font/woff2";
  if (extension == ".json") return "application/json";
  if (extension == ".txt") return "text/plain; charset=utf-8";
  if (extension == ".html") return "text/html; charset=utf-8";
  return "application/octet-stream";
}

StaticFiles::StaticFiles(std::string_view resource_prefix) {
  std::string all_hashes;
  for (const auto& resource : resources::all()) {
    if (!resource.path.starts_with(resource_prefix)) continue;
    const auto name = resource.path.substr(resource_prefix.size());
    const auto hash = crypto::sha256_hex(resource.bytes).substr(0, 20);
    all_hashes += hash;
    assets_.emplace(std::string(name),
                    Asset{resource.bytes, content_type_for(name), fmt::format("\"{}\"", hash)});
  }
  version_ = crypto::sha256_hex(all_hashes).substr(0, 10);
}

Response StaticFiles::serve(const Request& request, std::string_view relative) const {
  const auto found = assets_.find(std::string(relative));
  if (found == assets_.end()) {
    auto response = Response::text("Not found\n", 404);
    return response;
  }
  const auto& asset = found->second;
  Response response;
  response.header("ETag", asset.etag);
  response.header("Cache-Control", "public, max-age=86400");
  if (request.header("If-None-Match") == asset.etag) {
    response.status = 304;
    return response;
  }
  response.header("Content-Type", asset.content_type);
  response.body = std::string(asset.bytes);
  return response;
}

}  // namespace samtryg::http
