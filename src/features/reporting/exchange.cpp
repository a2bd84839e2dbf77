#include "features/reporting/exchange.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/exchange/records.hpp"
#include "core/validation/fields.hpp"
#include "features/reporting/commands.hpp"
#include "features/reporting/json.hpp"
#include "features/reporting/store.hpp"
#include "features/reporting/summary.hpp"

namespace samtryg::reporting {

namespace {

using boost::json::array;
using exchange::Reading;
using exchange::Storing;
using exchange::Writing;

struct FormEntry {
  Form form;
  std::vector<Revision> revisions;
  std::vector<SentReminder> reminders;
};

struct RoundEntry {
  Round round;
  std::vector<FormEntry> forms;
  std::vector<Chapter> chapters;
};

// Form items point at register activities; in the document they use its activity ids. An item
// whose activity was deleted since keeps its text and loses the link.
template <class Lookup>
Content relinked(Content content, const Lookup& activity_id) {
  for (auto& answer : content.answers) {
    for (auto& item : answer.items) {
      if (item.activity_id) item.activity_id = activity_id(*item.activity_id);
    }
  }
  return content;
}

// ---- export ----------------------------------------------------------------------------------

array export_forms(Writing& out, const Round& round) {
  std::map<long long, array> reminders_of;
  for (const auto& reminder : store::sent_reminders(out.sql, out.workspace_id, round.id)) {
    reminders_of[reminder.form_id].push_back(to_json(reminder));
  }
  const auto& activity_ids = out.ids.of("activity");
  const auto local_activity = [&](long long activity) { return activity_ids.find(activity); };
  auto rows = store::round_forms(out.sql, round.id);
  std::sort(rows.begin(), rows.end(),
            [](const auto& a, const auto& b) { return a.form.id < b.form.id; });
  array forms;
  for (const auto& row : rows) {
    auto form = row.form;
    form.content = relinked(std::move(form.content), local_activity);
    auto form_json = to_json(form);
    out.ids.relink(form_json, "initiative_id", "initiative");
    array revisions;
    for (auto revision : store::revisions(out.sql, row.form.id)) {
      revision.content = relinked(std::move(revision.content), local_activity);
      revisions.push_back(to_json(revision));
    }
    form_json["revisions"] = std::move(revisions);
    form_json["reminders"] = std::move(reminders_of[row.form.id]);
    forms.push_back(std::move(form_json));
  }
  return forms;
}

array export_rounds(Writing& out) {
  auto& round_ids = out.ids.of("round");
  array rounds;
  for (const auto& round : store::all_rounds(out.sql, out.workspace_id)) {
    auto json = to_json(round);
    json["id"] = round_ids.add(round.id);
    out.ids.relink(json, "plan_id", "plan");
    out.ids.relink(json, "previous_round_id", "round");
    json["forms"] = export_forms(out, round);
    array chapters;
    for (const auto& chapter : store::chapters(out.sql, round.id)) {
      chapters.push_back(to_json(chapter));
    }
    json["chapters"] = std::move(chapters);
    rounds.push_back(std::move(json));
  }
  return rounds;
}

// ---- import: reading and checking ------------------------------------------------------------

// A form's or revision's answers ("content"), checked against the round's template (when it
// could be read) and with their items' activities among the document's.
Content read_answers(Reading& in, json::Reader& reader, const std::string& path,
                     const std::optional<Template>& form_template) {
  const auto content_path = path + ".content";
  auto content = read_content(reader.nested("content"), content_path, in.errors);
  if (form_template) check_content_at(*form_template, content, content_path, in.errors);
  for (std::size_t a = 0; a < content.answers.size(); ++a) {
    const auto& items = content.answers[a].items;
    for (std::size_t i = 0; i < items.size(); ++i) {
      in.check_ref(content_path + ".answers[" + std::to_string(a) + "].items[" + std::to_string(i) +
                       "].activity_id",
                   "activity", items[i].activity_id);
    }
  }
  return content;
}

std::vector<Revision> read_revisions(Reading& in, json::Reader& reader,
                                     const std::optional<Template>& form_template) {
  return exchange::read_records<Revision>(
      in, reader, "revisions",
      {.validate =
           [](const Revision& revision) {
             validation::Errors errors;
             if (revision.revision < 0) errors.add("revision", "field_required");
             return errors;
           },
       .unique = [](const Revision& revision) -> std::optional<std::string> {
         if (revision.revision < 0) return std::nullopt;
         return std::to_string(revision.revision);
       },
       .unique_member = "revision",
       .unique_error = "exchange_revision_duplicate"},
      [&](json::Reader& revision_reader, Revision& revision, const std::string& path) {
        read(revision_reader, revision);
        revision.content = read_answers(in, revision_reader, path, form_template);
      });
}

std::vector<SentReminder> read_reminders(Reading& in, json::Reader& reader) {
  return exchange::read_records<SentReminder>(
      in, reader, "reminders",
      {.validate =
           [](const SentReminder& reminder) {
             validation::Errors errors;
             validation::require(errors, "recipient", reminder.recipient, 320);
             return errors;
           },
       .unique = [](const SentReminder& reminder) -> std::optional<std::string> {
         return std::string(code(reminder.kind));
       },
       .unique_member = "kind",
       .unique_error = "exchange_reminder_duplicate"},
      [](json::Reader& reminder_reader, SentReminder& reminder, const std::string&) {
        read(reminder_reader, reminder);
      });
}

// One form of a round of `round_plan_id`: its initiative must be one of that plan's.
void read_form(Reading& in, json::Reader& reader, const std::string& path, const Round& round,
               const std::optional<Template>& form_template, FormEntry& entry) {
  const auto round_plan_id = round.plan_id;
  auto& form = entry.form;
  read(reader, form);
  form.content = read_answers(in, reader, path, form_template);
  const auto plan = in.ids.owner("initiative", form.initiative_id);
  if (!in.ids.contains("initiative", form.initiative_id)) {
    in.add(path + ".initiative_id", "json_reference_unknown");
  } else if (plan != round_plan_id) {
    in.add(path + ".initiative_id", "link_not_in_plan");
  }
  if (form.revision < 0) in.add(path + ".revision", "field_required");
  validation::limit(in.errors, path + ".comment", form.comment, kMaxComment);
  validation::limit(in.errors, path + ".summary", form.summary, kMaxSummary);
  if (!form.submitted_at.empty() && !validation::is_iso_date(form.submitted_at.substr(0, 10))) {
    in.add(path + ".submitted_at", "date_invalid");
  } else if (form.late !=
             (!form.submitted_at.empty() && is_late(form.submitted_at, round.deadline))) {
    // "late" is what the pages work out from the submission and the deadline, never a claim.
    in.add(path + ".late", "exchange_form_late_mismatch");
  }
  entry.revisions = read_revisions(in, reader, form_template);
  entry.reminders = read_reminders(in, reader);
}

std::vector<Chapter> read_chapters(Reading& in, json::Reader& reader) {
  return exchange::read_records<Chapter>(
      in, reader, "chapters",
      {.validate =
           [](const Chapter& chapter) {
             auto errors = check_chapter(chapter.title, chapter.body);
             if (chapter.key.empty()) errors.add("key", "field_required");
             return errors;
           },
       .unique = [](const Chapter& chapter) -> std::optional<std::string> {
         if (chapter.key.empty()) return std::nullopt;
         return chapter.key;
       },
       .unique_member = "key",
       .unique_error = "exchange_chapter_duplicate"},
      [](json::Reader& chapter_reader, Chapter& chapter, const std::string&) {
        read(chapter_reader, chapter);
      });
}

void read_round(Reading& in, json::Reader& reader, const std::string& path, RoundEntry& entry) {
  auto& round = entry.round;
  read(reader, round);
  const auto form_template =
      read_template(reader.nested("template"), path + ".template", in.errors);
  if (form_template) round.form_template = *form_template;
  // A round carries forward from an earlier one of the same plan.
  if (round.previous_round_id) {
    if (!in.ids.contains("round", *round.previous_round_id)) {
      in.add(path + ".previous_round_id", "json_reference_unknown");
    } else if (in.ids.owner("round", *round.previous_round_id) != round.plan_id) {
      in.add(path + ".previous_round_id", "link_not_in_plan");
    }
  }
  entry.forms = exchange::read_records<FormEntry>(
      in, reader, "forms",
      {.unique = [](const FormEntry& form) -> std::optional<std::string> {
         return std::to_string(form.form.initiative_id);
       },
       .unique_member = "initiative_id",
       .unique_error = "exchange_form_duplicate"},
      [&](json::Reader& form_reader, FormEntry& form, const std::string& form_path) {
        read_form(in, form_reader, form_path, round, form_template, form);
      });
  entry.chapters = read_chapters(in, reader);
}

std::vector<RoundEntry> read_rounds(Reading& in) {
  return exchange::read_records<RoundEntry>(
      in, in.document, "rounds",
      {.kind = "round",
       .id = [](const RoundEntry& entry) { return entry.round.id; },
       .owner = [](const RoundEntry& entry) -> std::optional<long long> {
         return entry.round.plan_id;
       },
       .validate =
           [](const RoundEntry& entry) {
             const auto& round = entry.round;
             auto errors =
                 check_round(round.name, round.period_start, round.period_end, round.deadline);
             validation::optional_date(errors, "published_on", round.published_on);
             return errors;
           },
       .references = {{"plan_id", "plan",
                       [](const RoundEntry& entry) -> std::optional<long long> {
                         return entry.round.plan_id;
                       }}},
       .unique = [](const RoundEntry& entry) -> std::optional<std::string> {
         return std::to_string(entry.round.plan_id) + '\x1f' + entry.round.name;
       },
       .unique_error = "round_name_taken"},
      [&in](json::Reader& reader, RoundEntry& entry, const std::string& path) {
        read_round(in, reader, path, entry);
      });
}

// ---- import: storing -------------------------------------------------------------------------

void store_forms(Storing& out, long long round_id, const std::vector<FormEntry>& forms) {
  const auto new_activity = [&](long long activity) { return out.ids.find("activity", activity); };
  for (const auto& entry : forms) {
    auto form = entry.form;
    form.round_id = round_id;
    form.initiative_id = out.ids.at("initiative", form.initiative_id);
    form.content = relinked(std::move(form.content), new_activity);
    if (form.updated_at.empty()) form.updated_at = out.now;
    const auto form_id = store::insert_form(out.sql, form);
    for (auto revision : entry.revisions) {
      revision.form_id = form_id;
      revision.content = relinked(std::move(revision.content), new_activity);
      store::insert_revision(out.sql, revision);
    }
    for (auto reminder : entry.reminders) {
      reminder.form_id = form_id;
      if (reminder.sent_at.empty()) reminder.sent_at = out.now;
      store::claim_reminder(out.sql, reminder);
    }
  }
}

class ReportingSection final : public exchange::Section {
 public:
  void write(Writing& out) const override {
    out.workspace["logo_svg"] = store::workspace_look(out.sql, out.workspace_id).logo_svg;
    out.document["rounds"] = export_rounds(out);
  }

