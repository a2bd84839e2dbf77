#include "core/web/pager.hpp"

#include <algorithm>

#include "core/util/strings.hpp"

namespace samtryg::web {

int page_param(const Context& context) {
  const auto parsed = parse_id(context.query("page"));
  return parsed ? static_cast<int>(std::min<long long>(*parsed, 100000)) : 1;
}

view::Data pager(const Context& context, const std::string& base, int page, int per_page,
                 int total) {
  view::Data data;
  const int pages = std::max(1, (total + per_page - 1) / per_page);
  if (pages <= 1) return view::flag(false);
  const auto link = [&](int target) {
    return base + (base.find('?') == std::string::npos ? "?" : "&") +
           "page=" + std::to_string(target);
  };
  data.set("prev", view::text(page > 1 ? link(page - 1) : std::string()));
  data.set("next", view::text(page < pages ? link(page + 1) : std::string()));
  data.set("text", context.catalog().format("pager_text", {{"page", std::to_string(page)},
                                                           {"pages", std::to_string(pages)}}));
  return data;
}

}  // namespace samtryg::web
