#include "core/web/fragment_cache.hpp"

#include <algorithm>

#include "core/util/crypto.hpp"

namespace samtryg::web {

namespace {

template <class Entry>
std::size_t size_of(const Entry& entry) {
  return entry.key.size() + entry.fragment->title.size() + entry.fragment->bytes();
}

}  // namespace

std::shared_ptr<const Fragment> FragmentCache::find(const std::string& key) {
  const std::lock_guard lock(mutex_);
  const auto found = index_.find(key);
  if (found == index_.end()) return nullptr;
  recent_.splice(recent_.begin(), recent_, found->second);
  return found->second->fragment;
}

void FragmentCache::store(const std::string& key, std::shared_ptr<const Fragment> fragment) {
  const std::lock_guard lock(mutex_);
  if (const auto found = index_.find(key); found != index_.end()) {
    bytes_ -= size_of(*found->second);
    recent_.erase(found->second);
    index_.erase(found);
  }
  recent_.push_front({key, std::move(fragment)});
  bytes_ += size_of(recent_.front());
  index_[key] = recent_.begin();
  while (bytes_ > max_bytes_ && recent_.size() > 1) {
    const auto& oldest = recent_.back();
    bytes_ -= size_of(oldest);
    index_.erase(oldest.key);
    recent_.pop_back();
  }
}

std::size_t FragmentCache::bytes() const {
  const std::lock_guard lock(mutex_);
  return bytes_;
}

void Fragment::append_to(std::string& out, std::string_view csrf_token,
                         std::string_view content) const {
  for (const auto& piece : pieces) {
    out.append(piece.text);
    if (piece.then == Slot::csrf_token) out.append(csrf_token);
    if (piece.then == Slot::content) out.append(content);
  }
}

std::size_t Fragment::bytes() const {
  std::size_t total = title.size();
  for (const auto& piece : pieces) total += piece.text.size();
  return total;
}

namespace {

std::string random_slot(std::string_view name) {
  std::string slot(name);
  slot.append("-slot-").append(crypto::random_token(24));
  return slot;
}

}  // namespace

std::string_view csrf_slot() {
  static const std::string slot = random_slot("csrf");
  return slot;
}

std::string_view content_slot() {
  static const std::string slot = random_slot("content");
  return slot;
}

Fragment fragment_of(std::string title, std::string_view rendered) {
  Fragment fragment{std::move(title), {}};
  const auto csrf = csrf_slot();
  const auto content = content_slot();
  while (!rendered.empty()) {
    const auto at_csrf = rendered.find(csrf);
    const auto at_content = rendered.find(content);
    const auto at = std::min(at_csrf, at_content);
    if (at == std::string_view::npos) break;
    const bool is_csrf = at == at_csrf;
    fragment.pieces.push_back({std::string(rendered.substr(0, at)),
                               is_csrf ? Fragment::Slot::csrf_token : Fragment::Slot::content});
    rendered.remove_prefix(at + (is_csrf ? csrf.size() : content.size()));
  }
  fragment.pieces.push_back({std::string(rendered), Fragment::Slot::none});
  return fragment;
}

}  // namespace samtryg::web
