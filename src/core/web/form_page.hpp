#pragma once
// The record form every feature shows the same way (web/templates/form_page.mustache): heading,
// error summary, the fields, hidden values, a conflict notice, submit and cancel. `submit` runs
// a command and turns its failures into the form shown again.
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/http/message.hpp"
#include "core/validation/validation.hpp"
#include "core/view/render.hpp"
#include "core/web/context.hpp"
#include "core/web/fields.hpp"

namespace samtryg::web {

struct FormPage {
  std::string heading{};
  std::string intro{};
  std::string action{};
  std::string submit{};
  std::string cancel{};
  std::vector<Field> fields{};
  view::Data hidden = view::list();
  validation::Errors errors{};
  bool conflict = false;
  // With a conflict: the saved record's fields, shown under the typed ones where they differ.
  std::vector<Field> theirs{};
  bool multipart = false;
  int status = 200;
  std::string_view nav = "plans";
  // What a feature adds after the form (a map to draw on, with its scripts), already rendered
  // from its own template and so already escaped; shown as it is.
  std::string after_form_html{};
};

http::Response render_form(Context& context, const FormPage& form);

// [{name, value}] for the form's hidden inputs.
view::Data hidden_values(std::initializer_list<std::pair<std::string, std::string>> values);

// Runs a command from a form: on success returns its response, on bad input the form again
// with the messages (the redisplay gives 422), on a version conflict with the conflict notice
// (409).
template <class Command, class Redisplay>
http::Response submit(Command&& command, Redisplay&& redisplay) {
  try {
    return command();
  } catch (const validation::Invalid& invalid) {
    return redisplay(invalid.errors, false);
  } catch (const validation::Conflict&) {
    return redisplay(validation::Errors{}, true);
  }
}

// "Delete …?": what will be lost, a danger button that posts to `action`, and cancel.
struct ConfirmPage {
  std::string heading;
  std::string text;
  std::string confirm;
  std::string action;
  std::string cancel;
  std::string_view nav = "plans";
};

http::Response render_confirm(Context& context, const ConfirmPage& page);

// The catalog text of `key` in the request's language.
inline std::string text_of(const Context& context, std::string_view key) {
  return std::string(context.catalog().text(key));
}

// Notices after a redirect are named in the query string (?notice=notice_saved); only the
// names in `allowed` are shown, as their catalog text ({name} filled from ?name=).
std::string notice_text(const Context& context, std::initializer_list<std::string_view> allowed);

}  // namespace samtryg::web
