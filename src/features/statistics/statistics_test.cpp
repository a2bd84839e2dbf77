#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "features/statistics/csv.hpp"
#include "features/statistics/jsonstat.hpp"
#include "features/statistics/period.hpp"
#include "features/statistics/px.hpp"
#include "features/statistics/reader.hpp"

namespace samtryg::stats {
namespace {

namespace fs = std::filesystem;

const fs::path kPxFixtures =
    fs::path(SAMTRYG_SOURCE_DIR) / "../shared/fixtures/px/statisticssweden-pxweb";

std::string slurp(const fs::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

std::vector<fs::path> px_files(const fs::path& under) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(under)) {
    auto extension = entry.path().extension().string();
    if (extension == ".px" || extension == ".PX") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// What a reader says about bad input: its error message, or "accepted".
template <class Read>
std::string rejection(Read read) {
  try {
    read();
  } catch (const ParseError& error) {
    return error.what();
  }
  return "accepted";
}

bool is_fatal(const fs::path& file) {
  return file.parent_path().filename() == "fatal" &&
         file.filename() != "template av BE0101F1error.px";
}

// --- PX: every shared fixture ---------------------------------------------------------------

TEST(PxFixtures, EveryFileOutsideFatalLoadsWithAllItsCells) {
  const auto files = px_files(kPxFixtures);
  ASSERT_GT(files.size(), 100U);
  int loaded = 0;
  for (const auto& file : files) {
    if (is_fatal(file)) continue;
    SCOPED_TRACE(file.string());
    const std::string bytes = slurp(file);
    Table table;
    ASSERT_NO_THROW(table = read_px(bytes));
    EXPECT_EQ(table.values.size(), table.expected_cells());
    EXPECT_GT(table.values.size(), 0U);
    for (const auto& dimension : table.dimensions) EXPECT_FALSE(dimension.categories.empty());
    ++loaded;
  }
  EXPECT_GT(loaded, 85);
}

TEST(PxFixtures, TheFatalFolderTemplateIsTheUnbrokenOriginal) {
  // error/fatal/ also holds the template its broken files were made from; it is byte for
  // byte the one in error/continue/ and a valid file, so it loads.
  const auto fatal = slurp(kPxFixtures / "error/fatal/template av BE0101F1error.px");
  EXPECT_EQ(fatal, slurp(kPxFixtures / "error/continue/template av BE0101F1error.px"));
  EXPECT_NO_THROW(read_px(fatal));
}

struct FatalCase {
  const char* file;
  int line;
  const char* where;
  const char* says;
};

TEST(PxFixtures, EveryFatalFileIsRejectedNamingLineAndKeyword) {
  const std::vector<FatalCase> cases{
      {"BE0101F1errorCodes.px", 24, "CODES(\"region\")", "after a closing quote"},
      {"BE0101F1errorContVariableunits.px", 42, "UNITS(\"Inmigratedx\")",
       "not a value of the CONTVARIABLE"},
      {"BE0101F1errorContvariable.px", 17, "CONTVARIABLE", "\"typex\" is not one of the variables"},
      {"BE0101F1errorHeading.px", 16, "HEADING", "after a closing quote"},
      {"BE0101F1errorMatrix.px", 8, "MATRIX", "after a closing quote"},
      {"BE0101F1errorStub.px", 15, "STUB", "after a closing quote"},
      {"BE0101F1errorSubjectArea.px", 6, "SUBJECT-AREA", "after a closing quote"},
      {"BE0101F1errorUnit.px", 14, "UNITS", "after a closing quote"},
      {"BE0101F1errorValues.px", 18, "VALUES(\"region\")", "after a closing quote"},
      {"BE0101F1errorVarValue.px", 18, "VALUES(\"regionx\")", "not in STUB or HEADING"},
      {"BE0101F1errormissingValues.px", 0, "VALUES(\"age\")", "missing"},
      {"BE0101F1misingSubjectArea.px", 0, "SUBJECT-AREA", "missing"},
      {"BE0101F1missingContents.px", 0, "CONTENTS", "missing"},
      {"BE0101F1missingData.px", 0, "DATA", "missing"},
      {"BE0101F1missingDecimal.px", 0, "DECIMALS", "missing"},
      {"BE0101F1missingMatrix.px", 0, "MATRIX", "missing"},
      {"BE0101F1missingStubHeading.px", 0, "STUB or HEADING", "missing"},
      {"BE0101F1missingSubjectCode.px", 0, "SUBJECT-CODE", "missing"},
      {"BE0101F1missingTitle.px", 0, "TITLE", "missing"},
      {"BE0101F1missingUnit.px", 0, "UNITS", "missing"},
  };
  std::size_t fatal_files = 0;
  for (const auto& file : px_files(kPxFixtures / "error/fatal"))
    fatal_files += is_fatal(file) ? 1 : 0;
  EXPECT_EQ(cases.size(), fatal_files) << "every fatal fixture has its expected message";
  for (const auto& expected : cases) {
    SCOPED_TRACE(expected.file);
    try {
      read_px(slurp(kPxFixtures / "error/fatal" / expected.file));
      ADD_FAILURE() << "loaded";
    } catch (const ParseError& error) {
      EXPECT_EQ(error.line(), expected.line) << error.what();
      EXPECT_EQ(error.where(), expected.where) << error.what();
      EXPECT_NE(std::string(error.what()).find(expected.says), std::string::npos) << error.what();
    }
  }
}

TEST(PxFixtures, ContinueFilesLoadWithAWarningNamingTheProblem) {
  const std::vector<std::pair<const char*, const char*>> cases{
      {"BE0101F1errorContact.px", "line 45, CONTACT(\"Inmigrated\")"},
      {"BE0101F1errorTimeval.px", "TIMEVAL(\"period\"): 2 periods for 1 values"},
      {"BE0101F1errorShowdecimals.px", "SHOWDECIMALS"},
      {"BE0101F1errorShowdecimals2d.px", "2 is more than DECIMALS (0)"},
      {"BE0101F1errorCellnote.px", "gives 4 values for 5 variables"},
      {"BE0101F1errorDomain.px", "DOMAIN(\"regionx\")"},
      {"BE0101F1errorDescDefault.px", "DESCRIPTIONDEFAULT is YES but there is no DESCRIPTION"},
  };
  for (const auto& [file, warning] : cases) {
    SCOPED_TRACE(file);
    const auto table = read_px(slurp(kPxFixtures / "error/continue" / file));
    bool found = false;
    for (const auto& text : table.warnings)
      found = found || text.find(warning) != std::string::npos;
    EXPECT_TRUE(found) << (table.warnings.empty() ? "no warnings" : table.warnings.front());
  }
  EXPECT_TRUE(read_px(slurp(kPxFixtures / "Population/BE0101F1symbnot.px")).warnings.empty());
}

// --- PX: what a file says ---------------------------------------------------------------

TEST(Px, ReadsDimensionsCodesLabelsAndSymbolsOfACp1252File) {
  const auto table = read_px(slurp(kPxFixtures / "Population/BE0101F1symbnot.px"));
  EXPECT_EQ(table.id, "BE0101F1");
  EXPECT_EQ(table.unit, "number");
  EXPECT_EQ(table.decimals, 0);
  ASSERT_EQ(table.dimensions.size(), 5U);
  EXPECT_EQ(table.dimensions[0].id, "region");
  EXPECT_EQ(table.dimensions[0].categories[2].code, "0114");
  EXPECT_EQ(table.dimensions[0].categories[2].label, "0114 Upplands Väsby");
  EXPECT_EQ(table.dimensions[2].role, DimensionRole::time);
  EXPECT_EQ(table.dimensions[2].time_unit, "A1");
  EXPECT_EQ(table.dimensions[3].role, DimensionRole::metric);
  EXPECT_EQ(table.values[0], 456);
  EXPECT_TRUE(std::isnan(table.values[1]));
  EXPECT_EQ(table.status.at(1), ".");
  EXPECT_EQ(table.status.at(5), "..");
  EXPECT_EQ(table.status.at(21), "......");
}

TEST(Px, KeyedDataGivesTheSameTableAsDenseData) {
  for (const auto& [keyed, dense] :
       {std::pair{"keys/BE0101F1symbnotkeys.px", "Population/BE0101F1symbnot.px"},
        std::pair{"keys/BE101ACEkeys.px", "Population/BE101ACE.px"}}) {
    SCOPED_TRACE(keyed);
    const auto a = read_px(slurp(kPxFixtures / keyed));
    const auto b = read_px(slurp(kPxFixtures / dense));
    ASSERT_EQ(a.values.size(), b.values.size());
    for (std::size_t i = 0; i < a.values.size(); ++i) {
      if (std::isnan(b.values[i])) {
        EXPECT_TRUE(std::isnan(a.values[i])) << i;
      } else {
        EXPECT_EQ(a.values[i], b.values[i]) << i;
      }
    }
    EXPECT_EQ(a.status, b.status);
  }
}

TEST(Px, KeyedRowsThatAreLeftOutAreZeros) {
  const std::string px =
      "MATRIX=\"K\";SUBJECT-CODE=\"S\";SUBJECT-AREA=\"A\";TITLE=\"T\";CONTENTS=\"C\";"
      "UNITS=\"n\";DECIMALS=0;\nSTUB=\"area\";\nHEADING=\"year\";\n"
      "VALUES(\"area\")=\"North\",\"South\",\"East\";\nVALUES(\"year\")=\"2016\",\"2017\";\n"
      "KEYS(\"area\")=VALUES;\nDATA=\n\"South\",3 4\n;\n";
  const auto table = read_px(px);
  EXPECT_EQ(table.values, (std::vector<double>{0, 0, 3, 4, 0, 0}));
}

TEST(Px, ReadsAnotherLanguageOnRequest) {
  const auto file = slurp(kPxFixtures / "multilanguage/BE0101F1langensvolikacelln.px");
  const auto english = read_px(file);
  const auto swedish = read_px(file, {"sv"});
  EXPECT_EQ(english.language, "en");
  EXPECT_EQ(swedish.language, "sv");
  EXPECT_EQ(english.languages, (std::vector<std::string>{"en", "sv"}));
  EXPECT_EQ(swedish.title.substr(0, 11), "Flyttningar");
  EXPECT_EQ(swedish.dimensions[1].id, "age");
  EXPECT_EQ(swedish.dimensions[1].label, "ålder");
  EXPECT_EQ(swedish.dimensions[0].categories[0].label, "00 Riket");
  EXPECT_EQ(swedish.dimensions[0].categories[0].code, english.dimensions[0].categories[0].code);
  EXPECT_EQ(swedish.values.size(), english.values.size());
  try {
    read_px(file, {"fi"});
    ADD_FAILURE();
  } catch (const ParseError& error) {
    EXPECT_NE(std::string(error.what()).find("no language \"fi\""), std::string::npos);
  }
}

TEST(Px, ReadsTheNorwegianTableWithLongListsAndMultiLineNotes) {
  const auto table = read_px(slurp(kPxFixtures / "datanotecell/Transmengde.px"));
  EXPECT_EQ(table.language, "no");
  EXPECT_EQ(table.source, "Statistisk sentralbyrå");
  ASSERT_EQ(table.dimensions.size(), 5U);
  EXPECT_EQ(table.dimensions[4].id, "kvartal");
  EXPECT_EQ(table.dimensions[4].role, DimensionRole::time);
  EXPECT_EQ(table.dimensions[4].categories[2].code, "2015K3");
  EXPECT_EQ(table.values.size(), table.expected_cells());
  EXPECT_EQ(table.values[0], 8625931);
  EXPECT_EQ(table.values[13], 10283304);
  EXPECT_EQ(table.values[14], 5164288);
}

TEST(Px, RejectsACellCountTheDimensionsDoNotMake) {
  const std::string px =
      "MATRIX=\"K\";SUBJECT-CODE=\"S\";SUBJECT-AREA=\"A\";TITLE=\"T\";CONTENTS=\"C\";"
      "UNITS=\"n\";DECIMALS=0;\nSTUB=\"area\";\nHEADING=\"year\";\n"
      "VALUES(\"area\")=\"North\",\"South\";\nVALUES(\"year\")=\"2016\",\"2017\";\n"
      "DATA=\n1 2\n3\n;\n";
  try {
    read_px(px);
    FAIL();
  } catch (const ParseError& error) {
    EXPECT_EQ(error.where(), "DATA");
    EXPECT_NE(std::string(error.what()).find("3 cells but its dimensions (2 area × 2 year) make 4"),
              std::string::npos)
        << error.what();
  }
}

TEST(Px, RejectsAWordInTheDataWithItsLine) {
  const std::string px =
      "MATRIX=\"K\";SUBJECT-CODE=\"S\";SUBJECT-AREA=\"A\";TITLE=\"T\";CONTENTS=\"C\";"
      "UNITS=\"n\";DECIMALS=0;\nHEADING=\"year\";\nVALUES(\"year\")=\"2016\",\"2017\";\n"
      "DATA=\n1\nyes;\n";
  try {
    read_px(px);
    FAIL();
  } catch (const ParseError& error) {
    EXPECT_EQ(error.line(), 6);
    EXPECT_NE(std::string(error.what()).find("\"yes\" is neither a number"), std::string::npos);
  }
}

TEST(Px, ExpandsTheIntervalFormOfTimeval) {
  const std::string px =
      "MATRIX=\"K\";SUBJECT-CODE=\"S\";SUBJECT-AREA=\"A\";TITLE=\"T\";CONTENTS=\"C\";"
      "UNITS=\"n\";DECIMALS=1;\nHEADING=\"tid\";\nVALUES(\"tid\")=\"2016K4\",\"2017K1\",\"2017K2\";"
      "\n"
      "TIMEVAL(\"tid\")=TLIST(Q1, \"20164\"-\"20172\");\nDATA=\n1.5 \"..\" -2;\n";
  const auto table = read_px(px);
  EXPECT_TRUE(table.warnings.empty()) << table.warnings.front();
  EXPECT_EQ(table.dimensions[0].time_unit, "Q1");
  EXPECT_EQ(table.values[0], 1.5);
  EXPECT_EQ(table.values[2], -2);
  EXPECT_EQ(table.status.at(1), "..");
}

// --- JSON-stat -------------------------------------------------------------------------------

TEST(JsonStat, PxWrittenAsJsonStatReadsBackTheSame) {
  const auto px = read_px(slurp(kPxFixtures / "Population/BE0101F1symbnot.px"));
  const std::string written = write_jsonstat(px);
  EXPECT_NE(written.find("\"value\":[456,null,223,327,"), std::string::npos);
  EXPECT_NE(written.find("\"status\":{\"1\":\".\""), std::string::npos);
  const auto back = read_jsonstat(written);
  EXPECT_EQ(back.title, px.title);
  EXPECT_EQ(back.id, px.id);
  ASSERT_EQ(back.dimensions.size(), px.dimensions.size());
  for (std::size_t d = 0; d < px.dimensions.size(); ++d) {
    EXPECT_EQ(back.dimensions[d].id, px.dimensions[d].id);
    EXPECT_EQ(back.dimensions[d].role, px.dimensions[d].role);
    EXPECT_EQ(back.dimensions[d].time_unit, px.dimensions[d].time_unit);
    ASSERT_EQ(back.dimensions[d].categories.size(), px.dimensions[d].categories.size());
    for (std::size_t c = 0; c < px.dimensions[d].categories.size(); ++c) {
      EXPECT_EQ(back.dimensions[d].categories[c].code, px.dimensions[d].categories[c].code);
      EXPECT_EQ(back.dimensions[d].categories[c].label, px.dimensions[d].categories[c].label);
    }
  }
  EXPECT_EQ(back.status, px.status);
  ASSERT_EQ(back.values.size(), px.values.size());
  for (std::size_t i = 0; i < px.values.size(); ++i) {
    EXPECT_EQ(std::isnan(back.values[i]), std::isnan(px.values[i]));
    if (!std::isnan(px.values[i])) {
      EXPECT_EQ(back.values[i], px.values[i]);
    }
  }
}

TEST(JsonStat, ReadsSparseValuesObjectIndexAndStatusForms) {
  const auto table = read_jsonstat(R"({
    "version": "2.0", "class": "dataset", "label": "Tryghedsindeks",
    "id": ["område", "år"], "size": [2, 3],
    "role": {"time": ["år"], "geo": ["område"]},
    "dimension": {
      "område": {"label": "Område", "category": {"index": {"851": 0, "101": 1},
                 "label": {"851": "Aalborg", "101": "København"}}},
      "år": {"category": {"index": ["2016", "2017", "2018"]}}
    },
    "value": {"0": 1.5, "2": 3, "5": -4},
    "status": {"1": "..", "3": "-"}
  })");
  EXPECT_EQ(table.title, "Tryghedsindeks");
  EXPECT_EQ(table.dimensions[0].categories[1].label, "København");
  EXPECT_EQ(table.dimensions[0].role, DimensionRole::geo);
  EXPECT_EQ(table.dimensions[1].role, DimensionRole::time);
  EXPECT_EQ(table.dimensions[1].categories[2].label, "2018");
  EXPECT_EQ(table.values[0], 1.5);
  EXPECT_TRUE(std::isnan(table.values[1]));
  EXPECT_EQ(table.values[5], -4);
  EXPECT_EQ(table.status.at(3), "-");

  const auto dense = read_jsonstat(R"({"version":"2.0","class":"dataset","id":["a"],"size":[2],
    "dimension":{"a":{"category":{"index":["x","y"]}}},"value":[1,null],"status":"p"})");
  EXPECT_EQ(dense.status.size(), 2U);
  EXPECT_EQ(dense.status.at(1), "p");
}

TEST(JsonStat, ReadsAVersionOneBundle) {
  const auto table = read_jsonstat(R"({"ds": {"label": "old", "value": [4, 5],
    "dimension": {"id": ["t"], "size": [2], "role": {"time": ["t"]},
      "t": {"category": {"index": {"2016": 0, "2017": 1}}}}}})");
  EXPECT_EQ(table.title, "old");
  EXPECT_EQ(table.dimensions[0].role, DimensionRole::time);
  EXPECT_EQ(table.values[1], 5);
}

