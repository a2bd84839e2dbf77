#include "features/site/exchange.hpp"

#include <fmt/format.h>

#include "core/documents/photo.hpp"
#include "core/exchange/records.hpp"
#include "core/json/reader.hpp"
#include "core/util/crypto.hpp"
#include "features/site/json.hpp"
#include "features/site/store.hpp"

namespace samtryg::site {

namespace {

// A news item as the document holds it, its photo (if any) decoded and encoded again while the
// document is read, as an upload is.
struct NewsEntry {
  News news;
  std::string image;  // base64 of the kept JPEG; "" for none
};

boost::json::array export_news(exchange::Writing& out) {
  return exchange::numbered(store::news(out.sql, out.workspace_id), out.ids.of("site_news"),
                            [&](const News& news) {
                              auto json = to_json(news);
                              json["image"] = store::news_image(out.sql, news.id);
                              out.ids.relink(json, "initiative_id", "initiative");
                              return json;
                            });
}

std::vector<NewsEntry> read_news(exchange::Reading& in) {
  return exchange::read_records<NewsEntry>(
      in, in.document, "site_news",
      {.kind = "site_news",
       .id = [](const NewsEntry& entry) { return entry.news.id; },
       .validate =
           [](const NewsEntry& entry) { return validate_news(entry.news, !entry.image.empty()); },
       .references = {{"initiative_id", "initiative",
                       [](const NewsEntry& entry) { return entry.news.initiative_id; }}}},
      [&in](json::Reader& reader, NewsEntry& entry, const std::string& path) {
        auto& news = entry.news;
        reader.integer("id", news.id);
        reader.optional_integer("initiative_id", news.initiative_id);
        reader.text("title", news.title);
        reader.text("body", news.body);
        reader.text("published_on", news.published_on);
        reader.text("image_alt", news.image_alt);
        reader.text("created_at", news.created_at);
        reader.text("updated_at", news.updated_at);
        std::string image;
        reader.text("image", image);
        if (image.empty()) return;
        const auto outcome =
            documents::process_photo(crypto::base64_decode(image).value_or(std::string()));
        if (outcome.problem != documents::PhotoProblem::none) {
          in.add(path + ".image", "site_news_image_not_an_image");
          return;
        }
        news.image_sha256 = crypto::sha256_hex(outcome.photo.jpeg);
        news.image_width = outcome.photo.width;
        news.image_height = outcome.photo.height;
        entry.image = crypto::base64_encode(outcome.photo.jpeg);
      });
}

class SiteSection final : public exchange::Section {
 public:
  void write(exchange::Writing& out) const override {
    if (auto news = export_news(out); !news.empty()) out.document["site_news"] = std::move(news);
    const auto s = store::settings_of(out.sql, out.workspace_id);
    if (!s) return;
    out.document["site"] = to_json(*s);
  }

  void read(exchange::Reading& in) override {
    news_ = read_news(in);
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
    for (auto entry : news_) {
      entry.news.workspace_id = out.workspace_id;
      entry.news.initiative_id = out.ids.find("initiative", entry.news.initiative_id);
      if (entry.news.created_at.empty()) entry.news.created_at = out.now;
      out.ids.add("site_news", entry.news.id, store::insert_news(out.sql, entry.news, entry.image));
    }
    if (!news_.empty()) out.count("site_news", static_cast<int>(news_.size()));
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
  std::vector<NewsEntry> news_;
};

}  // namespace

std::unique_ptr<exchange::Section> exchange_section() {
  return std::make_unique<SiteSection>();
}

}  // namespace samtryg::site
