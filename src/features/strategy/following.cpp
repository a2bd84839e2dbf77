// Following an initiative: the button on its page, and the rule behind it.
#include "core/util/time.hpp"
#include "features/strategy/commands.hpp"
#include "features/strategy/page_support.hpp"
#include "features/strategy/queries.hpp"
#include "features/strategy/store.hpp"

namespace samtryg::strategy {

void set_following(db::Database& database, const Actor& actor, long long initiative_id,
                   bool follows) {
  // Following is reading with a reminder, so every member of the staff may do it.
  if (!actor.user_id || !actor.read_all) throw validation::Forbidden();
  database.in_transaction([&](soci::session& sql) {
    const auto initiative = readable_initiative(sql, actor, initiative_id);
    store::set_follower(sql, initiative.id, *actor.user_id, follows, now_iso_utc());
  });
}

bool follows(soci::session& sql, const Actor& actor, long long initiative_id) {
  return actor.user_id && store::is_follower(sql, initiative_id, *actor.user_id);
}

namespace {

Response follow_submit(Context& context) {
  const auto id = context.path_id();
  const bool follows = context.form().value("follow") == "1";
  set_following(context.services.database, context.actor(), id, follows);
  return Response::redirect("/initiatives/" + std::to_string(id) +
                            "?notice=" + (follows ? "notice_following" : "notice_not_following"));
}

}  // namespace

void add_following_routes(web::App& app) {
  app.add({http::Method::post, "/initiatives/{id}/follow",
           web::Access::needs(auth::Permission::read_workspace), follow_submit});
}

}  // namespace samtryg::strategy
