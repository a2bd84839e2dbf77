#include "core/documents/pdf.hpp"

#include <cairo-pdf.h>
#include <fmt/format.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <memory>
#include <unordered_map>
#include <vector>

#include "core/documents/pdf_text.hpp"
#include "core/documents/svg.hpp"
#include "core/util/strings.hpp"

namespace samtryg::documents {

namespace {

using namespace pdf_text;  // the writer's own parts

// Lays the document out once to learn where headings fall and how many pages there are, then
// again to draw with those numbers in the contents, the bookmarks and the footer.
class Writer {
 public:
  Writer(cairo_t* cr, cairo_surface_t* surface, const Document& document, LayoutCache& layouts,
         bool drawing)
      : cr_(cr), surface_(surface), document_(document), layouts_(layouts), drawing_(drawing) {}

  // What the measuring pass learned, for the drawing pass.
  std::vector<int> heading_pages;
  int page_count = 0;
  std::vector<int> known_heading_pages;
  int known_page_count = 0;

  void write() {
    title_page();
    contents();
    int heading_index = 0;
    for (std::size_t index = 0; index < document_.blocks.size(); ++index) {
      const auto& block = document_.blocks[index];
      switch (block.kind) {
        case Block::Kind::heading:
          heading(block, heading_index++, index);
          break;
        case Block::Kind::paragraph:
          text_block(markup(block.spans), {}, 0, 6, link_ranges(block.spans));
          break;
        case Block::Kind::note:
          note(block);
          break;
        case Block::Kind::bullets:
        case Block::Kind::numbers:
          list(block);
          break;
        case Block::Kind::table:
          table(block.table);
          break;
        case Block::Kind::image:
          image(block);
          break;
        case Block::Kind::page_break:
          if (!at_page_top()) new_page();
          break;
      }
    }
    finish_page();
    page_count = page_;
  }

 private:
  PangoLayout* layout(const std::string& text, double width, const TextStyle& style,
                      PangoAlignment alignment = PANGO_ALIGN_LEFT) const {
    return layouts_.get(text, width, style, alignment);
  }

  static double height_of(PangoLayout* made) {
    int width = 0;
    int height = 0;
    pango_layout_get_size(made, &width, &height);
    return static_cast<double>(height) / PANGO_SCALE;
  }

  void draw_layout(PangoLayout* made, double x, double y, const Rgb& color) {
    if (!drawing_) return;
    set_color(cr_, color);
    cairo_move_to(cr_, x, y);
    pango_cairo_show_layout(cr_, made);
  }

  // ---- pages ----

  void start_page() {
    ++page_;
    y_ = kTop;
    page_open_ = true;
    if (!drawing_ || page_ == 1) return;
    const auto header =
        layout(escaped(document_.running_header), kTextWidth, {8.5, false, false, kMuted});
    draw_layout(header, kLeft, 40, kMuted);
    set_color(cr_, kRule);
    cairo_set_line_width(cr_, 0.6);
    cairo_move_to(cr_, kLeft, 56);
    cairo_line_to(cr_, kPageWidth - kLeft, 56);
    cairo_stroke(cr_);
    auto label = document_.page_label;
    replace_all(label, "{page}", std::to_string(page_));
    replace_all(label, "{pages}", std::to_string(std::max(known_page_count, page_)));
    const auto footer =
        layout(escaped(label), kTextWidth, {8.5, false, false, kMuted}, PANGO_ALIGN_CENTER);
    draw_layout(footer, kLeft, kPageHeight - 48, kMuted);
  }

  void finish_page() {
    if (!page_open_) return;
    if (drawing_) cairo_show_page(cr_);
    page_open_ = false;
  }

  void new_page() {
    finish_page();
    start_page();
  }

  bool at_page_top() const { return page_open_ && y_ <= kTop + 0.5; }

  // Moves to a new page unless `height` still fits on this one.
  void ensure(double height) {
    if (!page_open_) start_page();
    if (y_ + height > kBottom && !at_page_top()) new_page();
  }

  // ---- blocks ----

