#include "core/web/form_page.hpp"

#include <algorithm>

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
  auto fields = form.fields;
  // What the fields held when the form was first opened travels with it, so a refused save
  // can tell whose change each difference is; after a refusal the saved record is the new start.
  const bool posted = context.request.method == http::Method::post;
  const auto opened = posted ? context.form().value("_seen") : std::string();
  if (!form.theirs.empty()) {
    merge_theirs(fields, form.theirs, opened, context.catalog());
    data.set("seen", seen_values(form.theirs));
  } else {
    data.set("seen", opened.empty() ? seen_values(form.fields) : opened);
  }
  data.set("multipart", view::flag(form.multipart));
  data.set("after_form", form.after_form_html);
  data.set("fields", fields_data(fields, form.errors, context.catalog()));
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

// The notice is a fixed, translated text named by the URL; only whole numbers from the URL may
// fill its blanks, so a crafted link cannot make the page say anything else.
std::string notice_text(const Context& context, std::initializer_list<std::string_view> allowed) {
  const auto key = context.query("notice");
  for (const auto name : allowed) {
    if (key != name) continue;
    i18n::Catalog::Values numbers;
    for (const auto* blank : {"count", "inserted", "updated", "unchanged", "areas"}) {
      const auto value = context.query(blank);
      const bool whole_number =
          !value.empty() && value.size() <= 9 &&
          std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
      numbers.emplace_back(blank, whole_number ? std::string(value) : std::string("0"));
    }
    return context.catalog().format(key, numbers);
  }
  return {};
}

}  // namespace samtryg::web
