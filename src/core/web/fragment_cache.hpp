#pragma once
// Rendered page bodies kept in memory, keyed by everything they depend on — including the
// workspace's data version, which every audited change bumps in the same transaction. A
// server therefore never serves a stale body, even when another server made the change:
// the version comes from the database with the session on every request.
#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace samtryg::web {

// A page's title and its rendered main content (the layout around it is per request).
struct Fragment {
  std::string title;
  std::string body;
};

class FragmentCache {
 public:
  explicit FragmentCache(std::size_t max_bytes = 64U << 20U) : max_bytes_(max_bytes) {}

  std::shared_ptr<const Fragment> find(const std::string& key);
  void store(const std::string& key, std::shared_ptr<const Fragment> fragment);
  std::size_t bytes() const;

 private:
  struct Entry {
    std::string key;
    std::shared_ptr<const Fragment> fragment;
  };
  mutable std::mutex mutex_;
  std::list<Entry> recent_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
  std::size_t bytes_ = 0;
  std::size_t max_bytes_;
};

// Forms inside a cached body carry this instead of the CSRF token; append_with_csrf puts the
// requester's token in when the body is served (web::render_layout does it for every page).
inline constexpr std::string_view kCsrfMarker =
    "\x1f"
    "csrf"
    "\x1f";
// Appends `body` to `out` with every marker replaced by `token`.
void append_with_csrf(std::string& out, std::string_view body, std::string_view token);

}  // namespace samtryg::web
