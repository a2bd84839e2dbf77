#include "core/documents/html.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/util/crypto.hpp"
#include "core/view/render.hpp"

namespace samtryg::documents {

namespace {

using view::escape_html;

constexpr std::string_view kStyle = R"css(
body { font-family: "Open Sans", "DejaVu Sans", sans-serif; font-size: 11pt; line-height: 1.45;
       color: #1d1d1f; max-width: 50rem; margin: 2rem auto; padding: 0 1rem; }
header.title { border-bottom: 2px solid #23507a; margin-bottom: 2rem; padding-bottom: 1rem; }
header.title .logo img { max-height: 4rem; width: auto; }
header.title .parties { font-weight: bold; color: #61666f; margin-bottom: 0; }
header.title .fact { margin: 0.2rem 0; }
h1 { color: #23507a; font-size: 1.7rem; margin-top: 2.5rem; }
h2 { color: #23507a; font-size: 1.3rem; margin-top: 1.8rem; }
h3 { font-size: 1.1rem; margin-top: 1.4rem; }
table { border-collapse: collapse; width: 100%; margin: 0.8rem 0; }
th, td { border: 1px solid #b8c4d0; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #e8eef4; }
.note { font-style: italic; background: #fdf3e1; border-left: 4px solid #c77c02; padding: 0.5rem 0.8rem; }
nav.contents ol { list-style: none; padding-left: 0; }
nav.contents li.level-2 { padding-left: 1.5rem; }
figure { margin: 1rem 0; }
figure svg { max-width: 100%; height: auto; }
body { overflow-wrap: break-word; }
h1, h2, h3 { overflow-wrap: anywhere; hyphens: auto; }
header.title .logo img { max-width: 100%; }
.table-scroll { overflow-x: auto; max-width: 100%; position: relative; }
@page { size: A4; margin: 2cm 2cm 2.2cm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  header.title { break-after: page; }
  h1, h2, h3 { break-after: avoid; }
  thead { display: table-header-group; }
  tr, figure { break-inside: avoid; }
  nav.contents { break-after: page; }
  .table-scroll { overflow: visible; }
  a { color: inherit; text-decoration: none; }
}
)css";

std::string line_html(const Line& line) {
  std::string html;
  for (const auto& span : line) {
    std::string text = escape_html(span.text);
    std::string with_breaks;
    for (const char c : text) {
      if (c == '\n') {
        with_breaks += "<br>";
      } else {
        with_breaks += c;
      }
    }
    if (span.bold) with_breaks = fmt::format("<strong>{}</strong>", with_breaks);
    if (span.italic) with_breaks = fmt::format("<em>{}</em>", with_breaks);
    if (!span.link.empty()) {
      with_breaks = fmt::format("<a href=\"{}\">{}</a>", escape_html(span.link), with_breaks);
    }
    html += with_breaks;
  }
  return html;
}

// A wide table scrolls inside itself on a phone (WCAG 1.4.10) rather than widening the page; the
// scrolling box is focusable so it scrolls from the keyboard, and named after the heading the
// table stands under so a screen reader says which table it is.
std::string table_html(const Table& table, int heading_number) {
  std::string html = heading_number > 0
                         ? fmt::format(
                               "<div class=\"table-scroll\" role=\"region\" "
                               "aria-labelledby=\"h{}\" tabindex=\"0\">\n",
                               heading_number)
                         : std::string("<div class=\"table-scroll\" tabindex=\"0\">\n");
  html += "<table>\n<thead><tr>";
  for (const auto& cell : table.header) html += "<th>" + escape_html(cell) + "</th>";
  html += "</tr></thead>\n<tbody>\n";
  for (const auto& row : table.rows) {
    html += "<tr>";
    for (const auto& cell : row) html += "<td>" + escape_html(cell) + "</td>";
    html += "</tr>\n";
  }
  html += "</tbody>\n</table>\n</div>\n";
  return html;
}

// The title page's content: logo, parties, title, round and its facts (period, date).
std::string title_header(const Document& document) {
  std::string html;
  if (!document.logo_svg.empty()) {
    // The logo is an uploaded file: as an <img> an SVG never runs scripts or loads anything.
    html += "<div class=\"logo\"><img alt=\"Logo\" src=\"data:image/svg+xml;base64," +
            crypto::base64_encode(document.logo_svg) + "\"></div>\n";
  }
  if (!document.parties.empty()) {
    html += "<p class=\"parties\">" + escape_html(document.parties) + "</p>\n";
  }
  if (document.title_facts.empty()) {
    html += "<p class=\"running\">" + escape_html(document.running_header) + "</p>\n";
  }
  html += "<h1>" + escape_html(document.title) + "</h1>\n";
  if (!document.subtitle.empty()) html += "<p>" + escape_html(document.subtitle) + "</p>\n";
  for (const auto& fact : document.title_facts) {
    html += "<p class=\"fact\">" + escape_html(fact) + "</p>\n";
  }
  return html;
}

}  // namespace

std::string to_html(const Document& document) {
  std::string body;
  std::string contents;
  int heading_number = 0;
  for (const auto& block : document.blocks) {
    switch (block.kind) {
      case Block::Kind::heading: {
        const auto id = fmt::format("h{}", ++heading_number);
        const int level = std::clamp(block.level, 1, 3);
        body += fmt::format("<h{0} id=\"{1}\">{2}</h{0}>\n", level, id, line_html(block.spans));
        if (level <= 2) {
          contents += fmt::format("<li class=\"level-{}\"><a href=\"#{}\">{}</a></li>\n", level, id,
                                  escape_html(plain_text(block.spans)));
        }
        break;
      }
      case Block::Kind::paragraph:
        body += "<p>" + line_html(block.spans) + "</p>\n";
        break;
      case Block::Kind::note:
        body += "<p class=\"note\">" + line_html(block.spans) + "</p>\n";
        break;
      case Block::Kind::bullets:
      case Block::Kind::numbers: {
        const char* tag = block.kind == Block::Kind::bullets ? "ul" : "ol";
        body += fmt::format("<{}>\n", tag);
        for (const auto& item : block.items) body += "<li>" + line_html(item) + "</li>\n";
        body += fmt::format("</{}>\n", tag);
        break;
      }
      case Block::Kind::table:
        body += table_html(block.table, heading_number);
        break;
      case Block::Kind::image:
        // Chart SVG comes from samtryg's own chart code, never from anything a user typed.
        body += "<figure>" + block.svg + "</figure>\n";
        break;
      case Block::Kind::page_break:
        body += "<div style=\"break-after: page\"></div>\n";
        break;
    }
  }
  std::string html = fmt::format(
      "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n<header class=\"title\">\n",
      escape_html(document.language), escape_html(document.title), kStyle);
  html += title_header(document);
  html += "</header>\n";
  if (!contents.empty()) {
    html += fmt::format(
        "<nav class=\"contents\" aria-labelledby=\"contents\">\n<h2 id=\"contents\">"
        "{}</h2>\n<ol>\n{}</ol>\n</nav>\n",
        escape_html(document.contents_title), contents);
  }
  html += "<main>\n" + body + "</main>\n</body>\n</html>\n";
  return html;
}

}  // namespace samtryg::documents
