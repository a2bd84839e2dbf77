#include "features/demo/demo.hpp"

#include "core/auth/store.hpp"
#include "features/accounts/commands.hpp"

namespace samtryg::demo {

namespace {

struct DemoPerson {
  const char* name;  // role titles from the seeds, never real people's names
  const char* email;
  const char* role;
};

constexpr DemoPerson kPeople[] = {
    {"Tovholder for strategien", "tovholder@demo.samtryg.dk", "coordinator"},
    {"Systemadministrator", "admin@demo.samtryg.dk", "admin"},
    {"SSP-konsulent", "ssp@demo.samtryg.dk", "initiative_lead"},
    {"Forebyggelsesafdelingen, Nordjyllands Politi", "politi@demo.samtryg.dk", "member"},
    {"Medlem af Byrådet", "byraad@demo.samtryg.dk", "viewer"},
};

}  // namespace

std::vector<DemoLogin> load_demo(db::Database& database, auth::HashCost cost) {
  const audit::Actor actor{std::nullopt, "demo"};
  const auto workspace =
      accounts::ensure_workspace(database, actor, std::string(kWorkspaceName), "da");
  std::vector<DemoLogin> logins;
  for (const auto& person : kPeople) {
    logins.push_back({person.email, person.role});
    {
      auto sql = database.session();
      if (auth::find_user_by_email(sql, person.email)) continue;
    }
    accounts::NewUser user;
    user.name = person.name;
    user.email = person.email;
    user.password = std::string(kPassword);
    user.language = "da";
    user.role = person.role;
    accounts::add_user(database, cost, actor, workspace.id, user);
  }
  return logins;
}

}  // namespace samtryg::demo
