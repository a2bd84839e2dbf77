#include "features/statistics/period.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <chrono>

#include <fmt/format.h>

#include "core/util/time.hpp"

namespace samtryg::stats {

namespace {

std::optional<int> digits(std::string_view text) {
  if (text.empty() || text.size() > 4) return std::nullopt;
  int value = 0;
  for (char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c)) == 0) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

int periods_per_year(PeriodKind kind) {
  switch (kind) {
    case PeriodKind::half:
      return 2;
    case PeriodKind::tertial:
      return 3;
    case PeriodKind::quarter:
      return 4;
    case PeriodKind::month:
      return 12;
    case PeriodKind::week:
      return 53;
    case PeriodKind::year:
    case PeriodKind::school_year:
      break;
  }
  return 0;
}

// Months in one half, tertial, quarter or month.
int months_per_period(PeriodKind kind) {
  return 12 / periods_per_year(kind);
}

std::optional<Period> make(PeriodKind kind, int year, int number) {
  if (year < 1000 || year > 9999) return std::nullopt;
  if (kind == PeriodKind::year || kind == PeriodKind::school_year) {
    return Period{kind, year, 0};
  }
  if (number < 1 || number > periods_per_year(kind)) return std::nullopt;
  if (kind == PeriodKind::week) {
    // Only years with 53 ISO weeks have a week 53: those whose 28 December is in week 53.
    using namespace std::chrono;
    const sys_days dec28{std::chrono::year{year} / December / 28};
    const sys_days week1_monday = [&] {
      const sys_days jan4{std::chrono::year{year} / January / 4};
      return jan4 - (weekday{jan4} - Monday);
    }();
    if (number > (dec28 - week1_monday).count() / 7 + 1) return std::nullopt;
  }
  return Period{kind, year, number};
}

std::optional<PeriodKind> kind_of_letter(char letter) {
  switch (std::toupper(static_cast<unsigned char>(letter))) {
    case 'H':
    case 'S':
      return PeriodKind::half;  // S: semester / halvår in some Nordic tables
    case 'T':
      return PeriodKind::tertial;
    case 'K':
    case 'Q':
      return PeriodKind::quarter;
    case 'M':
      return PeriodKind::month;
    case 'W':
    case 'U':
    case 'V':
      return PeriodKind::week;  // U: uge (da), V: vecka (sv)
    default:
      return std::nullopt;
  }
}

std::optional<PeriodKind> kind_of_time_unit(std::string_view unit) {
  if (unit.empty()) return std::nullopt;
  if (unit[0] == 'A' || unit[0] == 'a') return PeriodKind::year;
  return kind_of_letter(unit[0]);
}

std::chrono::year_month_day first_of_month(int year, int month) {
  return std::chrono::year{year} / std::chrono::month{static_cast<unsigned>(month)} / 1;
}

std::chrono::year_month_day last_of_month(int year, int month) {
  using namespace std::chrono;
  return year_month_day{year_month_day_last{
      std::chrono::year{year}, month_day_last{std::chrono::month{static_cast<unsigned>(month)}}}};
}

std::chrono::sys_days iso_week_monday(int year, int week) {
  using namespace std::chrono;
  const sys_days jan4{std::chrono::year{year} / January / 4};
  return jan4 - (weekday{jan4} - Monday) + days{7 * (week - 1)};
}

std::string_view trim_space(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())) != 0) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())) != 0) {
    text.remove_suffix(1);
  }
  return text;
}

// 2017/18, 2017/2018, 2017-2018: a school year starting in August of the first year.
std::optional<Period> school_year(int year, std::string_view rest) {
  const auto next = digits(rest.substr(1));
  const int expected = rest.size() == 3 ? (year + 1) % 100 : year + 1;
  if (!next || *next != expected) return std::nullopt;
  return make(PeriodKind::school_year, year, 0);
}

// 2017-09, or the school year 2017-18.
std::optional<Period> month_or_school_year(int year, std::string_view two_digits) {
  const auto number = digits(two_digits);
  if (!number) return std::nullopt;
  if (*number <= 12) return make(PeriodKind::month, year, *number);
  if (*number == (year + 1) % 100) return make(PeriodKind::school_year, year, 0);
  return std::nullopt;
}

// PX compact forms: the unit comes from TLIST, or six digits are a month.
std::optional<Period> compact(int year, std::string_view rest, std::optional<PeriodKind> hinted) {
  const auto number = digits(rest);
  if (!number) return std::nullopt;
  if (hinted && *hinted != PeriodKind::year) return make(*hinted, year, *number);
  if (!hinted && rest.size() == 2) return make(PeriodKind::month, year, *number);
  return std::nullopt;
}

