#include "core/web/fragment_cache.hpp"

namespace samtryg::web {

namespace {

template <class Entry>
std::size_t size_of(const Entry& entry) {
  return entry.key.size() + entry.fragment->title.size() + entry.fragment->body.size();
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

void append_with_csrf(std::string& out, std::string_view body, std::string_view token) {
  std::size_t from = 0;
  for (auto at = body.find(kCsrfMarker); at != std::string_view::npos;
       at = body.find(kCsrfMarker, from)) {
    out.append(body.substr(from, at - from)).append(token);
    from = at + kCsrfMarker.size();
  }
  out.append(body.substr(from));
}

}  // namespace samtryg::web
