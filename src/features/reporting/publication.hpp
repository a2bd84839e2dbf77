#pragma once
// A round's compiled report on the public site (issue 25: "published reports … once a
// coordinator publishes it"): publishing and withdrawing it (coordinators, audited), and what the
// site shows: a home section listing the published reports and a page per report with the PDF
// and the HTML, compiled as the public reads the round (the forms handed in of published
// initiatives), so nothing unpublished is in it.
#include "core/auth/actor.hpp"
#include "core/db/database.hpp"
#include "core/web/app.hpp"

namespace samtryg::reporting {

// Coordinators; the round's plan must be published (validation::Invalid "round_publish_plan"
// otherwise). `today` is the day it goes public.
void publish_report(db::Database& database, const auth::Actor& actor, long long round_id,
                    const std::string& today);
void withdraw_report(db::Database& database, const auth::Actor& actor, long long round_id);

void add_publication_routes(web::App& app);

}  // namespace samtryg::reporting
