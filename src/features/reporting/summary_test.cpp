// The summary the report makes from a form when nobody wrote one: whole sentences only.
#include "features/reporting/summary.hpp"

#include <gtest/gtest.h>

namespace samtryg::reporting {
namespace {

TEST(WholeSentences, EndsAtTheLastSentenceThatFits) {
  const std::string text =
      "Der blev i 2017 uddannet 8 hold. Der er i snit omkring 20 deltagere pr. hold. Målet er "
      "nået.";
  EXPECT_EQ(whole_sentences(text, 50), "Der blev i 2017 uddannet 8 hold.");
  EXPECT_EQ(whole_sentences(text, 80),
            "Der blev i 2017 uddannet 8 hold. Der er i snit omkring 20 deltagere pr. hold.")
      << "\"pr.\" ends no sentence";
  EXPECT_EQ(whole_sentences(text, 1000), text);
}

TEST(WholeSentences, NumbersAndShortFormsEndNoSentence) {
  EXPECT_EQ(whole_sentences("Den 1. juni afholdtes en workshop. Den var god.", 40),
            "Den 1. juni afholdtes en workshop.");
  EXPECT_EQ(whole_sentences("Formidling bl.a. via Facebook, f.eks. Opslag. Mere her.", 48),
            "Formidling bl.a. via Facebook, f.eks. Opslag.");
}

TEST(WholeSentences, NeverCutsASentenceOrAWord) {
  const std::string first(700, 'a');
  EXPECT_EQ(whole_sentences(first + ". Kort.", 100), first + ".")
      << "a first sentence longer than the room is given whole";
  EXPECT_EQ(whole_sentences("Der kommer nye tal for 2017 i løbet af marts", 20),
            "Der kommer nye tal for 2017 i løbet af marts.")
      << "a text without a sentence end is one sentence, closed";
  EXPECT_EQ(whole_sentences("Platformene er:", 20), "Platformene er.");
  EXPECT_EQ(whole_sentences("  ", 20), "");
  EXPECT_EQ(whole_sentences("Hvad nu? Det ved vi! Og så videre.", 25), "Hvad nu? Det ved vi!");
}

TEST(CheckSummary, HasAMaximumLength) {
  EXPECT_TRUE(check_summary(std::string(kMaxSummary, 'a')).empty());
  EXPECT_FALSE(check_summary(std::string(kMaxSummary + 1, 'a')).empty());
}

}  // namespace
}  // namespace samtryg::reporting
