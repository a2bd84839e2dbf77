#pragma once
// The register's records as JSON: one shape shared by the JSON API, the audit log and the
// workspace exchange format (docs/exchange-format.md), so they cannot drift apart.
#include <boost/json/object.hpp>

#include "core/json/reader.hpp"
#include "features/strategy/model.hpp"

namespace samtryg::strategy {

boost::json::object to_json(const Party& party);
boost::json::object to_json(const Channel& channel);
boost::json::object to_json(const Plan& plan);
boost::json::object to_json(const FocusArea& area);
boost::json::object to_json(const Initiative& initiative);
boost::json::object to_json(const StatusChange& change);
boost::json::object to_json(const Activity& activity);
boost::json::object to_json(const Group& group);
boost::json::object to_json(const GroupMember& member);
// A document's description, without its content.
boost::json::object to_json(const Document& document);

// Each reads the members present (read-only ones such as created_at included, so import can
// restore them; the API overrides those itself) and reports wrong types through the reader.
void read(json::Reader& reader, Party& party);
void read(json::Reader& reader, Channel& channel);
void read(json::Reader& reader, Plan& plan);
void read(json::Reader& reader, FocusArea& area);
void read(json::Reader& reader, Initiative& initiative);
void read(json::Reader& reader, StatusChange& change);
void read(json::Reader& reader, Activity& activity);
void read(json::Reader& reader, Group& group);
void read(json::Reader& reader, GroupMember& member);

}  // namespace samtryg::strategy
