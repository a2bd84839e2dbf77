#pragma once
// A document as a list of blocks (headings, paragraphs, lists, tables, images), independent of
// any output format: the compiled report is built once as a Document and then written as PDF
// (cairo + pango), DOCX (libzip + pugixml) and HTML, so all outputs say the same thing.
#include <string>
#include <string_view>
#include <vector>

namespace samtryg::documents {

struct Span {
  std::string text;
  bool bold = false;
  bool italic = false;
  std::string link;  // an http(s) or mailto: address safe_link admits, or empty
};
using Line = std::vector<Span>;

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<double> widths;  // each column's share of the width; empty: equal shares
};

struct Block {
  enum class Kind { heading, paragraph, bullets, numbers, table, image, note, page_break };
  Kind kind = Kind::paragraph;
  int level = 1;            // headings: 1 (chapter) to 3
  Line spans;               // heading, paragraph, note
  std::vector<Line> items;  // bullets, numbers
  Table table;
  std::string svg;           // image: an SVG document
  double width_share = 1.0;  // image: share of the text width
  std::string alt;           // image: what it shows, for HTML and DOCX
};

struct Document {
  std::string title;
  std::string subtitle;  // e.g. the period
  std::string parties;   // title page: who the report is from ("Aalborg Kommune og …")
  std::vector<std::string> title_facts;  // title page, under the title: period, date …
  std::string running_header;            // top of every page after the title page
  std::string language = "da";
  std::string logo_svg;        // on the title page and in the header; may be empty
  std::string contents_title;  // "Indhold"; the table of contents lists headings 1–2
  std::string page_label;      // "Side {page} af {pages}"
  // A page of its own for the title, as a report to the council opens; false: the title, parties
  // and facts head the first page and the text follows (an agenda, a year plan).
  bool title_page = true;
  std::vector<Block> blocks;
};

// Helpers to build documents.
Block heading(int level, std::string text);
Block paragraph(std::string text);
Block note(std::string text);
// The text of a line without formatting.
std::string plain_text(const Line& line);

// Appends Markdown (paragraphs, lists, bold, italic, links, headings shifted by
// `heading_offset`) as blocks. Raw HTML is not interpreted: it stays visible as text.
void append_markdown(std::vector<Block>& blocks, std::string_view markdown, int heading_offset);

// Markdown as safe HTML for a web page: raw HTML is escaped, not passed through, and only
// links safe_link admits are live (the others stay as their text). Every page that shows a
// person's Markdown renders it here.
std::string markdown_html(std::string_view markdown);

}  // namespace samtryg::documents