  // The logo at the top; the parties, the title, the round and the facts (period, date) in
  // the upper middle, as a council paper's front page reads.
  void title_page() {
    start_page();
    if (!document_.title_page) {
      title_heading();
      return;
    }
    if (!document_.logo_svg.empty()) {
      const Svg logo(document_.logo_svg);
      if (const auto& size = logo.size()) {
        const double height = 64;
        const double width = std::min(kTextWidth, height * size->width / size->height);
        if (drawing_) logo.draw(cr_, kLeft, kTop, width, height);
      }
    }
    double y = 260;
    const auto line = [&](const std::string& text, const TextStyle& style, double after) {
      if (text.empty()) return;
      const auto made = layout(escaped(text), kTextWidth, style);
      draw_layout(made, kLeft, y, style.color);
      y += height_of(made) + after;
    };
    line(document_.parties, {13, true, false, kMuted}, 14);
    line(document_.title, {26, true, false, kAccent}, 16);
    line(document_.subtitle, {14, false, false, kText}, 18);
    for (const auto& fact : document_.title_facts) line(fact, {11, false, false, kText}, 4);
    if (document_.title_facts.empty())
      line(document_.running_header, {11, false, false, kMuted}, 0);
    new_page();
  }

  // The title block at the top of the first page, the text following it.
  void title_heading() {
    const auto line = [&](const std::string& text, const TextStyle& style, double after) {
      if (text.empty()) return;
      const auto made = layout(escaped(text), kTextWidth, style);
      draw_layout(made, kLeft, y_, style.color);
      y_ += height_of(made) + after;
    };
    line(document_.parties, {11, true, false, kMuted}, 6);
    line(document_.title, {22, true, false, kAccent}, 8);
    line(document_.subtitle, {13, false, false, kText}, 10);
    for (const auto& fact : document_.title_facts) line(fact, {10.5, false, false, kText}, 3);
    y_ += 14;
  }

  void contents() {
    if (document_.contents_title.empty()) return;
    const auto title =
        layout(escaped(document_.contents_title), kTextWidth, {18, true, false, kAccent});
    draw_layout(title, kLeft, y_, kAccent);
    y_ += height_of(title) + 14;
    int heading_index = 0;
    for (const auto& block : document_.blocks) {
      if (block.kind != Block::Kind::heading) continue;
      const int index = heading_index++;
      if (block.level > 2) continue;
      const double indent = block.level == 1 ? 0 : 18;
      const TextStyle style{kBodySize, block.level == 1, false, kText};
      const auto entry = layout(escaped(plain_text(block.spans)), kTextWidth - indent - 40, style);
      const double height = height_of(entry);
      ensure(height + 4);
      const int page =
          index < static_cast<int>(known_heading_pages.size()) ? known_heading_pages[index] : 0;
      const auto number = layout(std::to_string(page), 40, style, PANGO_ALIGN_RIGHT);
      if (drawing_) {
        const auto link = fmt::format("dest='h{}'", index);
        cairo_tag_begin(cr_, CAIRO_TAG_LINK, link.c_str());
        draw_layout(entry, kLeft + indent, y_, kText);
        draw_layout(number, kPageWidth - kLeft - 40, y_, kText);
        cairo_tag_end(cr_, CAIRO_TAG_LINK);
      }
      y_ += height + 4;
    }
    new_page();
  }

  static constexpr double kHeadingSizes[] = {18, 14, 12};
  static constexpr double kSpaceBefore[] = {22, 14, 10};

  PangoLayout* heading_layout(const Block& block) const {
    const int level = std::clamp(block.level, 1, 3);
    return layout(markup(block.spans), kTextWidth,
                  {kHeadingSizes[level - 1], true, false, level == 3 ? kText : kAccent});
  }

  // The first lines of a laid-out text: what must follow a heading onto its page.
  static double first_lines(PangoLayout* made, int lines) {
    PangoLayoutIter* iter = pango_layout_get_iter(made);
    double height = 0;
    int counted = 0;
    do {
      PangoRectangle logical{};
      pango_layout_iter_get_line_extents(iter, nullptr, &logical);
      height += static_cast<double>(logical.height) / PANGO_SCALE;
    } while (++counted < lines && pango_layout_iter_next_line(iter) != 0);
    pango_layout_iter_free(iter);
    return height;
  }

