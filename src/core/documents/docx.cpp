#include "core/documents/docx.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <pugixml.hpp>
#include <sstream>
#include <utility>

#include "core/documents/pdf.hpp"
#include "core/documents/svg.hpp"
#include "core/documents/zip_archive.hpp"
#include "core/util/strings.hpp"

namespace samtryg::documents {

namespace {

constexpr std::string_view kWordNamespace =
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view kRelationshipNamespace =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr long long kEmuPerPoint = 12700;
// The PDF's page (core/documents/pdf_text.hpp) in twentieths of a point: the same margins, so the
// two files break their pages alike and the contents can give the PDF's page numbers.
constexpr int kMarginTop = 1600;
constexpr int kMarginBottom = 1440;
constexpr int kMarginSide = 1240;
constexpr double kTextWidthPoints = (11906.0 - 2 * kMarginSide) / 20;
constexpr int kPngWidth = 1000;  // ≈150 dpi across the text width: sharp in print, quick to encode

// Text as XML 1.0 allows it: control characters other than tab cannot be written, not even as
// character references, and Word refuses the whole file for one of them.
std::string xml_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n') out += c;
  }
  return out;
}

constexpr std::string_view kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Default Extension="png" ContentType="image/png"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>
<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>
<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
</Types>
)";

constexpr std::string_view kPackageRelationships =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>
</Relationships>
)";

constexpr std::string_view kApp =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>samtryg</Application></Properties>
)";

constexpr std::string_view kSettings =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:defaultTabStop w:val="709"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>
)";

// Heading styles carry outline levels, so Word's TOC field, navigation pane and PDF export
// bookmarks all find them; keepNext keeps a heading with the paragraph after it.
constexpr std::string_view kStyles =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Open Sans" w:hAnsi="Open Sans" w:eastAsia="Open Sans" w:cs="Open Sans"/><w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="{lang}"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:before="240" w:after="240"/></w:pPr><w:rPr><w:b/><w:color w:val="23507A"/><w:sz w:val="52"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="TitleParties"><w:name w:val="Title Parties"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:spacing w:before="3600" w:after="120"/></w:pPr><w:rPr><w:color w:val="61666F"/><w:sz w:val="26"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:rPr><w:sz w:val="28"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="440" w:after="160"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:color w:val="23507A"/><w:sz w:val="36"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="280" w:after="120"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:color w:val="23507A"/><w:sz w:val="28"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="200" w:after="80"/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/><w:sz w:val="24"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="TOCHeading"><w:name w:val="TOC Heading"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:rPr><w:b/><w:color w:val="23507A"/><w:sz w:val="32"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{toc_tab}"/></w:tabs><w:spacing w:after="60"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="TOC2"><w:name w:val="toc 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{toc_tab}"/></w:tabs><w:spacing w:after="60"/><w:ind w:left="284"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="60"/><w:ind w:left="720"/><w:contextualSpacing/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Note"><w:name w:val="Note"/><w:basedOn w:val="Normal"/><w:pPr><w:shd w:val="clear" w:color="auto" w:fill="FDF3E1"/><w:ind w:left="170" w:right="170"/></w:pPr><w:rPr><w:i/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:rPr><w:color w:val="61666F"/><w:sz w:val="17"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:color w:val="61666F"/><w:sz w:val="17"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:rPr><w:color w:val="1A4F8A"/><w:u w:val="single"/></w:rPr></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:pPr><w:spacing w:after="0"/></w:pPr><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="B8C4D0"/><w:left w:val="single" w:sz="4" w:space="0" w:color="B8C4D0"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="B8C4D0"/><w:right w:val="single" w:sz="4" w:space="0" w:color="B8C4D0"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="B8C4D0"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="B8C4D0"/></w:tblBorders><w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
</w:styles>
)";