TEST(JsonStat, RejectsBadDocumentsNamingThePlace) {
  const auto message = [](const std::string& text) {
    return rejection([&] { read_jsonstat(text); });
  };
  EXPECT_EQ(message("{\n  \"id\": [1,\n}"), "line 3, column 1: not valid JSON (syntax error)");
  EXPECT_NE(
      message(
          R"({"id":["a"],"size":[2],"dimension":{"a":{"category":{"index":["x","y"]}}},"value":[1]})")
          .find("$.value: has 1 values but the dimensions make 2 cells"),
      std::string::npos);
  EXPECT_NE(
      message(
          R"({"id":["a"],"size":[3],"dimension":{"a":{"category":{"index":["x","y"]}}},"value":[1,2]})")
          .find("$.size[0]: says 3 but \"a\" has 2 categories"),
      std::string::npos);
  EXPECT_NE(
      message(
          R"({"id":["a"],"size":[1],"dimension":{"a":{"category":{"index":["x"]}}},"value":["yes"]})")
          .find("$.value[0]: expected a number or null"),
      std::string::npos);
  EXPECT_NE(
      message(
          R"({"id":["a"],"size":[1],"dimension":{"a":{"category":{"index":["x"]}}},"value":{"7":1}})")
          .find("cell 7 is outside the 1 cells"),
      std::string::npos);
}

