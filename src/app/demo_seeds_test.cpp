// The demo is the seeds' real content: key figures and names quoted from the seed documents
// (../shared/seeds: 000 the Tryg Aalborg yearly report, 001 the action plan, 002 the forms,
// 004 the Landskrona agreement) are in the demo workspace, and saving its forms adds no second
// copy of a register activity.
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include <map>
#include <set>
#include <string_view>

#include "app/workspace.hpp"
#include "support/databases.hpp"

namespace samtryg::app {
namespace {

class DemoSeeds : public testing::DatabaseTest {};

TEST_P(DemoSeeds, KeyFiguresAndNamesOfTheSeedsAreInTheDemo) {
  load_demo(database(), auth::HashCost::minimal);
  const auto document = export_workspace(database(), std::string(kDemoWorkspace));
  const auto text = boost::json::serialize(document);
  // Each quoted as the seed writes it (only spacing and dashes as the demo types them).
  for (const auto* quote : {
           "2017-01-21",                      // 000 "perioden fra den 21. januar 2017"
           "15 tryghedsfremmende indsatser",  // 000
           "450 borgere",                     // 000 "450 borgere mødte op"
           "68 nyheder",                      // 000
           "1739",                            // 000 "1739, 483, og 92 unikke besøgende"
           "46 ryge- og alkoholseminarer",    // 000
           "23 afholdt",                      // 000 "afholdt i alt 23 ryge- og alkoholseminarer"
           "36 rusmiddelseminarer",           // 000
           "12 specialseminarer",             // 000
           "84,9",                            // 000 "84,9 %"
           "143 drop-out-truede elever",      // 000
           "Positive fællesskaber",           // 000/002 the five platforms
           "Ud i Aalborg",                    //
           "Respekt for fællesskabet",        //
           "2017-11-24",                      // 002 "Netværksmøde Gennemført 24.11.2017"
           "2018-02-01",                      // 002 "næste netværksmøde … 1. februar 2018"
           "Hjælper I hinanden for at undgå indbrud?",                      // 000, 40 likes
           "Vi har fået nye demensvenner",                                  // 000, 614 likes
           "Sikker og tryg festival",                                       // 000
           "Giv Kirsten og Bjarne et like",                                 // 000
           "Få en tryg sommer - nabohjælp",                                 // 000
           "Aalborg har ingen udsatte boligområder",                        // 000
           "Gør Julen sur for tyven",                                       // 000
           "Fælles intensiveret indsats mod vold i nattelivet i december",  // 002
           "2014-01-22",  // 001 "godkendt … den 22. januar 2014"
       }) {
    EXPECT_NE(text.find(quote), std::string::npos) << quote;
  }
  // 000's figures for the Facebook posts, as numbers.
  std::map<std::string, std::pair<long long, long long>> likes_and_reactions;
  std::map<long long, std::set<std::string>> titles_by_initiative;
  for (const auto& value : document.at("activities").as_array()) {
    const auto& activity = value.as_object();
    const std::string title(activity.at("title").as_string());
    const auto initiative = activity.at("initiative_id").as_int64();
    EXPECT_TRUE(titles_by_initiative[initiative].insert(title).second)
        << "twice in one initiative's register: " << title;
    EXPECT_FALSE(title.starts_with("Dette skema gengiver")) << "a form's header became an activity";
    const auto number = [&](const char* key) {
      const auto& member = activity.at(key);
      return member.is_null() ? -1 : member.to_number<long long>();
    };
    likes_and_reactions[title] = {number("likes"), number("reactions")};
  }
  EXPECT_EQ(likes_and_reactions["Hjælper I hinanden for at undgå indbrud?"],
            std::make_pair(40LL, 52LL));
  EXPECT_EQ(likes_and_reactions["Vi har fået nye demensvenner"], std::make_pair(614LL, 641LL));
  EXPECT_EQ(likes_and_reactions["Giv Kirsten og Bjarne et like - demensindsats"],
            std::make_pair(329LL, 376LL));
  EXPECT_EQ(likes_and_reactions["Sikker og tryg festival"], std::make_pair(17LL, 25LL));
}

// What the seeds do not say is not stated as fact: each line below contradicted a seed before.
TEST_P(DemoSeeds, NothingContradictsTheSeeds) {
  load_demo(database(), auth::HashCost::minimal);
  const auto document = export_workspace(database(), std::string(kDemoWorkspace));
  const auto named = [&](std::string_view list, std::string_view key, std::string_view name) {
    for (const auto& value : document.at(list).as_array()) {
      if (value.as_object().at(key).as_string() == name) return value.as_object();
    }
    ADD_FAILURE() << name << " is not in " << list;
    return boost::json::object();
  };
  // 000 p.1: the Tryghedsindeks is the police's safety survey, not police statistics.
  EXPECT_EQ(named("indicators", "name", "Politiets tryghedsindeks – Aalborg og de fem største byer")
                .at("source"),
            "survey");
  // 001 p.5: the focus areas listed are the lokalråd's; the kredsråd's are not given.
  const auto kredsraad =
      named("plans", "name", "Samarbejdsplan – Kredsrådet for Nordjyllands Politi 2014");
  EXPECT_TRUE(kredsraad.at("focus_areas").as_array().empty());
  // 000 p.1: the strategy began "I 2013"; no day of adoption is given.
  EXPECT_EQ(named("plans", "name", "Tryg Aalborg – en mere tryg kommune").at("adopted_on"), "");
  // 000 p.13: Skalborg Borgerhjælp was dissolved "primo 2018"; of two of its activities the
  // form says "Ingen informationer herom", which is neither done nor cancelled.
  const auto skalborg = named("initiatives", "name", "Skalborg Borgerhjælp");
  const auto& history = skalborg.at("status_history").as_array();
  EXPECT_EQ(history.back().as_object().at("changed_on"), "2018-01-01");
  for (const auto* title : {"Besøg hos borgere i eget hjem",
                            "Hjælp til mindre praktiske opgaver som at hænge et billede op, "
                            "skifte pærer mm."}) {
    EXPECT_EQ(named("activities", "title", title).at("status"), "unknown") << title;
  }
  // 000 p.1: the steering group's members are not named.
  EXPECT_TRUE(named("groups", "name", "Styregruppe").at("members").as_array().empty());
  // 000 p.9: Formidling's "Erfaringer" are its recommendations for Facebook posts.
  const auto text = boost::json::serialize(document);
  EXPECT_NE(text.find("Sigt efter meget mindre tekst"), std::string::npos);
  // 000 p.3: TrygFonden funds the harbour initiative; it does not anchor it.
  EXPECT_EQ(named("initiatives", "name", "Sikkerhed på havnefronten").at("anchoring"),
            "Aalborg Kommune, Nordjyllands Politi");
}

// 004 is an agreement between Landskrona stad and the local police area, in Swedish: a
// workspace of its own, with nothing of Aalborg's, and nothing of it in Aalborg's.
TEST_P(DemoSeeds, LandskronasAgreementIsAWorkspaceOfItsOwn) {
  load_demo(database(), auth::HashCost::minimal);
  const auto aalborg =
      boost::json::serialize(export_workspace(database(), std::string(kDemoWorkspace)));
  const auto landskrona_document =
      export_workspace(database(), std::string(kDemoWorkspaces[1].name));
  const auto landskrona = boost::json::serialize(landskrona_document);
  EXPECT_EQ(landskrona_document.at("workspace").at("language"), "sv");
  for (const auto* quote : {
           "Landskrona stad",              // 004
           "Lokalpolisområde Landskrona",  // 004
           "Trygghetsvandringar",          // 004, a focus area
           "Klottersaneringsinsatser",     // 004 bilaga 4
           "Prodismodellen",               // 004 bilaga 6
       }) {
    EXPECT_NE(landskrona.find(quote), std::string::npos) << quote;
    EXPECT_EQ(aalborg.find(quote), std::string::npos) << quote << " is in Aalborg's workspace";
  }
  for (const auto* quote : {"Nordjyllands Politi", "Tryg Aalborg", "Skalborg"}) {
    EXPECT_EQ(landskrona.find(quote), std::string::npos) << quote << " is in Landskrona's";
  }
  EXPECT_EQ(landskrona_document.at("plans").as_array().size(), 1U);
}

SAMTRYG_ON_EVERY_BACKEND(DemoSeeds);

}  // namespace
}  // namespace samtryg::app
