#include "features/reporting/model.hpp"

#include <fmt/format.h>

#include <boost/json/parse.hpp>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <set>
#include <stdexcept>

#include "core/json/reader.hpp"
#include "core/util/resources.hpp"
#include "core/util/strings.hpp"
#include "core/util/time.hpp"
#include "core/validation/fields.hpp"
#include "features/reporting/form_fields.hpp"
#include "features/strategy/model.hpp"

namespace samtryg::reporting {

namespace {

namespace bj = boost::json;

constexpr std::string_view kSectionKinds[] = {"items", "text", "questions"};
constexpr std::size_t kMaxTemplateLimit = 50000;

std::optional<SectionKind> parse_section_kind(std::string_view text) {
  if (text == "items") return SectionKind::items;
  if (text == "text") return SectionKind::text;
  if (text == "questions") return SectionKind::questions;
  return std::nullopt;
}

std::vector<Question> parse_questions(const bj::value& questions, const std::string& path,
                                      validation::Errors& errors) {
  std::vector<Question> parsed;
  if (!questions.is_array()) {
    errors.add(path, "json_expected_array");
    return parsed;
  }
  std::size_t index = 0;
  for (const auto& question_value : questions.as_array()) {
    const auto question_path = fmt::format("{}[{}]", path, index++);
    if (!question_value.is_object()) {
      errors.add(question_path, "json_expected_object");
      continue;
    }
    Question question;
    json::Reader reader(question_value.as_object(), errors, question_path);
    reader.text("key", question.key);
    reader.text("text", question.text);
    reader.reject_unknown();
    if (question.key.empty() || question.text.empty()) {
      errors.add(question_path, "field_required");
    }
    parsed.push_back(std::move(question));
  }
  return parsed;
}

Section parse_section(const bj::value& value, const std::string& path, validation::Errors& errors) {
  Section section;
  if (!value.is_object()) {
    errors.add(path, "json_expected_object");
    return section;
  }
  json::Reader reader(value.as_object(), errors, path);
  std::string kind = "text";
  long long limit = static_cast<long long>(kDefaultTextLimit);
  reader.text("key", section.key);
  reader.text("title", section.title);
  reader.text("guidance", section.guidance);
  reader.text("kind", kind);
  reader.integer("limit", limit);
  reader.text("activity_kind", section.activity_kind);
  reader.boolean("indicators", section.indicators);
  reader.known("questions");
  reader.reject_unknown();
  if (section.key.empty()) errors.add(reader.field("key"), "field_required");
  if (section.title.empty()) errors.add(reader.field("title"), "field_required");
  if (const auto parsed = parse_section_kind(kind)) {
    section.kind = *parsed;
  } else {
    errors.add(reader.field("kind"), "choice_invalid");
  }
  if (limit < 1 || limit > static_cast<long long>(kMaxTemplateLimit)) {
    errors.add(reader.field("limit"), "number_invalid");
  } else {
    section.limit = static_cast<std::size_t>(limit);
  }
  if (const auto* questions = value.as_object().if_contains("questions")) {
    section.questions = parse_questions(*questions, reader.field("questions"), errors);
  }
  if (section.kind == SectionKind::questions && section.questions.empty()) {
    errors.add(reader.field("questions"), "field_required");
  }
  return section;
}

std::string text_of(const bj::object& object, std::string_view key) {
  const auto* value = object.if_contains(key);
  return value != nullptr && value->is_string() ? std::string(value->as_string()) : std::string();
}

std::map<std::string, std::string> text_map(const bj::object& object, std::string_view key) {
  std::map<std::string, std::string> map;
  const auto* value = object.if_contains(key);
  if (value == nullptr || !value->is_object()) return map;
  for (const auto& [name, text] : value->as_object()) {
    if (text.is_string()) map[std::string(name)] = std::string(text.as_string());
  }
  return map;
}

bj::object text_map_json(const std::map<std::string, std::string>& map) {
  bj::object object;
  for (const auto& [name, text] : map) object[name] = text;
  return object;
}

void check_items(const Section& section, const Answer& answer, validation::Errors& errors) {
  if (answer.items.size() > kMaxItems) {
    errors.add(form::section_field(section.key, "items"), "form_too_many_items",
               {{"max", std::to_string(kMaxItems)}});
  }
  std::size_t index = 0;
  for (const auto& item : answer.items) {
    const auto field = [&, at = index++](std::string_view part) {
      return form::item_field(section.key, at, part);
    };
    validation::require(errors, field("text"), item.text, kMaxItemText);
    validation::choice(errors, field("status"), item.status, kItemStatuses);
    const auto when = strategy::parse_flexible_date(item.when);
    if (!when || when->kind == strategy::FlexibleDate::Kind::ongoing) {
      errors.add(field("when"), "flexible_date_invalid");
    } else if (item.status == "done" && when->kind == strategy::FlexibleDate::Kind::none) {
      errors.add(field("when"), "form_item_done_needs_date");
    }
    if (!strategy::links_valid(item.link) || item.link.find('\n') != std::string::npos) {
      errors.add(field("link"), "links_invalid");
    }
  }
}

}  // namespace

std::string_view code(SectionKind kind) {
  return kSectionKinds[static_cast<int>(kind)];
}

const Section* Template::section(std::string_view wanted) const {
  for (const auto& candidate : sections) {
    if (candidate.key == wanted) return &candidate;
  }
  return nullptr;
}

Template parse_template(const bj::value& json) {
  validation::Errors errors;
  Template result;
  if (!json.is_object()) {
    errors.add("$", "json_expected_object");
    throw validation::Invalid(errors);
  }
  json::Reader reader(json.as_object(), errors, "$");
  reader.text("key", result.key);
  reader.text("name", result.name);
  reader.text("language", result.language);
  reader.known("sections");
  reader.reject_unknown();
  if (result.key.empty()) errors.add(reader.field("key"), "field_required");
  if (result.name.empty()) errors.add(reader.field("name"), "field_required");
  const auto* sections = json.as_object().if_contains("sections");
  if (sections == nullptr || !sections->is_array() || sections->as_array().empty()) {
    errors.add(reader.field("sections"), "field_required");
  } else {
    std::set<std::string> keys;
    std::size_t index = 0;
    for (const auto& value : sections->as_array()) {
      const auto path = fmt::format("$.sections[{}]", index++);
      auto section = parse_section(value, path, errors);
      if (!section.key.empty() && !keys.insert(section.key).second) {
        errors.add(path + ".key", "form_section_duplicate");
      }
      result.sections.push_back(std::move(section));
    }
  }
  validation::throw_if_any(errors);
  return result;
}

bj::value template_json(const Template& form_template) {
  bj::array sections;
  for (const auto& section : form_template.sections) {
    bj::object object{{"key", section.key},
                      {"title", section.title},
                      {"guidance", section.guidance},
                      {"kind", code(section.kind)}};
    if (section.kind == SectionKind::text) object["limit"] = section.limit;
    if (!section.activity_kind.empty()) object["activity_kind"] = section.activity_kind;
    if (section.indicators) object["indicators"] = true;
    if (!section.questions.empty()) {
      bj::array questions;
      for (const auto& question : section.questions) {
        questions.push_back(bj::object{{"key", question.key}, {"text", question.text}});
      }
      object["questions"] = std::move(questions);
    }
    sections.push_back(std::move(object));
  }
  return bj::object{{"key", form_template.key},
                    {"name", form_template.name},
                    {"language", form_template.language},
                    {"sections", std::move(sections)}};
}

const std::vector<Template>& builtin_templates() {
  static const std::vector<Template> templates = [] {
    const auto bytes = resources::find("src/features/reporting/data/form_templates.json");
    if (!bytes) throw std::logic_error("form_templates.json is not embedded");
    std::vector<Template> parsed;
    const auto document = bj::parse(*bytes);
    for (const auto& value : document.as_object().at("templates").as_array()) {
      parsed.push_back(parse_template(value));
    }
    return parsed;
  }();
  return templates;
}

const Template* find_builtin_template(std::string_view key) {
  for (const auto& candidate : builtin_templates()) {
    if (candidate.key == key) return &candidate;
  }
  return nullptr;
}

validation::Errors check_round(std::string_view name, std::string_view period_start,
                               std::string_view period_end, std::string_view deadline) {
  validation::Errors errors;
  validation::require(errors, "name", trim(name), strategy::kMaxName);
  for (const auto& [field, value] :
       {std::pair{"period_start", period_start}, std::pair{"period_end", period_end},
        std::pair{"deadline", deadline}}) {
    if (!validation::is_iso_date(value)) errors.add(field, "date_invalid");
  }
  if (validation::is_iso_date(period_start) && validation::is_iso_date(period_end) &&
      period_end < period_start) {
    errors.add("period_end", "period_end_before_start");
  }
  if (validation::is_iso_date(period_start) && validation::is_iso_date(deadline) &&
      deadline < period_start) {
    errors.add("deadline", "round_deadline_before_period");
  }
  return errors;
}

validation::Errors check_chapter(std::string_view title, std::string_view body) {
  validation::Errors errors;
  validation::require(errors, "title", trim(title), strategy::kMaxName);
  validation::limit(errors, "body", body, kMaxChapterBody);
  return errors;
}

// ---- answers --------------------------------------------------------------------------------

const Answer* Content::answer(std::string_view section) const {
  for (const auto& candidate : answers) {
    if (candidate.section == section) return &candidate;
  }
  return nullptr;
}

Answer& Content::answer_for(const Section& section) {
  for (auto& candidate : answers) {
    if (candidate.section == section.key) return candidate;
  }
  Answer added;
  added.section = section.key;
  added.title = section.title;
  answers.push_back(std::move(added));
  return answers.back();
}

Content parse_content(const bj::value& json) {
  Content content;
  const auto* answers = json.is_object() ? json.as_object().if_contains("answers") : nullptr;
  if (answers == nullptr || !answers->is_array()) return content;
  for (const auto& value : answers->as_array()) {
    if (!value.is_object()) continue;
    const auto& object = value.as_object();
    Answer answer;
    answer.section = text_of(object, "section");
    answer.title = text_of(object, "title");
    answer.text = text_of(object, "text");
    answer.answers = text_map(object, "answers");
    answer.comments = text_map(object, "comments");
    if (const auto* items = object.if_contains("items"); items != nullptr && items->is_array()) {
      for (const auto& item_value : items->as_array()) {
        if (!item_value.is_object()) continue;
        const auto& item_object = item_value.as_object();
        Item item;
        item.text = text_of(item_object, "text");
        item.status = text_of(item_object, "status");
        item.when = text_of(item_object, "when");
        item.link = text_of(item_object, "link");
        if (const auto* id = item_object.if_contains("activity_id"); id && id->is_int64()) {
          item.activity_id = id->as_int64();
        }
        answer.items.push_back(std::move(item));
      }
    }
    content.answers.push_back(std::move(answer));
  }
  return content;
}

bj::value content_json(const Content& content) {
  bj::array answers;
  for (const auto& answer : content.answers) {
    bj::object object{{"section", answer.section}, {"title", answer.title}};
    if (!answer.text.empty()) object["text"] = answer.text;
    if (!answer.items.empty()) {
      bj::array items;
      for (const auto& item : answer.items) {
        bj::object item_object{{"text", item.text}, {"status", item.status}};
        if (!item.when.empty()) item_object["when"] = item.when;
        if (!item.link.empty()) item_object["link"] = item.link;
        if (item.activity_id) item_object["activity_id"] = *item.activity_id;
        items.push_back(std::move(item_object));
      }
      object["items"] = std::move(items);
    }
    if (!answer.answers.empty()) object["answers"] = text_map_json(answer.answers);
    if (!answer.comments.empty()) object["comments"] = text_map_json(answer.comments);
    answers.push_back(std::move(object));
  }
  return bj::object{{"answers", std::move(answers)}};
}

validation::Errors check_content(const Template& form_template, const Content& content) {
  validation::Errors errors;
  for (const auto& section : form_template.sections) {
    const auto* answer = content.answer(section.key);
    if (answer == nullptr) continue;
    switch (section.kind) {
      case SectionKind::items:
        check_items(section, *answer, errors);
        break;
      case SectionKind::text: {
        const auto length = validation::utf8_length(answer->text);
        if (length > section.limit) {
          errors.add(form::section_field(section.key, "text"), "form_text_too_long",
                     {{"count", std::to_string(length)},
                      {"max", std::to_string(section.limit)},
                      {"over", std::to_string(length - section.limit)}});
        }
        break;
      }
      case SectionKind::questions:
        for (const auto& question : section.questions) {
          const auto found = answer->answers.find(question.key);
          if (found != answer->answers.end() && !found->second.empty()) {
            validation::choice(errors, form::question_field(section.key, question.key),
                               found->second, kYesNo);
          }
          const auto comment = answer->comments.find(question.key);
          if (comment != answer->comments.end()) {
            validation::limit(errors, form::comment_field(section.key, question.key),
                              comment->second, kMaxComment);
          }
        }
        break;
    }
  }
  return errors;
}

Content carried_forward(const Template& form_template, const Content& previous) {
  Content next;
  for (const auto& section : form_template.sections) {
    if (section.kind != SectionKind::items) continue;
    const auto* answer = previous.answer(section.key);
    if (answer == nullptr) continue;
    std::vector<Item> open;
    // What nobody could say anything about last time is asked again.
    std::copy_if(answer->items.begin(), answer->items.end(), std::back_inserter(open),
                 [](const Item& item) { return item.open() || item.status == "unknown"; });
    if (open.empty()) continue;
    next.answer_for(section).items = std::move(open);
  }
  return next;
}

namespace {

// The words of a text as compared: ASCII letters in lower case, runs of spaces as one, no
// closing "." "…" ":" or spaces.
std::string comparable(std::string_view text) {
  std::string out;
  for (const char c : trim(text)) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
      continue;
    }
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  for (;;) {
    if (out.ends_with("…")) {
      out.resize(out.size() - std::string_view("…").size());
    } else if (!out.empty() && (out.back() == '.' || out.back() == ':' || out.back() == ' ')) {
      out.pop_back();
    } else {
      break;
    }
  }
  return out;
}

}  // namespace

