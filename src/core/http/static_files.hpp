#pragma once
// Serves the embedded web/static/ tree under /static/ with a content type, an ETag and
// cache headers; a matching If-None-Match gets 304 without a body.
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/http/message.hpp"

namespace samtryg::http {

class StaticFiles {
 public:
  // Collects every embedded resource below `resource_prefix` ("web/static/").
  explicit StaticFiles(std::string_view resource_prefix = "web/static/");

  // `relative` is the part of the URL after /static/.
  Response serve(const Request& request, std::string_view relative) const;

  // A short hash of all assets, appended to asset URLs so a new release busts caches.
  const std::string& version() const { return version_; }

 private:
  struct Asset {
    std::string_view bytes;
    std::string content_type;
    std::string etag;
  };
  std::unordered_map<std::string, Asset> assets_;
  std::string version_;
};

std::string content_type_for(std::string_view filename);

}  // namespace samtryg::http
