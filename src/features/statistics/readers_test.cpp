// What the readers do in the corners the fixtures do not reach: the exact errors and warnings
// and their order, and the exact JSON-stat the writer prints.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "features/statistics/csv.hpp"
#include "features/statistics/jsonstat.hpp"
#include "features/statistics/period.hpp"
#include "features/statistics/px.hpp"

namespace samtryg::stats {
namespace {

template <class Read>
std::string rejection(Read read) {
  try {
    read();
  } catch (const ParseError& error) {
    return error.what();
  }
  return "accepted";
}

// The mandatory keywords, all on line 1.
const std::string kPxHead =
    "MATRIX=\"K\";SUBJECT-CODE=\"S\";SUBJECT-AREA=\"A\";TITLE=\"T\";CONTENTS=\"C\";"
    "UNITS=\"n\";DECIMALS=0;\n";

std::string px_rejection(const std::string& px) {
  return rejection([&] { read_px(px); });
}

// --- PX --------------------------------------------------------------------------------------

// "a0","a1",… as a PX VALUES list.
std::string px_values(const std::string& prefix, int count) {
  std::string list;
  for (int i = 0; i < count; ++i)
    list += (i > 0 ? ",\"" : "\"") + prefix + std::to_string(i) + "\"";
  return list;
}

TEST(MemoryBudget, ASmallFileDeclaringMillionsOfCellsIsRefusedBeforeTheyAreAllocated) {
  // 300 × 300 × 300 = 27 M cells (216 MB of values) declared in a file of a few KB, as the probe
  // sent: refused with the reason, whatever the data holds.
  const auto px = kPxHead + "STUB=\"a\",\"b\";\nHEADING=\"c\";\n" +
                  "VALUES(\"a\")=" + px_values("a", 300) +
                  ";\nVALUES(\"b\")=" + px_values("b", 300) +
                  ";\nVALUES(\"c\")=" + px_values("c", 300) + ";\nDATA=\n1\n";
  EXPECT_LT(px.size(), 10'000U);
  const auto refused = px_rejection(px);
  EXPECT_NE(refused.find("27000000 cells, more than a file of"), std::string::npos) << refused;
  std::string json = R"({"version":"2.0","class":"dataset","id":["a","b"],"size":[5000,5000],)"
                     R"("dimension":{"a":{"category":{"index":{)";
  for (int i = 0; i < 5000; ++i)
    json += (i > 0 ? ",\"" : "\"") + std::to_string(i) + "\":" + std::to_string(i);
  json += R"(}}},"b":{"category":{"index":{)";
  for (int i = 0; i < 5000; ++i)
    json += (i > 0 ? ",\"" : "\"") + std::to_string(i) + "\":" + std::to_string(i);
  json += R"(}}}},"value":{"0":1}})";
  const auto sparse = rejection([&] { read_jsonstat(json); });
  EXPECT_NE(sparse.find("25000000 cells, more than a file of"), std::string::npos) << sparse;
  // A table of up to a million cells is read whatever its file's size: here one keyed row.
  std::string row = "\"a1\"";
  for (int i = 0; i < 1000; ++i) row += " 1";
  const auto small = read_px(
      kPxHead + "STUB=\"a\";\nHEADING=\"c\";\nVALUES(\"a\")=" + px_values("a", 1000) +
      ";\nVALUES(\"c\")=" + px_values("c", 1000) + ";\nKEYS(\"a\")=VALUES;\nDATA=\n" + row + "\n");
  EXPECT_EQ(small.values.size(), 1'000'000U);
}

TEST(PxWarnings, ComeInTheOrderTheReaderMeetsTheProblems) {
  const auto table = read_px(kPxHead +
                             "NOTE=\"first\";\n"
                             "NOTE=\"second\";\n"
                             "CONTACT=\"x\" y;\n"
                             "SHOWDECIMALS=9;\n"
                             "STUB=\"area\";\nHEADING=\"year\";\n"
                             "VALUES(\"area\")=\"North\",\"South\";\n"
                             "VALUES(\"year\")=\"2016\",\"2017\";\n"
                             "DOMAIN(\"nowhere\")=\"d\";\n"
                             "CELLNOTE(\"North\")=\"c\";\n"
                             "DATA=\n1 2 3 4\n");
  ASSERT_EQ(table.warnings.size(), 6U);
  EXPECT_EQ(table.warnings[0], "line 3, NOTE: the keyword is given twice; the first one is used");
  EXPECT_EQ(table.warnings[1],
            "line 4, CONTACT: unexpected \"y\" after a closing quote (a stray \" inside the "
            "text?); the entry was skipped");
  EXPECT_EQ(table.warnings[2], "line 5, SHOWDECIMALS: must be a whole number from 0 to 6; ignored");
  EXPECT_EQ(table.warnings[3],
            "line 10, DOMAIN(\"nowhere\"): names a variable that is not in STUB or HEADING; "
            "ignored");
  EXPECT_EQ(table.warnings[4],
            "line 11, CELLNOTE(\"North\"): gives 1 values for 2 variables; ignored");
  EXPECT_EQ(table.warnings[5], "DATA does not end with \";\"");
  EXPECT_EQ(table.notes, (std::vector<std::string>{"first"}));
  EXPECT_EQ(table.values, (std::vector<double>{1, 2, 3, 4}));
}

TEST(PxKeys, MustBeValuesOrCodesOfAStubVariable) {
  const std::string variables =
      "STUB=\"area\";\nHEADING=\"year\";\n"      // lines 2-3
      "VALUES(\"area\")=\"North\",\"South\";\n"  // line 4
      "VALUES(\"year\")=\"2016\",\"2017\";\n"    // line 5
      "CODES(\"area\")=\"N\",\"S\";\n";          // line 6
  EXPECT_EQ(px_rejection(kPxHead + variables + "KEYS(\"area\")=NAMES;\nDATA=\n;\n"),
            "line 7, KEYS(\"area\"): must be VALUES or CODES");
  EXPECT_EQ(px_rejection(kPxHead + variables + "KEYS(\"year\")=VALUES;\nDATA=\n;\n"),
            "line 7, KEYS(\"year\"): KEYS are only allowed for STUB variables");
  // KEYS with a language but no variable is refused, not an internal error.
  EXPECT_EQ(px_rejection(kPxHead + variables + "KEYS[en]=VALUES;\nDATA=\n;\n"),
            "line 7, KEYS[en]: names no variable");
  const std::string by_label = kPxHead + variables + "KEYS(\"area\")=VALUES;\nDATA=\n";
  EXPECT_EQ(px_rejection(by_label + "\"North\" 1 2\n3 4;\n"),
            "line 10, DATA: a row should start with the quoted key of \"area\"");
  EXPECT_EQ(px_rejection(by_label + "\"West\" 1 2;\n"),
            "line 9, DATA: \"West\" is not a value of \"area\"");
  EXPECT_EQ(px_rejection(by_label + "\"South\" 1\n;\n"),
            "line 10, DATA: a keyed row has 1 cells but should have 2");
  const auto by_code = read_px(kPxHead + variables + "KEYS(\"area\")=CODES;\nDATA=\n\"S\" 3 4;\n");
  EXPECT_EQ(by_code.values, (std::vector<double>{0, 0, 3, 4}));
  EXPECT_TRUE(by_code.warnings.empty());
}

TEST(PxTimeval, ExpandsIntervalsAcrossYearsAndReportsWhatDoesNotFit) {
  const std::string months =
      "HEADING=\"month\";\n"
      "VALUES(\"month\")=\"2017M11\",\"2017M12\",\"2018M01\",\"2018M02\";\n"
      "TIMEVAL(\"month\")=TLIST(M1, \"201711\"-\"201802\");\nDATA=\n1 2 3 4;\n";
  const auto table = read_px(kPxHead + months);
  EXPECT_TRUE(table.warnings.empty()) << table.warnings.front();
  EXPECT_EQ(table.dimensions[0].role, DimensionRole::time);
  EXPECT_EQ(table.dimensions[0].time_unit, "M1");

  const std::string years = "HEADING=\"year\";\nVALUES(\"year\")=\"2016\",\"2017\";\n";
  const auto too_few =
      read_px(kPxHead + years + "TIMEVAL(\"year\")=TLIST(A1),\"2016\";\nDATA=\n1 2;\n");
  ASSERT_EQ(too_few.warnings.size(), 1U);
  EXPECT_EQ(too_few.warnings[0],
            "line 4, TIMEVAL(\"year\"): 1 periods for 2 values; the periods are ignored");

  EXPECT_EQ(px_rejection(kPxHead + years +
                         "TIMEVAL(\"year\")=TLIST(A1, \"2017\"-\"2016\");\nDATA=\n1 2;\n"),
            "line 4, TIMEVAL(\"year\"): expected TLIST(unit) followed by periods, or TLIST(unit, "
            "\"first\"-\"last\")");
}

TEST(PxCategories, AValueOrCodeGivenTwiceIsNamedWithItsKeyword) {
  const std::string head = kPxHead + "HEADING=\"area\";\n";
  const std::string values = "VALUES(\"area\")=\"North\",\"South\";\n";
  EXPECT_EQ(px_rejection(head + "VALUES(\"area\")=\"North\",\"North\";\nDATA=\n1 2;\n"),
            "line 3, VALUES(\"area\"): \"North\" occurs twice");
  EXPECT_EQ(px_rejection(head + values + "CODES(\"area\")=\"N\",\"N\";\nDATA=\n1 2;\n"),
            "line 4, CODES(\"area\"): \"N\" occurs twice");
  EXPECT_EQ(px_rejection(head + values + "CODES(\"area\")=\"N\";\nDATA=\n1 2;\n"),
            "line 4, CODES(\"area\"): 1 codes for 2 values");
}

// --- CSV -------------------------------------------------------------------------------------

TEST(CsvRecords, QuotedFieldsMayHoldDelimitersQuotesAndLineBreaks) {
  const auto table = read_csv("name;value\n\"a;\"\"b\"\"\nc\";1\n\nd;2\n");
  ASSERT_EQ(table.dimensions.size(), 1U);
  ASSERT_EQ(table.dimensions[0].categories.size(), 2U);
  EXPECT_EQ(table.dimensions[0].categories[0].code, "a;\"b\"\nc");
  EXPECT_EQ(table.dimensions[0].categories[1].code, "d");
  EXPECT_EQ(table.values, (std::vector<double>{1, 2}));

  const auto message = [](const std::string& text, const CsvOptions& options = {}) {
    return rejection([&] { read_csv(text, options); });
  };
  EXPECT_EQ(message("name;value\n\"a\nb\";1\nc;2;3\n"),
            "line 4: the row has 3 fields but the header has 2");
  EXPECT_EQ(message("a;b\nx;1\n\"y;2\n"), "line 3: a quoted field is not closed");
  EXPECT_EQ(message("a;;b\nx;1;2\n"), "line 1, column 2: the header is empty");
  EXPECT_EQ(message("a;a\nx;1\n"), "line 1, a: two columns have this header");
  EXPECT_EQ(message("a;b\nx;1\n", {{"c"}}), "line 1, c: no column has this header");
  EXPECT_EQ(message("a;b\n1;2\n", {{"a", "b"}}),
            "every column holds numbers; one must name the rows");
  EXPECT_EQ(message("a;b\n"), "the file needs a header row and data rows");
}

TEST(CsvColumns, SeveralValueColumnsThatAreNoPeriodsAreContents) {
  const auto table = read_csv("area;men;women\nx;1;-\ny;..;4\n");
  ASSERT_EQ(table.dimensions.size(), 2U);
  EXPECT_EQ(table.dimensions[1].id, "column");
  EXPECT_EQ(table.dimensions[1].role, DimensionRole::metric);
  EXPECT_EQ(table.dimensions[1].categories[1].code, "women");
  EXPECT_EQ(table.title, "");
  EXPECT_EQ(table.status, (std::map<std::size_t, std::string>{{1, "-"}, {2, ".."}}));
}

// --- JSON-stat -------------------------------------------------------------------------------

TEST(JsonStatDocuments, ACollectionGivesItsFirstEmbeddedDataset) {
  const auto table = read_jsonstat(
      R"({"class":"collection","link":{"item":[{"class":"dataset","href":"x"},
      {"class":"dataset","id":["a"],"size":[1],"dimension":{"a":{"category":{"label":{"x":"X"}}}},
      "value":[7],"status":["e"]}]}})");
  EXPECT_EQ(table.values, (std::vector<double>{7}));
  EXPECT_EQ(table.dimensions[0].categories[0].code, "x");
  EXPECT_EQ(table.dimensions[0].categories[0].label, "X");
  EXPECT_EQ(table.status.at(0), "e");

