#include "features/site/commands.hpp"

#include "core/audit/audit.hpp"
#include "features/site/store.hpp"

namespace samtryg::site {

namespace {

boost::json::object to_json(const Settings& s) {
  return {{"enabled", s.enabled},
          {"slug", s.slug},
          {"host", s.host},
          {"colour", s.colour},
          {"responsible", s.responsible},
          {"contact_email", s.contact_email},
          {"statement_published", s.statement_published},
          {"statement_reviewed", s.statement_reviewed},
          {"known_issues", s.known_issues},
          {"feedback_url", s.feedback_url},
          {"authority_url", s.authority_url}};
}

}  // namespace

void save_settings(db::Database& database, const auth::Actor& actor, Settings settings) {
  auth::require_edit_all(actor);
  settings.workspace_id = actor.workspace_id;
  auto errors = validate_settings(settings);
  database.in_transaction([&](soci::session& sql) {
    if (const auto other = store::settings_by_slug(sql, settings.slug);
        other && other->workspace_id != actor.workspace_id) {
      errors.add("slug", "site_slug_taken");
    }
    if (const auto other = store::settings_by_host(sql, settings.host);
        other && other->workspace_id != actor.workspace_id) {
      errors.add("host", "site_host_taken");
    }
    validation::throw_if_any(errors);
    const auto before = store::settings_of(sql, actor.workspace_id);
    if (!store::save_settings(sql, settings, before.has_value())) throw validation::Conflict();
    audit::record_change(
        sql, actor, before ? "update" : "create", "site_settings", actor.workspace_id,
        before ? boost::json::value(to_json(*before)) : boost::json::value(), to_json(settings));
  });
}

}  // namespace samtryg::site
