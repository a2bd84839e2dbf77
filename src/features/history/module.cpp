#include "features/history/module.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "core/audit/audit.hpp"
#include "core/i18n/catalog.hpp"
#include "core/i18n/locale_format.hpp"
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

// The fields an entry changed: [{field, before, after}], bookkeeping members left out.
view::Data changes_of(const audit::Recorded& recorded) {
  const auto before = parsed_object(recorded.before_json);
  const auto after = parsed_object(recorded.after_json);
  auto changes = view::list();
  for (const auto& member : after) {
    const auto key = std::string(member.key());
    if (key == "updated_at" || key == "created_at" || key == "row_version" || key == "id") {
      continue;
    }
    const auto* old_value = before.if_contains(key);
    const auto old_text = old_value != nullptr ? json_text(*old_value) : std::string();
    const auto new_text = json_text(member.value());
    if (old_text == new_text) continue;
    view::Data change;
    change.set("field", key);
    change.set("before", old_text);
    change.set("after", new_text);
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

  auto sql = context.services.database.session();
  auto entries = view::list();
  for (const auto& recorded : audit::history(sql, entity, std::to_string(id))) {
    if (recorded.workspace_id != context.workspace().id) continue;
    view::Data item;
    item.set("action", recorded.action.empty() ? std::string()
                                               : context.text("audit_action_" + recorded.action));
    item.set("at", i18n::format_iso_date(recorded.at, context.language) + " " +
                       (recorded.at.size() >= 16 ? recorded.at.substr(11, 5) + " UTC" : ""));
    item.set("actor", recorded.actor);
    auto changes = changes_of(recorded);
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
