// Markdown as HTML for a page, written here rather than by md4c's own HTML renderer because
// that one passes every link through: user text must never carry a live javascript: or data:
// link into a page (safe_link decides, as it does for the report's documents).
#include <string>
#include <vector>

#include "core/documents/document.hpp"
#include "core/documents/markdown.hpp"
#include "core/util/links.hpp"
#include "core/view/render.hpp"

namespace samtryg::documents {

namespace {

class HtmlWriter {
 public:
  explicit HtmlWriter(std::string& out) : out_(out) {}

  int enter_block(MD_BLOCKTYPE type, const void* detail) {
    switch (type) {
      case MD_BLOCK_QUOTE:
        out_ += "<blockquote>\n";
        break;
      case MD_BLOCK_UL:
        out_ += "<ul>\n";
        break;
      case MD_BLOCK_OL: {
        const auto start = static_cast<const MD_BLOCK_OL_DETAIL*>(detail)->start;
        out_ += start == 1 ? "<ol>\n" : "<ol start=\"" + std::to_string(start) + "\">\n";
        break;
      }
      case MD_BLOCK_LI:
        out_ += "<li>";
        break;
      case MD_BLOCK_HR:
        out_ += "<hr>\n";
        break;
      case MD_BLOCK_H:
        out_ += "<h" + level(detail) + ">";
        break;
      case MD_BLOCK_CODE:
        out_ += "<pre><code>";
        break;
      case MD_BLOCK_P:
        out_ += "<p>";
        break;
      case MD_BLOCK_TABLE:
        // A table in typed text scrolls inside itself on a phone instead of widening the page;
        // focusable so a keyboard can scroll it too.
        out_ += "<div class=\"table-scroll\" tabindex=\"0\">\n<table>\n";
        break;
      case MD_BLOCK_THEAD:
        out_ += "<thead>\n";
        break;
      case MD_BLOCK_TBODY:
        out_ += "<tbody>\n";
        break;
      case MD_BLOCK_TR:
        out_ += "<tr>";
        break;
      case MD_BLOCK_TH:
        out_ += "<th>";
        break;
      case MD_BLOCK_TD:
        out_ += "<td>";
        break;
      default:  // the document itself; raw HTML blocks are off (MD_FLAG_NOHTML)
        break;
    }
    return 0;
  }

  int leave_block(MD_BLOCKTYPE type, const void* detail) {
    switch (type) {
      case MD_BLOCK_QUOTE:
        out_ += "</blockquote>\n";
        break;
      case MD_BLOCK_UL:
        out_ += "</ul>\n";
        break;
      case MD_BLOCK_OL:
        out_ += "</ol>\n";
        break;
      case MD_BLOCK_LI:
        out_ += "</li>\n";
        break;
      case MD_BLOCK_H:
        out_ += "</h" + level(detail) + ">\n";
        break;
      case MD_BLOCK_CODE:
        out_ += "</code></pre>\n";
        break;
      case MD_BLOCK_P:
        out_ += "</p>\n";
        break;
      case MD_BLOCK_TABLE:
        out_ += "</table>\n</div>\n";
        break;
      case MD_BLOCK_THEAD:
        out_ += "</thead>\n";
        break;
      case MD_BLOCK_TBODY:
        out_ += "</tbody>\n";
        break;
      case MD_BLOCK_TR:
        out_ += "</tr>\n";
        break;
      case MD_BLOCK_TH:
        out_ += "</th>";
        break;
      case MD_BLOCK_TD:
        out_ += "</td>";
        break;
      default:
        break;
    }
    return 0;
  }

  int enter_span(MD_SPANTYPE type, const void* detail) {
    switch (type) {
      case MD_SPAN_EM:
        out_ += "<em>";
        break;
      case MD_SPAN_STRONG:
        out_ += "<strong>";
        break;
      case MD_SPAN_CODE:
        out_ += "<code>";
        break;
      case MD_SPAN_DEL:
        out_ += "<del>";
        break;
      case MD_SPAN_A: {
        const auto& href = static_cast<const MD_SPAN_A_DETAIL*>(detail)->href;
        auto link = safe_link(std::string_view(href.text, href.size));
        if (!link.empty()) out_ += "<a href=\"" + view::escape_html(link) + "\">";
        open_links_.push_back({std::move(link), out_.size()});
        break;
      }
      default:  // images show their description as text: a page shows no remote images
        break;
    }
    return 0;
  }

  int leave_span(MD_SPANTYPE type) {
    switch (type) {
      case MD_SPAN_EM:
        out_ += "</em>";
        break;
      case MD_SPAN_STRONG:
        out_ += "</strong>";
        break;
      case MD_SPAN_CODE:
        out_ += "</code>";
        break;
      case MD_SPAN_DEL:
        out_ += "</del>";
        break;
      case MD_SPAN_A:
        if (!open_links_.empty()) {
          const auto& open = open_links_.back();
          // "[](https://…)" has no words; a link needs a name to be read out, so it shows the
          // address it leads to.
          if (!open.href.empty() && out_.size() == open.text_start) {
            out_ += view::escape_html(open.href);
          }
          if (!open.href.empty()) out_ += "</a>";
          open_links_.pop_back();
        }
        break;
      default:
        break;
    }
    return 0;
  }

  int text(MD_TEXTTYPE type, std::string_view text) {
    switch (type) {
      case MD_TEXT_NULLCHAR:
        out_ += "\xEF\xBF\xBD";
        break;
      case MD_TEXT_BR:
      case MD_TEXT_SOFTBR:
        // A soft break too: people who write in a text box mean a new line where they press
        // Enter.
        out_ += "<br>\n";
        break;
      case MD_TEXT_ENTITY:
        // md4c has checked the entity's form (&name; or &#…;); the browser reads it as text.
        out_ += text;
        break;
      default:
        out_ += view::escape_html(text);
        break;
    }
    return 0;
  }

 private:
  static std::string level(const void* detail) {
    return std::to_string(static_cast<const MD_BLOCK_H_DETAIL*>(detail)->level);
  }

  struct OpenLink {
    std::string href;  // "" when the link was not safe and is shown as text only
    std::size_t text_start = 0;
  };

  std::string& out_;
  std::vector<OpenLink> open_links_;
};

}  // namespace

std::string markdown_html(std::string_view markdown) {
  std::string html;
  HtmlWriter writer(html);
  parse_markdown(markdown, writer);
  return html;
}

}  // namespace samtryg::documents
