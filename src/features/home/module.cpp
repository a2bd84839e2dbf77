#include "features/home/module.hpp"

#include <algorithm>

#include "core/auth/roles.hpp"
#include "core/web/app.hpp"
#include "core/web/page.hpp"
#include "core/web/templates.hpp"
#include "features/home/sections.hpp"

namespace samtryg::home {

namespace {

using web::Access;
using web::Context;

constexpr web::Templates kTemplates{"home"};

// The features' parts, in their order.
std::string rendered_sections(Context& context) {
  auto sections = context.services.hooks.find<StartSections>().sections;
  std::stable_sort(sections.begin(), sections.end(),
                   [](const StartSection& a, const StartSection& b) { return a.order < b.order; });
  std::string html;
  for (const auto& section : sections) html += section.render(context);
  return html;
}

http::Response show_home(Context& context) {
  view::Data data;
  const auto& catalog = context.catalog();
  data.set("welcome", catalog.format("home_welcome", {{"name", context.session->user.name}}));
  if (const auto role = context.role()) {
    data.set("workspace", context.workspace().name);
    data.set("role", std::string(catalog.text("role_" + std::string(auth::code(*role)))));
    const auto sections = rendered_sections(context);
    data.set("has_sections", view::flag(!sections.empty()));
    data.set("sections", sections);
  }
  return web::render_page(
      context, kTemplates("home"), std::move(data),
      {.title = std::string(catalog.text("home_title")), .status = 200, .nav = "home"});
}

class HomeModule final : public module::Module {
 public:
  std::string_view name() const override { return "home"; }
  void add_routes(web::App& app) const override {
    app.add({http::Method::get, "/", Access::signed_in(), show_home});
    app.services().navigation.add({"home", "/", "nav_home", Access::signed_in(), 10});
  }
};

}  // namespace

const module::Module& module() {
  static const HomeModule instance;
  return instance;
}

}  // namespace samtryg::home
