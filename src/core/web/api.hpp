#pragma once
// JSON API plumbing shared by every feature's /api/v1 routes: JSON bodies in, JSON out, and
// errors as {"error": {"status", "message", "field", "errors": [{field, code, message}]}} in
// the caller's language.
#include <boost/json/value.hpp>

#include <initializer_list>
#include <string_view>

#include "core/json/reader.hpp"

#include "core/http/message.hpp"
#include "core/validation/validation.hpp"
#include "core/web/context.hpp"

namespace samtryg::web {

inline bool is_api_path(std::string_view path) {
  return path.starts_with("/api/");
}

http::Response json_response(const boost::json::value& value, int status = 200);

// `message_key` names the catalog text of the overall message; `errors` adds the fields.
http::Response json_error(const Context& context, int status, std::string_view message_key,
                          const validation::Errors* errors = nullptr);

// The request body as a JSON object; throws validation::Invalid (field "body") when it is not
// JSON or not an object.
boost::json::object json_body(const Context& context);

// ?page=&per_page= with defaults and bounds (per_page 1–200, default 50).
struct Page {
  int page = 1;
  int per_page = 50;
  int offset() const { return (page - 1) * per_page; }
};
Page page_of(const Context& context, int default_per_page = 50);

// A list answer with its paging: {"items": [...], "page", "per_page", "total"}.
boost::json::object paged(boost::json::array items, const Page& page, long long total);

// The page the request asks for (?page=&per_page=) of `records`, each written by
// `to_json(record)`, as a list answer; `total` counts them all.
template <class Records, class ToJson>
http::Response paged_response(const Context& context, const Records& records, ToJson&& to_json) {
  const auto page = page_of(context);
  boost::json::array items;
  long long total = 0;
  for (const auto& record : records) {
    if (total >= page.offset() && total < page.offset() + page.per_page) {
      items.emplace_back(to_json(record));
    }
    ++total;
  }
  return json_response(paged(std::move(items), page, total));
}

// Reads the request body into `record` with the feature's `read(json::Reader&, Record&)`;
// unknown members and wrong types are refused with their field names (validation::Invalid).
// `returned`: members a GET answer carries beside the record (its nested lists), which may be
// sent back unchanged and are not written.
template <class Record>
void read_json_body(const Context& context, Record& record, bool require_version,
                    std::initializer_list<std::string_view> returned = {}) {
  const auto body = json_body(context);
  validation::Errors errors;
  json::Reader reader(body, errors);
  if (require_version && !reader.has("row_version")) errors.add("row_version", "field_required");
  read(reader, record);
  for (const auto member : returned) reader.known(member);
  reader.reject_unknown();
  validation::throw_if_any(errors);
}

}  // namespace samtryg::web
