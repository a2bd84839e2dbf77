#include <gtest/gtest.h>

#include <set>

#include "core/i18n/catalog.hpp"
#include "core/i18n/clock.hpp"
#include "core/i18n/locale_format.hpp"

namespace samtryg::i18n {

TEST(Catalogs, EveryLanguageHasEveryKeyAndNoEmptyText) {
  std::set<std::string> keys;
  for (const auto language : kLanguages) {
    for (const auto& [key, text] : Catalog::get(language).entries()) keys.insert(key);
  }
  for (const auto language : kLanguages) {
    const auto& entries = Catalog::get(language).entries();
    for (const auto& key : keys) {
      const auto found = entries.find(key);
      ASSERT_NE(found, entries.end()) << code(language) << " lacks " << key;
      EXPECT_FALSE(found->second.empty()) << code(language) << " " << key;
    }
  }
}

TEST(Catalogs, PlaceholdersAreFilled) {
  EXPECT_EQ(Catalog::get(Language::da).format("home_welcome", {{"name", "Tovholder"}}),
            "Velkommen, Tovholder");
  EXPECT_EQ(Catalog::get(Language::en).text("no_such_key"), "no_such_key");
}

TEST(Catalogs, CountsTakeEachLanguagesPluralForm) {
  const auto summary = [](Language language, const char* done) {
    return Catalog::get(language).format("report_summary", {{"done", done}, {"open", "2"}});
  };
  EXPECT_EQ(summary(Language::da, "1"), "1 punkt gennemført, 2 planlagt eller løbende.");
  EXPECT_EQ(summary(Language::da, "3"), "3 punkter gennemført, 2 planlagt eller løbende.");
  EXPECT_EQ(summary(Language::sv, "1"), "1 punkt genomförd, 2 planerade eller pågående.");
  EXPECT_EQ(summary(Language::sv, "0"), "0 punkter genomförda, 2 planerade eller pågående.");
  EXPECT_EQ(summary(Language::en, "1"), "1 item done, 2 planned or ongoing.");
  // Large counts are grouped as the language groups them.
  EXPECT_EQ(Catalog::get(Language::da).format("import_confirm", {{"count", "1234"}}),
            "Importér 1.234 værdier");
  EXPECT_EQ(Catalog::get(Language::en).format("import_confirm", {{"count", "1"}}),
            "Import 1 value");
}

TEST(Catalogs, EveryPluralPatternFormatsInEveryLanguage) {
  for (const auto language : kLanguages) {
    const auto& catalog = Catalog::get(language);
    for (const auto& [key, text] : catalog.entries()) {
      if (text.find(", plural,") == std::string::npos) continue;
      // A pattern ICU cannot read comes back unformatted, with its "{" braces.
      const auto shown = catalog.format(key, {{"count", "2"},
                                              {"done", "2"},
                                              {"open", "2"},
                                              {"minutes", "2"},
                                              {"met", "1"},
                                              {"good", "1"},
                                              {"assessed", "2"},
                                              {"cells", "2"},
                                              {"shown", "2"},
                                              {"over", "2"},
                                              {"max", "2"},
                                              {"days", "2"},
                                              {"in_plan", "2"}});
      EXPECT_EQ(shown.find(", plural,"), std::string::npos) << code(language) << " " << key;
    }
  }
}

TEST(Catalogs, CodesInValuesAreShownInTheReadersLanguage) {
  EXPECT_EQ(
      Catalog::get(Language::da).format("status_history_mismatch", {{"status", "t:status_closed"}}),
      std::string("Indsatsens status (") +
          std::string(Catalog::get(Language::da).text("status_closed")) +
          ") er ikke den, statushistorikken ender med.");
}

TEST(LocaleFormat, LongDatesAsEachLanguageWritesThem) {
  EXPECT_EQ(format_date({2018, 1, 14}, Language::da), "14. januar 2018");
  EXPECT_EQ(format_date({2018, 1, 14}, Language::sv), "14 januari 2018");
  EXPECT_EQ(format_date({2018, 1, 14}, Language::en), "14 January 2018");
  EXPECT_EQ(format_month(2018, 1, Language::da), "januar 2018");
  EXPECT_EQ(format_month(2018, 1, Language::sv), "januari 2018");
  EXPECT_EQ(format_month(2018, 1, Language::en), "January 2018");
}

TEST(LocaleFormat, TimesAreOnTheNordicClockInSummerAndWinter) {
  EXPECT_EQ(format_iso_time("2026-11-22T13:32:05Z", Language::da), "14.32");
  EXPECT_EQ(format_iso_time("2026-07-01T13:32:05Z", Language::sv), "15:32");
  EXPECT_EQ(format_iso_time("2026-11-22T13:32:05Z", Language::en), "14:32");
  EXPECT_EQ(format_iso_time("i går", Language::da), "i går");
  // A day and a time together, and the day of a late-evening timestamp on the local clock.
  const auto stamp = format_iso_timestamp("2026-12-05T23:30:00Z", Language::da);
  EXPECT_NE(stamp.find("6. dec"), std::string::npos) << stamp;
  EXPECT_NE(stamp.find("00.30"), std::string::npos) << stamp;
  EXPECT_EQ(format_iso_date("2026-12-05T23:30:00Z", Language::da), "6. december 2026");
  EXPECT_EQ(format_iso_date("2026-12-05", Language::da), "5. december 2026");
}

TEST(LocaleFormat, TimesFollowTheWorkspacesTimeZoneWhileItsScopeLasts) {
  {
    const ClockScope helsinki("Europe/Helsinki");
    EXPECT_EQ(format_iso_time("2026-11-22T13:32:05Z", Language::da), "15.32");
    EXPECT_EQ(current_time_zone(), "Europe/Helsinki");
    {
      const ClockScope utc("UTC");
      EXPECT_EQ(format_iso_time("2026-11-22T13:32:05Z", Language::da), "13.32");
      // Late in the evening by UTC is still the same day there.
      EXPECT_EQ(format_iso_date("2026-12-05T23:30:00Z", Language::da), "5. december 2026");
    }
    EXPECT_EQ(format_iso_time("2026-11-22T13:32:05Z", Language::da), "15.32");
  }
  EXPECT_EQ(current_time_zone(), kDefaultTimeZone);
  EXPECT_EQ(format_iso_time("2026-11-22T13:32:05Z", Language::da), "14.32");
  // A damaged setting shows Danish time rather than failing the page.
  const ClockScope damaged("Mars/Olympus_Mons");
  EXPECT_EQ(format_iso_time("2026-11-22T13:32:05Z", Language::da), "14.32");
}

TEST(LocaleFormat, OnlyIanaZonesAreTimeZones) {
  EXPECT_TRUE(is_time_zone("Europe/Stockholm"));
  EXPECT_TRUE(is_time_zone("America/Nuuk"));
  EXPECT_TRUE(is_time_zone("UTC"));
  EXPECT_FALSE(is_time_zone("Mars/Olympus_Mons"));
  EXPECT_FALSE(is_time_zone("CET"));
  EXPECT_FALSE(is_time_zone("+01:00"));
  EXPECT_FALSE(is_time_zone(""));
}

TEST(LocaleFormat, PercentAndDecimalsUseTheLanguagesSeparators) {
  // ICU puts a no-break space (U+00A0) between number and sign in Danish and Swedish.
  EXPECT_EQ(format_percent(84.9, 1, Language::da), "84,9\u00a0%");
  EXPECT_EQ(format_percent(84.9, 1, Language::sv), "84,9\u00a0%");
  EXPECT_EQ(format_percent(84.9, 1, Language::en), "84.9%");
  EXPECT_EQ(format_number(1150.5, 1, Language::da), "1.150,5");
  EXPECT_EQ(format_number(1150.5, 1, Language::en), "1,150.5");
}

TEST(Collation, DanishPutsAeOeAaAfterZ) {
  std::vector<std::string> names{"Åbybro", "Aalborg", "Ølstykke", "Zealand", "Ærø", "Brønderslev"};
  sort_names(names, Language::da);
  // In Danish "Aa" is sorted as "Å": Aalborg = Ålborg, which comes after Åbybro.
  EXPECT_EQ(names, (std::vector<std::string>{"Brønderslev", "Zealand", "Ærø", "Ølstykke", "Åbybro",
                                             "Aalborg"}));
}

TEST(Collation, SwedishPutsAaAeOeAfterZInItsOwnOrder) {
  std::vector<std::string> names{"Örebro", "Ängelholm", "Åmål", "Zinkgruvan", "Arboga"};
  sort_names(names, Language::sv);
  EXPECT_EQ(names,
            (std::vector<std::string>{"Arboga", "Zinkgruvan", "Åmål", "Ängelholm", "Örebro"}));
}

TEST(Negotiation, PicksTheBestSupportedLanguage) {
  EXPECT_EQ(negotiate("sv-SE,sv;q=0.9,en;q=0.8"), Language::sv);
  EXPECT_EQ(negotiate("de-DE,en;q=0.5,da;q=0.7"), Language::da);
  EXPECT_EQ(negotiate("nb-NO"), Language::da);
  EXPECT_FALSE(negotiate("de-DE,fr"));
  EXPECT_FALSE(negotiate(""));
}

}  // namespace samtryg::i18n
