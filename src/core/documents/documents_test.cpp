// Documents: Markdown into blocks, and the writers' output read back.
#include <gtest/gtest.h>

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
}

TEST(Writers, PdfAndDocxAreWellFormedFiles) {
  const auto pdf = to_pdf(sample());
  EXPECT_EQ(pdf.substr(0, 5), "%PDF-");
  EXPECT_NE(pdf.find("/Outlines"), std::string::npos) << "headings as bookmarks";
  const auto docx = to_docx(sample());
  EXPECT_EQ(docx.substr(0, 2), "PK");
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

}  // namespace
}  // namespace samtryg::documents
