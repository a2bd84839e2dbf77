#include "core/web/form_page.hpp"

#include "core/i18n/locale_format.hpp"
#include "core/util/strings.hpp"
#include "core/validation/fields.hpp"
#include "core/web/form_errors.hpp"
#include "core/web/page.hpp"

namespace samtryg::web {

namespace {
constexpr std::string_view kFormPage = "web/templates/form_page.mustache";
}  // namespace

http::Response render_form(Context& context, const FormPage& form) {
  view::Data data;
  data.set("heading", form.heading);
  data.set("intro", view::text(form.intro));
  data.set("action", form.action);
  data.set("submit", form.submit);
  data.set("cancel", form.cancel);
  data.set("hidden", form.hidden);
  data.set("conflict", view::flag(form.conflict));
  data.set("multipart", view::flag(form.multipart));
  data.set("fields", fields_data(form.fields, form.errors, context.catalog()));
  add_errors(data, form.errors, context.catalog());
  return render_page(context, kFormPage, std::move(data),
                     {.title = form.heading, .status = form.status, .nav = form.nav});
}

http::Response render_confirm(Context& context, const ConfirmPage& page) {
  view::Data data;
  data.set("heading", page.heading);
  data.set("text", page.text);
  data.set("confirm", page.confirm);
  data.set("action", page.action);
  data.set("cancel", page.cancel);
  return render_page(context, "web/templates/confirm.mustache", std::move(data),
                     {.title = page.heading, .status = 200, .nav = page.nav});
}

view::Data hidden_values(std::initializer_list<std::pair<std::string, std::string>> values) {
  auto list = view::list();
  for (const auto& [name, value] : values) {
    view::Data item;
    item.set("name", name);
    item.set("value", value);
    list.push_back(item);
  }
  return list;
}

std::string date_text(std::string_view iso, i18n::Language language) {
  if (iso.size() < 10 || !validation::is_iso_date(iso.substr(0, 10))) return std::string(iso);
  const auto number = [&](std::size_t at, std::size_t length) {
    return static_cast<int>(*parse_integer(iso.substr(at, length)));
  };
  return i18n::format_date({number(0, 4), number(5, 2), number(8, 2)}, language);
}

}  // namespace samtryg::web
