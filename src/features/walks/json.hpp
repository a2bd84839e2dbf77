#pragma once
// The one JSON shape of walks, their groups, findings and actions: the API's answers, the
// audit entries and the workspace document all use it.
#include <boost/json.hpp>

#include "core/json/reader.hpp"
#include "features/walks/model.hpp"

namespace samtryg::walks {

boost::json::object to_json(const Walk& walk);
boost::json::object to_json(const Counts& counts);
boost::json::object to_json(const Group& group);
boost::json::object to_json(const Finding& finding);
boost::json::object to_json(const Action& action);
boost::json::object to_json(const Photo& photo);

// Each reads the members present into `out`; wrong types and unknown members are the
// caller's reader's errors. Nested lists (groups, findings, actions) are the caller's.
void read(json::Reader& reader, Walk& walk);
void read(json::Reader& reader, Counts& counts);
void read(json::Reader& reader, Group& group);
void read(json::Reader& reader, Finding& finding);
void read(json::Reader& reader, Action& action);
void read(json::Reader& reader, Photo& photo);

}  // namespace samtryg::walks
