#pragma once
// The parts of the PDF writer that lay text out: the page's measures and colours, Pango markup
// for a line of spans, where its links fall, and the cache that shapes every text once.
// Internal to core/documents (pdf.cpp).
#include <cairo.h>
#include <fmt/format.h>
#include <pango/pangocairo.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/documents/document.hpp"

namespace samtryg::documents::pdf_text {

// A4 in points, and the text area inside the margins.
constexpr double kPageWidth = 595.28;
constexpr double kPageHeight = 841.89;
constexpr double kLeft = 62;
constexpr double kTop = 80;
constexpr double kBottom = kPageHeight - 72;
constexpr double kTextWidth = kPageWidth - 2 * kLeft;
constexpr double kBodySize = 10.5;
constexpr double kCellPadding = 4;
constexpr double kBulletIndent = 16;
constexpr std::string_view kFamily = "Open Sans, DejaVu Sans";

struct Rgb {
  double r;
  double g;
  double b;
};
constexpr Rgb kText{0.11, 0.11, 0.12};
constexpr Rgb kAccent{0.137, 0.314, 0.478};
constexpr Rgb kMuted{0.38, 0.40, 0.44};
constexpr Rgb kRule{0.72, 0.77, 0.82};
constexpr Rgb kHeaderFill{0.91, 0.93, 0.957};
constexpr Rgb kNoteFill{0.99, 0.953, 0.882};

struct LayoutFree {
  void operator()(PangoLayout* layout) const { g_object_unref(layout); }
};
using Layout = std::unique_ptr<PangoLayout, LayoutFree>;

std::string escaped(std::string_view text);

std::string markup(const Line& line);

// Where a line's links fall in the text pango lays out (byte offsets: markup() only adds tags
// around the spans' text), so the drawn words can be made clickable.
struct LinkRange {
  int start = 0;
  int end = 0;
  std::string uri;
};

std::vector<LinkRange> link_ranges(const Line& line);

// The web addresses written out in plain text (a form item's link in a table cell).
std::vector<LinkRange> url_ranges(std::string_view text);

// A value inside a cairo tag attribute string: single-quoted, with ' and \ escaped.
std::string tag_quoted(std::string_view text);

void set_color(cairo_t* cr, const Rgb& color);

struct TextStyle {
  double size = kBodySize;
  bool bold = false;
  bool italic = false;
  Rgb color = kText;
};

// Every text laid out, by what decides its shape (markup, width, size, weight, slant,
// alignment). Shaping is much of a PDF's cost, and both passes and a table row's measuring and
// drawing ask for the same layouts, so each is shaped once.
class LayoutCache {
 public:
  LayoutCache() : context_(pango_font_map_create_context(pango_cairo_font_map_get_default())) {
    pango_cairo_context_set_resolution(context_, 72);  // 1 pango point = 1 PDF point
    auto* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(context_, options);
    cairo_font_options_destroy(options);
  }
  ~LayoutCache() {
    layouts_.clear();
    g_object_unref(context_);
  }
  LayoutCache(const LayoutCache&) = delete;
  LayoutCache& operator=(const LayoutCache&) = delete;

  PangoLayout* get(const std::string& text, double width, const TextStyle& style,
                   PangoAlignment alignment) {
    auto key = fmt::format("{:.3f}|{:.2f}|{:d}{:d}{:d}|", width, style.size, style.bold,
                           style.italic, static_cast<int>(alignment));
    key += text;
    auto& slot = layouts_[std::move(key)];
    if (!slot) slot = made(text, width, style, alignment);
    return slot.get();
  }

 private:
  Layout made(const std::string& text, double width, const TextStyle& style,
              PangoAlignment alignment) const {
    Layout out(pango_layout_new(context_));
    auto* font = pango_font_description_from_string(std::string(kFamily).c_str());
    pango_font_description_set_size(font, static_cast<gint>(style.size * PANGO_SCALE));
    if (style.bold) pango_font_description_set_weight(font, PANGO_WEIGHT_BOLD);
    if (style.italic) pango_font_description_set_style(font, PANGO_STYLE_ITALIC);
    pango_layout_set_font_description(out.get(), font);
    pango_font_description_free(font);
    pango_layout_set_width(out.get(), pango_units_from_double(width));
    pango_layout_set_wrap(out.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(out.get(), alignment);
    pango_layout_set_markup(out.get(), text.c_str(), -1);
    return out;
  }

  PangoContext* context_;
  std::unordered_map<std::string, Layout> layouts_;
};

}  // namespace samtryg::documents::pdf_text
