#pragma once
// How a walk is named wherever it is shown: pages, the report and reminder e-mails.
#include <string>
#include <string_view>

#include "core/i18n/catalog.hpp"

namespace samtryg::walks {

// "Centrum, våren 2016": the area and when, in the catalog's language.
std::string walk_title(const i18n::Catalog& catalog, std::string_view area, std::string_view season,
                       int year);

}  // namespace samtryg::walks
