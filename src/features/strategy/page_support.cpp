#include "features/strategy/page_support.hpp"

#include "core/i18n/locale_format.hpp"
#include "core/web/form_page.hpp"

namespace samtryg::strategy {

std::string notice_text(const web::Context& context) {
  return web::notice_text(
      context, {"notice_saved", "notice_created", "notice_status_changed", "notice_version_created",
                "notice_deleted", "notice_following", "notice_not_following"});
}

std::string flexible_text(const web::Context& context, std::string_view text) {
  const auto parsed = parse_flexible_date(text);
  if (!parsed) return std::string(text);
  switch (parsed->kind) {
    case FlexibleDate::Kind::none:
      return {};
    case FlexibleDate::Kind::ongoing:
      return context.text("when_ongoing");
    case FlexibleDate::Kind::month:
      return i18n::format_month(parsed->year, parsed->month, context.language);
    case FlexibleDate::Kind::day:
      return i18n::format_date({parsed->year, parsed->month, parsed->day}, context.language);
  }
  return {};
}

std::string period_text(const Plan& plan, i18n::Language language) {
  return i18n::format_iso_date(plan.period_start, language) + " – " +
         i18n::format_iso_date(plan.period_end, language);
}

std::string field_label(const web::Context& context, std::string_view field) {
  return context.text("initiative_" + std::string(field));
}

namespace {

std::string size_text(const web::Context& context, long long bytes) {
  if (bytes < 1024) return std::to_string(bytes) + " B";
  if (bytes < 1024LL * 1024) {
    return i18n::format_number(static_cast<double>(bytes) / 1024.0, 0, context.language) + " KB";
  }
  return i18n::format_number(static_cast<double>(bytes) / (1024.0 * 1024.0), 1, context.language) +
         " MB";
}

}  // namespace

view::Data document_list(web::Context& context, soci::session& sql, const Actor& actor,
                         std::optional<long long> plan_id, std::optional<long long> initiative_id,
                         bool can_edit) {
  auto list = view::list();
  for (const auto& document : documents(sql, actor, plan_id, initiative_id)) {
    view::Data item;
    item.set("id", std::to_string(document.id));
    item.set("filename", document.filename);
    item.set("size", size_text(context, document.size_bytes));
    item.set("uploaded", i18n::format_iso_date(document.uploaded_at, context.language));
    item.set("can_delete", view::flag(can_edit));
    item.set("delete_label",
             context.catalog().format("document_delete_named", {{"name", document.filename}}));
    list.push_back(item);
  }
  return list;
}

}  // namespace samtryg::strategy
