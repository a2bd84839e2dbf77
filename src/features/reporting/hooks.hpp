#pragma once
// The hook the compiled report offers: chapters other features add to a round's report
// (promises: the citizen promises and where each stands), after the coordinators' chapters and
// before the summaries per initiative. Servers and the command line fill it alike.
#include <functional>
#include <string>
#include <vector>

#include "core/auth/actor.hpp"
#include "core/db/database.hpp"
#include "core/documents/document.hpp"
#include "core/i18n/catalog.hpp"

namespace samtryg::reporting {

// What a chapter is written for: the round's workspace (in `actor`), its period and language.
struct ReportScope {
  const auth::Actor& actor;
  std::string period_start;
  std::string period_end;
  const i18n::Catalog& catalog;
  i18n::Language language;
};

// The chapter's blocks, its heading first; none when the feature has nothing for the period.
using ReportChapter =
    std::function<std::vector<documents::Block>(db::Database&, const ReportScope&)>;
struct ReportChapters {
  std::vector<ReportChapter> chapters;
};

}  // namespace samtryg::reporting
