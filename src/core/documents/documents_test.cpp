// Documents: Markdown into blocks, and the writers' output read back.
#include <gtest/gtest.h>

#include "core/documents/csv.hpp"
#include "core/documents/document.hpp"
#include "core/documents/docx.hpp"
#include "core/documents/html.hpp"
#include "core/documents/pdf.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace samtryg::documents {
namespace {

TEST(Markdown, ParagraphsListsAndEmphasisBecomeBlocks) {
  std::vector<Block> blocks;
  append_markdown(blocks,
                  "Første skridt var **netværksmødet**.\n\n1. Positive *fællesskaber*\n2. Ud i "
                  "Aalborg\n\n- [link](https://tryg.aalborg.dk)\n\n<script>x</script>",
                  1);
  ASSERT_GE(blocks.size(), 3U);
  EXPECT_EQ(blocks[0].kind, Block::Kind::paragraph);
  EXPECT_TRUE(blocks[0].spans[1].bold);
  EXPECT_EQ(blocks[1].kind, Block::Kind::numbers);
  ASSERT_EQ(blocks[1].items.size(), 2U);
  EXPECT_TRUE(blocks[1].items[0][1].italic);
  EXPECT_EQ(blocks[2].kind, Block::Kind::bullets);
  EXPECT_EQ(blocks[2].items[0][0].link, "https://tryg.aalborg.dk");
  EXPECT_EQ(plain_text(blocks.back().spans), "<script>x</script>") << "raw HTML stays text";
  EXPECT_EQ(markdown_html("<b>x</b> **y**"), "<p>&lt;b&gt;x&lt;/b&gt; <strong>y</strong></p>\n");
}

TEST(Markdown, ALinkWithoutWordsIsNamedByItsAddress) {
  EXPECT_EQ(markdown_html("[](https://www.aalborg.dk/tryg)"),
            "<p><a href=\"https://www.aalborg.dk/tryg\">https://www.aalborg.dk/tryg</a></p>\n");
  EXPECT_EQ(markdown_html("[](javascript:alert(1))").find("<a"), std::string::npos);
}

TEST(Markdown, OnlySafeLinksAreLiveInPages) {
  EXPECT_EQ(markdown_html("[Tryg Aalborg](https://www.aalborg.dk/tryg)"),
            "<p><a href=\"https://www.aalborg.dk/tryg\">Tryg Aalborg</a></p>\n");
  EXPECT_EQ(
      markdown_html("[siden](/plans/1) og [mail](mailto:tryg@aalborg.dk)"),
      "<p><a href=\"/plans/1\">siden</a> og <a href=\"mailto:tryg@aalborg.dk\">mail</a></p>\n");
  for (const auto* attack :
       {"[klik](javascript:alert(1))", "[klik](JavaScript:alert(1))", "[klik](data:text/html,x)",
        "[klik](vbscript:x)", "[klik](java\tscript:alert(1))", "<javascript:alert(1)>",
        "[klik](//evil.example/)", "[klik](/\\evil.example/)"}) {
    const auto html = markdown_html(attack);
    EXPECT_EQ(html.find("href"), std::string::npos) << attack << " → " << html;
    EXPECT_NE(html.find("klik") + html.find("alert"), std::string::npos) << "the text stays";
  }
  // An entity cannot smuggle a scheme in: the browser reads the escaped '&' literally.
  const auto entity = markdown_html("[klik](javascript&#58;alert(1))");
  EXPECT_EQ(entity.find("href=\"javascript&#58;"), std::string::npos) << entity;
  EXPECT_EQ(markdown_html("![billede](data:image/png;base64,AAAA)"), "<p>billede</p>\n");
  EXPECT_EQ(markdown_html("tekst\x1f med styretegn"), "<p>tekst med styretegn</p>\n");
}

TEST(Markdown, TextEndingInsideALinkIsReadOnlyToItsEnd) {
  const std::string_view whole = "[](xxxxxxxxxxxxxxxx";
  EXPECT_EQ(markdown_html(whole.substr(0, 3)), "<p>[](</p>\n");
  std::vector<Block> blocks;
  append_markdown(blocks, whole.substr(0, 3), 1);
  ASSERT_EQ(blocks.size(), 1U);
  EXPECT_EQ(plain_text(blocks[0].spans), "[](");
}

TEST(Markdown, DocumentsKeepOnlyWebAndMailLinks) {
  std::vector<Block> blocks;
  append_markdown(blocks, "[a](javascript:alert(1)) [b](data:x) [c](/plans/1) [d](https://x.dk)",
                  1);
  ASSERT_EQ(blocks.size(), 1U);
  for (const auto& span : blocks[0].spans) {
    if (span.text == "d") {
      EXPECT_EQ(span.link, "https://x.dk");
    } else {
      EXPECT_EQ(span.link, "") << span.text;
    }
  }
}

TEST(Csv, FormulasOpenAsText) {
  EXPECT_EQ(csv_text("=HYPERLINK(\"https://evil.example\")"),
            "\"'=HYPERLINK(\"\"https://evil.example\"\")\"");
  EXPECT_EQ(csv_text("+45 1234"), "'+45 1234");
  EXPECT_EQ(csv_text("-1"), "'-1");
  EXPECT_EQ(csv_text("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(csv_text("Aalborg Øst"), "Aalborg Øst");
  EXPECT_EQ(csv_text("a;b"), "\"a;b\"");
  EXPECT_EQ(csv_text(""), "");
}

Document sample() {
  Document document;
  document.title = "Tryg Aalborg – en mere tryg kommune";
  document.subtitle = "4. afrapportering";
  document.running_header = "Tryg Aalborg";
  document.contents_title = "Indhold";
  document.page_label = "Side {page} af {pages}";
  document.blocks.push_back(heading(1, "Indsatserne"));
  document.blocks.push_back(paragraph("Ældre & <børn>"));
  Block table;
  table.kind = Block::Kind::table;
  table.table.header = {"Beskrivelse", "Status"};
  for (int row = 0; row < 120; ++row) table.table.rows.push_back({"Netværksmøde", "Gennemført"});
  document.blocks.push_back(table);
  return document;
}

TEST(Writers, HtmlEscapesAndLinksItsContents) {
  const auto html = to_html(sample());
  EXPECT_NE(html.find("Ældre &amp; &lt;børn&gt;"), std::string::npos);
  EXPECT_NE(html.find("<a href=\"#h1\">Indsatserne</a>"), std::string::npos);
  EXPECT_NE(html.find("<thead>"), std::string::npos);
  EXPECT_NE(html.find("<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"h1\""),
            std::string::npos)
      << "a table scrolls inside itself on a phone, named by its heading";
}

TEST(Writers, PdfAndDocxAreWellFormedFiles) {
  const auto pdf = to_pdf(sample());
  EXPECT_EQ(pdf.substr(0, 5), "%PDF-");
  EXPECT_NE(pdf.find("/Outlines"), std::string::npos) << "headings as bookmarks";
  const auto docx = to_docx(sample());
  EXPECT_EQ(docx.substr(0, 2), "PK");
}

TEST(Writers, WordsLineAndPageBreaksBecomeBreaksAndOtherControlsAreLeftOut) {
  auto document = sample();
  document.title = "Titel\x01";
  document.blocks.push_back(paragraph("første linje\vanden linje\fnæste side\x0btredje\x02"));
  testing::TempDir directory;
  const auto path = directory.file("breaks.docx", to_docx(document));
  const auto xml = testing::run_command("unzip -p " + path + " word/document.xml");
  ASSERT_EQ(xml.exit_code, 0) << xml.output;
  EXPECT_EQ(xml.output.find("&#"), std::string::npos) << "no character references to controls";
  const auto line = xml.output.find("første linje");
  ASSERT_NE(line, std::string::npos);
  const auto page_break = xml.output.find("<w:br w:type=\"page\"/>", line);
  ASSERT_NE(page_break, std::string::npos) << xml.output.substr(line);
  EXPECT_LT(xml.output.find("<w:br/></w:r><w:r><w:t xml:space=\"preserve\">anden linje", line),
            page_break)
      << xml.output.substr(line);
  EXPECT_EQ(xml.output.find("<w:t xml:space=\"preserve\">", page_break),
            xml.output.find("<w:t xml:space=\"preserve\">næste side", page_break))
      << "the next page starts with the text after the form feed";
  EXPECT_EQ(xml.output.find('\x02'), std::string::npos);
  const auto parsed = testing::run_command(
      "unzip -p " + path +
      " word/document.xml docProps/core.xml | python3 -c 'import sys, xml.dom.minidom as m; "
      "d = sys.stdin.read(); [m.parseString(p if p.startswith(\"<?xml\") else \"<?xml\" + p) "
      "for p in d.split(\"<?xml\") if p]'");
  EXPECT_EQ(parsed.exit_code, 0) << parsed.output;
}

TEST(Writers, PdfLinksCanBeClicked) {
  auto document = sample();
  append_markdown(document.blocks,
                  "Læs mere på [Tryg Aalborgs side](https://www.aalborg.dk/tryg) og i "
                  "[rapporten](https://example.org/rapport?år=2017&id='x').\n\n"
                  "- Se [filmen om Natteravnene](https://natteravnene.dk)\n",
                  1);
  Block table;
  table.kind = Block::Kind::table;
  table.table.header = {"Beskrivelse", "Link"};
  table.table.rows.push_back({"Trygfonden", "Artikel\nhttps://trygfonden.dk/artikel"});
  document.blocks.push_back(table);
  testing::TempDir directory;
  const auto path = directory.file("links.pdf", to_pdf(document));
  const auto urls = testing::run_command("pdfinfo -url " + path);
  ASSERT_EQ(urls.exit_code, 0) << urls.output;
  EXPECT_NE(urls.output.find("https://www.aalborg.dk/tryg"), std::string::npos) << urls.output;
  EXPECT_NE(urls.output.find("https://natteravnene.dk"), std::string::npos) << urls.output;
  EXPECT_NE(urls.output.find("https://example.org/rapport?"), std::string::npos) << urls.output;
  EXPECT_NE(urls.output.find("https://trygfonden.dk/artikel"), std::string::npos) << urls.output;
}

// Wherever the foot of the page falls, a heading goes onto the page of what follows it: here a
// table whose first row is six lines high, after ever more lines of text.
TEST(Writers, APdfHeadingNeverEndsAPage) {
  testing::TempDir directory;
  for (int filler = 30; filler < 62; ++filler) {
    Document document;
    document.title = "Titel";
    document.page_label = "Side {page} af {pages}";
    document.blocks.push_back(heading(1, "Kapitel"));
    for (int line = 0; line < filler; ++line) document.blocks.push_back(paragraph("Linje"));
    document.blocks.push_back(heading(2, "Målinger"));
    Block table;
    table.kind = Block::Kind::table;
    table.table.header = {"Beskrivelse", "Status"};
    table.table.rows.push_back({"Første række\nto\ntre\nfire\nfem\nseks", "Gennemført"});
    document.blocks.push_back(table);
    const auto path = directory.file("heading.pdf", to_pdf(document));
    const auto text = testing::run_command("pdftotext -enc UTF-8 " + path + " -").output;
    std::size_t start = 0;
    for (auto end = text.find('\f'); end != std::string::npos; end = text.find('\f', start)) {
      const auto page = text.substr(start, end - start);
      if (page.find("Målinger") != std::string::npos) {
        EXPECT_NE(page.find("Første række"), std::string::npos)
            << filler << " lines: the heading ended a page\n"
            << page;
      }
      start = end + 1;
    }
    const auto pages = pdf_heading_pages(document);
    ASSERT_EQ(pages.size(), 2U);
  }
}

// The Word contents carry their page numbers (the PDF's) in the field's stored result.
TEST(Writers, DocxContentsHaveThePdfsPageNumbers) {
  auto document = sample();
  document.blocks.push_back(heading(1, "Bilag"));
  document.blocks.push_back(paragraph("Skemaerne"));
  const auto pages = pdf_heading_pages(document);
  ASSERT_EQ(pages.size(), 2U);
  EXPECT_GT(pages[1], pages[0]) << "120 table rows push the annex on";
  testing::TempDir directory;
  const auto path = directory.file("contents.docx", to_docx(document));
  const auto xml = testing::run_command("unzip -p " + path + " word/document.xml").output;
  const auto separate = xml.find("w:fldCharType=\"separate\"");
  const auto end = xml.find("w:fldCharType=\"end\"");
  ASSERT_LT(separate, end);
  const auto result = xml.substr(separate, end - separate);
  EXPECT_NE(result.find("Bilag</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t xml:space=\"preserve\">" +
                        std::to_string(pages[1]) + "<"),
            std::string::npos)
      << result;
  EXPECT_EQ(xml.find("w:dirty"), std::string::npos);
}

TEST(Writers, DocxKeepsAChartWithItsIntroductionAndATableRowOnOnePage) {
  auto document = sample();
  document.blocks.push_back(note("Unikke besøgende pr. måned (eksempeldata)"));
  Block chart;
  chart.kind = Block::Kind::image;
  chart.svg = R"(<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50"></svg>)";
  chart.alt = "Besøgende";
  document.blocks.push_back(chart);
  testing::TempDir directory;
  const auto path = directory.file("keep.docx", to_docx(document));
  const auto xml = testing::run_command("unzip -p " + path + " word/document.xml").output;
  EXPECT_NE(xml.find("<w:pStyle w:val=\"Note\"/><w:keepNext/>"), std::string::npos)
      << "the note stays with its chart";
  // Every row of the 120-row table, not only the header, is kept on one page.
  std::size_t unsplittable = 0;
  for (auto at = xml.find("<w:cantSplit/>"); at != std::string::npos;
       at = xml.find("<w:cantSplit/>", at + 1)) {
    ++unsplittable;
  }
  EXPECT_GE(unsplittable, 121U);
}

}  // namespace
}  // namespace samtryg::documents
