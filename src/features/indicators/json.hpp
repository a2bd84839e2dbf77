#pragma once
// The indicators' records as JSON: one shape for the JSON API, the audit log and the
// workspace exchange format (docs/exchange-format.md).
#include <boost/json/object.hpp>

#include "core/json/reader.hpp"
#include "features/indicators/model.hpp"

namespace samtryg::indicators {

boost::json::object to_json(const Area& area);
boost::json::object to_json(const Indicator& indicator);
boost::json::object to_json(const Link& link);
boost::json::object to_json(const Target& target);
boost::json::object to_json(const Value& value);

void read(json::Reader& reader, Area& area);
void read(json::Reader& reader, Indicator& indicator);
void read(json::Reader& reader, Link& link);
void read(json::Reader& reader, Target& target);
void read(json::Reader& reader, Value& value);

}  // namespace samtryg::indicators
