#include "features/site/model.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "core/validation/fields.hpp"

namespace samtryg::site {

namespace {

std::optional<int> hex_pair(std::string_view text) {
  int value = 0;
  for (const char c : text) {
    value *= 16;
    if (c >= '0' && c <= '9') {
      value += c - '0';
    } else if (c >= 'a' && c <= 'f') {
      value += c - 'a' + 10;
    } else if (c >= 'A' && c <= 'F') {
      value += c - 'A' + 10;
    } else {
      return std::nullopt;
    }
  }
  return value;
}

// The relative luminance of WCAG 2.1 (its definition of the sRGB channel's linear value).
double luminance(const Rgb& colour) {
  const auto linear = [](double channel) {
    return channel <= 0.04045 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * linear(colour.red) + 0.7152 * linear(colour.green) + 0.0722 * linear(colour.blue);
}

bool is_web_address(std::string_view text) {
  return text.starts_with("https://") || text.starts_with("http://");
}

}  // namespace

std::optional<Rgb> parse_colour(std::string_view text) {
  if (text.size() != 7 || text[0] != '#') return std::nullopt;
  const auto red = hex_pair(text.substr(1, 2));
  const auto green = hex_pair(text.substr(3, 2));
  const auto blue = hex_pair(text.substr(5, 2));
  if (!red || !green || !blue) return std::nullopt;
  return Rgb{*red / 255.0, *green / 255.0, *blue / 255.0};
}

double contrast_ratio(const Rgb& a, const Rgb& b) {
  const auto first = luminance(a);
  const auto second = luminance(b);
  return (std::max(first, second) + 0.05) / (std::min(first, second) + 0.05);
}

bool carries_white_text(std::string_view colour) {
  const auto parsed = parse_colour(colour);
  return parsed && contrast_ratio(*parsed, Rgb{1, 1, 1}) >= 4.5;
}

bool is_slug(std::string_view text) {
  if (text.size() < 2 || text.size() > kMaxSlug) return false;
  if (text.front() == '-' || text.back() == '-') return false;
  char previous = 0;
  for (const char c : text) {
    const bool allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!allowed || (c == '-' && previous == '-')) return false;
    previous = c;
  }
  return true;
}

validation::Errors validate_settings(const Settings& settings) {
  validation::Errors errors;
  if (!is_slug(settings.slug)) errors.add("slug", "site_slug_invalid");
  validation::limit(errors, "host", settings.host, 253);
  if (settings.host.find_first_of("/: ") != std::string::npos) {
    errors.add("host", "site_host_invalid");
  }
  if (!parse_colour(settings.colour)) {
    errors.add("colour", "site_colour_invalid");
  } else if (!carries_white_text(settings.colour)) {
    const auto ratio = contrast_ratio(*parse_colour(settings.colour), Rgb{1, 1, 1});
    errors.add("colour", "site_colour_contrast", {{"ratio", fmt::format("{:.1f}", ratio)}});
  }
  validation::limit(errors, "responsible", settings.responsible, 200);
  validation::limit(errors, "contact_email", settings.contact_email, 200);
  if (!settings.contact_email.empty() && settings.contact_email.find('@') == std::string::npos) {
    errors.add("contact_email", "site_email_invalid");
  }
  for (const auto& [field, day] : {std::pair{"statement_published", &settings.statement_published},
                                   std::pair{"statement_reviewed", &settings.statement_reviewed}}) {
    if (!day->empty() && !validation::is_iso_date(*day)) errors.add(field, "date_invalid");
  }
  validation::limit(errors, "known_issues", settings.known_issues, kMaxText);
  for (const auto& [field, address] : {std::pair{"feedback_url", &settings.feedback_url},
                                       std::pair{"authority_url", &settings.authority_url}}) {
    if (!address->empty() && !is_web_address(*address)) errors.add(field, "site_url_invalid");
  }
  if (settings.enabled && settings.responsible.empty()) {
    errors.add("responsible", "site_responsible_required");
  }
  return errors;
}

}  // namespace samtryg::site
