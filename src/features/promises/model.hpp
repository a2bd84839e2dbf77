#pragma once
// Citizen promises (medborgarlöften) with no I/O. In the Swedish police's method, the local
// police area and the municipality sign a short public promise to act on one to three problems
// that residents raised in dialogues, for a stated period; it is followed up and reported back
// to the residents. Evaluations found that last step the weakest, so every follow-up here
// carries an account written for the public, and a promise cannot be called not kept or partly
// kept without one.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/validation/validation.hpp"

namespace samtryg::promises {

inline constexpr std::string_view kStatuses[] = {"on_track",    "delayed",  "kept",
                                                 "partly_kept", "not_kept", "extended"};
inline constexpr std::string_view kSignatoryRoles[] = {"police_area_chief", "municipal_board_chair",
                                                       "other"};

inline constexpr std::size_t kMaxTitle = 200;
inline constexpr std::size_t kMaxBody = 5000;
inline constexpr std::size_t kMaxProblem = 500;
inline constexpr std::size_t kMaxName = 200;
inline constexpr std::size_t kMaxAccount = 3000;
inline constexpr std::size_t kMaxPeriod = 100;
// One to three problems is the method; a few more are allowed for a promise that grew.
inline constexpr std::size_t kMaxProblems = 10;

struct Signatory {
  std::string role = "police_area_chief";
  std::string name{};
};

// "At least 8 neighbourhood-watch areas": what was promised beside what was achieved so far.
struct Commitment {
  std::string label;
  double promised = 0;
  std::optional<double> achieved{};
};

struct Promise {
  long long id = 0;
  long long workspace_id = 0;
  std::string title;
  std::string body;  // the promise as residents read it (Markdown)
  std::string period_start;
  std::string period_end;
  std::vector<std::string> problems;  // the problems it answers, in the staff's words
  std::vector<Signatory> signatories;
  std::vector<Commitment> commitments;
  std::vector<long long> theme_ids;       // the dialogue themes (problems raised) it answers
  std::vector<long long> question_ids;    // the survey questions whose results show the problem
  std::vector<long long> initiative_ids;  // the initiatives that deliver it
  std::vector<long long> activity_ids;    // and their activities
  std::vector<long long> indicator_ids;   // the indicators that show its effect
  bool published = false;
  std::string publish_on;  // ISO day it becomes public; empty: as soon as published
  std::string created_at;
  std::string updated_at;
  long long row_version = 1;
};

// The status at one follow-up, with what was done, in words for the public.
struct FollowUp {
  long long id = 0;
  long long promise_id = 0;
  std::string period{};  // "2016 T1", "Hösten 2016"
  std::string status = "on_track";
  std::string account{};
  std::string recorded_on{};  // ISO day
  std::string created_at{};
};

validation::Errors validate_promise(const Promise& promise);
validation::Errors validate_follow_up(const FollowUp& follow_up);

// Whether `status` needs a public account: a promise is never called not kept or partly kept
// without saying why.
bool needs_account(std::string_view status);

// Whether residents may read the promise on `today` (ISO day): published, and the publication
// day, if any, reached.
bool is_public(const Promise& promise, std::string_view today);
// Published with a publication day still to come.
bool is_scheduled(const Promise& promise, std::string_view today);

// The latest follow-up: the last recorded day, the later entry on the same day; none for none.
const FollowUp* latest(const std::vector<FollowUp>& follow_ups);

// An e-mail address a subscription may use: one @, a dotted domain, no spaces or controls, at
// most 254 characters. (The confirmation link proves the rest.)
bool is_email_address(std::string_view text);
// The address as kept and compared: trimmed and in lower case (mail systems treat the local
// part without regard to case, and one person must not follow a promise twice).
std::string normalised_address(std::string_view text);

}  // namespace samtryg::promises
