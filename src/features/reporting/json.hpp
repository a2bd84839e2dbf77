#pragma once
// The reporting cycle's records as JSON, in the shape of the workspace exchange format
// (docs/exchange-format.md). Reading is strict: a wrong type or an unknown member anywhere,
// down to a form item, is an error named by its JSON path, because a misspelt member would
// otherwise be lost without a word.
#include <boost/json/object.hpp>

#include <optional>
#include <string>

#include "core/json/reader.hpp"
#include "features/reporting/records.hpp"

namespace samtryg::reporting {

// A round with its template; its forms and chapters are the caller's to add.
boost::json::object to_json(const Round& round);
boost::json::object to_json(const Form& form);
boost::json::object to_json(const Revision& revision);
boost::json::object to_json(const Chapter& chapter);
boost::json::object to_json(const SentReminder& reminder);

// Each reads the record's own members. `read(…, Round&)` and `read(…, Form&)` leave the nested
// "template" and "content" to read_template and read_content (Reader::nested).
void read(json::Reader& reader, Round& round);
void read(json::Reader& reader, Form& form);
void read(json::Reader& reader, Revision& revision);
void read(json::Reader& reader, Chapter& chapter);
void read(json::Reader& reader, SentReminder& reminder);

// A template or a form's answers at `path`; problems are added to `errors`.
std::optional<Template> read_template(const boost::json::value* json, const std::string& path,
                                      validation::Errors& errors);
Content read_content(const boost::json::value* json, const std::string& path,
                     validation::Errors& errors);

// check_content's problems with the answers at `path`, named by JSON path
// ("$.rounds[0].forms[2].content.answers[1].items[0].when") instead of the form's input names.
void check_content_at(const Template& form_template, const Content& content,
                      const std::string& path, validation::Errors& errors);

}  // namespace samtryg::reporting
