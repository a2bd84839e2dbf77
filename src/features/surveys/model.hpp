#pragma once
// Surveys as data, with no I/O: the police's trygghetsmätning, Politiets Tryghedsindeks, NTU or
// a partner's own questionnaire. A survey runs in waves (named by their period, as indicators
// name theirs) and asks questions with answer options; per wave, area and question it has a
// result: how many answered, how many were asked, and the percentage who gave each answer.
// The answers marked "in the share" make up the question's share ("share who feel safe out in
// the evening": very and fairly safe), which an indicator can take as its value.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/validation/validation.hpp"

namespace samtryg::surveys {

inline constexpr std::string_view kKinds[] = {"police_survey", "national_survey",
                                              "own_questionnaire", "other"};

inline constexpr std::size_t kMaxName = 200;
inline constexpr std::size_t kMaxQuestion = 500;
inline constexpr std::size_t kMaxText = 5000;
inline constexpr std::size_t kMinOptions = 2;
inline constexpr std::size_t kMaxOptions = 12;
inline constexpr int kMaxCount = 10'000'000;
// Published shares are rounded, so a distribution may add up to a little over 100 %.
inline constexpr double kRoundingSlack = 1.0;

struct Survey {
  long long id = 0;
  long long workspace_id = 0;
  std::string name;
  std::string kind = "police_survey";
  std::string publisher;  // who runs it: "Polisen", "Rigspolitiet", "Tryg Aalborg"
  std::string description;
  std::string created_at;
  std::string updated_at;
  long long row_version = 1;
};

struct Wave {
  long long id = 0;
  long long survey_id = 0;
  std::string period;   // canonical period code: 2016, 2017H2, 2017/18 …
  std::string fielded;  // when it was asked, in words ("september–oktober 2016")
  std::string note;
};

struct Option {
  std::string label;
  bool in_share = false;
};

struct Question {
  long long id = 0;
  long long survey_id = 0;
  int position = 0;
  std::string text;
  std::string share_label;  // what the share means: "feel safe out in the evening"
  std::vector<Option> options;
  // The indicator that takes the share as its value (per wave period and area).
  std::optional<long long> indicator_id;
  std::string created_at;
  std::string updated_at;
  long long row_version = 1;
};

struct Result {
  long long id = 0;
  long long wave_id = 0;
  long long question_id = 0;
  std::optional<long long> area_id;  // none: the whole population asked
  std::optional<int> respondents;
  std::optional<int> invited;
  // Per option, in the question's order; nullopt where the source gives no figure.
  std::vector<std::optional<double>> percents;
  std::string updated_at;
};

validation::Errors validate_survey(const Survey& survey);
// `canonical` is set to the period's canonical code when it reads as one.
validation::Errors validate_wave(const Wave& wave, std::string* canonical = nullptr);
validation::Errors validate_question(const Question& question);
// Checked against its question: one figure per option at most, each 0–100 %, together no more
// than 100 % (plus rounding), respondents no more than were asked.
validation::Errors validate_result(const Question& question, const Result& result);

// respondents / invited in percent, when both are known and something was asked.
std::optional<double> response_rate(const Result& result);
// The sum of the percentages of the options in the share; nullopt when the question has no
// such option or one of them has no figure.
std::optional<double> share(const Question& question, const Result& result);
// How many gave the answer at `index`, rounded, when respondents and the percentage are known.
std::optional<long long> answer_count(const Result& result, std::size_t index);
bool has_share(const Question& question);

// The position a new question gets: one after the last.
int next_position(const std::vector<Question>& questions);

}  // namespace samtryg::surveys