// --- CSV -------------------------------------------------------------------------------------

TEST(Csv, ReadsALongTableWithSemicolonsDecimalCommasAndWindows1252) {
  const std::string csv =
      "omr\xE5"
      "de;tid;indhold\r\n"
      "Aalborg;2016;3,5\r\nAalborg;2017;..\r\nK\xF8"
      "benhavn;2016;1 234,5\r\n";
  const auto table = read_csv(csv);
  ASSERT_EQ(table.dimensions.size(), 2U);
  EXPECT_EQ(table.dimensions[0].id, "område");
  EXPECT_EQ(table.dimensions[0].role, DimensionRole::geo);
  EXPECT_EQ(table.dimensions[0].categories[1].label, "København");
  EXPECT_EQ(table.dimensions[1].role, DimensionRole::time);
  EXPECT_EQ(table.title, "indhold");
  EXPECT_EQ(table.values[0], 3.5);
  EXPECT_TRUE(std::isnan(table.values[1]));
  EXPECT_EQ(table.status.at(1), "..");
  EXPECT_EQ(table.values[2], 1234.5);
  EXPECT_TRUE(std::isnan(table.values[3]));  // København 2017 is not in the file
  EXPECT_EQ(table.status.count(3), 0U);
}

TEST(Csv, ReadsAWideTableWhosePeriodColumnsBecomeTime) {
  const auto table = read_csv("area,2015,2016,2017\n\"Malmö, city\",1.5,2,3\nLund,4,5,6\n");
  ASSERT_EQ(table.dimensions.size(), 2U);
  EXPECT_EQ(table.dimensions[1].id, "period");
  EXPECT_EQ(table.dimensions[1].role, DimensionRole::time);
  EXPECT_EQ(table.dimensions[0].categories[0].code, "Malmö, city");
  EXPECT_EQ(table.values, (std::vector<double>{1.5, 2, 3, 4, 5, 6}));
}

