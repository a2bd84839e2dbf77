#pragma once
// Use cases of safety walks, shared by the pages, the JSON API, import and the demo: check
// rights → validate everything → one transaction (store + audit). Failures:
// validation::Invalid (field errors), NotFound, Forbidden, Conflict.
//
// Rights: coordinators and admins plan walks, count the participants, move a walk along and
// keep the action list; whoever records findings (leads too) adds them and checks them on the
// follow-up walk; an action's owner moves their action along.
#include <string>
#include <vector>

#include "core/db/database.hpp"
#include "features/walks/base_map.hpp"
#include "features/walks/queries.hpp"

namespace samtryg::walks {

// The plan of a walk: everything but its state and counts (those change through
// move_walk and save_counts). The groups replace the walk's groups.
long long create_walk(db::Database& database, const Actor& actor, Walk walk,
                      const std::vector<Group>& groups);
void update_walk(db::Database& database, const Actor& actor, Walk walk,
                 const std::vector<Group>& groups);

// The participants counted on the walk. When the walk feeds a per-event indicator and has a
// date, the count the target rests on (everyone but the officials) is stored as that
// indicator's value for the day, in the same transaction.
void save_counts(db::Database& database, const Actor& actor, long long walk_id,
                 long long row_version, const Counts& counts);
// planned → walked → followed up → published, or back to an earlier state.
void move_walk(db::Database& database, const Actor& actor, long long walk_id, long long row_version,
               const std::string& to);

// Adds a finding with the next number and returns its id. A finding sent again with the same
// client_key (a phone resending what it kept offline) is not added twice: the id of the one
// stored is returned.
long long add_finding(db::Database& database, const Actor& actor, long long walk_id,
                      Finding finding);
void update_finding(db::Database& database, const Actor& actor, long long walk_id, Finding finding);
// The follow-up walk's verdict on a finding (fixed / partly / not_fixed) with a note.
void check_finding(db::Database& database, const Actor& actor, long long walk_id,
                   long long finding_id, long long row_version, const std::string& result,
                   const std::string& note);

long long add_action(db::Database& database, const Actor& actor, long long walk_id, Action action);
// Coordinators change everything; an owner only the state and its note.
void update_action(db::Database& database, const Actor& actor, Action action);

// Keeps an uploaded photo of a finding once libvips has decoded and re-encoded it (photo.hpp);
// refused under the field "photo" when it is too large or not a JPEG, PNG or WebP image.
long long add_photo(db::Database& database, const Actor& actor, long long walk_id,
                    long long finding_id, std::string_view bytes, Photo photo);
void set_photo_public(db::Database& database, const Actor& actor, long long photo_id,
                      bool is_public);
// Coordinators only.
void delete_photo(db::Database& database, const Actor& actor, long long photo_id);

// The workspace's base map (base_map.hpp), admins only: an upload replaces the one kept, or is
// refused under the field "file" with the reason (walk_base_map_…). `chosen`: the coordinate
// system the admin says the file is in; nothing: what the file says.
KeptBaseMap set_base_map(db::Database& database, const Actor& actor, std::string_view bytes,
                         std::optional<CoordinateSystem> chosen);
void remove_base_map(db::Database& database, const Actor& actor);

}  // namespace samtryg::walks
