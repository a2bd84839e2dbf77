#include "features/promises/model.hpp"

#include <algorithm>
#include <cmath>

#include "core/util/strings.hpp"
#include "core/validation/fields.hpp"

namespace samtryg::promises {

using validation::Errors;

namespace {

// Amounts a commitment can promise: counts, shares, kronor; never negative or endless.
constexpr double kMaxAmount = 1e9;

void check_amount(Errors& errors, const std::string& field, double value) {
  if (!std::isfinite(value) || value < 0 || value > kMaxAmount) {
    errors.add(field, "promise_amount_invalid");
  }
}

void check_lists(Errors& errors, const Promise& promise) {
  if (promise.problems.size() > kMaxProblems) {
    errors.add("problems", "promise_too_many_problems", {{"max", std::to_string(kMaxProblems)}});
  }
  for (std::size_t index = 0; index < promise.problems.size(); ++index) {
    validation::require(errors, "problems[" + std::to_string(index) + "]", promise.problems[index],
                        kMaxProblem);
  }
  for (std::size_t index = 0; index < promise.signatories.size(); ++index) {
    const auto prefix = "signatories[" + std::to_string(index) + "].";
    validation::choice(errors, prefix + "role", promise.signatories[index].role, kSignatoryRoles);
    validation::require(errors, prefix + "name", promise.signatories[index].name, kMaxName);
  }
  for (std::size_t index = 0; index < promise.commitments.size(); ++index) {
    const auto prefix = "commitments[" + std::to_string(index) + "].";
    const auto& commitment = promise.commitments[index];
    validation::require(errors, prefix + "label", commitment.label, kMaxName);
    check_amount(errors, prefix + "promised", commitment.promised);
    if (commitment.achieved) check_amount(errors, prefix + "achieved", *commitment.achieved);
  }
}

}  // namespace

validation::Errors validate_promise(const Promise& promise) {
  Errors errors;
  validation::require(errors, "title", promise.title, kMaxTitle);
  validation::limit(errors, "body", promise.body, kMaxBody);
  if (promise.period_start.empty()) {
    errors.add("period_start", "field_required");
  } else {
    validation::optional_date(errors, "period_start", promise.period_start);
  }
  if (promise.period_end.empty()) {
    errors.add("period_end", "field_required");
  } else {
    validation::optional_date(errors, "period_end", promise.period_end);
  }
  if (validation::is_iso_date(promise.period_start) &&
      validation::is_iso_date(promise.period_end) && promise.period_end < promise.period_start) {
    errors.add("period_end", "period_end_before_start");
  }
  validation::optional_date(errors, "publish_on", promise.publish_on);
  check_lists(errors, promise);
  return errors;
}

validation::Errors validate_follow_up(const FollowUp& follow_up) {
  Errors errors;
  validation::require(errors, "period", follow_up.period, kMaxPeriod);
  validation::choice(errors, "status", follow_up.status, kStatuses);
  validation::limit(errors, "account", follow_up.account, kMaxAccount);
  if (needs_account(follow_up.status) && trim(follow_up.account).empty()) {
    errors.add("account", "promise_account_required");
  }
  if (follow_up.recorded_on.empty()) {
    errors.add("recorded_on", "field_required");
  } else {
    validation::optional_date(errors, "recorded_on", follow_up.recorded_on);
  }
  return errors;
}

bool needs_account(std::string_view status) {
  return status == "not_kept" || status == "partly_kept";
}

bool is_public(const Promise& promise, std::string_view today) {
  return promise.published && (promise.publish_on.empty() || promise.publish_on <= today);
}

bool is_scheduled(const Promise& promise, std::string_view today) {
  return promise.published && !promise.publish_on.empty() && promise.publish_on > today;
}

const FollowUp* latest(const std::vector<FollowUp>& follow_ups) {
  const FollowUp* found = nullptr;
  for (const auto& follow_up : follow_ups) {
    if (found == nullptr || follow_up.recorded_on > found->recorded_on ||
        (follow_up.recorded_on == found->recorded_on && follow_up.id > found->id)) {
      found = &follow_up;
    }
  }
  return found;
}

bool is_email_address(std::string_view text) {
  constexpr std::size_t kMaxAddress = 254;
  if (text.empty() || text.size() > kMaxAddress) return false;
  const auto at = text.find('@');
  if (at == 0 || at == std::string_view::npos || text.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte == 0x7F || c == '<' || c == '>' || c == ',' || c == ';' || c == '"' ||
        c == '(' || c == ')' || c == '[' || c == ']' || c == '\\') {
      return false;
    }
  }
  const auto domain = text.substr(at + 1);
  const auto dot = domain.find('.');
  return dot != std::string_view::npos && dot > 0 && domain.back() != '.' &&
         domain.find("..") == std::string_view::npos;
}

std::string normalised_address(std::string_view text) {
  std::string address(trim(text));
  std::transform(address.begin(), address.end(), address.begin(), [](char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  });
  return address;
}

}  // namespace samtryg::promises
