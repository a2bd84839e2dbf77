// Groups and partner parties: the list, and the forms to add a group, a member or a party.
#include <map>

#include "core/i18n/locale_format.hpp"
#include "core/web/fields.hpp"
#include "core/web/form_page.hpp"
#include "core/web/page.hpp"
#include "features/strategy/commands.hpp"
#include "features/strategy/page_support.hpp"

namespace samtryg::strategy {

namespace {

view::Data group_item(const Context& context, soci::session& sql, const Actor& actor,
                      const Group& group, const std::map<long long, std::string>& parties) {
  view::Data item;
  item.set("id", std::to_string(group.id));
  item.set("name", group.name);
  item.set("kind", web::code_label(context, "group_kind_", group.kind));
  item.set("cadence", view::text(group.cadence));
  item.set("description", view::text(group.description));
  const auto initiative =
      group.initiative_id ? find_initiative(sql, actor, *group.initiative_id) : std::nullopt;
  item.set("initiative", view::text(initiative ? initiative->name : std::string()));
  item.set("initiative_id", group.initiative_id ? std::to_string(*group.initiative_id) : "");
  auto members = view::list();
  for (const auto& member : group_members(sql, actor, group.id)) {
    view::Data row;
    row.set("title", member.title);
    const auto party = member.party_id ? parties.find(*member.party_id) : parties.end();
    row.set("party", party != parties.end() ? party->second : std::string());
    row.set("role", member.role);
    members.push_back(row);
  }
  item.set("has_members", view::flag(!members.is_empty_list()));
  item.set("members", members);
  return item;
}

Response show_groups(Context& context) {
  const auto actor = context.actor();
  auto sql = context.services.database.session();
  std::map<long long, std::string> party_names;
  auto party_list = view::list();
  for (const auto& party : parties(sql, actor)) {
    party_names[party.id] = party.name;
    view::Data item;
    item.set("name", party.name);
    item.set("kind", web::code_label(context, "party_kind_", party.kind));
    party_list.push_back(item);
  }
  auto list = view::list();
  for (const auto& group : groups(sql, actor)) {
    list.push_back(group_item(context, sql, actor, group, party_names));
  }
  auto channel_list = view::list();
  const auto own_channels = channels(sql, actor);
  for (const auto& channel : own_channels) {
    view::Data item;
    item.set("name", channel.name);
    channel_list.push_back(item);
  }
  view::Data data;
  data.set("parties", party_list);
  data.set("has_channels", view::flag(!own_channels.empty()));
  data.set("channels", channel_list);
  data.set("groups", list);
  data.set("can_edit", view::flag(actor.edit_all));
  data.set("notice", view::text(notice_text(context)));
  return web::render_page(context, kTemplates("groups"), std::move(data),
                          {.title = context.text("groups_title"), .status = 200, .nav = "groups"});
}

// The initiatives a group can work for, each with its plan and version.
std::vector<web::Option> initiative_options(const Context& context) {
  const auto actor = context.actor();
  auto sql = context.services.database.session();
  std::map<long long, std::string> plan_names;
  for (const auto& plan : plans(sql, actor)) {
    plan_names[plan.id] = plan.name + " (v" + std::to_string(plan.version) + ")";
  }
  std::vector<web::Option> options{{"", context.text("choice_none")}};
  const InitiativeFilter top_level{.top_level_only = true, .by_id = true};
  for (const auto& row : initiatives(sql, actor, top_level)) {
    options.push_back({std::to_string(row.initiative.id),
                       row.initiative.name + " – " + plan_names[row.initiative.plan_id]});
  }
  return options;
}

Response group_form(Context& context, const Group& group, validation::Errors errors, int status) {
  web::FormPage form;
  form.heading = context.text("group_new");
  form.action = "/groups";
  form.submit = context.text("form_create");
  form.cancel = "/groups";
  form.fields = {
      {.name = "initiative_id",
       .label = context.text("group_initiative"),
       .value = group.initiative_id ? std::to_string(*group.initiative_id) : "",
       .kind = Kind::select,
       .hint = context.text("group_initiative_hint"),
       .options = initiative_options(context)},
      {.name = "name", .label = context.text("group_name"), .value = group.name, .required = true},
      {.name = "kind",
       .label = context.text("group_kind"),
       .value = group.kind,
       .kind = Kind::select,
       .required = true,
       .options = web::coded_options(kGroupKinds, "group_kind_", context.catalog())},
      {.name = "cadence",
       .label = context.text("group_cadence"),
       .value = group.cadence,
       .hint = context.text("group_cadence_hint")},
      {.name = "description",
       .label = context.text("group_description"),
       .value = group.description,
       .kind = Kind::textarea},
  };
  form.errors = std::move(errors);
  form.status = status;
  form.nav = "groups";
  return web::render_form(context, form);
}

Response new_group(Context& context) {
  return group_form(context, Group{}, {}, 200);
}

Response create_group_submit(Context& context) {
  const auto& form = context.form();
  Group group;
  group.name = form.value("name");
  group.kind = form.value("kind");
  group.cadence = form.value("cadence");
  group.description = form.value("description");
  validation::Errors errors;
  group.initiative_id = web::optional_number(form.value("initiative_id"), "initiative_id", errors);
  try {
    validation::throw_if_any(errors);
    create_group(context.services.database, context.actor(), group);
  } catch (const validation::Invalid& invalid) {
    return group_form(context, group, invalid.errors, 422);
  }
  return Response::redirect("/groups?notice=notice_created");
}

// ---- members ----------------------------------------------------------------------------------

Response member_form(Context& context, const Group& group, const GroupMember& member,
                     validation::Errors errors, int status) {
  std::vector<web::Option> party_options{{"", context.text("choice_none")}};
  std::vector<web::Option> person_options{{"", context.text("member_person_none")}};
  {
    auto sql = context.services.database.session();
    for (const auto& party : parties(sql, context.actor())) {
      party_options.push_back({std::to_string(party.id), party.name});
    }
    auto everyone = people(sql, context.actor());
    i18n::sort_by_name(everyone, context.language, [](const auto& person) { return person.name; });
    for (const auto& person : everyone) {
      person_options.push_back({std::to_string(person.id), person.name});
    }
  }
  web::FormPage form;
  form.heading = context.text("member_add") + ": " + group.name;
  form.action = "/groups/" + std::to_string(group.id) + "/members";
  form.submit = context.text("form_create");
  form.cancel = "/groups#group-" + std::to_string(group.id);
  form.fields = {
      {.name = "title",
       .label = context.text("member_title"),
       .value = member.title,
       .required = true,
       .hint = context.text("member_title_hint")},
      {.name = "party_id",
       .label = context.text("member_party"),
       .value = member.party_id ? std::to_string(*member.party_id) : "",
       .kind = Kind::select,
       .options = party_options},
      {.name = "role", .label = context.text("member_role"), .value = member.role},
      {.name = "user_id",
       .label = context.text("member_person"),
       .value = member.user_id ? std::to_string(*member.user_id) : "",
       .kind = Kind::select,
       .hint = context.text("member_person_hint"),
       .options = person_options},
  };
  form.errors = std::move(errors);
  form.status = status;
  form.nav = "groups";
  return web::render_form(context, form);
}

Group group_of(Context& context) {
  auto sql = context.services.database.session();
  return readable_group(sql, context.actor(), context.path_id());
}

Response new_member(Context& context) {
  return member_form(context, group_of(context), GroupMember{}, {}, 200);
}

Response add_member_submit(Context& context) {
  const auto group = group_of(context);
  const auto& form = context.form();
  GroupMember member;
  member.group_id = group.id;
  member.title = form.value("title");
  member.role = form.value("role");
  validation::Errors errors;
  member.party_id = web::optional_number(form.value("party_id"), "party_id", errors);
  member.user_id = web::optional_number(form.value("user_id"), "user_id", errors);
  try {
    validation::throw_if_any(errors);
    add_group_member(context.services.database, context.actor(), member);
  } catch (const validation::Invalid& invalid) {
    return member_form(context, group, member, invalid.errors, 422);
  }
  return Response::redirect("/groups?notice=notice_created#group-" + std::to_string(group.id));
}

// ---- parties ----------------------------------------------------------------------------------

Response party_form(Context& context, const Party& party, const validation::Errors& errors,
                    int status) {
  web::FormPage form;
  form.heading = context.text("party_new");
  form.action = "/parties";
  form.submit = context.text("form_create");
  form.cancel = "/groups#parties";
  form.fields = {
      {.name = "name", .label = context.text("party_name"), .value = party.name, .required = true},
      {.name = "kind",
       .label = context.text("party_kind"),
       .value = party.kind,
       .kind = Kind::select,
       .required = true,
       .options = web::coded_options(kPartyKinds, "party_kind_", context.catalog())},
  };
  form.errors = errors;
  form.status = status;
  form.nav = "groups";
  return web::render_form(context, form);
}

Response new_party(Context& context) {
  return party_form(context, Party{}, {}, 200);
}

Response create_party_submit(Context& context) {
  Party party;
  party.name = context.form().value("name");
  party.kind = context.form().value("kind");
  try {
    create_party(context.services.database, context.actor(), party);
  } catch (const validation::Invalid& invalid) {
    return party_form(context, party, invalid.errors, 422);
  }
  return Response::redirect("/groups?notice=notice_created#parties");
}

// ---- channels --------------------------------------------------------------------------------

Response channel_form(Context& context, const Channel& channel, const validation::Errors& errors,
                      int status) {
  web::FormPage form;
  form.heading = context.text("channel_new");
  form.action = "/channels";
  form.submit = context.text("form_create");
  form.cancel = "/groups#channels";
  form.fields = {{.name = "name",
                  .label = context.text("channel_name"),
                  .value = channel.name,
                  .required = true,
                  .hint = context.text("channel_name_hint")}};
  form.errors = errors;
  form.status = status;
  form.nav = "groups";
  return web::render_form(context, form);
}

Response new_channel(Context& context) {
  return channel_form(context, Channel{}, {}, 200);
}

Response create_channel_submit(Context& context) {
  Channel channel;
  channel.name = context.form().value("name");
  try {
    create_channel(context.services.database, context.actor(), channel);
  } catch (const validation::Invalid& invalid) {
    return channel_form(context, channel, invalid.errors, 422);
  }
  return Response::redirect("/groups?notice=notice_created#channels");
}

}  // namespace

void add_group_routes(web::App& app) {
  const auto members = web::Access::needs(auth::Permission::read_workspace);
  const auto all = web::Access::needs(auth::Permission::edit_all);
  app.add({Method::get, "/groups", members, show_groups});
  app.add({Method::get, "/groups/new", all, new_group});
  app.add({Method::post, "/groups", all, create_group_submit});
  app.add({Method::get, "/groups/{id}/members/new", all, new_member});
  app.add({Method::post, "/groups/{id}/members", all, add_member_submit});
  app.add({Method::get, "/parties/new", all, new_party});
  app.add({Method::post, "/parties", all, create_party_submit});
  app.add({Method::get, "/channels/new", all, new_channel});
  app.add({Method::post, "/channels", all, create_channel_submit});
}

}  // namespace samtryg::strategy
