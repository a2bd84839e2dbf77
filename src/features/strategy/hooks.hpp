#pragma once
// The hooks the register's pages offer the features that build on it.
#include <functional>
#include <string>
#include <vector>

#include "core/web/context.hpp"

namespace samtryg::strategy {

// Sections other features add to the initiative page (indicators: how the indicators that
// follow the initiative up roll up into its status), each rendered HTML; "" shows nothing.
// They run before the page takes its own database connection.
using InitiativeSection =
    std::function<std::string(web::Context&, long long initiative_id, long long plan_id)>;
struct InitiativeSections {
  std::vector<InitiativeSection> sections;
};

// Links other features add to the plan page's actions (indicators: the dashboard; reporting:
// the reporting rounds): /plans/{id} followed by `path`.
struct PlanLink {
  std::string path;           // "/indicators"
  std::string label_key;      // catalog key of the link's text
  bool members_only = false;  // hidden from viewers, who read published content only
};
struct PlanLinks {
  std::vector<PlanLink> links;
};

// The parts other features add to the OpenAPI document at /api/v1/openapi.json: each an
// embedded resource ("src/features/walks/data/openapi.json") holding `paths` and
// `components.schemas` of its own, merged into the register's document.
struct ApiDescriptions {
  std::vector<std::string> resources;
};

}  // namespace samtryg::strategy
