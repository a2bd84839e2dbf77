#include "core/web/navigation.hpp"

#include <algorithm>

namespace samtryg::web {

void Navigation::add(NavEntry entry) {
  const auto after =
      std::upper_bound(entries_.begin(), entries_.end(), entry.order,
                       [](int order, const NavEntry& existing) { return order < existing.order; });
  entries_.insert(after, std::move(entry));
}

}  // namespace samtryg::web
