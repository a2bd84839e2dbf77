#include "core/web/page.hpp"

#include <algorithm>
#include <iterator>
#include <utility>

#include "core/auth/roles.hpp"
#include "core/documents/docx.hpp"
#include "core/documents/html.hpp"
#include "core/documents/pdf.hpp"
#include "core/validation/validation.hpp"

namespace samtryg::web {

namespace {

constexpr std::string_view kLayout = "web/templates/layout.mustache";
constexpr std::string_view kErrorTemplate = "web/templates/error.mustache";
constexpr std::string_view kRefusalTemplate = "web/templates/refusal.mustache";

}  // namespace

http::Response render_page(Context& context, std::string_view template_path, view::Data data,
                           const PageOptions& options) {
  data.set("csrf", context.csrf_token());
  return render_layout(context, view::render(template_path, data, context.catalog()), options);
}

Fragment render_fragment(Context& context, std::string title, std::string_view template_path,
                         view::Data data) {
  data.set("csrf", std::string(csrf_slot()));
  return fragment_of(std::move(title), view::render(template_path, data, context.catalog()));
}

http::Response serve_fragment(Context& context, const Fragment& fragment, std::string_view nav) {
  std::string content;
  content.reserve(fragment.bytes() + 4 * context.csrf_token().size());
  fragment.append_to(content, context.csrf_token());
  return render_layout(context, content, {.title = fragment.title, .status = 200, .nav = nav});
}

namespace {

// Everything the layout shows, as one string: the frame cache's key.
std::string frame_key(const Context& context, const PageOptions& options) {
  std::string key;
  key.reserve(160);
  const auto add = [&key](std::string_view part) { key.append(part).push_back('\x1f'); };
  add(i18n::code(context.language));
  add(options.title);
  add(options.nav);
  add(context.request.target);
  add(context.services.assets.version());
  if (context.session) {
    add(context.session->user.name);
    if (context.session->membership) add(context.session->membership->workspace.name);
    const auto role = context.role();
    add(role ? auth::code(*role) : "-");
  }
  return key;
}

// The layout, cut where the page goes and where the requester's token goes.
Fragment render_frame(const Context& context, const PageOptions& options) {
  const auto& catalog = context.catalog();
  view::Data layout;
  layout.set("title", options.title);
  layout.set("content", std::string(content_slot()));
  layout.set("csrf", std::string(csrf_slot()));
  layout.set("asset_version", context.services.assets.version());
  layout.set("path", context.request.target);
  layout.set("languages",
             choices(i18n::language_codes(), "language_", i18n::code(context.language), catalog));
  if (context.session) {
    view::Data user;
    user.set("name", context.session->user.name);
    user.set("signed_in_as",
             catalog.format("signed_in_as", {{"name", context.session->user.name}}));
    if (context.session->membership) {
      user.set("workspace", context.session->membership->workspace.name);
    }
    auto menu = view::list();
    for (const auto& entry : context.services.navigation.entries()) {
      if (!entry.access.admits(true, context.role())) continue;
      view::Data item;
      item.set("href", entry.href);
      item.set("label", std::string(catalog.text(entry.label_key)));
      item.set("current", view::flag(options.nav == entry.key));
      menu.push_back(item);
    }
    user.set("menu", menu);
    layout.set("user", user);
  }
  return fragment_of({}, view::render(kLayout, layout, catalog));
}

}  // namespace

http::Response render_layout(Context& context, const std::string& content,
                             const PageOptions& options) {
  // The frame is the same for every request that shows the same things, so it is rendered
  // once and kept; the page and the CSRF token go into its slots on every request. The page
  // itself is taken as it is: its forms already carry the token.
  auto& frames = *context.services.frames;
  const auto key = frame_key(context, options);
  auto frame = frames.find(key);
  if (!frame) {
    frame = std::make_shared<const Fragment>(render_frame(context, options));
    frames.store(key, frame);
  }
  const auto& token = context.csrf_token();
  std::string page;
  page.reserve(frame->bytes() + content.size() + 4 * token.size());
  frame->append_to(page, token, content);
  return http::Response::html(std::move(page), options.status);
}

view::Data choices(const std::vector<std::string>& codes, std::string_view label_prefix,
                   std::string_view selected, const i18n::Catalog& catalog) {
  auto list = view::list();
  for (const auto& code : codes) {
    view::Data choice;
    choice.set("code", code);
    choice.set("label", std::string(catalog.text(std::string(label_prefix) + code)));
    choice.set("selected", view::flag(code == selected));
    list.push_back(choice);
  }
  return list;
}

std::string code_label(const Context& context, std::string_view prefix, std::string_view code) {
  if (code.empty()) return {};
  return context.text(std::string(prefix) + std::string(code));
}

http::Response error_page(Context& context, int status, std::string_view title_key,
                          std::string_view text_key, std::string_view reference) {
  const auto& catalog = context.catalog();
  view::Data data;
  data.set("heading", std::string(catalog.text(title_key)));
  data.set("text", catalog.format(text_key, {{"reference", std::string(reference)}}));
  return render_page(
      context, kErrorTemplate, data,
      PageOptions{.title = std::string(catalog.text(title_key)), .status = status, .nav = {}});
}

http::Response refusal_page(int status, i18n::Language first) {
  std::string_view title_key = "error_bad_request_title";
  std::string_view text_key = "error_bad_request_text";
  if (status == 413) {
    title_key = "error_too_large_title";
    text_key = "error_too_large_text";
  } else if (status == 431) {
    title_key = "error_address_too_long_title";
    text_key = "error_address_too_long_text";
  } else if (status == 503) {
    title_key = "error_busy_title";
    text_key = "error_busy_text";
  }
  std::vector<i18n::Language> languages{first};
  for (const auto language : i18n::kLanguages) {
    if (language != first) languages.push_back(language);
  }
  auto sections = view::list();
  for (const auto language : languages) {
    const auto& catalog = i18n::Catalog::get(language);
    view::Data section;
    section.set("lang", std::string(i18n::code(language)));
    section.set("heading", std::string(catalog.text(title_key)));
    section.set("text", std::string(catalog.text(text_key)));
    section.set("back", std::string(catalog.text("error_back_home")));
    sections.push_back(section);
  }
  view::Data data;
  data.set("sections", sections);
  const auto& catalog = i18n::Catalog::get(first);
  data.set("title", std::string(catalog.text(title_key)));
  return http::Response::html(view::render(kRefusalTemplate, data, catalog), status);
}

std::string content_disposition(std::string_view filename) {
  static constexpr std::pair<std::string_view, std::string_view> kSpelledOut[] = {
      {"æ", "ae"}, {"ø", "oe"}, {"å", "aa"}, {"ä", "a"}, {"ö", "o"}, {"é", "e"}, {"ü", "u"},
      {"Æ", "Ae"}, {"Ø", "Oe"}, {"Å", "Aa"}, {"Ä", "A"}, {"Ö", "O"}, {"É", "E"}, {"Ü", "U"}};
  std::string ascii;
  for (std::size_t at = 0; at < filename.size();) {
    const auto byte = static_cast<unsigned char>(filename[at]);
    if (byte < 0x80) {
      const bool plain = byte >= 0x20 && byte < 0x7f && byte != '"' && byte != '\\';
      ascii.push_back(plain ? static_cast<char>(byte) : '_');
      ++at;
      continue;
    }
    const auto spelled =
        std::find_if(std::begin(kSpelledOut), std::end(kSpelledOut),
                     [&](const auto& pair) { return filename.substr(at).starts_with(pair.first); });
    if (spelled != std::end(kSpelledOut)) {
      ascii += spelled->second;
      at += spelled->first.size();
      continue;
    }
    ascii.push_back('_');
    ++at;  // the rest of the character's bytes are continuation bytes
    while (at < filename.size() && (static_cast<unsigned char>(filename[at]) & 0xC0) == 0x80) ++at;
  }
  return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + url_encode(filename);
}

http::Response attachment(std::string body, std::string_view content_type,
                          const std::string& filename) {
  auto response = http::Response::text(std::move(body));
  response.header("Content-Type", std::string(content_type));
  response.header("Content-Disposition", content_disposition(filename));
  response.header("Cache-Control", "private, no-store");
  return response;
}

http::Response document_download(const documents::Document& document, std::string_view format,
                                 const std::string& name) {
  const auto filename = name + "." + std::string(format);
  if (format == "pdf") return attachment(documents::to_pdf(document), "application/pdf", filename);
  if (format == "docx") {
    return attachment(documents::to_docx(document),
                      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                      filename);
  }
  if (format == "html") {
    // Shown in the browser: the HTML is the document to read and print there.
    auto response = http::Response::html(documents::to_html(document));
    response.header("Cache-Control", "private, no-store");
    return response;
  }
  throw validation::NotFound();
}

}  // namespace samtryg::web
