#pragma once
// Wraps a feature's page template in the shared layout (web/templates/layout.mustache):
// header, navigation, language switcher, sign-out form, notices.
#include <string>
#include <string_view>
#include <vector>

#include "core/documents/document.hpp"
#include "core/http/message.hpp"
#include "core/view/render.hpp"
#include "core/web/context.hpp"
#include "core/web/fragment_cache.hpp"

namespace samtryg::web {

struct PageOptions {
  std::string title;
  int status = 200;
  std::string_view nav;  // which navigation entry is current: "home", "users", "account"
};

http::Response render_page(Context& context, std::string_view template_path, view::Data data,
                           const PageOptions& options);
// The same with the main content already rendered (e.g. taken from the fragment cache).
http::Response render_layout(Context& context, const std::string& content,
                             const PageOptions& options);
// The main content alone, for a cache, with a slot wherever a form carries the CSRF token.
Fragment render_fragment(Context& context, std::string title, std::string_view template_path,
                         view::Data data);
// A kept fragment in the layout, with this requester's token in its slots.
http::Response serve_fragment(Context& context, const Fragment& fragment, std::string_view nav);

// [{code, label, selected}] for a <select> or a row of buttons: each label is the catalog text
// `label_prefix + code` ("role_admin", "language_da").
view::Data choices(const std::vector<std::string>& codes, std::string_view label_prefix,
                   std::string_view selected, const i18n::Catalog& catalog);

// The catalog text of a code ("status_" + "active" → "Aktiv"); "" for no code.
std::string code_label(const Context& context, std::string_view prefix, std::string_view code);

// The answer to a request the server could not read (400, 413, 431) or take on (503): the
// sender and their language are unknown then, so the page says it in every language, `first`
// (the server's default) first.
http::Response refusal_page(int status, i18n::Language first);

// A file to save rather than show (exports, reports): its type, its name, never cached.
// `filename` must be plain ASCII without quotes (samtryg makes these names itself).
// The Content-Disposition of a download named `filename` (RFC 6266): the name as written,
// å ä ö æ ø included, in filename* (RFC 8187), and an ASCII spelling ("Tryghedsvandring-Ostre")
// in filename for clients that know only that.
std::string content_disposition(std::string_view filename);
http::Response attachment(std::string body, std::string_view content_type,
                          const std::string& filename);

// A document (core/documents) to save as "pdf" or "docx" (named `name`.`format`), or to read as
// "html"; validation::NotFound for any other format.
http::Response document_download(const documents::Document& document, std::string_view format,
                                 const std::string& name);

// A page that says what went wrong in the user's language, never how the server works.
http::Response error_page(Context& context, int status, std::string_view title_key,
                          std::string_view text_key, std::string_view reference = {});

}  // namespace samtryg::web