  void read(Reading& in) override {
    in.workspace.text("logo_svg", logo_svg_);
    const auto logo_errors = check_logo(logo_svg_);
    for (const auto& error : logo_errors.items()) {
      in.errors.add("$.workspace.logo_svg", error.message_key, error.values);
    }
    rounds_ = read_rounds(in);
  }

  void store(Storing& out) override {
    if (!logo_svg_.empty()) store::set_workspace_logo(out.sql, out.workspace_id, logo_svg_);
    int form_count = 0;
    for (const auto& entry : rounds_) {
      auto round = entry.round;
      round.workspace_id = out.workspace_id;
      round.plan_id = out.ids.at("plan", round.plan_id);
      round.previous_round_id = out.ids.find("round", round.previous_round_id);
      const auto round_id = store::insert_round(out.sql, round);
      out.ids.add("round", entry.round.id, round_id);
      store_forms(out, round_id, entry.forms);
      form_count += static_cast<int>(entry.forms.size());
      for (auto chapter : entry.chapters) {
        chapter.round_id = round_id;
        store::insert_chapter(out.sql, chapter);
      }
    }
    out.count("rounds", static_cast<int>(rounds_.size()));
    out.count("forms", form_count);
  }

 private:
  std::string logo_svg_;
  std::vector<RoundEntry> rounds_;
};

}  // namespace

std::unique_ptr<exchange::Section> exchange_section() {
  return std::make_unique<ReportingSection>();
}

}  // namespace samtryg::reporting
