#pragma once
// The hook a meeting's agenda offers: what each feature has to put before a body since its
// previous meeting (seed 001: at every ordinary meeting the police account for the crime
// picture, the council discusses whether to start or adjust measures). A feature that has
// something to report fills the hook while its routes are added; the coordinator picks among
// the suggestions, and each picked one becomes an agenda item to edit like any other.
#include <soci/soci.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/web/context.hpp"
#include "features/meetings/model.hpp"

namespace samtryg::meetings {

// The stretch of time an agenda looks back over: from the body's previous meeting (exclusive;
// "" when this is its first) to this meeting's day (inclusive), both ISO days.
struct AgendaPeriod {
  long long meeting_id = 0;  // the meeting whose agenda it is
  std::optional<long long> group_id;
  std::string since;
  std::string until;
};

// One proposed agenda item, in the reader's language: a title, the lines that explain it, and
// charts (SVG with their alternative text) that go with the item onto the agenda as they stand.
struct AgendaSuggestion {
  std::string title;
  std::string description;
  std::vector<Figure> figures{};
  // A theme proposed for this meeting (the meetings feature's own source): the item takes it up.
  std::optional<long long> theme_id{};
};

// The lines of a proposal's description, one per line.
inline std::string agenda_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) {
    if (!out.empty()) out += '\n';
    out += line;
  }
  return out;
}

// Suggestions are shown by `order`, lowest first; a source with nothing to report returns none.
// It reads through the connection it is given, as the signed-in person may read.
struct AgendaSource {
  int order = 0;
  std::function<std::vector<AgendaSuggestion>(web::Context&, soci::session&, const AgendaPeriod&)>
      suggest;
};

struct AgendaSources {
  std::vector<AgendaSource> sources;
};

}  // namespace samtryg::meetings