TEST(Csv, ValueColumnsCanBeNamed) {
  const auto table = read_csv("year\tcount\n2016\t5\n2017\t7\n", {{"count"}});
  EXPECT_EQ(table.dimensions[0].id, "year");
  EXPECT_EQ(table.values, (std::vector<double>{5, 7}));
}

TEST(Csv, RejectsBadRowsWithTheirLine) {
  const auto message = [](const std::string& text, const CsvOptions& options = {}) {
    return rejection([&] { read_csv(text, options); });
  };
  EXPECT_EQ(message("a;b\nx;1\ny;2;3\n"), "line 3: the row has 3 fields but the header has 2");
  EXPECT_EQ(message("a;b\nx;1\nx;2\n"), "line 3, b: this combination of row names occurs twice");
  EXPECT_EQ(message("a;b\nx;1\ny;yes\n", {{"b"}}), "line 3, b: \"yes\" is not a number");
  EXPECT_EQ(message("a;b\nx;y\n"), "no column holds numbers");
  EXPECT_EQ(message("just one column\n1\n"),
            "line 1: no delimiter found in the header row (expected ; , tab or |)");
}

TEST(Reader, DetectsTheFormatFromNameOrContent) {
  EXPECT_EQ(detect_format("", "table.PX"), TableFormat::px);
  EXPECT_EQ(detect_format("  {\"version\":", "upload"), TableFormat::jsonstat);
  EXPECT_EQ(detect_format("MATRIX=\"x\";\nDATA=\n1;", "upload"), TableFormat::px);
  EXPECT_EQ(detect_format("a;b\n", "upload"), TableFormat::csv);
}