  // How much of the block at `index` has to stand on the same page as a heading before it: two
  // lines of text, a table's header and first row, a whole chart or note; for a heading, itself
  // and what it keeps in turn. Measured, not guessed, so a heading never ends a page.
  double lead_height(std::size_t index) {
    if (index >= document_.blocks.size()) return 0;
    const auto& block = document_.blocks[index];
    switch (block.kind) {
      case Block::Kind::heading: {
        const int level = std::clamp(block.level, 1, 3);
        return kSpaceBefore[level - 1] + height_of(heading_layout(block)) + 6 +
               lead_height(index + 1);
      }
      case Block::Kind::paragraph: {
        // A line or two that introduces a chart or table (an indicator's status, "Topposts
        // på Facebook:") stays with it as well.
        const auto made = layout(markup(block.spans), kTextWidth, {});
        const bool introduces = pango_layout_get_line_count(made) <= 2 &&
                                index + 1 < document_.blocks.size() &&
                                (document_.blocks[index + 1].kind == Block::Kind::image ||
                                 document_.blocks[index + 1].kind == Block::Kind::table);
        return first_lines(made, 2) + (introduces ? 6 + lead_height(index + 1) : 0);
      }
      case Block::Kind::note:
        return height_of(
                   layout(markup(block.spans), kTextWidth - 20, {kBodySize, false, true, kText})) +
               12;
      case Block::Kind::bullets:
      case Block::Kind::numbers:
        return block.items.empty()
                   ? 0
                   : first_lines(
                         layout(markup(block.items.front()), kTextWidth - kBulletIndent, {}), 2);
      case Block::Kind::table: {
        const auto widths = column_widths(block.table);
        return row(block.table.header, widths, true, false) +
               (block.table.rows.empty() ? 0 : row(block.table.rows.front(), widths, false, false));
      }
      case Block::Kind::image: {
        const Svg svg(block.svg);
        const auto& size = svg.size();
        if (!size) return 0;
        return kTextWidth * std::clamp(block.width_share, 0.1, 1.0) * size->height / size->width;
      }
      case Block::Kind::page_break:
        return 0;
    }
    return 0;
  }

  // Chapters flow on from the one before (a page each left short ones near-empty); a heading
  // moves to the next page with what follows it when both do not fit here.
  void heading(const Block& block, int index, std::size_t block_index) {
    const int level = std::clamp(block.level, 1, 3);
    const TextStyle style{kHeadingSizes[level - 1], true, false, level == 3 ? kText : kAccent};
    const auto made = heading_layout(block);
    const double height = height_of(made);
    ensure(kSpaceBefore[level - 1] + height + 6 + std::max(lead_height(block_index + 1), 1.0));
    if (!at_page_top()) y_ += kSpaceBefore[level - 1];
    heading_pages.push_back(page_);
    if (drawing_) {
      const auto name = fmt::format("name='h{}'", index);
      cairo_tag_begin(cr_, CAIRO_TAG_DEST, name.c_str());
      draw_layout(made, kLeft, y_, style.color);
      cairo_tag_end(cr_, CAIRO_TAG_DEST);
      const auto text = plain_text(block.spans);
      const int parent = level == 1 ? CAIRO_PDF_OUTLINE_ROOT : outline_[level - 2];
      outline_[level - 1] = cairo_pdf_surface_add_outline(
          surface_, parent, text.c_str(), fmt::format("dest='h{}'", index).c_str(),
          level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : static_cast<cairo_pdf_outline_flags_t>(0));
      for (int deeper = level; deeper < 3; ++deeper) outline_[deeper] = outline_[level - 1];
    }
    y_ += height + 6;
  }

  // Draws a layout line by line, so a long paragraph continues on the next page.
  void flow(PangoLayout* made, double x, const Rgb& color, const std::string& marker = {},
            const std::vector<LinkRange>& links = {}) {
    PangoLayoutIter* iter = pango_layout_get_iter(made);
    bool first = true;
    do {
      PangoRectangle logical{};
      pango_layout_iter_get_line_extents(iter, nullptr, &logical);
      const double line_height = static_cast<double>(logical.height) / PANGO_SCALE;
      ensure(line_height);
      const double baseline =
          static_cast<double>(pango_layout_iter_get_baseline(iter) - logical.y) / PANGO_SCALE;
      if (drawing_) {
        set_color(cr_, color);
        if (first && !marker.empty()) {
          const auto bullet =
              layout(escaped(marker), kBulletIndent, {kBodySize, false, false, color});
          PangoLayoutLine* bullet_line = pango_layout_get_line_readonly(bullet, 0);
          cairo_move_to(cr_, x - kBulletIndent, y_ + baseline);
          pango_cairo_show_layout_line(cr_, bullet_line);
        }
        cairo_move_to(cr_, x + static_cast<double>(logical.x) / PANGO_SCALE, y_ + baseline);
        pango_cairo_show_layout_line(cr_, pango_layout_iter_get_line_readonly(iter));
        link_areas(pango_layout_iter_get_line_readonly(iter), links, x, y_, line_height);
      }
      y_ += line_height;
      first = false;
    } while (pango_layout_iter_next_line(iter) != 0);
    pango_layout_iter_free(iter);
  }