// 2017K3, 2017M09, 2017W05 …
std::optional<Period> lettered(int year, std::string_view rest) {
  const auto kind = kind_of_letter(rest[0]);
  const auto number = digits(rest.substr(1));
  if (!kind || !number || rest.size() > 3) return std::nullopt;
  return make(*kind, year, *number);
}

}  // namespace

std::optional<Period> parse_period(std::string_view text, std::string_view time_unit) {
  text = trim_space(text);
  if (text.size() < 4) return std::nullopt;
  const auto year = digits(text.substr(0, 4));
  if (!year) return std::nullopt;
  const std::string_view rest = text.substr(4);
  if (rest.empty()) return make(PeriodKind::year, *year, 0);
  if (rest[0] == '/' || (rest[0] == '-' && rest.size() == 5)) return school_year(*year, rest);
  if (rest[0] == '-' && rest.size() == 3) return month_or_school_year(*year, rest.substr(1));
  if (std::isdigit(static_cast<unsigned char>(rest[0])) != 0) {
    return compact(*year, rest, kind_of_time_unit(time_unit));
  }
  return lettered(*year, rest);
}

std::string Period::code() const {
  switch (kind) {
    case PeriodKind::year:
      return fmt::format("{}", year);
    case PeriodKind::school_year:
      return fmt::format("{}/{:02}", year, (year + 1) % 100);
    case PeriodKind::half:
      return fmt::format("{}H{}", year, number);
    case PeriodKind::tertial:
      return fmt::format("{}T{}", year, number);
    case PeriodKind::quarter:
      return fmt::format("{}Q{}", year, number);
    case PeriodKind::month:
      return fmt::format("{}M{:02}", year, number);
    case PeriodKind::week:
      return fmt::format("{}W{:02}", year, number);
  }
  return "";
}

std::string Period::first_day() const {
  switch (kind) {
    case PeriodKind::year:
      return iso_day(first_of_month(year, 1));
    case PeriodKind::school_year:
      return iso_day(first_of_month(year, 8));
    case PeriodKind::week:
      return iso_day(std::chrono::year_month_day{iso_week_monday(year, number)});
    case PeriodKind::half:
    case PeriodKind::tertial:
    case PeriodKind::quarter:
    case PeriodKind::month:
      return iso_day(first_of_month(year, (number - 1) * months_per_period(kind) + 1));
  }
  return "";
}

std::string Period::last_day() const {
  switch (kind) {
    case PeriodKind::year:
      return iso_day(last_of_month(year, 12));
    case PeriodKind::school_year:
      return iso_day(last_of_month(year + 1, 7));
    case PeriodKind::week:
      return iso_day(
          std::chrono::year_month_day{iso_week_monday(year, number) + std::chrono::days{6}});
    case PeriodKind::half:
    case PeriodKind::tertial:
    case PeriodKind::quarter:
    case PeriodKind::month:
      return iso_day(last_of_month(year, number * months_per_period(kind)));
  }
  return "";
}

std::optional<Period> period_containing(PeriodKind kind, std::string_view iso_date) {
  const auto parsed = parse_iso_day(iso_date);
  if (!parsed) return std::nullopt;
  using namespace std::chrono;
  const year_month_day date = *parsed;
  const int year_number = static_cast<int>(date.year());
  const int month_number = static_cast<int>(static_cast<unsigned>(date.month()));
  switch (kind) {
    case PeriodKind::year:
      return make(kind, year_number, 0);
    case PeriodKind::school_year:
      return make(kind, month_number >= 8 ? year_number : year_number - 1, 0);
    case PeriodKind::week: {
      // ISO weeks belong to the year of their Thursday.
      const sys_days days{date};
      const sys_days thursday = days - (weekday{days} - Monday) + std::chrono::days{3};
      const year_month_day thursday_date{thursday};
      const sys_days first_of_year{thursday_date.year() / January / 1};
      const auto week = (thursday - first_of_year).count() / 7 + 1;
      return make(kind, static_cast<int>(thursday_date.year()), static_cast<int>(week));
    }
    case PeriodKind::half:
    case PeriodKind::tertial:
    case PeriodKind::quarter:
    case PeriodKind::month:
      return make(kind, year_number, (month_number - 1) / months_per_period(kind) + 1);
  }
  return std::nullopt;
}

std::string period_kind_name(PeriodKind kind) {
  static constexpr std::array names{"year",    "school_year", "half", "tertial",
                                    "quarter", "month",       "week"};
  return names.at(static_cast<std::size_t>(kind));
}

std::optional<PeriodKind> parse_period_kind(std::string_view name) {
  for (int k = 0; k <= static_cast<int>(PeriodKind::week); ++k) {
    if (period_kind_name(static_cast<PeriodKind>(k)) == name) return static_cast<PeriodKind>(k);
  }
  return std::nullopt;
}

}  // namespace samtryg::stats
