#pragma once
// The walk report as PDF, DOCX and HTML: the summary, the participants against the target, a
// map of the numbered findings drawn without any internet access, the findings with their
// photos and actions, and how each stood on the follow-up walk.
#include <string>
#include <string_view>

#include "core/db/database.hpp"
#include "core/documents/document.hpp"
#include "core/i18n/catalog.hpp"
#include "features/walks/queries.hpp"

namespace samtryg::walks {

documents::Document walk_report(db::Database& database, const Actor& actor, long long walk_id,
                                const i18n::Catalog& catalog);

}  // namespace samtryg::walks
