#pragma once
// SVG drawn with librsvg: onto a cairo context (the PDF keeps charts as vectors) or into a PNG
// (for DOCX, which Word only shows reliably as a bitmap).
#include <cairo.h>

#include <optional>
#include <string>
#include <string_view>

namespace samtryg::documents {

struct SvgSize {
  double width = 0;
  double height = 0;
};

// The SVG's own size in CSS pixels; nothing when it cannot be read.
std::optional<SvgSize> svg_size(std::string_view svg);
// Draws the SVG fitted into the rectangle; false when it cannot be read.
bool draw_svg(cairo_t* cr, std::string_view svg, double x, double y, double width, double height);
// The SVG as PNG bytes `pixel_width` wide (height keeps the proportions); "" when unreadable.
std::string svg_to_png(std::string_view svg, int pixel_width);

}  // namespace samtryg::documents
