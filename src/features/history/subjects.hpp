#pragma once
// The hook the history page offers: every feature whose records are audited adds its kinds of
// record here, and links to /history/{entity}/{id} from their pages.
#include <functional>
#include <map>
#include <string>

#include "core/web/context.hpp"

namespace samtryg::history {

// What to call the record and where to go back to.
struct Subject {
  std::string label;
  std::string back;
};
// Throws validation::NotFound when the reader may not see record `id`.
using Lookup = std::function<Subject(web::Context&, long long id)>;

struct Subjects {
  std::map<std::string, Lookup, std::less<>> by_entity;  // "plan", "indicator", …

  void add(std::string entity, Lookup lookup) { by_entity[std::move(entity)] = std::move(lookup); }
};

}  // namespace samtryg::history
