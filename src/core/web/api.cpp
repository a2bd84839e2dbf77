#include "core/web/api.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <charconv>

#include "core/web/fields.hpp"

namespace samtryg::web {

namespace {

int int_query(const Context& context, std::string_view name, int fallback) {
  const auto text = context.query(name);
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) return fallback;
  return value;
}

}  // namespace

http::Response json_response(const boost::json::value& value, int status) {
  return http::Response::json(boost::json::serialize(value), status);
}

http::Response json_error(const Context& context, int status, std::string_view message_key,
                          const validation::Errors* errors) {
  const auto& catalog = context.catalog();
  boost::json::object error{{"status", status},
                            {"message", std::string(catalog.text(message_key))}};
  if (errors != nullptr && !errors->empty()) {
    boost::json::array items;
    for (const auto& item : errors->items()) {
      items.push_back(boost::json::object{{"field", item.field},
                                          {"code", item.message_key},
                                          {"message", error_message(item, catalog)}});
    }
    error["field"] = errors->items().front().field;
    error["message"] = error_message(errors->items().front(), catalog);
    error["errors"] = std::move(items);
  }
  return json_response(boost::json::object{{"error", std::move(error)}}, status);
}

boost::json::object json_body(const Context& context) {
  boost::system::error_code error;
  auto value = boost::json::parse(context.request.body, error);
  if (error || !value.is_object()) {
    validation::Errors errors;
    errors.add("body", "json_body_invalid");
    throw validation::Invalid(errors);
  }
  return std::move(value.as_object());
}

Page page_of(const Context& context, int default_per_page) {
  Page page;
  page.page = std::max(1, std::min(int_query(context, "page", 1), 1000000));
  page.per_page = std::max(1, std::min(int_query(context, "per_page", default_per_page), 200));
  return page;
}

boost::json::object paged(boost::json::array items, const Page& page, long long total) {
  return {{"items", std::move(items)},
          {"page", page.page},
          {"per_page", page.per_page},
          {"total", total}};
}

}  // namespace samtryg::web
