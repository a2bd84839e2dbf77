#pragma once
// A form's answers as report blocks, section by section: the annex of the compiled report and
// the single form's document. Internal to report.cpp.
#include <vector>

#include "core/documents/document.hpp"
#include "core/i18n/catalog.hpp"
#include "features/indicators/queries.hpp"
#include "features/reporting/records.hpp"

namespace samtryg::reporting {

// `unanswered`: also the sections and questions nobody answered ("Ikke besvaret.") and the
// template's guidance to the person filling in ("Max. ½ side"). The coordinator asks for them
// when checking the forms; a report for the council leaves them out.
// `linked`: the plan's indicators that follow up the form's initiative, shown in sections that
// list indicators. Sections of an older template version that are no longer in the template
// come last, under their stored titles.
void form_sections(std::vector<documents::Block>& blocks, const Round& round, const Form& form,
                   const std::vector<indicators::IndicatorRecord>& linked,
                   const i18n::Catalog& catalog, i18n::Language language, int level,
                   bool unanswered);

}  // namespace samtryg::reporting