// Two abstract lists (bullets, decimals); every numbered list gets its own instance so its
// numbering restarts at 1.
std::string numbering_xml(int numbered_lists) {
  std::string xml =
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
)";
  for (int index = 0; index < numbered_lists; ++index) {
    xml += fmt::format(
        "<w:num w:numId=\"{}\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"0\">"
        "<w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>\n",
        index + 2);
  }
  return xml + "</w:numbering>\n";
}

struct Picture {
  std::string png;
  long long width_emu = 0;
  long long height_emu = 0;
};

// Builds word/document.xml and collects what it refers to (links, pictures, lists).
class Body {
 public:
  explicit Body(const Document& document) : document_(document) {
    auto root = xml_.append_child("w:document");
    root.append_attribute("xmlns:w") = std::string(kWordNamespace).c_str();
    root.append_attribute("xmlns:r") = std::string(kRelationshipNamespace).c_str();
    root.append_attribute("xmlns:wp") =
        "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
    root.append_attribute("xmlns:a") = "http://schemas.openxmlformats.org/drawingml/2006/main";
    root.append_attribute("xmlns:pic") = "http://schemas.openxmlformats.org/drawingml/2006/picture";
    body_ = root.append_child("w:body");
  }

  std::string build() {
    title_page();
    contents();
    const auto& blocks = document_.blocks;
    for (std::size_t index = 0; index < blocks.size(); ++index) {
      add(blocks[index]);
      // The words that introduce a chart stay on the chart's page, as a heading does.
      const bool introduces_chart =
          index + 1 < blocks.size() && blocks[index + 1].kind == Block::Kind::image &&
          (blocks[index].kind == Block::Kind::paragraph || blocks[index].kind == Block::Kind::note);
      if (introduces_chart) {
        properties(body_.last_child()).append_child("w:keepNext");
      }
    }
    section_properties();
    std::ostringstream out;
    xml_.save(out, "", pugi::format_raw, pugi::encoding_utf8);
    return out.str();
  }

  std::vector<std::pair<std::string, std::string>> links;  // id, URL
  std::vector<Picture> pictures;
  int numbered_lists = 0;

 private:
  pugi::xml_node paragraph(std::string_view style = {}) {
    auto node = body_.append_child("w:p");
    if (!style.empty()) {
      node.append_child("w:pPr").append_child("w:pStyle").append_attribute("w:val") =
          std::string(style).c_str();
    }
    return node;
  }

  static pugi::xml_node properties(pugi::xml_node paragraph_node) {
    auto found = paragraph_node.child("w:pPr");
    return found ? found : paragraph_node.prepend_child("w:pPr");
  }

  static void text_run(pugi::xml_node parent, std::string_view text, bool bold, bool italic,
                       std::string_view character_style = {}) {
    // A line break ends each piece: "\n", or the vertical tab and form feed Word puts on the
    // clipboard for its line and page breaks.
    std::size_t start = 0;
    while (start <= text.size()) {
      const auto end = text.find_first_of("\n\v\f", start);
      const auto piece =
          text.substr(start, end == std::string_view::npos ? text.npos : end - start);
      auto run = parent.append_child("w:r");
      if (bold || italic || !character_style.empty()) {
        auto run_properties = run.append_child("w:rPr");
        if (!character_style.empty()) {
          run_properties.append_child("w:rStyle").append_attribute("w:val") =
              std::string(character_style).c_str();
        }
        if (bold) run_properties.append_child("w:b");
        if (italic) run_properties.append_child("w:i");
      }
      auto text_node = run.append_child("w:t");
      text_node.append_attribute("xml:space") = "preserve";
      text_node.text().set(xml_text(piece).c_str());
      if (end == std::string_view::npos) break;
      auto line_break = run.append_child("w:br");
      if (text[end] == '\f') line_break.append_attribute("w:type") = "page";
      start = end + 1;
    }
  }

  void spans(pugi::xml_node parent, const Line& line) {
    for (const auto& span : line) {
      if (span.link.empty()) {
        text_run(parent, span.text, span.bold, span.italic);
        continue;
      }
      const auto id = fmt::format("rIdLink{}", links.size() + 1);
      links.emplace_back(id, span.link);
      auto hyperlink = parent.append_child("w:hyperlink");
      hyperlink.append_attribute("r:id") = id.c_str();
      text_run(hyperlink, span.text, span.bold, span.italic, "Hyperlink");
    }
  }

