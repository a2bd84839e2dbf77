#pragma once
#include "core/web/app.hpp"

namespace samtryg::surveys {

// /api/v1/surveys: the surveys with their waves, questions and results (share and response rate
// worked out), and writes for coordinators: a survey, a wave, a question, a result.
void add_api_routes(web::App& app);

}  // namespace samtryg::surveys
