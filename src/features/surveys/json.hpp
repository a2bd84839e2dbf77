#pragma once
// The one JSON shape of surveys, their waves, questions and results: the API's answers, the
// audit entries and the workspace document all use it.
#include <boost/json.hpp>

#include "core/json/reader.hpp"
#include "features/surveys/model.hpp"

namespace samtryg::surveys {

boost::json::object to_json(const Survey& survey);
boost::json::object to_json(const Wave& wave);
boost::json::object to_json(const Question& question);
// With the figures worked out from it (share, response rate) when `question` is given.
boost::json::object to_json(const Result& result, const Question* question = nullptr);

// Each reads the members present into `out`; wrong types and unknown members are the caller's
// reader's errors.
void read(json::Reader& reader, Survey& survey);
void read(json::Reader& reader, Wave& wave);
void read(json::Reader& reader, Question& question);
// `percents` is a list of numbers or nulls.
void read(json::Reader& reader, Result& result);

}  // namespace samtryg::surveys
