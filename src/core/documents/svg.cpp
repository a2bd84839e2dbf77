#include "core/documents/svg.hpp"

#include <algorithm>
#include <cmath>

namespace samtryg::documents {

namespace {

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

Svg::Svg(std::string_view svg) {
  GError* error = nullptr;
  handle_ =
      rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()), svg.size(), &error);
  if (error != nullptr) g_error_free(error);
  if (handle_ != nullptr) size_ = size_of(handle_);
}

Svg::~Svg() {
  if (handle_ != nullptr) g_object_unref(handle_);
}

void Svg::draw(cairo_t* cr, double x, double y, double width, double height) const {
  if (!size_) return;
  const RsvgRectangle viewport{x, y, width, height};
  GError* error = nullptr;
  rsvg_handle_render_document(handle_, cr, &viewport, &error);
  if (error != nullptr) g_error_free(error);
}

std::string Svg::png(int pixel_width) const {
  if (!size_) return {};
  const int pixel_height =
      std::max(1, static_cast<int>(std::lround(pixel_width * size_->height / size_->width)));
  auto* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, pixel_width, pixel_height);
  auto* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 1, 1, 1);  // Word draws transparent pixels black in some themes
  cairo_paint(cr);
  draw(cr, 0, 0, pixel_width, pixel_height);
  cairo_destroy(cr);
  std::string bytes;
  cairo_surface_write_to_png_stream(
      surface,
      [](void* out, const unsigned char* data, unsigned int length) {
        static_cast<std::string*>(out)->append(reinterpret_cast<const char*>(data), length);
        return CAIRO_STATUS_SUCCESS;
      },
      &bytes);
  cairo_surface_destroy(surface);
  return bytes;
}

}  // namespace samtryg::documents
