#pragma once
// An initiative's summary in the compiled report: the one the coordinators or the lead wrote
// for the round, or else one made from the form that ends where a sentence ends.
#include <cstddef>
#include <string>
#include <string_view>

#include "core/validation/validation.hpp"

namespace samtryg::reporting {

inline constexpr std::size_t kMaxSummary = 4000;

validation::Errors check_summary(std::string_view summary);

// The leading sentences of `text` that fit in `max` bytes, always ending at the end of a
// sentence, never inside one or inside a word: the first sentence whole when it alone is
// longer, and the whole text with a full stop added when it has no sentence end. A full stop
// after a number ("1. juni") or a known short form ("bl.a.", "f.eks.") ends no sentence.
std::string whole_sentences(std::string_view text, std::size_t max);

}  // namespace samtryg::reporting
