// libFuzzer target: the workspace document (docs/exchange-format.md) as `samtryg import` reads
// it before it stores anything. exchange::import_workspace needs a database, and each feature's
// exchange Section cannot be linked without its store, so this target runs the same check
// phase over the same code the sections call: Boost.JSON's parse, the envelope, json::Reader,
// exchange::read_records with Reading and DeclaredIds, and each feature's record readers
// (features/*/json.cpp) and rules (features/*/model.cpp), in the sections' order — users,
// strategy, indicators, reporting. The walk mirrors features/*/exchange.cpp's read(); keep it in
// step when they change. Not covered: storing (SQL; of it only the values' period normalising
// runs here), and the logo's SVG check (librsvg).
//
// Any document either reads or ends with problems, each named by a JSON path ("$…"); nothing
// may throw.
#include <boost/json/parse.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/demo/marks.hpp"
#include "core/exchange/document.hpp"
#include "core/exchange/records.hpp"
#include "core/i18n/language.hpp"
#include "core/util/crypto.hpp"
#include "core/validation/fields.hpp"
#include "features/accounts/model.hpp"
#include "features/indicators/json.hpp"
#include "features/reporting/json.hpp"
#include "features/strategy/json.hpp"

namespace {

namespace ex = samtryg::exchange;
namespace json = samtryg::json;
namespace validation = samtryg::validation;
using ex::Reading;

// ---- envelope: core/exchange/document.cpp, read_envelope -------------------------------------

void read_envelope(const boost::json::object& root, json::Reader& document, json::Reader& workspace,
                   validation::Errors& errors) {
  std::string format;
  long long version = 0;
  std::string name;
  std::string language = "da";
  document.text("format", format);
  document.integer("version", version);
  if (format != ex::kFormat) errors.add("$.format", "exchange_format_unknown");
  if (version < 1 || version > ex::kFormatVersion) {
    errors.add("$.version", "exchange_version_unsupported");
  }
  document.known("workspace");
  const auto* member = root.if_contains("workspace");
  if (member == nullptr || !member->is_object()) {
    errors.add("$.workspace", "json_expected_object");
    return;
  }
  workspace.text("name", name);
  workspace.text("language", language);
  if (name.empty() || validation::utf8_length(name) > 200) {
    errors.add("$.workspace.name", "field_required");
  }
  if (!samtryg::i18n::parse_language(language)) {
    errors.add("$.workspace.language", "choice_invalid");
  }
}

// ---- users: features/accounts/exchange.cpp ---------------------------------------------------

struct UserEntry {
  long long id = 0;
  std::string name;
  std::string email;
  std::string language = "da";
  std::string role = "member";
  std::string password_hash;
};

void read_users(Reading& in) {
  using namespace samtryg::accounts;
  ex::read_records<UserEntry>(in, in.document, "users",
                              {.kind = "user",
                               .id = [](const UserEntry& user) { return user.id; },
                               .validate =
                                   [](const UserEntry& user) {
                                     validation::Errors errors;
                                     if (user.name.empty()) errors.add("name", "field_required");
                                     if (!looks_like_email(user.email))
                                       errors.add("email", "users_email_invalid");
                                     if (!samtryg::auth::parse_role(user.role))
                                       errors.add("role", "choice_invalid");
                                     if (!samtryg::i18n::parse_language(user.language)) {
                                       errors.add("language", "choice_invalid");
                                     }
                                     return errors;
                                   },
                               .unique = [](const UserEntry& user) -> std::optional<std::string> {
                                 if (!looks_like_email(user.email)) return std::nullopt;
                                 return user.email;
                               },
                               .unique_member = "email",
                               .unique_error = "users_email_taken"},
                              [](json::Reader& reader, UserEntry& user, const std::string&) {
                                reader.integer("id", user.id);
                                reader.text("name", user.name);
                                reader.text("email", user.email);
                                reader.text("language", user.language);
                                reader.text("role", user.role);
                                reader.text("password_hash", user.password_hash);
                                user.email = normalize_email(user.email);
                              });
}

// ---- strategy: features/strategy/exchange.cpp ------------------------------------------------

namespace strategy {

using namespace samtryg::strategy;

struct PlanEntry {
  Plan plan;
  std::vector<FocusArea> areas;
};

struct InitiativeEntry {
  Initiative initiative;
  std::vector<StatusChange> history;
};

void read_parties(Reading& in) {
  ex::read_records<Party>(
      in, in.document, "parties",
      {.kind = "party",
       .id = [](const Party& party) { return party.id; },
       .validate = validate_party,
       .unique = [](const Party& party) -> std::optional<std::string> { return party.name; }},
      [](json::Reader& reader, Party& party, const std::string&) { read(reader, party); });
}

void read_plans(Reading& in) {
  auto plans = ex::read_records<PlanEntry>(
      in, in.document, "plans",
      {.kind = "plan",
       .id = [](const PlanEntry& entry) { return entry.plan.id; },
       .validate = [](const PlanEntry& entry) { return validate_plan(entry.plan); },
       .unique = [](const PlanEntry& entry) -> std::optional<std::string> {
         return entry.plan.name + '\x1f' + std::to_string(entry.plan.version);
       }},
      [&in](json::Reader& reader, PlanEntry& entry, const std::string&) {
        read(reader, entry.plan);
        entry.areas = ex::read_records<FocusArea>(
            in, reader, "focus_areas",
            {.kind = "focus_area",
             .id = [](const FocusArea& area) { return area.id; },
             .owner = [&entry](const FocusArea&) -> std::optional<long long> {
               return entry.plan.id;
             },
             .validate = validate_focus_area,
             .unique = [](const FocusArea& area) -> std::optional<std::string> {
               return area.name;
             }},
            [](json::Reader& area_reader, FocusArea& area, const std::string&) {
              read(area_reader, area);
            });
      });
  for (std::size_t i = 0; i < plans.size(); ++i) {
    const auto path = ex::item_path("plans", i);
    const auto& plan = plans[i].plan;
    in.check_ref(path + ".parent_plan_id", "plan", plan.parent_plan_id);
    in.check_ref(path + ".previous_version_id", "plan", plan.previous_version_id);
    for (std::size_t j = 0; j < plans[i].areas.size(); ++j) {
      in.check_ref(path + ".focus_areas[" + std::to_string(j) + "].parent_focus_area_id",
                   "focus_area", plans[i].areas[j].parent_focus_area_id);
    }
  }
}

void read_initiatives(Reading& in) {
  auto entries = ex::read_records<InitiativeEntry>(
      in, in.document, "initiatives",
      {.kind = "initiative",
       .id = [](const InitiativeEntry& entry) { return entry.initiative.id; },
       .owner = [](const InitiativeEntry& entry) -> std::optional<long long> {
         return entry.initiative.plan_id;
       },
       .validate =
           [](const InitiativeEntry& entry) {
             auto errors = validate_initiative(entry.initiative);
             errors.add_all(validate_status_history(entry.initiative, entry.history));
             return errors;
           },
       .references = {{"plan_id", "plan",
                       [](const InitiativeEntry& entry) -> std::optional<long long> {
                         return entry.initiative.plan_id;
                       }},
                      {"lead_user_id", "user",
                       [](const InitiativeEntry& entry) { return entry.initiative.lead_user_id; }}},
       .unique = [](const InitiativeEntry& entry) -> std::optional<std::string> {
         const auto& v = entry.initiative;
         return std::to_string(v.plan_id) + '\x1f' +
                std::to_string(v.parent_initiative_id.value_or(0)) + '\x1f' + v.name;
       }},
      [&in](json::Reader& reader, InitiativeEntry& entry, const std::string&) {
        read(reader, entry.initiative);
        entry.history =
            ex::read_records<StatusChange>(in, reader, "status_history", {},
                                           [](json::Reader& change_reader, StatusChange& change,
                                              const std::string&) { read(change_reader, change); });
      });
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const auto path = ex::item_path("initiatives", i);
    const auto& v = entries[i].initiative;
    if (v.focus_area_id && in.ids.owner("focus_area", *v.focus_area_id) != v.plan_id) {
      in.add(path + ".focus_area_id", "link_not_in_plan");
    }
    if (v.parent_initiative_id &&
        (in.ids.owner("initiative", *v.parent_initiative_id) != v.plan_id ||
         *v.parent_initiative_id == v.id)) {
      in.add(path + ".parent_initiative_id", "link_not_in_plan");
    }
  }
}

std::vector<std::string> read_channels(Reading& in) {
  std::vector<std::string> names;
  for (const auto& channel :
       ex::read_records<Channel>(in, in.document, "channels",
                                 {.validate = validate_channel,
                                 .unique = [](const Channel&channel) -> std::optional<std::string> {
                                   return channel.name;
                                 }},
                                 [](json::Reader&reader, Channel&channel, const std::string&) {
                                   reader.text("name", channel.name);
                                 })) {
    names.push_back(channel.name);
  }
  return names;
}

void read_activities(Reading& in, const std::vector<std::string>& own_channels) {
  ex::read_records<Activity>(
      in, in.document, "activities",
      {.kind = "activity",
       .id = [](const Activity& activity) { return activity.id; },
       .validate =
           [&own_channels](const Activity& activity) {
             return validate_activity(activity, own_channels);
           },
       .references = {{"initiative_id", "initiative",
                       [](const Activity& activity) -> std::optional<long long> {
                         return activity.initiative_id;
                       }}}},
      [](json::Reader& reader, Activity& activity, const std::string&) { read(reader, activity); });
}

void read_groups(Reading& in) {
  ex::read_records<Group>(
      in, in.document, "groups",
      {.kind = "group",
       .id = [](const Group& group) { return group.id; },
       .validate = validate_group,
       .references = {{"initiative_id", "initiative",
                       [](const Group& group) { return group.initiative_id; }}},
       .unique = [](const Group& group) -> std::optional<std::string> { return group.name; }},
      [&in](json::Reader& reader, Group& group, const std::string&) {
        read(reader, group);
        ex::read_records<GroupMember>(
            in, reader, "members",
            {.validate = validate_group_member,
             .references = {{"user_id", "user",
                             [](const GroupMember& member) { return member.user_id; }},
                            {"party_id", "party",
                             [](const GroupMember& member) { return member.party_id; }}}},
            [](json::Reader& member_reader, GroupMember& member, const std::string&) {
              read(member_reader, member);
            });
      });
}

void read_documents(Reading& in) {
  ex::read_records<Document>(
      in, in.document, "documents",
      {.references = {{"plan_id", "plan", [](const Document& file) { return file.plan_id; }},
                      {"initiative_id", "initiative",
                       [](const Document& file) { return file.initiative_id; }}}},
      [&in](json::Reader& reader, Document& file, const std::string& path) {
        std::string content;
        std::string content_type;
        long long size = -1;
        std::string sha256;
        reader.optional_integer("plan_id", file.plan_id);
        reader.optional_integer("initiative_id", file.initiative_id);
        reader.text("filename", file.filename);
        reader.text("content_type", content_type);
        reader.integer("size_bytes", size);
        reader.text("sha256", sha256);
        reader.text("uploaded_by", file.uploaded_by);
        reader.text("uploaded_at", file.uploaded_at);
        reader.text("content_base64", content);
        const auto decoded = samtryg::crypto::base64_decode(content);
        if (!decoded) {
          in.add(path + ".content_base64", "exchange_base64_invalid");
          return;
        }
        file.content = *decoded;
        const auto found = check_document(file);
        for (const auto& error : found.items()) {
          in.errors.add(path + ".content_base64", error.message_key, error.values);
        }
        if (size != file.size_bytes) in.add(path + ".size_bytes", "exchange_size_mismatch");
        file.sha256 = samtryg::crypto::sha256_hex(file.content);
        if (sha256 != file.sha256) in.add(path + ".sha256", "exchange_checksum_mismatch");
      });
}

void read(Reading& in) {
  read_parties(in);
  const auto own_channels = read_channels(in);
  read_plans(in);
  read_initiatives(in);
  read_activities(in, own_channels);
  read_groups(in);
  read_documents(in);
}

}  // namespace strategy

