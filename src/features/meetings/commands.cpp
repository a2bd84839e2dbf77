#include "features/meetings/commands.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/audit/audit.hpp"
#include "core/auth/store.hpp"
#include "core/demo/marks.hpp"
#include "core/util/crypto.hpp"
#include "core/util/time.hpp"
#include "features/meetings/json.hpp"
#include "features/strategy/queries.hpp"

namespace samtryg::meetings {

namespace {

using validation::Errors;

Meeting meeting_in_workspace(soci::session& sql, const Actor& actor, long long id) {
  auto meeting = store::find_meeting(sql, actor.workspace_id, id);
  if (!meeting) throw validation::NotFound();
  return std::move(*meeting);
}

// The body that meets must be one of the workspace's groups (read through strategy's queries).
void check_group(soci::session& sql, const Actor& actor, const Meeting& meeting, Errors& errors) {
  if (!meeting.group_id) return;
  try {
    strategy::readable_group(sql, actor, *meeting.group_id);
  } catch (const validation::NotFound&) {
    errors.add("group_id", "link_not_in_workspace");
  }
}

void check_owner(soci::session& sql, const Actor& actor, const Action& action, Errors& errors) {
  if (action.owner_user_id <= 0) return;
  const auto people = strategy::people(sql, actor);
  if (std::none_of(people.begin(), people.end(),
                   [&](const auto& person) { return person.id == action.owner_user_id; })) {
    errors.add("owner_user_id", "link_not_in_workspace");
  } else if (auth::role_in(sql, actor.workspace_id, action.owner_user_id) == auth::Role::viewer) {
    errors.add("owner_user_id", "meeting_action_owner_reader");
  }
}

// Each theme taken up once, and only one still open for this meeting of its body.
void check_themes(soci::session& sql, const Meeting& meeting, const std::vector<Item>& items) {
  Errors errors;
  std::vector<long long> taken;
  for (std::size_t index = 0; index < items.size(); ++index) {
    if (!items[index].theme_id) continue;
    const auto theme = store::find_theme(sql, meeting.workspace_id, *items[index].theme_id);
    if (!theme ||
        !is_open_for(*theme, meeting.id, meeting.group_id, meeting.starts_at.substr(0, 10)) ||
        std::find(taken.begin(), taken.end(), theme->id) != taken.end()) {
      errors.add(fmt::format("items[{}].theme_id", index), "meeting_theme_not_open");
    } else {
      taken.push_back(theme->id);
    }
  }
  validation::throw_if_any(errors);
}

Item item_of(soci::session& sql, long long meeting_id, long long id) {
  for (auto& item : store::items(sql, meeting_id)) {
    if (item.id == id) return item;
  }
  throw validation::NotFound();
}

}  // namespace

long long create_meeting(db::Database& database, const Actor& actor, Meeting meeting,
                         int repeat_months, int count) {
  auth::require_edit_all(actor);
  meeting.id = 0;
  meeting.workspace_id = actor.workspace_id;
  meeting.series_id.reset();
  meeting.sequence = 0;
  meeting.approved_at_meeting_id.reset();
  meeting.invited_sequence = -1;
  meeting.invited_at.clear();
  meeting.series_months = 0;
  meeting.series_count = 0;
  meeting.series_start.clear();
  meeting.occurrence_at.clear();
  auto errors = validate_meeting(meeting);
  if (repeat_months < 0 || repeat_months > 12)
    errors.add("repeat_months", "meeting_repeat_invalid");
  if (count < 1 || count > kMaxSeries) {
    errors.add("repeat_count", "meeting_repeat_count_invalid",
               {{"max", std::to_string(kMaxSeries)}});
  }
  long long first = 0;
  database.in_transaction([&](soci::session& sql) {
    check_group(sql, actor, meeting, errors);
    validation::throw_if_any(errors);
    const int made = repeat_months > 0 ? count : 1;
    if (made > 1) {
      meeting.series_months = repeat_months;
      meeting.series_count = made;
      meeting.series_start = meeting.starts_at;
    }
    for (int index = 0; index < made; ++index) {
      auto next = *shifted(meeting, index * repeat_months);
      if (made > 1) next.occurrence_at = next.starts_at;
      if (index > 0) next.series_id = first;
      next.id = store::insert_meeting(sql, next);
      if (index == 0) first = next.id;
      if (index == 1) store::set_series(sql, first, first);
      audit::record_change(sql, actor, "create", "meeting", next.id, nullptr, to_json(next));
    }
  });
  return first;
}

void update_meeting(db::Database& database, const Actor& actor, Meeting meeting) {
  auth::require_edit_all(actor);
  database.in_transaction([&](soci::session& sql) {
    const auto before = meeting_in_workspace(sql, actor, meeting.id);
    meeting.workspace_id = actor.workspace_id;
    meeting.series_id = before.series_id;
    meeting.created_at = before.created_at;
    auto errors = validate_meeting(meeting);
    check_group(sql, actor, meeting, errors);
    validation::throw_if_any(errors);
    meeting.sequence = before.sequence + (changes_calendar(before, meeting) ? 1 : 0);
    if (!store::update_meeting(sql, meeting)) throw validation::Conflict();
    demo::clear_marks(sql, actor.workspace_id, "meeting", meeting.id);
    audit::record_change(sql, actor, "update", "meeting", meeting.id, to_json(before),
                         to_json(meeting));
  });
}

void delete_meeting(db::Database& database, const Actor& actor, long long id) {
  auth::require_edit_all(actor);
  database.in_transaction([&](soci::session& sql) {
    const auto before = meeting_in_workspace(sql, actor, id);
    store::delete_meeting(sql, actor.workspace_id, id);
    demo::clear_marks(sql, actor.workspace_id, "meeting", id);
    audit::record_change(sql, actor, "delete", "meeting", id, to_json(before), nullptr);
  });
}

long long add_item(db::Database& database, const Actor& actor, long long meeting_id, Item item) {
  auth::require_edit_all(actor);
  validation::throw_if_any(validate_item(item));
  long long id = 0;
  database.in_transaction([&](soci::session& sql) {
    meeting_in_workspace(sql, actor, meeting_id);
    item.meeting_id = meeting_id;
    item.position = next_position(store::items(sql, meeting_id));
    item.id = id = store::insert_item(sql, item);
    audit::record_change(sql, actor, "create", "meeting_item", id, nullptr, to_json(item));
  });
  return id;
}

void add_items(db::Database& database, const Actor& actor, long long meeting_id,
               std::vector<Item> items) {
  auth::require_edit_all(actor);
  validation::Errors errors;
  for (std::size_t index = 0; index < items.size(); ++index) {
    errors.add_all(validate_item(items[index]), fmt::format("items[{}].", index));
  }
  validation::throw_if_any(errors);
  database.in_transaction([&](soci::session& sql) {
    const auto meeting = meeting_in_workspace(sql, actor, meeting_id);
    check_themes(sql, meeting, items);
    auto position = next_position(store::items(sql, meeting_id));
    for (auto& item : items) {
      item.meeting_id = meeting_id;
      item.position = position++;
      item.id = store::insert_item(sql, item);
      audit::record_change(sql, actor, "create", "meeting_item", item.id, nullptr, to_json(item));
    }
  });
}

void update_item(db::Database& database, const Actor& actor, long long meeting_id, Item item) {
  auth::require_edit_all(actor);
  validation::throw_if_any(validate_item(item));
  database.in_transaction([&](soci::session& sql) {
    meeting_in_workspace(sql, actor, meeting_id);
    const auto before = item_of(sql, meeting_id, item.id);
    item.meeting_id = meeting_id;
    item.position = before.position;
    if (!store::update_item(sql, item)) throw validation::Conflict();
    audit::record_change(sql, actor, "update", "meeting_item", item.id, to_json(before),
                         to_json(item));
  });
}

void move_item(db::Database& database, const Actor& actor, long long meeting_id, long long item_id,
               bool up) {
  auth::require_edit_all(actor);
  database.in_transaction([&](soci::session& sql) {
    meeting_in_workspace(sql, actor, meeting_id);
    const auto items = store::items(sql, meeting_id);
    const auto at = std::find_if(items.begin(), items.end(),
                                 [&](const Item& item) { return item.id == item_id; });
    if (at == items.end()) throw validation::NotFound();
    const auto index = static_cast<std::size_t>(at - items.begin());
    if ((up && index == 0) || (!up && index + 1 == items.size())) return;
    const auto& other = items[up ? index - 1 : index + 1];
    // Positions may repeat after an import; renumber the two by their place in the list.
    const int here = static_cast<int>(index) + 1;
    const int there = up ? here - 1 : here + 1;
    for (std::size_t position = 0; position < items.size(); ++position) {
      store::set_position(sql, meeting_id, items[position].id, static_cast<int>(position) + 1);
    }
    store::set_position(sql, meeting_id, item_id, there);
    store::set_position(sql, meeting_id, other.id, here);
    audit::record_change(sql, actor, "move", "meeting_item", item_id, nullptr,
                         boost::json::object{{"position", there}});
  });
}

void delete_item(db::Database& database, const Actor& actor, long long meeting_id,
                 long long item_id) {
  auth::require_edit_all(actor);
  database.in_transaction([&](soci::session& sql) {
    meeting_in_workspace(sql, actor, meeting_id);
    const auto before = item_of(sql, meeting_id, item_id);
    store::delete_item(sql, meeting_id, item_id);
    audit::record_change(sql, actor, "delete", "meeting_item", item_id, to_json(before), nullptr);
  });
}

long long add_decision(db::Database& database, const Actor& actor, long long meeting_id,
                       Decision decision) {
  auth::require_edit_all(actor);
  validation::throw_if_any(validate_decision(decision));
  long long id = 0;
  database.in_transaction([&](soci::session& sql) {
    meeting_in_workspace(sql, actor, meeting_id);
    item_of(sql, meeting_id, decision.item_id);
    decision.meeting_id = meeting_id;
    decision.number = next_number(store::decisions(sql, meeting_id));
    decision.id = id = store::insert_decision(sql, decision);
    audit::record_change(sql, actor, "create", "meeting_decision", id, nullptr, to_json(decision));
  });
  return id;
}

void delete_decision(db::Database& database, const Actor& actor, long long meeting_id,
                     long long decision_id) {
  auth::require_edit_all(actor);
  database.in_transaction([&](soci::session& sql) {
    meeting_in_workspace(sql, actor, meeting_id);
    const auto decisions = store::decisions(sql, meeting_id);
    const auto found = std::find_if(decisions.begin(), decisions.end(),
                                    [&](const Decision& d) { return d.id == decision_id; });
    if (found == decisions.end()) throw validation::NotFound();
    store::delete_decision(sql, meeting_id, decision_id);
    audit::record_change(sql, actor, "delete", "meeting_decision", decision_id, to_json(*found),
                         nullptr);
  });
}

long long add_action(db::Database& database, const Actor& actor, long long meeting_id,
                     Action action) {
  auth::require_edit_all(actor);
  action.status = "open";
  action.done_on.clear();
  long long id = 0;
  database.in_transaction([&](soci::session& sql) {
    meeting_in_workspace(sql, actor, meeting_id);
    auto errors = validate_action(action);
    check_owner(sql, actor, action, errors);
    if (action.item_id) {
      try {
        item_of(sql, meeting_id, *action.item_id);
      } catch (const validation::NotFound&) {
        errors.add("item_id", "link_not_in_workspace");
      }
    }
    validation::throw_if_any(errors);
    action.meeting_id = meeting_id;
    action.id = id = store::insert_action(sql, action);
    audit::record_change(sql, actor, "create", "meeting_action", id, nullptr, to_json(action));
  });
  return id;
}

void set_action_done(db::Database& database, const Actor& actor, long long action_id, bool done,
                     const std::string& today) {
  database.in_transaction([&](soci::session& sql) {
    auto action = store::find_action(sql, actor.workspace_id, action_id);
    if (!action || !actor.read_all) throw validation::NotFound();
    const bool owner = actor.user_id && *actor.user_id == action->owner_user_id;
    if (!owner && !actor.edit_all) throw validation::Forbidden();
    const auto before = *action;
    action->status = done ? "done" : "open";
    action->done_on = done ? today : std::string();
    store::set_action_status(sql, action_id, action->status, action->done_on);
    audit::record_change(sql, actor, "update", "meeting_action", action_id, to_json(before),
                         to_json(*action));
  });
}

void delete_action(db::Database& database, const Actor& actor, long long meeting_id,
                   long long action_id) {
  auth::require_edit_all(actor);
  database.in_transaction([&](soci::session& sql) {
    meeting_in_workspace(sql, actor, meeting_id);
    const auto action = store::find_action(sql, actor.workspace_id, action_id);
    if (!action || action->meeting_id != meeting_id) throw validation::NotFound();
    store::delete_action(sql, meeting_id, action_id);
    audit::record_change(sql, actor, "delete", "meeting_action", action_id, to_json(*action),
                         nullptr);
  });
}

void approve_minutes(db::Database& database, const Actor& actor, long long meeting_id,
                     const std::string& local_now) {
  if (!actor.user_id || !actor.read_all) throw validation::Forbidden();
  database.in_transaction([&](soci::session& sql) {
    const auto meeting = meeting_in_workspace(sql, actor, meeting_id);
    const auto asked = invitees(sql, actor, meeting);
    if (meeting.group_id && std::find(asked.begin(), asked.end(), *actor.user_id) == asked.end()) {
      throw validation::Forbidden();
    }
    Errors errors;
    if (meeting.status == "cancelled") {
      errors.add("approval", "meeting_approve_cancelled");
    } else if (meeting.starts_at > local_now) {
      errors.add("approval", "meeting_approve_not_yet");
    }
    validation::throw_if_any(errors);
    const Approval approval{*actor.user_id, now_iso_utc()};
    store::add_approval(sql, meeting_id, approval);
    audit::record_change(
        sql, actor, "update", "meeting", meeting_id, nullptr,
        {{"approved_by", approval.user_id}, {"approved_at", approval.approved_at}});
  });
}

void set_minutes_approved_at(db::Database& database, const Actor& actor, long long meeting_id,
                             std::optional<long long> approving_meeting_id) {
  auth::require_edit_all(actor);
  database.in_transaction([&](soci::session& sql) {
    const auto meeting = meeting_in_workspace(sql, actor, meeting_id);
    if (approving_meeting_id) {
      const auto approving = store::find_meeting(sql, actor.workspace_id, *approving_meeting_id);
      Errors errors;
      if (!approving || approving->group_id != meeting.group_id ||
          approving->starts_at <= meeting.starts_at || approving->status == "cancelled") {
        errors.add("approved_at_meeting_id", "meeting_approving_meeting_invalid");
      }
      validation::throw_if_any(errors);
    }
    store::set_approved_at_meeting(sql, meeting_id, approving_meeting_id);
    boost::json::object after{{"approved_at_meeting_id", nullptr}};
    if (approving_meeting_id) after["approved_at_meeting_id"] = *approving_meeting_id;
    audit::record_change(sql, actor, "update", "meeting", meeting_id, nullptr, after);
  });
}

void send_invitations(db::Database& database, const Actor& actor, long long meeting_id,
                      int sequence, const std::string& method,
                      const std::vector<InvitationMail>& mails) {
  auth::require_edit_all(actor);
  if (mails.empty()) {
    Errors errors;
    errors.add("invitees", "meeting_invite_nobody");
    validation::throw_if_any(errors);
  }
  database.in_transaction([&](soci::session& sql) {
    const auto meeting = meeting_in_workspace(sql, actor, meeting_id);
    if (meeting.sequence != sequence) throw validation::Conflict();
    const auto now = now_iso_utc();
    for (const auto& mail : mails) {
      const auto message_id = mail::enqueue(sql, mail.message, now);
      store::insert_invitation(
          sql, meeting_id,
          {mail.user_id, mail.message.recipient, method, sequence, now, message_id});
    }
    store::set_invited(sql, meeting_id, sequence, now);
    audit::record_change(sql, actor, "update", "meeting", meeting_id, nullptr,
                         {{"invitations", static_cast<std::int64_t>(mails.size())},
                          {"method", method},
                          {"sequence", sequence}});
  });
}

std::string new_calendar_token(db::Database& database, const Actor& actor) {
  if (!actor.user_id || !actor.read_all) throw validation::Forbidden();
  auto token = crypto::random_token();
  database.in_transaction([&](soci::session& sql) {
    store::replace_calendar_token(sql, actor.workspace_id, *actor.user_id,
                                  crypto::sha256_hex(token), now_iso_utc());
  });
  return token;
}

void revoke_calendar_token(db::Database& database, const Actor& actor) {
  if (!actor.user_id) throw validation::Forbidden();
  auto sql = database.session();
  store::delete_calendar_token(sql, actor.workspace_id, *actor.user_id);
}

}  // namespace samtryg::meetings
