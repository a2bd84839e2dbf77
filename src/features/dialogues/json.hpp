#pragma once
// The one JSON shape of dialogues and their themes: the API's answers, the audit entries and
// the workspace document all use it.
#include <boost/json.hpp>

#include "core/json/reader.hpp"
#include "features/dialogues/model.hpp"

namespace samtryg::dialogues {

boost::json::object to_json(const Dialogue& dialogue);
boost::json::object to_json(const Participants& participants);
boost::json::object to_json(const Theme& theme);

// Each reads the members present into `out`; wrong types and unknown members are the
// caller's reader's errors. The themes of a dialogue are the caller's.
void read(json::Reader& reader, Dialogue& dialogue);
void read(json::Reader& reader, Participants& participants);
void read(json::Reader& reader, Theme& theme);

}  // namespace samtryg::dialogues
