#include "features/walks/commands.hpp"

#include "core/audit/audit.hpp"
#include "core/auth/store.hpp"
#include "core/documents/photo.hpp"
#include "core/util/crypto.hpp"
#include "features/indicators/commands.hpp"
#include "features/strategy/queries.hpp"
#include "features/walks/json.hpp"
#include "features/walks/store.hpp"

namespace samtryg::walks {

namespace {

using validation::Errors;

void require_recorder(const Actor& actor) {
  if (!may_record(actor)) throw validation::Forbidden();
}

// The initiative and the indicator a walk points at must be the workspace's; the indicator
// must count per event, so that each walk is held up to its target on its own.
void check_links(soci::session& sql, const Actor& actor, const Walk& walk, Errors& errors) {
  if (walk.initiative_id && !strategy::find_initiative(sql, actor, *walk.initiative_id)) {
    errors.add("initiative_id", "link_not_in_workspace");
  }
  if (walk.indicator_id) {
    try {
      const auto indicator = indicators::indicator_in_workspace(sql, actor, *walk.indicator_id);
      if (indicator.frequency != "event") errors.add("indicator_id", "walk_indicator_not_event");
    } catch (const validation::NotFound&) {
      errors.add("indicator_id", "link_not_in_workspace");
    }
  }
}

Walk walk_in_workspace(soci::session& sql, const Actor& actor, long long id) {
  auto walk = store::find_walk(sql, actor.workspace_id, id);
  if (!walk) throw validation::NotFound();
  return std::move(*walk);
}

// The count stored as the per-event indicator's value for the walk's day.
void feed_indicator(soci::session& sql, const Actor& actor, const Walk& walk) {
  if (!walk.indicator_id || !walk.counts || walk.walk_date.empty()) return;
  indicators::Value value;
  value.indicator_id = *walk.indicator_id;
  value.period = walk.walk_date;
  value.value = walk.counts->counted();
  value.note = walk.area;
  try {
    indicators::save_value_in(sql, actor, value);
  } catch (const validation::Invalid&) {
    Errors errors;
    errors.add("indicator_id", "walk_indicator_refused");
    throw validation::Invalid(errors);
  }
}

void update_or_conflict(soci::session& sql, const Walk& walk) {
  if (!store::update_walk(sql, walk)) throw validation::Conflict();
}

Finding finding_of(soci::session& sql, long long walk_id, long long id) {
  auto finding = store::find_finding(sql, walk_id, id);
  if (!finding) throw validation::NotFound();
  return std::move(*finding);
}

}  // namespace

long long create_walk(db::Database& database, const Actor& actor, Walk walk,
                      const std::vector<Group>& groups) {
  auth::require_edit_all(actor);
  walk.id = 0;
  walk.workspace_id = actor.workspace_id;
  walk.status = "planned";
  walk.counts.reset();
  long long id = 0;
  database.in_transaction([&](soci::session& sql) {
    auto errors = validate_walk(walk);
    for (std::size_t index = 0; index < groups.size(); ++index) {
      errors.add_all(validate_group(groups[index]), "groups[" + std::to_string(index) + "].");
    }
    check_links(sql, actor, walk, errors);
    validation::throw_if_any(errors);
    walk.id = id = store::insert_walk(sql, walk);
    store::replace_groups(sql, id, groups);
    auto after = to_json(walk);
    boost::json::array group_json;
    for (const auto& group : groups) group_json.push_back(to_json(group));
    after["groups"] = std::move(group_json);
    audit::record_change(sql, actor, "create", "walk", id, nullptr, std::move(after));
  });
  return id;
}

void update_walk(db::Database& database, const Actor& actor, Walk walk,
                 const std::vector<Group>& groups) {
  auth::require_edit_all(actor);
  database.in_transaction([&](soci::session& sql) {
    const auto before = walk_in_workspace(sql, actor, walk.id);
    walk.workspace_id = actor.workspace_id;
    walk.status = before.status;
    walk.counts = before.counts;
    walk.created_at = before.created_at;
    auto errors = validate_walk(walk);
    for (std::size_t index = 0; index < groups.size(); ++index) {
      errors.add_all(validate_group(groups[index]), "groups[" + std::to_string(index) + "].");
    }
    check_links(sql, actor, walk, errors);
    // A walk already walked keeps a day: its count is that day's value.
    if (before.status != "planned" && walk.walk_date.empty()) {
      errors.add("walk_date", "walk_date_needed");
    }
    validation::throw_if_any(errors);
    update_or_conflict(sql, walk);
    store::replace_groups(sql, walk.id, groups);
    if (walk.walk_date != before.walk_date || walk.indicator_id != before.indicator_id) {
      feed_indicator(sql, actor, walk);
    }
    audit::record_change(sql, actor, "update", "walk", walk.id, to_json(before), to_json(walk));
  });
}

void save_counts(db::Database& database, const Actor& actor, long long walk_id,
                 long long row_version, const Counts& counts) {
  auth::require_edit_all(actor);
  validation::throw_if_any(validate_counts(counts));
  database.in_transaction([&](soci::session& sql) {
    const auto before = walk_in_workspace(sql, actor, walk_id);
    auto walk = before;
    walk.row_version = row_version;
    walk.counts = counts;
    update_or_conflict(sql, walk);
    feed_indicator(sql, actor, walk);
    audit::record_change(sql, actor, "update", "walk", walk_id, to_json(before), to_json(walk));
  });
}

void move_walk(db::Database& database, const Actor& actor, long long walk_id, long long row_version,
               const std::string& to) {
  auth::require_edit_all(actor);
  database.in_transaction([&](soci::session& sql) {
    const auto before = walk_in_workspace(sql, actor, walk_id);
    validation::throw_if_any(check_move(before, to));
    auto walk = before;
    walk.row_version = row_version;
    walk.status = to;
    update_or_conflict(sql, walk);
    audit::record_change(sql, actor, "status", "walk", walk_id, to_json(before), to_json(walk));
  });
}

long long add_finding(db::Database& database, const Actor& actor, long long walk_id,
                      Finding finding) {
  require_recorder(actor);
  finding.walk_id = walk_id;
  finding.id = 0;
  finding.follow_up.clear();
  finding.follow_up_note.clear();
  validation::throw_if_any(validate_finding(finding));
  long long id = 0;
  // Several people record on one walk at once: two may take the same next number, and the
  // second then tries again with the one after.
  for (int attempt = 0;; ++attempt) {
    try {
      database.in_transaction([&](soci::session& sql) {
        walk_in_workspace(sql, actor, walk_id);
        if (!finding.client_key.empty()) {
          if (const auto stored =
                  store::find_finding_by_client_key(sql, walk_id, finding.client_key)) {
            id = stored->id;
            return;
          }
        }
        finding.number = store::highest_number(sql, walk_id) + 1;
        finding.id = id = store::insert_finding(sql, finding);
        audit::record_change(sql, actor, "create", "walk_finding", id, nullptr, to_json(finding));
      });
      return id;
    } catch (const std::exception& error) {
      if (attempt >= 4 || !db::is_unique_violation(error)) throw;
    }
  }
}

void update_finding(db::Database& database, const Actor& actor, long long walk_id,
                    Finding finding) {
  require_recorder(actor);
  finding.walk_id = walk_id;
  database.in_transaction([&](soci::session& sql) {
    walk_in_workspace(sql, actor, walk_id);
    const auto before = finding_of(sql, walk_id, finding.id);
    finding.number = before.number;
    finding.follow_up = before.follow_up;
    finding.follow_up_note = before.follow_up_note;
    finding.client_key = before.client_key;
    finding.created_at = before.created_at;
    validation::throw_if_any(validate_finding(finding));
    if (!store::update_finding(sql, finding)) throw validation::Conflict();
    audit::record_change(sql, actor, "update", "walk_finding", finding.id, to_json(before),
                         to_json(finding));
  });
}

void check_finding(db::Database& database, const Actor& actor, long long walk_id,
                   long long finding_id, long long row_version, const std::string& result,
                   const std::string& note) {
  require_recorder(actor);
  validation::throw_if_any(validate_follow_up(result, note));
  database.in_transaction([&](soci::session& sql) {
    const auto walk = walk_in_workspace(sql, actor, walk_id);
    if (walk.status == "planned") {
      Errors errors;
      errors.add("follow_up", "walk_follow_up_before_walking");
      throw validation::Invalid(errors);
    }
    const auto before = finding_of(sql, walk_id, finding_id);
    auto finding = before;
    finding.row_version = row_version;
    finding.follow_up = result;
    finding.follow_up_note = note;
    if (!store::update_finding(sql, finding)) throw validation::Conflict();
    audit::record_change(sql, actor, "walk_checked", "walk_finding", finding_id, to_json(before),
                         to_json(finding));
  });
}

long long add_action(db::Database& database, const Actor& actor, long long walk_id, Action action) {
  auth::require_edit_all(actor);
  action.id = 0;
  long long id = 0;
  database.in_transaction([&](soci::session& sql) {
    walk_in_workspace(sql, actor, walk_id);
    finding_of(sql, walk_id, action.finding_id);
    auto errors = validate_action(action);
    if (action.owner_user_id && !auth::role_in(sql, actor.workspace_id, *action.owner_user_id)) {
      errors.add("owner_user_id", "link_not_in_workspace");
    }
    validation::throw_if_any(errors);
    action.id = id = store::insert_action(sql, action);
    audit::record_change(sql, actor, "create", "walk_action", id, nullptr, to_json(action));
  });
  return id;
}

void update_action(db::Database& database, const Actor& actor, Action action) {
  database.in_transaction([&](soci::session& sql) {
    const auto found = store::find_action(sql, actor.workspace_id, action.id);
    if (!found) throw validation::NotFound();
    const auto& before = found->action;
    if (!may_update(actor, before)) throw validation::Forbidden();
    action.finding_id = before.finding_id;
    action.created_at = before.created_at;
    if (!actor.edit_all) {
      const auto status = action.status;
      const auto note = action.status_note;
      const auto version = action.row_version;
      action = before;
      action.status = status;
      action.status_note = note;
      action.row_version = version;
    }
    auto errors = validate_action(action);
    if (action.owner_user_id && !auth::role_in(sql, actor.workspace_id, *action.owner_user_id)) {
      errors.add("owner_user_id", "link_not_in_workspace");
    }
    validation::throw_if_any(errors);
    if (!store::update_action(sql, action)) throw validation::Conflict();
    audit::record_change(sql, actor, "update", "walk_action", action.id, to_json(before),
                         to_json(action));
  });
}

long long add_photo(db::Database& database, const Actor& actor, long long walk_id,
                    long long finding_id, std::string_view bytes, Photo photo) {
  require_recorder(actor);
  validation::Errors errors;
  validation::choice(errors, "stage", photo.stage, kPhotoStages);
  validation::throw_if_any(errors);
  {
    // Refused before the photo is decoded: the walk and finding must be the actor's.
    auto sql = database.session();
    walk_in_workspace(sql, actor, walk_id);
    finding_of(sql, walk_id, finding_id);
  }
  // Decoding and encoding take the longest; no transaction waits for them.
  const auto outcome = documents::process_photo(bytes);
  if (outcome.problem != documents::PhotoProblem::none) {
    errors.add("photo",
               outcome.problem == documents::PhotoProblem::too_large ? "walk_photo_too_large"
                                                                     : "walk_photo_not_an_image",
               {{"max", "20"}});
    throw validation::Invalid(errors);
  }
  photo.finding_id = finding_id;
  photo.width = outcome.photo.width;
  photo.height = outcome.photo.height;
  photo.sha256 = crypto::sha256_hex(outcome.photo.jpeg);
  long long id = 0;
  database.in_transaction([&](soci::session& sql) {
    finding_of(sql, walk_id, finding_id);
    photo.id = id = store::insert_photo(sql, photo, crypto::base64_encode(outcome.photo.jpeg),
                                        crypto::base64_encode(outcome.photo.thumbnail));
    audit::record_change(sql, actor, "create", "walk_photo", id, nullptr, to_json(photo));
  });
  return id;
}

void set_photo_public(db::Database& database, const Actor& actor, long long photo_id,
                      bool is_public) {
  require_recorder(actor);
  database.in_transaction([&](soci::session& sql) {
    const auto found = readable_photo(sql, actor, photo_id);
    auto after = found.photo;
    after.is_public = is_public;
    store::set_photo_public(sql, photo_id, is_public);
    audit::record_change(sql, actor, "update", "walk_photo", photo_id, to_json(found.photo),
                         to_json(after));
  });
}

void delete_photo(db::Database& database, const Actor& actor, long long photo_id) {
  auth::require_edit_all(actor);
  database.in_transaction([&](soci::session& sql) {
    const auto found = readable_photo(sql, actor, photo_id);
    store::delete_photo(sql, photo_id);
    audit::record_change(sql, actor, "delete", "walk_photo", photo_id, to_json(found.photo),
                         nullptr);
  });
}

}  // namespace samtryg::walks
