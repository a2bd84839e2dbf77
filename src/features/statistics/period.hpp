#pragma once
// Period codes as statistics offices and the seed systems write them: 2017, 2017K3 / 2017Q3,
// 2017M09, 2017T2 (tertial), 2017H1, 2017W05, school years 2017/18, and PX TIMEVAL's compact
// forms (20173 with TLIST(Q1), 201709 with TLIST(M1)).
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace samtryg::stats {

enum class PeriodKind { year, school_year, half, tertial, quarter, month, week };

struct Period {
  PeriodKind kind = PeriodKind::year;
  int year = 0;
  int number = 0;  // within the year (quarter 1-4, month 1-12, …); 0 for years

  // The canonical code: 2017, 2017/18, 2017H1, 2017T2, 2017Q3, 2017M09, 2017W05.
  std::string code() const;
  // ISO dates of the first and last day (school years run 1 August – 31 July).
  std::string first_day() const;
  std::string last_day() const;

  // clang-tidy 14 reads the defaulted <=> as a comparison with a literal 0.
  friend auto operator<=>(const Period&, const Period&) = default;  // NOLINT(modernize-use-nullptr)
};

// `time_unit` is a PX TLIST unit (A1, H1, T1, Q1, M1, W1) or empty.
std::optional<Period> parse_period(std::string_view text, std::string_view time_unit = "");

// The period of `kind` that the ISO day `iso_date` falls in ("2017-09-14" → 2017Q3, 2017/18,
// 2017W37), or nothing when the date is not an ISO date.
std::optional<Period> period_containing(PeriodKind kind, std::string_view iso_date);

std::string period_kind_name(PeriodKind kind);
std::optional<PeriodKind> parse_period_kind(std::string_view name);

}  // namespace samtryg::stats