  void picture(pugi::xml_node parent, const std::string& svg, double width_points,
               const std::string& alt) {
    const Svg image(svg);
    const auto& size = image.size();
    auto png = image.png(kPngWidth);
    if (!size || png.empty()) return;
    const auto number = pictures.size() + 1;
    const long long width = std::llround(width_points * kEmuPerPoint);
    const long long height = std::llround(width_points * size->height / size->width * kEmuPerPoint);
    pictures.push_back({std::move(png), width, height});
    auto inline_node =
        parent.append_child("w:r").append_child("w:drawing").append_child("wp:inline");
    auto extent = inline_node.append_child("wp:extent");
    extent.append_attribute("cx") = width;
    extent.append_attribute("cy") = height;
    auto doc_properties = inline_node.append_child("wp:docPr");
    doc_properties.append_attribute("id") = static_cast<unsigned>(number);
    doc_properties.append_attribute("name") = fmt::format("Picture {}", number).c_str();
    doc_properties.append_attribute("descr") = xml_text(alt).c_str();
    auto graphic_data = inline_node.append_child("a:graphic").append_child("a:graphicData");
    graphic_data.append_attribute("uri") =
        "http://schemas.openxmlformats.org/drawingml/2006/picture";
    auto pic = graphic_data.append_child("pic:pic");
    auto non_visual = pic.append_child("pic:nvPicPr");
    auto c_nv = non_visual.append_child("pic:cNvPr");
    c_nv.append_attribute("id") = static_cast<unsigned>(number);
    c_nv.append_attribute("name") = fmt::format("image{}.png", number).c_str();
    non_visual.append_child("pic:cNvPicPr");
    auto fill = pic.append_child("pic:blipFill");
    fill.append_child("a:blip").append_attribute("r:embed") =
        fmt::format("rIdImage{}", number).c_str();
    fill.append_child("a:stretch").append_child("a:fillRect");
    auto shape = pic.append_child("pic:spPr");
    auto transform = shape.append_child("a:xfrm");
    auto offset = transform.append_child("a:off");
    offset.append_attribute("x") = 0;
    offset.append_attribute("y") = 0;
    auto ext = transform.append_child("a:ext");
    ext.append_attribute("cx") = width;
    ext.append_attribute("cy") = height;
    auto geometry = shape.append_child("a:prstGeom");
    geometry.append_attribute("prst") = "rect";
    geometry.append_child("a:avLst");
  }

  void page_break() {
    auto run = paragraph().append_child("w:r");
    run.append_child("w:br").append_attribute("w:type") = "page";
  }

  void title_page() {
    if (!document_.logo_svg.empty()) picture(paragraph(), document_.logo_svg, 160, "Logo");
    // On a title page always there: its space before puts the title in the upper middle.
    if (document_.title_page) {
      text_run(paragraph("TitleParties"), document_.parties, true, false);
    } else if (!document_.parties.empty()) {
      text_run(paragraph(), document_.parties, true, false);
    }
    text_run(paragraph("Title"), document_.title, false, false);
    if (!document_.subtitle.empty()) {
      text_run(paragraph("Subtitle"), document_.subtitle, false, false);
    }
    for (const auto& fact : document_.title_facts) text_run(paragraph(), fact, false, false);
    if (!document_.title_page) return;  // the text follows on the same page
    if (document_.title_facts.empty())
      text_run(paragraph(), document_.running_header, false, false);
    page_break();
  }

