#include "features/site/commands.hpp"

#include "core/audit/audit.hpp"
#include "core/documents/photo.hpp"
#include "core/util/crypto.hpp"
#include "features/site/json.hpp"
#include "features/site/store.hpp"
#include "features/strategy/queries.hpp"

namespace samtryg::site {

namespace {

// The audit's shape: the document's, with the photo's hash (a changed photo shows).
boost::json::object audited(const News& news) {
  auto out = to_json(news);
  out["image_sha256"] = news.image_sha256;
  return out;
}

// The photo as it is kept (base64), decoded and written anew before anything is stored so no
// metadata survives; "" to remove it; nothing to keep the one there is. Sets the news's photo
// fields; a file that is no photo or too large is refused under "image".
std::optional<std::string> kept_photo(const NewsPhoto& photo, News& news,
                                      validation::Errors& errors) {
  if (photo.upload) {
    auto outcome = documents::process_photo(*photo.upload);
    if (outcome.problem == documents::PhotoProblem::too_large) {
      errors.add("image", "site_news_image_too_large");
      return std::nullopt;
    }
    if (outcome.problem == documents::PhotoProblem::not_an_image) {
      errors.add("image", "site_news_image_not_an_image");
      return std::nullopt;
    }
    news.image_sha256 = crypto::sha256_hex(outcome.photo.jpeg);
    news.image_width = outcome.photo.width;
    news.image_height = outcome.photo.height;
    return crypto::base64_encode(outcome.photo.jpeg);
  }
  if (!photo.remove) return std::nullopt;
  news.image_sha256.clear();
  news.image_alt.clear();
  news.image_width = 0;
  news.image_height = 0;
  return std::string();
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

long long save_news(db::Database& database, const auth::Actor& actor, News news,
                    const NewsPhoto& photo) {
  auth::require_edit_all(actor);
  news.workspace_id = actor.workspace_id;
  validation::Errors errors;
  auto image = kept_photo(photo, news, errors);
  long long id = news.id;
  database.in_transaction([&](soci::session& sql) {
    const auto before =
        news.id == 0 ? std::nullopt : store::find_news(sql, actor.workspace_id, news.id);
    if (news.id != 0 && !before) throw validation::NotFound();
    if (before && !image) {
      news.image_sha256 = before->image_sha256;
      news.image_width = before->image_width;
      news.image_height = before->image_height;
    }
    errors.add_all(validate_news(news, !news.image_sha256.empty()));
    if (news.initiative_id && !strategy::find_initiative(sql, actor, *news.initiative_id)) {
      errors.add("initiative_id", "site_news_initiative_unknown");
    }
    validation::throw_if_any(errors);
    if (before) {
      if (!store::update_news(sql, news, image)) throw validation::Conflict();
    } else {
      id = store::insert_news(sql, news, image.value_or(std::string()));
    }
    audit::record_change(sql, actor, before ? "update" : "create", "site_news", id,
                         before ? boost::json::value(audited(*before)) : boost::json::value(),
                         audited(news));
  });
  return id;
}

void delete_news(db::Database& database, const auth::Actor& actor, long long id) {
  auth::require_edit_all(actor);
  database.in_transaction([&](soci::session& sql) {
    const auto before = store::find_news(sql, actor.workspace_id, id);
    if (!before) throw validation::NotFound();
    store::delete_news(sql, id);
    audit::record_change(sql, actor, "delete", "site_news", id, audited(*before),
                         boost::json::value());
  });
}

}  // namespace samtryg::site
