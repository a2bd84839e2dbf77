#pragma once
// The register's web pages: plans, plan overview, initiative, forms, status change, version
// compare, audit history, search and groups. Server-rendered; they work without JavaScript.
#include <functional>
#include <string>

#include "core/web/app.hpp"

namespace samtryg::strategy {

void add_routes(web::App& app);

// A kind of record whose audit history /history/{entity}/{id} shows: what to call the record
// and where to go back to. Throws validation::NotFound when the reader may not see it.
struct HistorySubject {
  std::string label;
  std::string back;
};
using HistoryLookup = std::function<HistorySubject(web::Context&, long long id)>;
// Other features add their records (indicators: "indicator"); call before serving.
void add_history_subject(std::string entity, HistoryLookup lookup);

// A section another feature adds to the initiative page (indicators: how the indicators that
// follow the initiative up roll up into its status), as rendered HTML; "" shows nothing.
using InitiativeSection =
    std::function<std::string(web::Context&, long long initiative_id, long long plan_id)>;
void add_initiative_section(InitiativeSection section);

}  // namespace samtryg::strategy
