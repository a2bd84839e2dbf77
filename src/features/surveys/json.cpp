#include "features/surveys/json.hpp"

namespace samtryg::surveys {

namespace {

template <class T>
boost::json::value optional(const std::optional<T>& value) {
  return value ? boost::json::value(*value) : boost::json::value(nullptr);
}

}  // namespace

boost::json::object to_json(const Survey& survey) {
  return {{"id", survey.id},
          {"name", survey.name},
          {"kind", survey.kind},
          {"publisher", survey.publisher},
          {"description", survey.description},
          {"created_at", survey.created_at},
          {"updated_at", survey.updated_at},
          {"row_version", survey.row_version}};
}

boost::json::object to_json(const Wave& wave) {
  return {{"id", wave.id}, {"period", wave.period}, {"fielded", wave.fielded}, {"note", wave.note}};
}

boost::json::object to_json(const Question& question) {
  boost::json::array options;
  for (const auto& option : question.options) {
    options.push_back(boost::json::object{{"label", option.label}, {"in_share", option.in_share}});
  }
  return {{"id", question.id},
          {"text", question.text},
          {"share_label", question.share_label},
          {"options", std::move(options)},
          {"indicator_id", optional(question.indicator_id)},
          {"created_at", question.created_at},
          {"updated_at", question.updated_at},
          {"row_version", question.row_version}};
}

boost::json::object to_json(const Result& result, const Question* question) {
  boost::json::array percents;
  for (const auto& percent : result.percents) percents.push_back(optional(percent));
  if (question != nullptr) {
    while (percents.size() < question->options.size()) percents.emplace_back(nullptr);
  }
  boost::json::object json{{"id", result.id},
                           {"wave_id", result.wave_id},
                           {"question_id", result.question_id},
                           {"area_id", optional(result.area_id)},
                           {"respondents", optional(result.respondents)},
                           {"invited", optional(result.invited)},
                           {"percents", std::move(percents)},
                           {"updated_at", result.updated_at}};
  if (question != nullptr) {
    json["share"] = optional(share(*question, result));
    json["response_rate"] = optional(response_rate(result));
  }
  return json;
}

void read(json::Reader& reader, Survey& survey) {
  reader.integer("id", survey.id);
  reader.text("name", survey.name);
  reader.text("kind", survey.kind);
  reader.text("publisher", survey.publisher);
  reader.text("description", survey.description);
  reader.text("created_at", survey.created_at);
  reader.text("updated_at", survey.updated_at);
  reader.integer("row_version", survey.row_version);
}

void read(json::Reader& reader, Wave& wave) {
  reader.integer("id", wave.id);
  reader.text("period", wave.period);
  reader.text("fielded", wave.fielded);
  reader.text("note", wave.note);
}

void read(json::Reader& reader, Question& question) {
  reader.integer("id", question.id);
  reader.text("text", question.text);
  reader.text("share_label", question.share_label);
  if (reader.has("options")) question.options.clear();
  reader.objects("options", [&](const std::string& path, const boost::json::object& item) {
    json::Reader option_reader(item, reader.errors(), path);
    Option option;
    option_reader.text("label", option.label);
    option_reader.boolean("in_share", option.in_share);
    option_reader.reject_unknown();
    question.options.push_back(std::move(option));
  });
  reader.optional_integer("indicator_id", question.indicator_id);
  reader.text("created_at", question.created_at);
  reader.text("updated_at", question.updated_at);
  reader.integer("row_version", question.row_version);
}

void read(json::Reader& reader, Result& result) {
  reader.integer("id", result.id);
  reader.integer("wave_id", result.wave_id);
  reader.integer("question_id", result.question_id);
  reader.optional_integer("area_id", result.area_id);
  reader.optional_integer("respondents", result.respondents);
  reader.optional_integer("invited", result.invited);
  reader.text("updated_at", result.updated_at);
  // Worked out from the rest: accepted so an exported result reads back, never stored.
  reader.known("share");
  reader.known("response_rate");
  if (const auto* list = reader.nested("percents")) {
    if (!list->is_array()) {
      reader.errors().add(reader.field("percents"), "json_expected_array");
      return;
    }
    result.percents.clear();
    for (const auto& item : list->get_array()) {
      if (item.is_null()) {
        result.percents.emplace_back(std::nullopt);
      } else if (item.is_number()) {
        result.percents.emplace_back(item.to_number<double>());
      } else {
        reader.errors().add(reader.field("percents"), "json_expected_number");
        return;
      }
    }
  }
}

}  // namespace samtryg::surveys