bool same_activity(const strategy::Activity& registered, const strategy::Activity& from_item) {
  if (registered.kind != from_item.kind) return false;
  // A long item keeps its whole text as the description and a cut of it as the title.
  const auto item_text =
      comparable(from_item.description.empty() ? from_item.title : from_item.description);
  if (item_text.empty()) return false;
  return comparable(registered.title) == item_text ||
         comparable(registered.description) == item_text ||
         comparable(registered.title) == comparable(from_item.title);
}

strategy::Activity register_activity_for(const Section& section, const Item& item,
                                         long long initiative_id) {
  strategy::Activity activity;
  activity.initiative_id = initiative_id;
  activity.kind = section.activity_kind;
  activity.status = item.status;
  activity.links = item.link;
  (item.status == "done" ? activity.done_when : activity.planned_when) = item.when;
  const auto text = trim(item.text);
  if (validation::utf8_length(text) <= strategy::kMaxTitle) {
    activity.title = std::string(text);
    return activity;
  }
  // Cut at the last space that keeps the title (and its ellipsis) within the limit, never
  // inside a UTF-8 sequence.
  std::size_t cut = 0;
  std::size_t characters = 0;
  for (std::size_t at = 0; at < text.size() && characters < strategy::kMaxTitle - 1; ++at) {
    const auto byte = static_cast<unsigned char>(text[at]);
    if ((byte & 0xC0U) != 0x80U) ++characters;
    if (text[at] == ' ') cut = at;
  }
  if (cut == 0) {
    characters = 0;
    while (cut < text.size()) {
      const auto byte = static_cast<unsigned char>(text[cut]);
      if ((byte & 0xC0U) != 0x80U && ++characters == strategy::kMaxTitle) break;
      ++cut;
    }
  }
  activity.title = fmt::format("{}…", trim(text.substr(0, cut)));
  activity.description = std::string(text);
  return activity;
}

