#pragma once
// The one JSON shape of promises and their follow-ups: the API's answers, the audit entries and
// the workspace document all use it.
#include <boost/json.hpp>

#include "core/json/reader.hpp"
#include "features/promises/model.hpp"

namespace samtryg::promises {

boost::json::object to_json(const Promise& promise);
boost::json::object to_json(const FollowUp& follow_up);

// Each reads the members present into `out`; wrong types and unknown members are the caller's
// reader's errors.
void read(json::Reader& reader, Promise& promise);
void read(json::Reader& reader, FollowUp& follow_up);

}  // namespace samtryg::promises
