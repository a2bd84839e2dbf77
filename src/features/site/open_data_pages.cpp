// Every public indicator as open data (CSV and JSON-stat 2.0) and as a chart another site may
// show in an <iframe> (the municipality's own website), each read as the site's anonymous
// reader: an indicator the public does not see is not found.
#include <fmt/format.h>

#include "core/util/time.hpp"
#include "features/indicators/export.hpp"
#include "features/indicators/presentation.hpp"
#include "features/site/open_data.hpp"
#include "features/site/public_pages.hpp"
#include "features/site/public_support.hpp"
#include "features/statistics/jsonstat.hpp"

namespace samtryg::site {

namespace {

using http::Method;
using http::Response;
using web::Context;

indicators::IndicatorRecord public_indicator(Context& context, const PublicSite& site) {
  return indicators::readable_indicator(context.services.database, site.reader, context.path_id(),
                                        today_iso_utc());
}

Response indicator_csv(Context& context, const PublicSite& site) {
  const auto record = public_indicator(context, site);
  auto response = public_data(context, site, "text/csv; charset=utf-8", [&] {
    auto sql = context.services.database.session();
    const auto areas = indicators::area_names(sql, site.reader);
    std::vector<indicators::ExportRow> rows;
    for (const auto& value : record.values) {
      const auto area = value.area_id ? areas.find(*value.area_id) : areas.end();
      rows.push_back({record.indicator, value, area == areas.end() ? "" : area->second});
    }
    return indicators::values_csv(rows, context.catalog(), indicators::CsvColumns::published);
  });
  response.header("Content-Disposition",
                  fmt::format("inline; filename=\"indicator-{}.csv\"", record.indicator.id));
  response.header("Access-Control-Allow-Origin", "*");
  return response;
}

Response indicator_jsonstat(Context& context, const PublicSite& site) {
  const auto record = public_indicator(context, site);
  auto response = public_data(context, site, "application/json; charset=utf-8", [&] {
    auto sql = context.services.database.session();
    return stats::write_jsonstat(
        indicator_table(record, indicators::area_names(sql, site.reader), context.catalog()));
  });
  // Open data: any page may read it (it is public and carries nothing of the visitor).
  response.header("Access-Control-Allow-Origin", "*");
  return response;
}

// The chart with its status and figures, alone on a page any site may frame.
Response indicator_embed(Context& context, const PublicSite& site) {
  const auto record = public_indicator(context, site);
  auto response = public_response(context, site, [&] {
    const auto& indicator = record.indicator;
    auto data = indicator_view(context, record);
    data.set("origin", context.services.config.effective_public_url() + site.base);
    return std::pair{PublicPage{.title = indicator.name,
                                .template_name = "embed",
                                .updated = indicator.updated_at,
                                .path = {},
                                .bare = true},
                     data};
  });
  // Meant to be framed by any site: the policy says so, in place of X-Frame-Options: DENY.
  response.header("Content-Security-Policy",
                  "default-src 'self'; img-src 'self' data:; frame-ancestors *; "
                  "form-action 'none'; base-uri 'none'; object-src 'none'");
  return response;
}

}  // namespace

void add_open_data_routes(web::App& app) {
  const auto anyone = web::Access::anyone();
  app.add({Method::get, "/p/{slug}/indicators/{id}/data.csv", anyone, site_page<indicator_csv>});
  app.add(
      {Method::get, "/p/{slug}/indicators/{id}/data.json", anyone, site_page<indicator_jsonstat>});
  app.add({Method::get, "/p/{slug}/indicators/{id}/embed", anyone, site_page<indicator_embed>});
}

}  // namespace samtryg::site