  // Word's own TOC field (headings 1–2, as links) with its result already written: each entry's
  // text and page number. Word and LibreOffice show a field's stored result as it is, so the
  // contents read right on opening, without "update fields" and without a prompt (w:dirty is
  // not set). The numbers are the PDF's pages of the same content (pdf_heading_pages): the
  // DOCX has the PDF's page size, margins, fonts and sizes, and its chapters start where the
  // PDF's do, so Word lays the pages out nearly alike; updating the field in Word gives Word's
  // own count should a long table break differently.
  void contents() {
    if (document_.contents_title.empty()) return;
    text_run(paragraph("TOCHeading"), document_.contents_title, false, false);
    const auto pages = pdf_heading_pages(document_);
    bool first = true;
    int heading_index = 0;
    for (const auto& block : document_.blocks) {
      if (block.kind != Block::Kind::heading) continue;
      const int index = heading_index++;
      if (block.level > 2) continue;
      auto entry = paragraph(block.level == 1 ? "TOC1" : "TOC2");
      if (first) {
        field_char(entry, "begin");
        auto instruction = entry.append_child("w:r").append_child("w:instrText");
        instruction.append_attribute("xml:space") = "preserve";
        instruction.text().set(R"( TOC \o "1-2" \h \z \u )");
        field_char(entry, "separate");
        first = false;
      }
      auto link = entry.append_child("w:hyperlink");
      link.append_attribute("w:anchor") = fmt::format("_Toc{}", index).c_str();
      link.append_attribute("w:history") = "1";
      text_run(link, plain_text(block.spans), false, false);
      link.append_child("w:r").append_child("w:tab");
      const int page = index < static_cast<int>(pages.size()) ? pages[index] : 0;
      text_run(link, std::to_string(page), false, false);
    }
    if (!first) field_char(paragraph(), "end");
    page_break();  // the chapters start on a page of their own, as in the PDF
  }

  // A heading: kept with the paragraph after it (also said here, not only in its style, for
  // readers that ignore style properties), and a bookmark the contents link to.
  void heading(const Block& block) {
    auto node = paragraph(fmt::format("Heading{}", std::clamp(block.level, 1, 3)));
    auto paragraph_properties = properties(node);
    paragraph_properties.append_child("w:keepNext");
    paragraph_properties.append_child("w:keepLines");
    const auto id = std::to_string(heading_count_);
    auto start = node.append_child("w:bookmarkStart");
    start.append_attribute("w:id") = id.c_str();
    start.append_attribute("w:name") = fmt::format("_Toc{}", heading_count_++).c_str();
    spans(node, block.spans);
    node.append_child("w:bookmarkEnd").append_attribute("w:id") = id.c_str();
  }

  static void field_char(pugi::xml_node paragraph_node, const char* type) {
    paragraph_node.append_child("w:r").append_child("w:fldChar").append_attribute("w:fldCharType") =
        type;
  }

  void list(const Block& block) {
    const bool numbered = block.kind == Block::Kind::numbers;
    const int number_id = numbered ? 2 + numbered_lists++ : 1;
    for (const auto& item : block.items) {
      auto node = paragraph("ListParagraph");
      auto numbering = properties(node).append_child("w:numPr");
      numbering.append_child("w:ilvl").append_attribute("w:val") = 0;
      numbering.append_child("w:numId").append_attribute("w:val") = number_id;
      spans(node, item);
    }
  }