// ---- workflow -------------------------------------------------------------------------------

namespace {
constexpr std::string_view kFormStatuses[] = {"draft", "submitted", "returned", "approved"};
}  // namespace

std::string_view code(FormStatus status) {
  return kFormStatuses[static_cast<int>(status)];
}

std::optional<FormStatus> parse_form_status(std::string_view text) {
  for (int index = 0; index < 4; ++index) {
    if (kFormStatuses[index] == text) return static_cast<FormStatus>(index);
  }
  return std::nullopt;
}

std::optional<FormStatus> after(FormStatus status, Step step, const Role& role) {
  const bool may_write = role.coordinator || role.lead;
  const bool open = status == FormStatus::draft || status == FormStatus::returned;
  switch (step) {
    case Step::save:
      if (save_refusal(status, role).empty()) return status;
      return std::nullopt;
    case Step::submit:
      if (may_write && open) return FormStatus::submitted;
      return std::nullopt;
    case Step::return_to_lead:
      if (role.coordinator && status == FormStatus::submitted) return FormStatus::returned;
      return std::nullopt;
    case Step::approve:
      if (role.coordinator && status == FormStatus::submitted) return FormStatus::approved;
      return std::nullopt;
    case Step::reopen:
      if (role.coordinator && status == FormStatus::approved) return FormStatus::returned;
      return std::nullopt;
  }
  return std::nullopt;
}

