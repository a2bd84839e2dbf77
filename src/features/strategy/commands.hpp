#pragma once
// Use cases of the strategy register, shared by the web pages, the JSON API, import and the
// demo: check rights → validate everything → one transaction (store + search index + audit).
// Failures: validation::Invalid (field errors), NotFound, Forbidden, Conflict.
#include <optional>
#include <string>

#include "core/audit/audit.hpp"
#include "core/auth/actor.hpp"
#include "core/db/database.hpp"
#include "features/strategy/model.hpp"
#include "features/strategy/queries.hpp"

namespace samtryg::strategy {

using auth::Actor;

long long create_party(db::Database& database, const Actor& actor, Party party);
long long create_channel(db::Database& database, const Actor& actor, Channel channel);

long long create_plan(db::Database& database, const Actor& actor, Plan plan);
void update_plan(db::Database& database, const Actor& actor, Plan plan);
// Copies the plan (version + 1), its focus areas and its initiatives with their sub-
// initiatives; the copy can then diverge. Returns the new plan's id.
long long new_plan_version(db::Database& database, const Actor& actor, long long plan_id);
long long create_focus_area(db::Database& database, const Actor& actor, FocusArea area);

long long create_initiative(db::Database& database, const Actor& actor, Initiative initiative);
// Status changes go through change_initiative_status, never through an update.
void update_initiative(db::Database& database, const Actor& actor, Initiative initiative);
void change_initiative_status(db::Database& database, const Actor& actor, long long initiative_id,
                              long long row_version, const std::string& status,
                              const std::string& changed_on, const std::string& reason);

// Following an initiative one may read and does not lead brings its changes to one's start
// page; for the workspace's staff (edit_own), not readers. Idempotent (following.cpp).
void set_following(db::Database& database, const Actor& actor, long long initiative_id,
                   bool follows);

long long create_activity(db::Database& database, const Actor& actor, const Activity& activity);
// The same inside the caller's transaction (a reporting form adds its new items to the
// register while it saves).
long long create_activity_in(soci::session& sql, const Actor& actor, Activity activity);
void update_activity(db::Database& database, const Actor& actor, Activity activity);

long long create_group(db::Database& database, const Actor& actor, Group group);
long long add_group_member(db::Database& database, const Actor& actor, GroupMember member);

// Attaches a file to a plan (coordinators) or an initiative (who may edit it). Throws
// validation::Invalid (field "file") for an empty, too large or not allowed file.
long long add_document(db::Database& database, const Actor& actor, Document document);
void delete_document(db::Database& database, const Actor& actor, long long id);
}  // namespace samtryg::strategy