// --- periods ---------------------------------------------------------------------------------

TEST(Period, UnderstandsTheCodesOfficesAndPartnershipsWrite) {
  const auto code = [](std::string_view text, std::string_view unit = "") {
    const auto period = parse_period(text, unit);
    return period ? period->code() : std::string("-");
  };
  EXPECT_EQ(code("2017"), "2017");
  EXPECT_EQ(code("2017K3"), "2017Q3");
  EXPECT_EQ(code("2017Q3"), "2017Q3");
  EXPECT_EQ(code("2017M09"), "2017M09");
  EXPECT_EQ(code("2017M9"), "2017M09");
  EXPECT_EQ(code("201709"), "2017M09");
  EXPECT_EQ(code("2017-09"), "2017M09");
  EXPECT_EQ(code("2017T2"), "2017T2");
  EXPECT_EQ(code("2017H1"), "2017H1");
  EXPECT_EQ(code("2017W52"), "2017W52");
  EXPECT_EQ(code("2017/18"), "2017/18");
  EXPECT_EQ(code("2017/2018"), "2017/18");
  EXPECT_EQ(code("20012", "Q1"), "2001Q2");
  EXPECT_EQ(code("200508", "M1"), "2005M08");
  EXPECT_EQ(code("2015K1", "K"), "2015Q1");
  EXPECT_EQ(code("2017K5"), "-");
  EXPECT_EQ(code("2017M13"), "-");
  EXPECT_EQ(code("2017T4"), "-");
  EXPECT_EQ(code("2017/19"), "-");
  EXPECT_EQ(code("2017W53"), "-");  // 2017 has 52 ISO weeks
  EXPECT_EQ(code("2020W53"), "2020W53");
  EXPECT_EQ(code("abc"), "-");
  EXPECT_EQ(code("20012"), "-");
}