std::string_view save_refusal(FormStatus status, const Role& role) {
  if (!role.coordinator && !role.lead) return "form_not_yours";
  switch (status) {
    case FormStatus::draft:
    case FormStatus::returned:
      return {};
    case FormStatus::submitted:
      return role.coordinator ? std::string_view{} : std::string_view{"form_locked_submitted"};
    case FormStatus::approved:
      return "form_locked_approved";
  }
  return "form_locked_approved";
}

bool is_late(std::string_view submitted_at, std::string_view deadline) {
  if (submitted_at.size() < 10 || deadline.size() < 10) return false;
  return submitted_at.substr(0, 10) > deadline.substr(0, 10);
}

std::string_view code(ReminderKind kind) {
  return kind == ReminderKind::overdue ? "overdue" : "before_deadline";
}

std::optional<ReminderKind> parse_reminder_kind(std::string_view code) {
  if (code == "overdue") return ReminderKind::overdue;
  if (code == "before_deadline") return ReminderKind::before_deadline;
  return std::nullopt;
}

std::optional<ReminderKind> reminder_due(FormStatus status, std::string_view deadline,
                                         std::string_view today, int days_before,
                                         const RemindersSent& sent) {
  if (status == FormStatus::submitted || status == FormStatus::approved) return std::nullopt;
  if (!validation::is_iso_date(deadline) || !validation::is_iso_date(today)) return std::nullopt;
  if (today > deadline) {
    if (sent.overdue) return std::nullopt;
    return ReminderKind::overdue;
  }
  const auto days_left = (std::chrono::sys_days{*parse_iso_day(deadline)} -
                          std::chrono::sys_days{*parse_iso_day(today)})
                             .count();
  if (days_left <= days_before && !sent.before_deadline) return ReminderKind::before_deadline;
  return std::nullopt;
}

}  // namespace samtryg::reporting