  // Clickable areas over the parts of a drawn line that are links.
  void link_areas(PangoLayoutLine* line, const std::vector<LinkRange>& links, double x, double top,
                  double line_height) {
    for (const auto& link : links) {
      const int start = std::max(link.start, line->start_index);
      const int end = std::min(link.end, line->start_index + line->length);
      if (start >= end) continue;
      int* ranges = nullptr;
      int count = 0;
      pango_layout_line_get_x_ranges(line, start, end, &ranges, &count);
      for (std::size_t at = 0; at < static_cast<std::size_t>(count) * 2; at += 2) {
        const double left = x + static_cast<double>(ranges[at]) / PANGO_SCALE;
        const double width = static_cast<double>(ranges[at + 1] - ranges[at]) / PANGO_SCALE;
        const auto attributes = fmt::format("rect=[{:.2f} {:.2f} {:.2f} {:.2f}] uri={}", left, top,
                                            width, line_height, tag_quoted(link.uri));
        cairo_tag_begin(cr_, CAIRO_TAG_LINK, attributes.c_str());
        cairo_tag_end(cr_, CAIRO_TAG_LINK);
      }
      g_free(ranges);
    }
  }

  // The same for a layout drawn whole with its top left corner at (x, y).
  void layout_link_areas(PangoLayout* made, const std::vector<LinkRange>& links, double x,
                         double y) {
    if (links.empty() || !drawing_) return;
    PangoLayoutIter* iter = pango_layout_get_iter(made);
    do {
      PangoRectangle logical{};
      pango_layout_iter_get_line_extents(iter, nullptr, &logical);
      link_areas(pango_layout_iter_get_line_readonly(iter), links, x,
                 y + (static_cast<double>(logical.y) / PANGO_SCALE),
                 static_cast<double>(logical.height) / PANGO_SCALE);
    } while (pango_layout_iter_next_line(iter) != 0);
    pango_layout_iter_free(iter);
  }

  void text_block(const std::string& text, const TextStyle& style, double indent,
                  double space_after, const std::vector<LinkRange>& links = {}) {
    const auto made = layout(text, kTextWidth - indent, style);
    flow(made, kLeft + indent, style.color, {}, links);
    y_ += space_after;
  }

  void note(const Block& block) {
    const auto made = layout(markup(block.spans), kTextWidth - 20, {kBodySize, false, true, kText});
    const double height = height_of(made) + 12;
    ensure(height);
    if (drawing_) {
      set_color(cr_, kNoteFill);
      cairo_rectangle(cr_, kLeft, y_, kTextWidth, height);
      cairo_fill(cr_);
      set_color(cr_, Rgb{0.78, 0.49, 0.01});
      cairo_rectangle(cr_, kLeft, y_, 3, height);
      cairo_fill(cr_);
    }
    draw_layout(made, kLeft + 12, y_ + 6, kText);
    y_ += height + 8;
  }

  void list(const Block& block) {
    int number = 0;
    for (const auto& item : block.items) {
      const auto marker =
          block.kind == Block::Kind::bullets ? std::string("•") : fmt::format("{}.", ++number);
      const auto made = layout(markup(item), kTextWidth - kBulletIndent, {});
      flow(made, kLeft + kBulletIndent, kText, marker, link_ranges(item));
      y_ += 2;
    }
    y_ += 4;
  }

  std::vector<double> column_widths(const Table& table) const {
    const auto columns = std::max<std::size_t>(1, table.header.size());
    std::vector<double> widths(columns, kTextWidth / static_cast<double>(columns));
    if (table.widths.size() == columns) {
      double total = 0;
      for (const double share : table.widths) total += share;
      for (std::size_t index = 0; index < columns && total > 0; ++index) {
        widths[index] = kTextWidth * table.widths[index] / total;
      }
    }
    return widths;
  }

