#pragma once
// The main menu: each feature adds its entries while its routes are added, and the layout shows
// those the reader's role admits, in `order`.
#include <string>
#include <vector>

#include "core/web/access.hpp"

namespace samtryg::web {

struct NavEntry {
  std::string key;  // what a page passes as PageOptions::nav to be the current entry
  std::string href;
  std::string label_key;  // catalog key of its text
  Access access;          // who sees it
  int order = 0;          // place in the menu, smallest first
};

class Navigation {
 public:
  void add(NavEntry entry);
  // In menu order.
  const std::vector<NavEntry>& entries() const { return entries_; }

 private:
  std::vector<NavEntry> entries_;
};

}  // namespace samtryg::web
