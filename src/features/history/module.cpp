#include "features/history/module.hpp"

#include <algorithm>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "core/audit/audit.hpp"
#include "core/i18n/catalog.hpp"
#include "core/i18n/locale_format.hpp"
#include "core/validation/fields.hpp"
#include "core/web/app.hpp"
#include "core/web/page.hpp"
#include "features/history/subjects.hpp"

namespace samtryg::history {

namespace {

using web::Context;

// A recorded value as a reader knows it.
std::string json_text(const boost::json::value& value) {
  if (value.is_string()) return std::string(value.get_string());
  if (value.is_null()) return {};
  if (value.is_bool()) return value.get_bool() ? "✓" : "–";
  return boost::json::serialize(value);
}

boost::json::object parsed_object(const std::string& text) {
  if (text.empty()) return {};
  boost::system::error_code error;
  auto parsed = boost::json::parse(text, error);
  return !error && parsed.is_object() ? parsed.as_object() : boost::json::object{};
}

// The label of a recorded field in the reader's language: the entity's own catalog entry
// ("initiative_purpose"), found also without the id suffix ("initiative_lead_user_id" →
// "initiative_lead"), else the field's name in words.
std::string field_label(const Context& context, std::string_view entity, std::string_view field) {
  const auto& catalog = context.catalog();
  std::string name(field);
  for (const std::string_view suffix : {"", "_user_id", "_id"}) {
    if (!suffix.empty() && !name.ends_with(suffix)) continue;
    const auto key = std::string(entity) + "_" + name.substr(0, name.size() - suffix.size());
    if (catalog.text(key) != key) return std::string(catalog.text(key));
  }
  std::replace(name.begin(), name.end(), '_', ' ');
  return name;
}

// A recorded value as people know it: the feature's own wording, else a translated code
// ("active" → "Aktiv"), a date in the language's form, yes/no, or the text as written.
std::string value_words(Context& context, std::string_view entity, std::string_view field,
                        const boost::json::value& value, const Wording& wording) {
  if (value.is_null()) return {};
  if (value.is_bool()) return context.text(value.get_bool() ? "history_yes" : "history_no");
  if (value.is_number() && !value.is_int64() && !value.is_uint64()) {
    // 1297, not 1.297E3; 70,5 with the language's decimal comma. (Whole numbers such as years
    // and ids stay as written: 2015, not 2.015.)
    const auto number = value.to_number<double>();
    if (number == static_cast<double>(static_cast<long long>(number))) {
      return std::to_string(static_cast<long long>(number));
    }
    return i18n::format_number(number, 2, context.language);
  }
  auto recorded = json_text(value);
  if (wording) {
    if (auto words = wording(context, field, recorded)) return *words;
  }
  if (validation::is_iso_date(recorded)) return i18n::format_iso_date(recorded, context.language);
  if (field == "status" || field == "kind") {
    const auto& catalog = context.catalog();
    for (const auto& key : {std::string(entity) + "_" + std::string(field) + "_" + recorded,
                            std::string(field) + "_" + recorded}) {
      if (catalog.text(key) != key) return std::string(catalog.text(key));
    }
  }
  return recorded;
}

// The fields an entry changed: [{field, before, after}], bookkeeping members left out.
view::Data changes_of(Context& context, const audit::Recorded& recorded, std::string_view entity,
                      const Wording& wording) {
  const auto before = parsed_object(recorded.before_json);
  const auto after = parsed_object(recorded.after_json);
  auto changes = view::list();
  for (const auto& member : after) {
    const auto key = std::string(member.key());
    // Bookkeeping, and the record's own link to the one whose history this is.
    if (key == "updated_at" || key == "created_at" || key == "row_version" || key == "id" ||
        key == "updated_by" || key == "position" || key == "workspace_id" ||
        key == std::string(entity) + "_id") {
      continue;
    }
    const auto* old_value = before.if_contains(key);
    const boost::json::value none;
    const auto& old_json = old_value != nullptr ? *old_value : none;
    if (json_text(old_json) == json_text(member.value())) continue;
    view::Data change;
    change.set("field", field_label(context, entity, key));
    change.set("before", value_words(context, entity, key, old_json, wording));
    change.set("after", value_words(context, entity, key, member.value(), wording));
    changes.push_back(change);
  }
  return changes;
}

http::Response show_history(Context& context) {
  const auto entity = context.params.at("entity");
  const auto id = context.path_id();
  const auto& subjects = context.services.hooks.find<Subjects>().by_entity;
  const auto found = subjects.find(entity);
  if (found == subjects.end()) throw validation::NotFound();
  const auto subject = found->second(context, id);
  const auto& all_wording = context.services.hooks.find<Subjects>().wording;
  const auto wording_of = all_wording.find(entity);
  const Wording wording = wording_of == all_wording.end() ? Wording{} : wording_of->second;

  std::vector<audit::Recorded> records;
  std::vector<std::string> authors;
  {
    // Closed before the wording, which reads names in sessions of its own.
    auto sql = context.services.database.session();
    records = audit::history(sql, entity, std::to_string(id));
    for (const auto& recorded : records) authors.push_back(audit::author_name(sql, recorded));
  }
  auto entries = view::list();
  for (std::size_t index = 0; index < records.size(); ++index) {
    const auto& recorded = records[index];
    if (recorded.workspace_id != context.workspace().id) continue;
    view::Data item;
    item.set("action", recorded.action.empty() ? std::string()
                                               : context.text("audit_action_" + recorded.action));
    item.set("at", i18n::format_iso_timestamp(recorded.at, context.language));
    item.set("actor", authors[index]);
    auto changes = changes_of(context, recorded, entity, wording);
    item.set("has_changes", view::flag(!changes.is_empty_list()));
    item.set("changes", changes);
    entries.push_back(item);
  }
  view::Data data;
  data.set("heading", context.catalog().format("history_heading", {{"name", subject.label}}));
  data.set("back", subject.back);
  data.set("back_label", subject.label);
  data.set("has_entries", view::flag(!entries.is_empty_list()));
  data.set("entries", entries);
  return web::render_page(context, "src/features/history/templates/history.mustache",
                          std::move(data), {.title = subject.label, .status = 200, .nav = "plans"});
}

class HistoryModule final : public module::Module {
 public:
  std::string_view name() const override { return "history"; }

  void add_routes(web::App& app) const override {
    app.add({http::Method::get, "/history/{entity}/{id}",
             web::Access::needs(auth::Permission::read_workspace), show_history});
  }
  // The changes every feature records; a feature's own actions are in its catalog.
  std::vector<std::string> runtime_message_keys() const override {
    return i18n::runtime_keys({}, {"audit_action_create", "audit_action_update",
                                   "audit_action_delete", "audit_action_import"});
  }
};

}  // namespace

const module::Module& module() {
  static const HistoryModule instance;
  return instance;
}

}  // namespace samtryg::history
