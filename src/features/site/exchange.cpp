#include "features/site/exchange.hpp"

#include <fmt/format.h>

#include "core/json/reader.hpp"
#include "features/site/store.hpp"

namespace samtryg::site {

namespace {

class SiteSection final : public exchange::Section {
 public:
  void write(exchange::Writing& out) const override {
    const auto s = store::settings_of(out.sql, out.workspace_id);
    if (!s) return;
    out.document["site"] = boost::json::object{{"enabled", s->enabled},
                                               {"slug", s->slug},
                                               {"host", s->host},
                                               {"colour", s->colour},
                                               {"responsible", s->responsible},
                                               {"contact_email", s->contact_email},
                                               {"statement_published", s->statement_published},
                                               {"statement_reviewed", s->statement_reviewed},
                                               {"known_issues", s->known_issues},
                                               {"feedback_url", s->feedback_url},
                                               {"authority_url", s->authority_url}};
  }

  void read(exchange::Reading& in) override {
    const auto* member = in.document.nested("site");
    if (member == nullptr) return;
    if (!member->is_object()) {
      in.add("$.site", "json_expected_object");
      return;
    }
    json::Reader reader(member->get_object(), in.errors, "$.site");
    Settings s;
    reader.boolean("enabled", s.enabled);
    reader.text("slug", s.slug);
    reader.text("host", s.host);
    reader.text("colour", s.colour);
    reader.text("responsible", s.responsible);
    reader.text("contact_email", s.contact_email);
    reader.text("statement_published", s.statement_published);
    reader.text("statement_reviewed", s.statement_reviewed);
    reader.text("known_issues", s.known_issues);
    reader.text("feedback_url", s.feedback_url);
    reader.text("authority_url", s.authority_url);
    reader.reject_unknown();
    in.add_all("$.site", validate_settings(s));
    settings_ = s;
  }

  void store(exchange::Storing& out) override {
    if (!settings_) return;
    auto s = *settings_;
    s.workspace_id = out.workspace_id;
    // The address is another workspace's already (an import next to the original): the copy
    // keeps its settings but is not public, under an address of its own.
    const auto taken = store::settings_by_slug(out.sql, s.slug);
    if (taken && taken->workspace_id != out.workspace_id) {
      s.enabled = false;
      s.slug = fmt::format("{}-{}", s.slug, out.workspace_id);
    }
    const auto host = store::settings_by_host(out.sql, s.host);
    if (host && host->workspace_id != out.workspace_id) s.host.clear();
    store::save_settings(out.sql, s, store::settings_of(out.sql, out.workspace_id).has_value());
    out.count("site", 1);
  }

 private:
  std::optional<Settings> settings_;
};

}  // namespace

std::unique_ptr<exchange::Section> exchange_section() {
  return std::make_unique<SiteSection>();
}

}  // namespace samtryg::site
