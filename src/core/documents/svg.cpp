#include "core/documents/svg.hpp"

#include <librsvg/rsvg.h>

#include <cmath>
#include <memory>

namespace samtryg::documents {

namespace {

struct HandleFree {
  void operator()(RsvgHandle* handle) const { g_object_unref(handle); }
};
using Handle = std::unique_ptr<RsvgHandle, HandleFree>;

Handle open(std::string_view svg) {
  GError* error = nullptr;
  auto* handle =
      rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()), svg.size(), &error);
  if (error != nullptr) g_error_free(error);
  return Handle(handle);
}

std::optional<SvgSize> size_of(RsvgHandle* handle) {
  gdouble width = 0;
  gdouble height = 0;
  if (rsvg_handle_get_intrinsic_size_in_pixels(handle, &width, &height) && width > 0 &&
      height > 0) {
    return SvgSize{width, height};
  }
  gboolean has_width = FALSE;
  gboolean has_height = FALSE;
  gboolean has_viewbox = FALSE;
  RsvgLength length_w{};
  RsvgLength length_h{};
  RsvgRectangle viewbox{};
  rsvg_handle_get_intrinsic_dimensions(handle, &has_width, &length_w, &has_height, &length_h,
                                       &has_viewbox, &viewbox);
  if (has_viewbox && viewbox.width > 0 && viewbox.height > 0) {
    return SvgSize{viewbox.width, viewbox.height};
  }
  return std::nullopt;
}

}  // namespace

std::optional<SvgSize> svg_size(std::string_view svg) {
  const auto handle = open(svg);
  if (!handle) return std::nullopt;
  return size_of(handle.get());
}

bool draw_svg(cairo_t* cr, std::string_view svg, double x, double y, double width, double height) {
  const auto handle = open(svg);
  if (!handle) return false;
  const RsvgRectangle viewport{x, y, width, height};
  GError* error = nullptr;
  const bool drawn = rsvg_handle_render_document(handle.get(), cr, &viewport, &error) != 0;
  if (error != nullptr) g_error_free(error);
  return drawn;
}

std::string svg_to_png(std::string_view svg, int pixel_width) {
  const auto handle = open(svg);
  if (!handle) return {};
  const auto size = size_of(handle.get());
  if (!size) return {};
  const int pixel_height =
      std::max(1, static_cast<int>(std::lround(pixel_width * size->height / size->width)));
  auto* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, pixel_width, pixel_height);
  auto* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 1, 1, 1);  // Word draws transparent pixels black in some themes
  cairo_paint(cr);
  const RsvgRectangle viewport{0, 0, static_cast<double>(pixel_width),
                               static_cast<double>(pixel_height)};
  GError* error = nullptr;
  rsvg_handle_render_document(handle.get(), cr, &viewport, &error);
  if (error != nullptr) g_error_free(error);
  cairo_destroy(cr);
  std::string png;
  cairo_surface_write_to_png_stream(
      surface,
      [](void* out, const unsigned char* data, unsigned int length) {
        static_cast<std::string*>(out)->append(reinterpret_cast<const char*>(data), length);
        return CAIRO_STATUS_SUCCESS;
      },
      &png);
  cairo_surface_destroy(surface);
  return png;
}

}  // namespace samtryg::documents