  void table(const Table& table) {
    auto node = body_.append_child("w:tbl");
    auto table_properties = node.append_child("w:tblPr");
    table_properties.append_child("w:tblStyle").append_attribute("w:val") = "TableGrid";
    auto width = table_properties.append_child("w:tblW");
    width.append_attribute("w:w") = 5000;
    width.append_attribute("w:type") = "pct";
    const auto columns = table.header.size();
    auto grid = node.append_child("w:tblGrid");
    const double total_twips = kTextWidthPoints * 20;
    double share_total = 0;
    for (const double share : table.widths) share_total += share;
    for (std::size_t index = 0; index < columns; ++index) {
      const double share = table.widths.size() == columns && share_total > 0
                               ? table.widths[index] / share_total
                               : 1.0 / static_cast<double>(columns);
      grid.append_child("w:gridCol").append_attribute("w:w") =
          static_cast<int>(std::lround(total_twips * share));
    }
    const auto add_row = [&](const std::vector<std::string>& cells, bool header) {
      auto row = node.append_child("w:tr");
      auto row_properties = row.append_child("w:trPr");
      if (header) row_properties.append_child("w:tblHeader");  // repeated on every page
      row_properties.append_child("w:cantSplit");              // a row is read whole, on one page
      for (std::size_t index = 0; index < columns; ++index) {
        auto cell = row.append_child("w:tc");
        if (header) {
          auto shading = cell.append_child("w:tcPr").append_child("w:shd");
          shading.append_attribute("w:val") = "clear";
          shading.append_attribute("w:color") = "auto";
          shading.append_attribute("w:fill") = "E8EEF4";
        }
        auto cell_paragraph = cell.append_child("w:p");
        text_run(cell_paragraph, index < cells.size() ? cells[index] : std::string(), header,
                 false);
      }
    };
    add_row(table.header, true);
    for (const auto& cells : table.rows) add_row(cells, false);
    paragraph();  // Word needs a paragraph between a table and whatever follows
  }

  void add(const Block& block) {
    switch (block.kind) {
      case Block::Kind::heading:
        heading(block);
        break;
      case Block::Kind::paragraph:
        spans(paragraph(), block.spans);
        break;
      case Block::Kind::note:
        spans(paragraph("Note"), block.spans);
        break;
      case Block::Kind::bullets:
      case Block::Kind::numbers:
        list(block);
        break;
      case Block::Kind::table:
        table(block.table);
        break;
      case Block::Kind::image:
        picture(paragraph(), block.svg, kTextWidthPoints * std::clamp(block.width_share, 0.1, 1.0),
                block.alt);
        break;
      case Block::Kind::page_break:
        page_break();
        break;
    }
  }

  void section_properties() {
    auto section = body_.append_child("w:sectPr");
    auto header = section.append_child("w:headerReference");
    header.append_attribute("w:type") = "default";
    header.append_attribute("r:id") = "rIdHeader";
    auto footer = section.append_child("w:footerReference");
    footer.append_attribute("w:type") = "default";
    footer.append_attribute("r:id") = "rIdFooter";
    auto size = section.append_child("w:pgSz");
    size.append_attribute("w:w") = 11906;
    size.append_attribute("w:h") = 16838;
    auto margins = section.append_child("w:pgMar");
    for (const auto& [name, value] :
         {std::pair{"w:top", kMarginTop}, std::pair{"w:right", kMarginSide},
          std::pair{"w:bottom", kMarginBottom}, std::pair{"w:left", kMarginSide},
          std::pair{"w:header", 709}, std::pair{"w:footer", 709}, std::pair{"w:gutter", 0}}) {
      margins.append_attribute(name) = value;
    }
    section.append_child("w:titlePg");  // no header or footer on the title page
  }

  const Document& document_;
  pugi::xml_document xml_;
  pugi::xml_node body_;
  int heading_count_ = 0;
};

std::string header_xml(const Document& document) {
  pugi::xml_document xml;
  auto root = xml.append_child("w:hdr");
  root.append_attribute("xmlns:w") = std::string(kWordNamespace).c_str();
  auto paragraph = root.append_child("w:p");
  paragraph.append_child("w:pPr").append_child("w:pStyle").append_attribute("w:val") = "Header";
  auto text = paragraph.append_child("w:r").append_child("w:t");
  text.append_attribute("xml:space") = "preserve";
  text.text().set(xml_text(document.running_header).c_str());
  std::ostringstream out;
  xml.save(out, "", pugi::format_raw, pugi::encoding_utf8);
  return out.str();
}