  // One row of cells; returns its height. Draws only when `draw` (and the writer draws).
  double row(const std::vector<std::string>& cells, const std::vector<double>& widths, bool header,
             bool draw) {
    std::vector<PangoLayout*> layouts;
    double height = 0;
    for (std::size_t index = 0; index < widths.size(); ++index) {
      const std::string text = index < cells.size() ? cells[index] : std::string();
      layouts.push_back(
          layout(escaped(text), widths[index] - 2 * kCellPadding, {9.5, header, false, kText}));
      height = std::max(height, height_of(layouts.back()));
    }
    height += 2 * kCellPadding;
    if (draw && drawing_) {
      double x = kLeft;
      for (std::size_t index = 0; index < widths.size(); ++index) {
        if (header) {
          set_color(cr_, kHeaderFill);
          cairo_rectangle(cr_, x, y_, widths[index], height);
          cairo_fill(cr_);
        }
        set_color(cr_, kRule);
        cairo_set_line_width(cr_, 0.5);
        cairo_rectangle(cr_, x, y_, widths[index], height);
        cairo_stroke(cr_);
        draw_layout(layouts[index], x + kCellPadding, y_ + kCellPadding, kText);
        if (index < cells.size()) {
          layout_link_areas(layouts[index], url_ranges(cells[index]), x + kCellPadding,
                            y_ + kCellPadding);
        }
        x += widths[index];
      }
    }
    return height;
  }

  void table(const Table& table) {
    const auto widths = column_widths(table);
    const double header_height = row(table.header, widths, true, false);
    const auto draw_header = [&] {
      row(table.header, widths, true, true);
      y_ += header_height;
    };
    const double first_row = table.rows.empty() ? 0 : row(table.rows.front(), widths, false, false);
    ensure(header_height + first_row);
    draw_header();
    for (const auto& cells : table.rows) {
      const double height = row(cells, widths, false, false);
      if (y_ + height > kBottom) {
        new_page();
        draw_header();
      }
      row(cells, widths, false, true);
      y_ += height;
    }
    y_ += 10;
  }

  void image(const Block& block) {
    const Svg svg(block.svg);
    const auto& size = svg.size();
    if (!size) return;
    const double width = kTextWidth * std::clamp(block.width_share, 0.1, 1.0);
    const double height = width * size->height / size->width;
    ensure(height);
    if (drawing_) svg.draw(cr_, kLeft, y_, width, height);
    y_ += height + 10;
  }

  cairo_t* cr_;
  cairo_surface_t* surface_;
  const Document& document_;
  LayoutCache& layouts_;
  bool drawing_;
  int page_ = 0;
  bool page_open_ = false;
  double y_ = kTop;
  int outline_[3] = {CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT};
};

cairo_status_t append_bytes(void* out, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(out)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

namespace {

struct Pagination {
  std::vector<int> heading_pages;
  int page_count = 0;
};

// The measuring pass: nothing is drawn, so any surface will do for the cairo context.
Pagination paginate(const Document& document, LayoutCache& layouts) {
  auto* surface = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, nullptr);
  auto* cr = cairo_create(surface);
  Pagination out;
  {
    Writer measure(cr, surface, document, layouts, false);
    measure.write();
    out.heading_pages = measure.heading_pages;
    out.page_count = measure.page_count;
  }
  cairo_destroy(cr);
  cairo_surface_destroy(surface);
  return out;
}

}  // namespace

std::vector<int> pdf_heading_pages(const Document& document) {
  LayoutCache layouts;
  return paginate(document, layouts).heading_pages;
}

std::string to_pdf(const Document& document) {
  LayoutCache layouts;
  const auto pagination = paginate(document, layouts);
  const auto& heading_pages = pagination.heading_pages;
  const int page_count = pagination.page_count;
  std::string pdf;
  auto* surface = cairo_pdf_surface_create_for_stream(append_bytes, &pdf, kPageWidth, kPageHeight);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, document.title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "samtryg");
  auto* cr = cairo_create(surface);
  {
    Writer draw(cr, surface, document, layouts, true);
    draw.known_heading_pages = heading_pages;
    draw.known_page_count = page_count;
    draw.write();
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
  return pdf;
}

}  // namespace samtryg::documents
