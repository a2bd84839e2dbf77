#pragma once
// The hooks the public site offers other features: a section of the home page (promises with
// their status, the walks' results), and pages and files of their own in the site's layout.
#include <soci/soci.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/auth/actor.hpp"
#include "core/web/context.hpp"

namespace samtryg::site {

// Who reads: an anonymous viewer of the workspace (published content only), the site's address
// ("/p/tryg-aalborg") and the language the workspace's own texts are written in.
struct PublicReader {
  auth::Actor actor;
  std::string base;
  std::string content_lang;
};

// One part of the public home page, rendered HTML (escaped by its own template); "" when the
// feature has nothing public. Parts are shown by `order`, lowest first, after the plans. It reads
// only through the connection and as the reader it is given.
struct PublicSection {
  int order = 0;
  std::function<std::string(web::Context&, soci::session&, const PublicReader&)> render;
};

struct PublicSections {
  std::vector<PublicSection> sections;
};

// A page of its own on the public site, at {base}/{kind}/{id} ("/p/landskrona/walks/1") in the
// site's layout: what a feature publishes about one thing.
struct PublicItem {
  std::string title;
  std::string html;     // the content, escaped by the feature's own template
  std::string updated;  // ISO day or time it last changed, shown in the footer
};

// A file such a page shows or offers (a photo, a report as PDF), at
// {base}/{kind}/files/{id}[/{variant}]. Cached and answered as the pages are (ETag by the
// workspace's data version).
struct PublicFile {
  std::string content;
  std::string content_type;
  std::string disposition{};  // Content-Disposition, "" for none
  std::string policy{};       // a Content-Security-Policy of its own (a whole HTML document)
};

struct PublicKind {
  std::string kind;  // the address's segment: "walks"
  // validation::NotFound for an id the reader does not see.
  std::function<PublicItem(web::Context&, soci::session&, const PublicReader&, long long)> page;
  // Every id the reader sees, for the sitemap.
  std::function<std::vector<long long>(soci::session&, const PublicReader&)> ids;
  // validation::NotFound for a file the reader does not see or a variant there is not ("" is
  // the file itself); empty when the kind has no files.
  std::function<PublicFile(web::Context&, const PublicReader&, long long, const std::string&)>
      file{};
};

struct PublicKinds {
  std::vector<PublicKind> kinds;
};

// The site's frame around a page another feature serves itself, per request (a promise with its
// subscription form, its notices and errors): the site's header, language links and footer, for
// a workspace whose site is on. `frame` chooses the language first (the visitor's, else the
// workspace's), then asks for the content with the site's address, and gives back the whole
// document; nothing when the workspace has no public site (the feature shows its own page).
struct FramedPage {
  std::string title;
  std::string content_html;  // escaped by the feature's own template
  std::string updated;       // ISO day or time it last changed
  std::string path;          // its own address, for the canonical link
};

struct PublicFrame {
  std::function<std::optional<std::string>(
      web::Context&, long long workspace_id,
      const std::function<FramedPage(const PublicReader&)>& content)>
      frame;
};

// What a feature offers the site's search: each public thing it shows, with the words a visitor
// may look for. The site matches and ranks them; a source reads only as the reader it is given.
struct PublicDocument {
  std::string title;
  std::string href;
  std::string text;  // the words besides the title (plain text or Markdown)
  std::string kind;  // what it is, in the visitor's language ("Tryghedsvandring")
};

struct PublicSearches {
  std::vector<std::function<std::vector<PublicDocument>(web::Context&, soci::session&,
                                                        const PublicReader&)>>
      sources;
};

}  // namespace samtryg::site