// ---- indicators: features/indicators/exchange.cpp --------------------------------------------

namespace indicators {

using namespace samtryg::indicators;

// An indicator with its values, for the period normalising the store phase does.
using ValuesOf = std::vector<std::pair<Indicator, std::vector<Value>>>;

void read_indicator(Reading& in, json::Reader& reader, Indicator& indicator,
                    ValuesOf& read_values) {
  read(reader, indicator);
  ex::read_records<Link>(in, reader, "links",
                         {.references = {{"initiative_id", "initiative",
                                          [](const Link& link) { return link.initiative_id; }},
                                         {"focus_area_id", "focus_area",
                                          [](const Link& link) { return link.focus_area_id; }}}},
                         [&in](json::Reader& link_reader, Link& link, const std::string& path) {
                           read(link_reader, link);
                           if (link.initiative_id.has_value() == link.focus_area_id.has_value()) {
                             in.add(path, "exchange_link_one_of");
                           }
                         });
  ex::read_records<Target>(
      in, reader, "targets",
      {.validate =
           [&indicator](const Target& target) { return validate_target(indicator, target); },
       .references = {{"area_id", "area", [](const Target& target) { return target.area_id; }}}},
      [](json::Reader& target_reader, Target& target, const std::string&) {
        read(target_reader, target);
      });
  const auto values = ex::read_records<Value>(
      in, reader, "values",
      {.validate = [&indicator](const Value& value) { return validate_value(indicator, value); },
       .references = {{"area_id", "area", [](const Value& value) { return value.area_id; }},
                      {"entered_by", "user", [](const Value& value) { return value.entered_by; }}},
       .unique = [](const Value& value) -> std::optional<std::string> {
         return value.period + '\x1f' + std::to_string(value.area_id.value_or(0));
       },
       .unique_member = "period",
       .unique_error = "exchange_value_duplicate"},
      [](json::Reader& value_reader, Value& value, const std::string&) {
        read(value_reader, value);
      });
  read_values.emplace_back(indicator, values);
}

void read(Reading& in, ValuesOf& read_values) {
  ex::read_records<Area>(
      in, in.document, "areas",
      {.kind = "area",
       .id = [](const Area& area) { return area.id; },
       .validate = validate_area,
       .unique = [](const Area& area) -> std::optional<std::string> { return area.name; }},
      [](json::Reader& reader, Area& area, const std::string&) { read(reader, area); });
  ex::read_records<Indicator>(
      in, in.document, "indicators",
      {.kind = "indicator",
       .id = [](const Indicator& indicator) { return indicator.id; },
       .validate = validate_indicator,
       .references = {{"plan_id", "plan",
                       [](const Indicator& indicator) { return indicator.plan_id; }}},
       .unique = [](const Indicator& indicator) -> std::optional<std::string> {
         return indicator.name;
       }},
      [&](json::Reader& reader, Indicator& indicator, const std::string&) {
        read_indicator(in, reader, indicator, read_values);
      });
}

}  // namespace indicators

