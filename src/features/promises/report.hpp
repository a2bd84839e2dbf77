#pragma once
// The chapter promises add to a round's compiled report (reporting/hooks.hpp): every promise
// whose period meets the round's, with its commitments promised beside achieved and where it
// stood at the end of the round's period, in the words the public read.
#include <vector>

#include "core/documents/document.hpp"
#include "features/reporting/hooks.hpp"

namespace samtryg::promises {

std::vector<documents::Block> report_chapter(db::Database& database,
                                             const reporting::ReportScope& scope);

}  // namespace samtryg::promises