TEST(Period, KnowsItsFirstAndLastDay) {
  const auto days = [](std::string_view text) {
    const auto period = parse_period(text);
    return period->first_day() + ".." + period->last_day();
  };
  EXPECT_EQ(days("2017"), "2017-01-01..2017-12-31");
  EXPECT_EQ(days("2017Q3"), "2017-07-01..2017-09-30");
  EXPECT_EQ(days("2017T2"), "2017-05-01..2017-08-31");
  EXPECT_EQ(days("2016M02"), "2016-02-01..2016-02-29");
  EXPECT_EQ(days("2017/18"), "2017-08-01..2018-07-31");
  EXPECT_EQ(days("2017W01"), "2017-01-02..2017-01-08");
  EXPECT_LT(*parse_period("2017Q3"), *parse_period("2017Q4"));
}

TEST(Period, FindsThePeriodADayFallsIn) {
  const auto code = [](PeriodKind kind, std::string_view day) {
    const auto period = period_containing(kind, day);
    return period ? period->code() : std::string("-");
  };
  EXPECT_EQ(code(PeriodKind::year, "2017-07-18"), "2017");
  EXPECT_EQ(code(PeriodKind::quarter, "2017-09-30"), "2017Q3");
  EXPECT_EQ(code(PeriodKind::quarter, "2017-10-01"), "2017Q4");
  EXPECT_EQ(code(PeriodKind::tertial, "2017-05-01"), "2017T2");
  EXPECT_EQ(code(PeriodKind::month, "2018-01-14"), "2018M01");
  EXPECT_EQ(code(PeriodKind::half, "2017-07-01"), "2017H2");
  EXPECT_EQ(code(PeriodKind::school_year, "2018-07-31"), "2017/18");
  EXPECT_EQ(code(PeriodKind::school_year, "2018-08-01"), "2018/19");
  EXPECT_EQ(code(PeriodKind::week, "2017-01-01"), "2016W52");  // a Sunday: last ISO week of 2016
  EXPECT_EQ(code(PeriodKind::week, "2017-01-02"), "2017W01");
  EXPECT_EQ(code(PeriodKind::week, "2020-12-31"), "2020W53");
  EXPECT_EQ(code(PeriodKind::year, "2017-02-30"), "-");
  EXPECT_EQ(code(PeriodKind::year, "17-01-01"), "-");
}

}  // namespace
}  // namespace samtryg::stats
