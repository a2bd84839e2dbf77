#include "core/documents/pdf_text.hpp"

#include <algorithm>

namespace samtryg::documents::pdf_text {

std::string escaped(std::string_view text) {
  gchar* escaped_text = g_markup_escape_text(text.data(), static_cast<gssize>(text.size()));
  std::string out(escaped_text);
  g_free(escaped_text);
  return out;
}

std::string markup(const Line& line) {
  std::string out;
  for (const auto& span : line) {
    std::string piece = escaped(span.text);
    if (span.bold) piece = fmt::format("<b>{}</b>", piece);
    if (span.italic) piece = fmt::format("<i>{}</i>", piece);
    if (!span.link.empty()) piece = fmt::format("<span foreground=\"#1a4f8a\">{}</span>", piece);
    out += piece;
  }
  return out;
}

std::vector<LinkRange> link_ranges(const Line& line) {
  std::vector<LinkRange> out;
  int at = 0;
  for (const auto& span : line) {
    const auto length = static_cast<int>(span.text.size());
    if (!span.link.empty()) out.push_back({at, at + length, span.link});
    at += length;
  }
  return out;
}

std::vector<LinkRange> url_ranges(std::string_view text) {
  std::vector<LinkRange> out;
  std::size_t at = 0;
  while ((at = text.find("http", at)) != std::string_view::npos) {
    const auto rest = text.substr(at);
    if (!rest.starts_with("https://") && !rest.starts_with("http://")) {
      at += 4;
      continue;
    }
    const auto end = std::min(text.find_first_of(" \t\r\n", at), text.size());
    out.push_back(
        {static_cast<int>(at), static_cast<int>(end), std::string(text.substr(at, end - at))});
    at = end;
  }
  return out;
}

std::string tag_quoted(std::string_view text) {
  std::string out = "'";
  for (const char c : text) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

void set_color(cairo_t* cr, const Rgb& color) {
  cairo_set_source_rgb(cr, color.r, color.g, color.b);
}

}  // namespace samtryg::documents::pdf_text
