#pragma once
// The one JSON shape of meetings and their parts: the API's answers, the audit entries and the
// workspace document all use it.
#include <boost/json.hpp>

#include "core/json/reader.hpp"
#include "features/meetings/model.hpp"

namespace samtryg::meetings {

boost::json::object to_json(const Meeting& meeting);
boost::json::object to_json(const Item& item);
boost::json::object to_json(const Decision& decision);
boost::json::object to_json(const Action& action);
boost::json::object to_json(const Theme& theme);

void read(json::Reader& reader, Meeting& meeting);
void read(json::Reader& reader, Item& item);
void read(json::Reader& reader, Decision& decision);
void read(json::Reader& reader, Action& action);
// What a theme's proposer and coordinator write, and its id and times for import.
void read(json::Reader& reader, Theme& theme);

}  // namespace samtryg::meetings
