#pragma once
// The register's lists: what a reader may ask for, and the rows that come back. The queries
// (queries.hpp) fill in the workspace and what the reader may see; the store reads them.
#include <string>

#include "features/strategy/model.hpp"

namespace samtryg::strategy {

struct InitiativeFilter {
  long long workspace_id = 0;   // set by the queries
  long long plan_id = 0;        // 0: any plan
  std::string status{};         // empty: any
  long long lead_user_id = 0;   // 0: anyone
  long long mine_user_id = 0;   // >0: only those this person leads or follows
  int in_plan = -1;             // -1: both, 0: prioritised beside the plan, 1: in the plan
  bool published_only = false;  // set by the queries: viewers see published content only
  bool top_level_only = false;  // no sub-initiatives
  long long parent_id = 0;      // >0: only the sub-initiatives of this one
  long long focus_area_id = 0;  // >0: only the initiatives under this focus area
  bool by_id = false;           // creation order instead of status, then plan order
  int limit = 1000;
  int offset = 0;
};

struct InitiativeRow {
  Initiative initiative;
  std::string lead_name;    // the lead user's name, or the lead title
  std::string last_update;  // latest change to the initiative or one of its activities
  int activity_count = 0;
};

struct ActivityFilter {
  long long workspace_id = 0;   // set by the queries
  long long initiative_id = 0;  // 0: any
  std::string kind{};           // empty: any
  std::string status{};         // empty: any
  bool published_only = false;  // set by the queries
  int limit = 1000;
  int offset = 0;
};

// A member of the workspace, for lead pickers and checks.
struct Person {
  long long id = 0;
  std::string name;
  std::string email;
};

struct SearchHit {
  std::string entity;  // "plan", "initiative", "activity"
  long long entity_id = 0;
  std::string title;
  std::string excerpt;
};

}  // namespace samtryg::strategy
