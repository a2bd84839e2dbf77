#pragma once
// The reporting cycle's rules, with no I/O: form templates (data, not code), a form's answers,
// what a valid answer is, and the workflow draft → submitted → returned → approved.
//
// A template is an ordered list of sections; each section is a list of items (text, status,
// when, link), free Markdown text with a character limit, or yes/no questions. Answers are
// keyed by section key, so a template that changes after forms exist leaves the old answers
// readable: an answer whose section is gone is still shown (under its stored title).
#include <boost/json/value.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/validation/validation.hpp"
#include "features/strategy/model.hpp"

namespace samtryg::reporting {

inline constexpr std::size_t kDefaultTextLimit = 2000;  // "max. ½ side"
inline constexpr std::size_t kMaxItemText = 1000;
inline constexpr std::size_t kMaxItems = 200;
inline constexpr std::size_t kMaxComment = 4000;
inline constexpr std::size_t kMaxChapterBody = 40000;

enum class SectionKind { items, text, questions };
std::string_view code(SectionKind kind);

struct Question {
  std::string key;
  std::string text;
};

struct Section {
  std::string key;
  std::string title;
  std::string guidance;
  SectionKind kind = SectionKind::text;
  std::size_t limit = kDefaultTextLimit;  // text sections: characters allowed
  std::vector<Question> questions;        // question sections
  std::string activity_kind;  // item sections: which kind of register activity they list
  bool indicators = false;    // the section shows (and takes values for) linked indicators
};

struct Template {
  std::string key;
  std::string name;
  std::string language;
  std::vector<Section> sections;

  const Section* section(std::string_view key) const;
};

// Throws validation::Invalid with JSON paths ("$.sections[2].kind") for a malformed template.
Template parse_template(const boost::json::value& json);
boost::json::value template_json(const Template& form_template);
// The templates samtryg ships (data/form_templates.json): the Danish afrapporteringsskema and
// the Swedish uppföljning.
const std::vector<Template>& builtin_templates();
const Template* find_builtin_template(std::string_view key);

// A round's own fields, named as the new-round form names them: a name, a period whose end is
// not before its start, and a deadline not before the period starts (all days YYYY-MM-DD).
validation::Errors check_round(std::string_view name, std::string_view period_start,
                               std::string_view period_end, std::string_view deadline);
// A report chapter: a title and a Markdown body within kMaxChapterBody.
validation::Errors check_chapter(std::string_view title, std::string_view body);

// ---- answers --------------------------------------------------------------------------------

inline constexpr std::string_view kItemStatuses[] = {"done", "planned", "ongoing", "cancelled",
                                                     "unknown"};
inline constexpr std::string_view kYesNo[] = {"yes", "no"};

struct Item {
  std::string text;
  std::string status = "planned";
  std::string when;  // a day, a month ("2018-01"), or empty
  std::string link;
  std::optional<long long> activity_id;  // the register activity the item came from

  // Planned or under way: what the report counts as open.
  bool open() const { return status == "planned" || status == "ongoing"; }
  bool operator==(const Item&) const = default;
};

struct Answer {
  std::string section;
  std::string title;  // the section's title when answered, for templates that change later
  std::vector<Item> items;
  std::string text;                             // Markdown
  std::map<std::string, std::string> answers;   // question key → "yes" / "no" / ""
  std::map<std::string, std::string> comments;  // question key → free comment

  bool operator==(const Answer&) const = default;
};

struct Content {
  std::vector<Answer> answers;

  const Answer* answer(std::string_view section) const;
  Answer& answer_for(const Section& section);
  bool operator==(const Content&) const = default;
};

Content parse_content(const boost::json::value& json);
boost::json::value content_json(const Content& content);

// Every problem with the answers, as field errors named as the form names its inputs
// ("s.results.text", "s.activities.2.when"). Text over a section's limit names the count.
validation::Errors check_content(const Template& form_template, const Content& content);

// Items whose work was still ahead when the previous round closed (planned or ongoing), for a
// new round that carries them forward.
Content carried_forward(const Template& form_template, const Content& previous);

// The register activity a form item that came from no activity becomes when the form is saved
// (the form's new items are added to the initiative's activity register): its kind is the
// section's, a text too long for a title is cut at a word and kept whole as the description,
// and the date goes to "done" or "planned" by the item's status.
strategy::Activity register_activity_for(const Section& section, const Item& item,
                                         long long initiative_id);
// Whether `registered` is the activity an item became or was written from: same kind, and the
// same words (case, spacing and closing punctuation aside) in its title or, for a long item cut
// to a title, in its description. Saving a form links such an item instead of adding the
// activity again.
bool same_activity(const strategy::Activity& registered, const strategy::Activity& from_item);

// ---- workflow -------------------------------------------------------------------------------

enum class FormStatus { draft, submitted, returned, approved };
std::string_view code(FormStatus status);
std::optional<FormStatus> parse_form_status(std::string_view code);

enum class Step { save, submit, return_to_lead, approve, reopen };

struct Role {
  bool coordinator = false;  // coordinators and admins
  bool lead = false;         // the lead of the form's initiative
};

// The status after `step`, or nothing when `role` may not take it from `status`. Leads save
// and submit drafts and returned forms; coordinators also save a submitted form, return or
// approve it, and reopen an approved (locked) one.
std::optional<FormStatus> after(FormStatus status, Step step, const Role& role);
// Why a save is refused, as a catalog key ("form_locked_approved"), or "" when it is allowed.
std::string_view save_refusal(FormStatus status, const Role& role);

// Submitted after the end of the deadline day (both ISO; `submitted_at` may carry a time).
bool is_late(std::string_view submitted_at, std::string_view deadline);

// Reminder e-mails to the lead of a form that is not submitted: once `days_before` days
// before the deadline (until the deadline day), and once after the deadline has passed. Each
// kind is sent at most once; a form that is overdue before its first reminder gets only the
// overdue one.
enum class ReminderKind { before_deadline, overdue };
std::string_view code(ReminderKind kind);
std::optional<ReminderKind> parse_reminder_kind(std::string_view code);
struct RemindersSent {
  bool before_deadline = false;
  bool overdue = false;
};
std::optional<ReminderKind> reminder_due(FormStatus status, std::string_view deadline,
                                         std::string_view today, int days_before,
                                         const RemindersSent& sent);

// The titles of the sections that have no answer at all (no items, no text, no question
// answered or commented), in template order: what a lead is asked to confirm before submitting.
std::vector<std::string> empty_sections(const Template& form_template, const Content& content);

// What a form's revisions differ in, section by section, for the side-by-side compare.
struct SectionChange {
  std::string section;
  std::string title;
  bool changed = false;
  // The section's words on each side (items with their links, the text, the comments), for a
  // word-by-word comparison.
  std::string before_words;
  std::string after_words;
};
std::vector<SectionChange> compare(const Template& form_template, const Content& before,
                                   const Content& after);

}  // namespace samtryg::reporting
