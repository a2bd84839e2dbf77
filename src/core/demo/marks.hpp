#pragma once
// Example data: the figures, dates and states the demo fills in where the seed documents give
// none, so that every page has something to show. Each is marked by record and field
// ("initiative" 3: start_date) and shown as example data wherever the record is shown. A
// person's save of a record makes its values theirs and removes the record's marks.
//
// Marks travel in the workspace document as "example_marks" (docs/exchange-format.md), read
// after every feature's section so that the records they name are known.
#include <soci/soci.h>

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/exchange/section.hpp"
#include "core/i18n/catalog.hpp"

namespace samtryg::demo {

using Fields = std::vector<std::string>;

struct Mark {
  std::string kind;  // a record kind of the workspace document: "initiative", "round" …
  long long record_id = 0;
  Fields fields;
};

void set_marks(soci::session& sql, long long workspace_id, const Mark& mark);
// Every mark of `kind`, by record id.
std::map<long long, Fields> marks_of(soci::session& sql, long long workspace_id,
                                     std::string_view kind);
Fields marks_of(soci::session& sql, long long workspace_id, std::string_view kind,
                long long record_id);
void clear_marks(soci::session& sql, long long workspace_id, std::string_view kind,
                 long long record_id);

// "Eksempeldata (ikke fra kilderne): Startdato, Status", each field named by the catalog entry
// `label_prefix + field`; empty without fields.
std::string example_note(const i18n::Catalog& catalog, std::string_view label_prefix,
                         const Fields& fields);

// The document's "example_marks", checked against the ids the sections declared; no I/O, so the
// import fuzz target runs it as it is.
std::vector<Mark> read_marks(exchange::Reading& in);

// The "example_marks" part of the workspace document; it comes after every feature's section.
std::unique_ptr<exchange::Section> marks_section();

}  // namespace samtryg::demo