  const auto message = [](const std::string& text) {
    return rejection([&] { read_jsonstat(text); });
  };
  EXPECT_EQ(message(R"({"class":"collection","link":{"item":[]}})"),
            "$.link.item: the collection holds no embedded dataset");
  EXPECT_EQ(message(R"({"class":"other"})"), "$: not a JSON-stat dataset (no \"dimension\")");
  const std::string dataset = R"({"id":["a"],"size":[2],"value":[1,2],)";
  EXPECT_EQ(message(dataset + R"("dimension":{"a":{"category":{"index":{"x":0,"y":2}}}}})"),
            "$.dimension.a.category.index: positions must run from 0 without gaps or repeats");
  EXPECT_EQ(message(dataset + R"("dimension":{"a":{"category":{"label":{"x":"X","y":"Y"}}}}})"),
            "$.dimension.a.category: \"index\" is missing (needed for more than one category)");
  EXPECT_EQ(message(dataset + R"("dimension":{"a":{"category":{"index":["x","y"]}}},)" +
                    R"("status":["p","q","r"]})"),
            "$.status: needs one status per cell, or just one");
}

TEST(JsonStatWriter, WritesEveryPartOfATable) {
  Table table;
  table.format = "px";
  table.id = "K1";
  table.title = "Title";
  table.source = "Source";
  table.unit = "n";
  table.updated = "20040212 16:28";
  table.language = "en";
  table.languages = {"en", "sv"};
  table.notes = {"a note"};
  table.decimals = 1;
  table.dimensions = {
      {"area", "Area", DimensionRole::geo, "", {{"N", "North", "", -1}, {"S", "South", "", -1}}},
      {"c",
       "Content",
       DimensionRole::metric,
       "",
       {{"p", "People", "persons", 0}, {"s", "Share", "", -1}}},
      {"year", "Year", DimensionRole::time, "A1", {{"2016", "2016", "", -1}}},
  };
  table.values = {1, 8625931, std::numeric_limits<double>::quiet_NaN(), 0.5};
  table.status = {{2, ".."}};
  table.warnings = {"w"};
  EXPECT_EQ(
      write_jsonstat(table),
      R"({"version":"2.0","class":"dataset","label":"Title","source":"Source",)"
      R"("updated":"2004-02-12T16:28:00","note":["a note"],"id":["area","c","year"],)"
      R"("size":[2,2,1],"role":{"geo":["area"],"metric":["c"],"time":["year"]},)"
      R"("dimension":{"area":{"label":"Area","category":{"index":["N","S"],)"
      R"("label":{"N":"North","S":"South"}}},"c":{"label":"Content","category":)"
      R"({"index":["p","s"],"label":{"p":"People","s":"Share"},"unit":{"p":{"label":"persons",)"
      R"("decimals":0},"s":{"label":"n","decimals":1}}}},"year":{"label":"Year","category":)"
      R"({"index":["2016"],"label":{"2016":"2016"}}}},"status":{"2":".."},"extension":)"
      R"({"samtryg":{"format":"px","id":"K1","unit":"n","decimals":1,"language":"en",)"
      R"("languages":["en","sv"],"time_unit":{"year":"A1"},"warnings":["w"]}},)"
      R"("value":[1,8625931,null,0.5]})");
}

// --- periods ---------------------------------------------------------------------------------

TEST(PeriodForms, DashesSpacesAndOtherLetters) {
  const auto code = [](std::string_view text, std::string_view unit = "") {
    const auto period = parse_period(text, unit);
    return period ? period->code() : std::string("-");
  };
  EXPECT_EQ(code("2017-18"), "2017/18");
  EXPECT_EQ(code("2017-2018"), "2017/18");
  EXPECT_EQ(code("2017-19"), "-");
  EXPECT_EQ(code("2017-13"), "-");
  EXPECT_EQ(code(" 2017M09\t"), "2017M09");
  EXPECT_EQ(code("2017", "Q1"), "2017");
  EXPECT_EQ(code("20173", "A1"), "-");
  EXPECT_EQ(code("2017S1"), "2017H1");
  EXPECT_EQ(code("2017U05"), "2017W05");
  EXPECT_EQ(code("2017M100"), "-");
  EXPECT_EQ(code("201"), "-");
}

}  // namespace
}  // namespace samtryg::stats