// "Side {page} af {pages}" with Word's PAGE and NUMPAGES fields in place of the placeholders.
std::string footer_xml(const Document& document) {
  pugi::xml_document xml;
  auto root = xml.append_child("w:ftr");
  root.append_attribute("xmlns:w") = std::string(kWordNamespace).c_str();
  auto paragraph = root.append_child("w:p");
  paragraph.append_child("w:pPr").append_child("w:pStyle").append_attribute("w:val") = "Footer";
  const auto text_run = [&](std::string_view text) {
    if (text.empty()) return;
    auto node = paragraph.append_child("w:r").append_child("w:t");
    node.append_attribute("xml:space") = "preserve";
    node.text().set(xml_text(text).c_str());
  };
  const auto field = [&](const char* name) {
    auto simple = paragraph.append_child("w:fldSimple");
    simple.append_attribute("w:instr") = name;
    simple.append_child("w:r").append_child("w:t").text().set("1");
  };
  std::string_view label = document.page_label;
  while (!label.empty()) {
    const auto page = label.find("{page}");
    const auto pages = label.find("{pages}");
    const auto next = std::min(page, pages);
    if (next == std::string_view::npos) {
      text_run(label);
      break;
    }
    text_run(label.substr(0, next));
    field(next == pages ? "NUMPAGES" : "PAGE");
    label.remove_prefix(next + (next == pages ? 7 : 6));
  }
  std::ostringstream out;
  xml.save(out, "", pugi::format_raw, pugi::encoding_utf8);
  return out.str();
}

std::string core_xml(const Document& document) {
  pugi::xml_document xml;
  auto root = xml.append_child("cp:coreProperties");
  root.append_attribute("xmlns:cp") =
      "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
  root.append_attribute("xmlns:dc") = "http://purl.org/dc/elements/1.1/";
  root.append_child("dc:title").text().set(xml_text(document.title).c_str());
  root.append_child("dc:language").text().set(document.language.c_str());
  std::ostringstream out;
  xml.save(out, "", pugi::format_raw, pugi::encoding_utf8);
  return out.str();
}

std::string document_relationships(const Body& body) {
  std::string xml =
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>
<Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>
<Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>
)";
  for (std::size_t index = 0; index < body.pictures.size(); ++index) {
    xml += fmt::format(
        "<Relationship Id=\"rIdImage{0}\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
        "2006/relationships/image\" Target=\"media/image{0}.png\"/>\n",
        index + 1);
  }
  pugi::xml_document escaper;
  for (const auto& [id, url] : body.links) {
    // The URL goes through pugixml so '&' and quotes are escaped.
    auto node = escaper.append_child("Relationship");
    node.append_attribute("Id") = id.c_str();
    node.append_attribute("Type") =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";
    node.append_attribute("Target") = url.c_str();
    node.append_attribute("TargetMode") = "External";
  }
  std::ostringstream links;
  escaper.save(links, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
  return xml + links.str() + "\n</Relationships>\n";
}

}  // namespace

std::string to_docx(const Document& document) {
  Body body(document);
  auto document_xml = body.build();
  std::string styles(kStyles);
  replace_all(styles, "{lang}",
              document.language == "sv"   ? "sv-SE"
              : document.language == "en" ? "en-GB"
                                          : "da-DK");
  replace_all(styles, "{toc_tab}", std::to_string(11906 - 2 * kMarginSide));
  Archive archive;
  archive.add("[Content_Types].xml", std::string(kContentTypes));
  archive.add("_rels/.rels", std::string(kPackageRelationships));
  archive.add("docProps/core.xml", core_xml(document));
  archive.add("docProps/app.xml", std::string(kApp));
  archive.add("word/document.xml", std::move(document_xml));
  archive.add("word/styles.xml", std::move(styles));
  archive.add("word/numbering.xml", numbering_xml(body.numbered_lists));
  archive.add("word/settings.xml", std::string(kSettings));
  archive.add("word/header1.xml", header_xml(document));
  archive.add("word/footer1.xml", footer_xml(document));
  archive.add("word/_rels/document.xml.rels", document_relationships(body));
  for (std::size_t index = 0; index < body.pictures.size(); ++index) {
    archive.add(fmt::format("word/media/image{}.png", index + 1),
                std::move(body.pictures[index].png));
  }
  return archive.finish();
}

}  // namespace samtryg::documents
