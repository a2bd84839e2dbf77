#pragma once
// SVG drawn with librsvg: onto a cairo context (the PDF keeps charts as vectors) or into a PNG
// (for DOCX, which Word only shows reliably as a bitmap).
#include <cairo.h>
#include <librsvg/rsvg.h>

#include <optional>
#include <string>
#include <string_view>

namespace samtryg::documents {

struct SvgSize {
  double width = 0;
  double height = 0;
};

// One SVG document, parsed once for its size and then drawn or rasterised.
class Svg {
 public:
  explicit Svg(std::string_view svg);
  ~Svg();
  Svg(const Svg&) = delete;
  Svg& operator=(const Svg&) = delete;

  // The SVG's own size in CSS pixels; nothing when it cannot be read (then nothing is drawn).
  const std::optional<SvgSize>& size() const { return size_; }
  // Draws the SVG fitted into the rectangle.
  void draw(cairo_t* cr, double x, double y, double width, double height) const;
  // The SVG as PNG bytes `pixel_width` wide (height keeps the proportions); "" when unreadable.
  std::string png(int pixel_width) const;

 private:
  RsvgHandle* handle_ = nullptr;
  std::optional<SvgSize> size_;
};

}  // namespace samtryg::documents
