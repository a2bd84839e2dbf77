#pragma once
// Use cases of the strategy register, shared by the web pages, the JSON API, import and the
// demo: check rights → validate everything → one transaction (store + search index + audit).
// Failures: validation::Invalid (field errors), NotFound, Forbidden, Conflict.
#include <optional>
#include <string>

#include "core/audit/audit.hpp"
#include "core/auth/roles.hpp"
#include "core/db/database.hpp"
#include "features/strategy/model.hpp"

namespace samtryg::strategy {

// Who is acting, in which workspace, with which rights.
struct Editor {
  long long workspace_id = 0;
  audit::Actor actor;
  std::optional<long long> user_id;
  bool edit_all = false;  // coordinators and admins
  bool edit_own = false;  // initiative leads: their own initiatives and sub-initiatives
  bool read_all = false;  // members and up; viewers read published content only

  // The rights of `role` (none: a tool acting with full rights, such as import or demo).
  static Editor for_role(long long workspace_id, audit::Actor actor,
                         std::optional<long long> user_id, std::optional<auth::Role> role);
};

// Throws validation::Forbidden unless the editor changes everything (coordinators, admins).
void require_edit_all(const Editor& editor);
// Records a change by `editor` in the audit log, inside the caller's transaction.
void audit_change(soci::session& sql, const Editor& editor, std::string action, std::string entity,
                  long long id, boost::json::value before, boost::json::value after);

// Whether `editor` may change `initiative`; `parent_lead` is the lead of its parent, if any.
bool may_edit(const Editor& editor, const Initiative& initiative,
              std::optional<long long> parent_lead);

long long create_party(db::Database& database, const Editor& editor, Party party);

long long create_plan(db::Database& database, const Editor& editor, Plan plan);
void update_plan(db::Database& database, const Editor& editor, Plan plan);
// Copies the plan (version + 1), its focus areas and its initiatives with their sub-
// initiatives; the copy can then diverge. Returns the new plan's id.
long long new_plan_version(db::Database& database, const Editor& editor, long long plan_id);
long long create_focus_area(db::Database& database, const Editor& editor, FocusArea area);

long long create_initiative(db::Database& database, const Editor& editor, Initiative initiative);
// Status changes go through change_initiative_status, never through an update.
void update_initiative(db::Database& database, const Editor& editor, Initiative initiative);
void change_initiative_status(db::Database& database, const Editor& editor, long long initiative_id,
                              long long row_version, const std::string& status,
                              const std::string& changed_on, const std::string& reason);

long long create_activity(db::Database& database, const Editor& editor, const Activity& activity);
// The same inside the caller's transaction (a reporting form adds its new items to the
// register while it saves).
long long create_activity_in(soci::session& sql, const Editor& editor, Activity activity);
void update_activity(db::Database& database, const Editor& editor, Activity activity);

long long create_group(db::Database& database, const Editor& editor, Group group);
long long add_group_member(db::Database& database, const Editor& editor, GroupMember member);

// Attaches a file to a plan (coordinators) or an initiative (who may edit it). Throws
// validation::Invalid (field "file") for an empty, too large or not allowed file.
long long add_document(db::Database& database, const Editor& editor, Document document);
void delete_document(db::Database& database, const Editor& editor, long long id);
// The document with its content, when its plan or initiative is readable.
Document readable_document(db::Database& database, const Editor& editor, long long id);
// Whether the editor may change the documents of what `document` is attached to.
bool may_edit_document(db::Database& database, const Editor& editor, const Document& document);

// Loads a record the editor may read, or throws NotFound (also for unpublished records
// when the editor reads published content only).
Plan readable_plan(db::Database& database, const Editor& editor, long long id);
Initiative readable_initiative(db::Database& database, const Editor& editor, long long id);
Activity readable_activity(db::Database& database, const Editor& editor, long long id);

}  // namespace samtryg::strategy
