#pragma once
// What the promises' pages share; internal to the promises feature. Each page file adds its own
// routes (add_*_routes); pages.cpp adds them all with the hooks it fills.
#include <string>

#include "core/view/render.hpp"
#include "core/web/app.hpp"
#include "core/web/templates.hpp"
#include "features/promises/queries.hpp"

namespace samtryg::promises {

using http::Method;
using http::Response;
using web::Context;

inline constexpr web::Templates kTemplates{"promises"};

std::string notice_text(const Context& context);
std::string promise_path(long long id);
// "1 March 2016 – 31 December 2016".
std::string period_text(const Context& context, const Promise& promise);

// What a promise's story is told with besides the promise: its follow-ups, and the dialogue
// themes, initiatives and indicators already filtered to what the reader may see.
struct StoryParts {
  const std::vector<FollowUp>& follow_ups;
  const std::vector<RaisedTheme>& themes;
  const std::vector<Named>& initiatives;
  const std::vector<Named>& indicators;
  const std::vector<LinkedActivity>& activities;
  const std::vector<surveys::QuestionTrend>& evidence;
};

// The parts of a promise both its staff page and its public page show: the dialogue themes and
// problems it answers, the text, period, signatories, commitments (promised beside achieved),
// the initiatives and indicators (with links when `links` is set), and every follow-up, the
// latest first, with its status and account.
view::Data promise_data(const Context& context, const Promise& promise, const StoryParts& parts,
                        bool links);

void add_promise_page_routes(web::App& app);
void add_promise_form_routes(web::App& app);
void add_public_routes(web::App& app);

}  // namespace samtryg::promises
