#pragma once
// The hook the history page offers: every feature whose records are audited adds its kinds of
// record here, and links to /history/{entity}/{id} from their pages.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/web/context.hpp"

namespace samtryg::history {

// What to call the record and where to go back to.
struct Subject {
  std::string label;
  std::string back;
};
// Throws validation::NotFound when the reader may not see record `id`.
using Lookup = std::function<Subject(web::Context&, long long id)>;

// A recorded value in the words its readers know ("lead_user_id" 3 → "Brian Klitgaard"), or
// nothing when the general rules do (translated codes, dates, yes/no, the text as written).
using Wording = std::function<std::optional<std::string>(web::Context&, std::string_view field,
                                                         const std::string& recorded)>;

struct Subjects {
  std::map<std::string, Lookup, std::less<>> by_entity;  // "plan", "indicator", …
  std::map<std::string, Wording, std::less<>> wording;

  void add(std::string entity, Lookup lookup, Wording words = {}) {
    if (words) wording[entity] = std::move(words);
    by_entity[std::move(entity)] = std::move(lookup);
  }
};

}  // namespace samtryg::history
