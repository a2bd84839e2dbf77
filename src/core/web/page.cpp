#include "core/web/page.hpp"

#include "core/auth/roles.hpp"

namespace samtryg::web {

namespace {

constexpr std::string_view kLayout = "web/templates/layout.mustache";
constexpr std::string_view kErrorTemplate = "web/templates/error.mustache";

}  // namespace

http::Response render_page(Context& context, std::string_view template_path, view::Data data,
                           const PageOptions& options) {
  const auto& catalog = context.catalog();
  data.set("csrf", context.csrf_token());
  const auto content = view::render(template_path, data, catalog);

  view::Data layout;
  layout.set("title", options.title);
  layout.set("content", content);
  layout.set("csrf", context.csrf_token());
  layout.set("asset_version", context.services.assets.version());
  layout.set("path", context.request.target);
  layout.set("languages",
             choices(i18n::language_codes(), "language_", i18n::code(context.language), catalog));
  if (context.session) {
    view::Data user;
    user.set("name", context.session->user.name);
    user.set("signed_in_as",
             catalog.format("signed_in_as", {{"name", context.session->user.name}}));
    if (context.session->membership) {
      user.set("workspace", context.session->membership->workspace.name);
    }
    user.set("can_manage_users", view::flag(context.can(auth::Permission::manage_users)));
    user.set("nav_home", view::flag(options.nav == "home"));
    user.set("nav_users", view::flag(options.nav == "users"));
    user.set("nav_account", view::flag(options.nav == "account"));
    user.set("nav_plans", view::flag(options.nav == "plans"));
    user.set("nav_groups", view::flag(options.nav == "groups"));
    user.set("nav_search", view::flag(options.nav == "search"));
    user.set("nav_tokens", view::flag(options.nav == "tokens"));
    user.set("has_workspace", view::flag(context.role().has_value()));
    user.set("can_read_workspace", view::flag(context.can(auth::Permission::read_workspace)));
    layout.set("user", user);
  }
  auto response = http::Response::html(view::render(kLayout, layout, catalog), options.status);
  return response;
}

view::Data choices(const std::vector<std::string>& codes, std::string_view label_prefix,
                   std::string_view selected, const i18n::Catalog& catalog) {
  auto list = view::list();
  for (const auto& code : codes) {
    view::Data choice;
    choice.set("code", code);
    choice.set("label", std::string(catalog.text(std::string(label_prefix) + code)));
    choice.set("selected", view::flag(code == selected));
    list.push_back(choice);
  }
  return list;
}

http::Response error_page(Context& context, int status, std::string_view title_key,
                          std::string_view text_key, std::string_view reference) {
  const auto& catalog = context.catalog();
  view::Data data;
  data.set("heading", std::string(catalog.text(title_key)));
  data.set("text", catalog.format(text_key, {{"reference", std::string(reference)}}));
  return render_page(
      context, kErrorTemplate, data,
      PageOptions{.title = std::string(catalog.text(title_key)), .status = status, .nav = {}});
}

}  // namespace samtryg::web
