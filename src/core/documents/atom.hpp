#pragma once
// An Atom feed (RFC 4287) of public updates: a promise's follow-ups now, a workspace's news
// later. Every text goes through the XML writer, so nothing a person typed can break the feed.
#include <string>
#include <vector>

namespace samtryg::documents {

struct FeedEntry {
  std::string id;  // a permanent IRI (tag: URI), never reused
  std::string title;
  std::string updated;  // RFC 3339: "2026-11-22T10:15:03Z"
  std::string link;     // the page the entry is about, absolute
  std::string content;  // plain text
};

struct Feed {
  std::string id;
  std::string title;
  std::string updated;             // the newest entry's, or when the subject last changed
  std::string self;                // the feed's own absolute address
  std::string alternate;           // the page it follows, absolute
  std::string author;              // who publishes it: the workspace's name
  std::string language;            // "da", "sv", "en"
  std::vector<FeedEntry> entries;  // newest first
};

std::string atom_xml(const Feed& feed);

// A tag: URI (RFC 4151) for something first published on `day` (YYYY-MM-DD) at `public_url`'s
// host: "tag:tryg.aalborg.dk,2026-11-22:promise/3".
std::string tag_uri(const std::string& public_url, const std::string& day,
                    const std::string& specific);

}  // namespace samtryg::documents
