#pragma once
// Rendered page bodies kept in memory, keyed by everything they depend on — including the
// workspace's data version, which every audited change bumps in the same transaction. A
// server therefore never serves a stale body, even when another server made the change:
// the version comes from the database with the session on every request.
#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace samtryg::web {

// Rendered HTML kept for later requests, cut where each request puts in its own parts: the
// requester's CSRF token and, for the layout, the page's content. The cuts are made once, when
// the template is rendered, so nothing a request serves is searched or rewritten afterwards.
struct Fragment {
  enum class Slot : std::uint8_t { none, csrf_token, content };
  struct Piece {
    std::string text;
    Slot then = Slot::none;  // what follows `text`
  };
  std::string title;
  std::vector<Piece> pieces;

  // Appends the fragment with `csrf_token` and `content` in their slots.
  void append_to(std::string& out, std::string_view csrf_token,
                 std::string_view content = {}) const;
  std::size_t bytes() const;
};

// What a template renders in place of the CSRF token and of the content when its output is
// meant for a Fragment: a random text per process, never shown to anyone (every slot is filled
// before a page leaves the server), so no stored text can hold one.
std::string_view csrf_slot();
std::string_view content_slot();
// `rendered` cut at every slot.
Fragment fragment_of(std::string title, std::string_view rendered);

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

}  // namespace samtryg::web
