#include "features/reporting/json.hpp"

#include <fmt/format.h>

#include <set>

#include "features/reporting/form_fields.hpp"

namespace samtryg::reporting {

namespace {

namespace bj = boost::json;

bj::value optional(const std::optional<long long>& value) {
  return value ? bj::value(*value) : bj::value(nullptr);
}

// A member that is an object of texts (question key → answer).
void read_text_map(json::Reader& reader, std::string_view key,
                   std::map<std::string, std::string>& out) {
  const auto* member = reader.nested(key);
  if (member == nullptr) return;
  if (!member->is_object()) {
    reader.errors().add(reader.field(key), "json_expected_object");
    return;
  }
  for (const auto& [name, text] : member->get_object()) {
    if (!text.is_string()) {
      reader.errors().add(reader.field(key) + "." + std::string(name), "json_expected_text");
      continue;
    }
    out[std::string(name)] = std::string(text.get_string());
  }
}

// A member naming one of an enum's codes; an unknown code is reported and `out` kept.
template <class Parse, class Enum>
void read_code(json::Reader& reader, std::string_view key, Parse parse, Enum& out) {
  std::string text;
  if (!reader.text(key, text)) return;
  if (const auto parsed = parse(text)) {
    out = *parsed;
  } else {
    reader.errors().add(reader.field(key), "choice_invalid");
  }
}

Item read_item(json::Reader& reader) {
  Item item;
  reader.text("text", item.text);
  reader.text("status", item.status);
  reader.text("when", item.when);
  reader.text("link", item.link);
  reader.optional_integer("activity_id", item.activity_id);
  reader.reject_unknown();
  return item;
}

}  // namespace

bj::object to_json(const Round& round) {
  return {{"id", round.id},
          {"plan_id", round.plan_id},
          {"name", round.name},
          {"period_start", round.period_start},
          {"period_end", round.period_end},
          {"deadline", round.deadline},
          {"template", template_json(round.form_template)},
          {"previous_round_id", optional(round.previous_round_id)},
          {"published_on", round.published_on},
          {"created_at", round.created_at},
          {"updated_at", round.updated_at}};
}

bj::object to_json(const Form& form) {
  return {{"initiative_id", form.initiative_id},
          {"status", code(form.status)},
          {"revision", form.revision},
          {"submitted_at", form.submitted_at},
          {"late", form.late},
          {"comment", form.comment},
          {"summary", form.summary},
          {"updated_at", form.updated_at},
          {"updated_by", form.updated_by},
          {"content", content_json(form.content)}};
}

bj::object to_json(const Revision& revision) {
  return {{"revision", revision.revision}, {"status", code(revision.status)},
          {"saved_at", revision.saved_at}, {"saved_by", revision.saved_by},
          {"note", revision.note},         {"content", content_json(revision.content)}};
}

bj::object to_json(const Chapter& chapter) {
  return {{"key", chapter.key},
          {"position", chapter.position},
          {"title", chapter.title},
          {"body", chapter.body},
          {"updated_at", chapter.updated_at}};
}

bj::object to_json(const SentReminder& reminder) {
  return {{"kind", code(reminder.kind)},
          {"recipient", reminder.recipient},
          {"sent_at", reminder.sent_at}};
}

void read(json::Reader& reader, Round& round) {
  reader.integer("id", round.id);
  reader.integer("plan_id", round.plan_id);
  reader.text("name", round.name);
  reader.text("period_start", round.period_start);
  reader.text("period_end", round.period_end);
  reader.text("deadline", round.deadline);
  reader.optional_integer("previous_round_id", round.previous_round_id);
  reader.text("published_on", round.published_on);
  reader.text("created_at", round.created_at);
  reader.text("updated_at", round.updated_at);
}

void read(json::Reader& reader, Form& form) {
  reader.integer("initiative_id", form.initiative_id);
  read_code(reader, "status", parse_form_status, form.status);
  reader.integer("revision", form.revision);
  reader.text("submitted_at", form.submitted_at);
  reader.boolean("late", form.late);
  reader.text("comment", form.comment);
  reader.text("summary", form.summary);  // absent in documents written before it existed
  reader.text("updated_at", form.updated_at);
  reader.text("updated_by", form.updated_by);
}

void read(json::Reader& reader, Revision& revision) {
  reader.integer("revision", revision.revision);
  read_code(reader, "status", parse_form_status, revision.status);
  reader.text("saved_at", revision.saved_at);
  reader.text("saved_by", revision.saved_by);
  reader.text("note", revision.note);
}

void read(json::Reader& reader, Chapter& chapter) {
  reader.text("key", chapter.key);
  reader.integer("position", chapter.position);
  reader.text("title", chapter.title);
  reader.text("body", chapter.body);
  reader.text("updated_at", chapter.updated_at);
}

void read(json::Reader& reader, SentReminder& reminder) {
  read_code(reader, "kind", parse_reminder_kind, reminder.kind);
  reader.text("recipient", reminder.recipient);
  reader.text("sent_at", reminder.sent_at);
}

std::optional<Template> read_template(const bj::value* json, const std::string& path,
                                      validation::Errors& errors) {
  if (json == nullptr) {
    errors.add(path, "field_required");
    return std::nullopt;
  }
  try {
    return parse_template(*json);
  } catch (const validation::Invalid& invalid) {
    // parse_template names its problems from the template's own root ("$.sections[2].kind").
    for (const auto& error : invalid.errors.items()) {
      errors.add(path + error.field.substr(1), error.message_key, error.values);
    }
    return std::nullopt;
  }
}

Content read_content(const bj::value* json, const std::string& path, validation::Errors& errors) {
  Content content;
  if (json == nullptr || !json->is_object()) {
    errors.add(path, json == nullptr ? "field_required" : "json_expected_object");
    return content;
  }
  json::Reader reader(json->get_object(), errors, path);
  std::set<std::string> sections;
  reader.objects("answers", [&](const std::string& answer_path, const bj::object& object) {
    json::Reader answer_reader(object, errors, answer_path);
    Answer answer;
    answer_reader.text("section", answer.section);
    answer_reader.text("title", answer.title);
    answer_reader.text("text", answer.text);
    answer_reader.objects("items", [&](const std::string& item_path, const bj::object& item) {
      json::Reader item_reader(item, errors, item_path);
      answer.items.push_back(read_item(item_reader));
    });
    read_text_map(answer_reader, "answers", answer.answers);
    read_text_map(answer_reader, "comments", answer.comments);
    answer_reader.reject_unknown();
    if (answer.section.empty()) {
      errors.add(answer_reader.field("section"), "field_required");
    } else if (!sections.insert(answer.section).second) {
      errors.add(answer_reader.field("section"), "form_section_duplicate");
    }
    content.answers.push_back(std::move(answer));
  });
  reader.reject_unknown();
  return content;
}

void check_content_at(const Template& form_template, const Content& content,
                      const std::string& path, validation::Errors& errors) {
  const auto found = check_content(form_template, content);
  for (const auto& error : found.items()) {
    errors.add(form::json_path(content, path, error.field), error.message_key, error.values);
  }
}

}  // namespace samtryg::reporting