// ---- reporting: features/reporting/exchange.cpp ----------------------------------------------

namespace reporting {

using namespace samtryg::reporting;

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

void read_form(Reading& in, json::Reader& reader, const std::string& path, const Round& round,
               const std::optional<Template>& form_template, Form& form) {
  const auto round_plan_id = round.plan_id;
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
  if (!form.submitted_at.empty() && !validation::is_iso_date(form.submitted_at.substr(0, 10))) {
    in.add(path + ".submitted_at", "date_invalid");
  } else if (form.late !=
             (!form.submitted_at.empty() && is_late(form.submitted_at, round.deadline))) {
    in.add(path + ".late", "exchange_form_late_mismatch");
  }
  ex::read_records<Revision>(
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
      [&](json::Reader& revision_reader, Revision& revision, const std::string& revision_path) {
        read(revision_reader, revision);
        revision.content = read_answers(in, revision_reader, revision_path, form_template);
      });
  ex::read_records<SentReminder>(
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

void read_round(Reading& in, json::Reader& reader, const std::string& path, Round& round) {
  read(reader, round);
  const auto form_template =
      read_template(reader.nested("template"), path + ".template", in.errors);
  if (form_template) round.form_template = *form_template;
  if (round.previous_round_id) {
    if (!in.ids.contains("round", *round.previous_round_id)) {
      in.add(path + ".previous_round_id", "json_reference_unknown");
    } else if (in.ids.owner("round", *round.previous_round_id) != round.plan_id) {
      in.add(path + ".previous_round_id", "link_not_in_plan");
    }
  }
  ex::read_records<Form>(in, reader, "forms",
                         {.unique = [](const Form& form) -> std::optional<std::string> {
                            return std::to_string(form.initiative_id);
                          },
                          .unique_member = "initiative_id",
                          .unique_error = "exchange_form_duplicate"},
                         [&](json::Reader& form_reader, Form& form, const std::string& form_path) {
                           read_form(in, form_reader, form_path, round, form_template, form);
                         });
  ex::read_records<Chapter>(in, reader, "chapters",
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

void read(Reading& in) {
  std::string logo_svg;
  in.workspace.text("logo_svg", logo_svg);  // its SVG check (librsvg) is not fuzzed here
  ex::read_records<Round>(
      in, in.document, "rounds",
      {.kind = "round",
       .id = [](const Round& round) { return round.id; },
       .owner = [](const Round& round) -> std::optional<long long> { return round.plan_id; },
       .validate =
           [](const Round& round) {
             return check_round(round.name, round.period_start, round.period_end, round.deadline);
           },
       .references = {{"plan_id", "plan",
                       [](const Round& round) -> std::optional<long long> {
                         return round.plan_id;
                       }}},
       .unique = [](const Round& round) -> std::optional<std::string> {
         return std::to_string(round.plan_id) + '\x1f' + round.name;
       },
       .unique_error = "round_name_taken"},
      [&in](json::Reader& reader, Round& round, const std::string& path) {
        read_round(in, reader, path, round);
      });
}

}  // namespace reporting

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // import_workspace's own steps up to the point where it would open a transaction.
  const std::string document_text(reinterpret_cast<const char*>(data), size);
  validation::Errors errors;
  boost::system::error_code parse_error;
  const auto parsed = boost::json::parse(document_text, parse_error);
  if (parse_error || !parsed.is_object()) return 0;  // "json_body_invalid"
  const auto& root = parsed.as_object();
  static const boost::json::object none;
  const auto* workspace_member = root.if_contains("workspace");
  const auto& workspace_object = workspace_member != nullptr && workspace_member->is_object()
                                     ? workspace_member->get_object()
                                     : none;
  json::Reader document(root, errors, "$");
  json::Reader workspace(workspace_object, errors, "$.workspace");
  read_envelope(root, document, workspace, errors);
  ex::DeclaredIds declared;
  Reading in{document, workspace, errors, declared};
  indicators::ValuesOf values;
  read_users(in);
  strategy::read(in);
  indicators::read(in, values);
  reporting::read(in);
  samtryg::demo::read_marks(in);  // the same code as the import's, after every section
  workspace.reject_unknown();
  document.reject_unknown();
  // Every problem names where it is, as the import's report promises.
  for (const auto& error : errors.items()) {
    if (!error.field.starts_with('$') || error.message_key.empty()) __builtin_trap();
  }
  if (!errors.empty()) return 0;
  // A document without problems is stored; of that, the values' periods are normalised without
  // the database (features/indicators/exchange.cpp, store_indicators).
  for (const auto& [indicator, list] : values) {
    for (const auto& value : list) samtryg::indicators::normalise_period(indicator, value.period);
  }
  return 0;
}
