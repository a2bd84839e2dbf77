#pragma once
// The public site's settings for a workspace, with no I/O: where it lives (its address path
// /p/{slug}, or its own host name behind a reverse proxy), its colour, who answers for its
// content, and the accessibility statement the EU Web Accessibility Directive asks of
// public-sector sites (in Denmark linked as "Tilgængelighedserklæring"; in Sweden with a way to
// report problems and the supervising authority).
#include <optional>
#include <string>
#include <string_view>

#include "core/validation/validation.hpp"

namespace samtryg::site {

inline constexpr std::size_t kMaxSlug = 60;
inline constexpr std::size_t kMaxText = 2000;
inline constexpr std::string_view kDefaultColour = "#1d4f91";

struct Settings {
  long long workspace_id = 0;
  bool enabled = false;  // nothing is public until a coordinator says so
  std::string slug;      // "tryg-aalborg": /p/tryg-aalborg
  std::string host;      // "tryg.aalborg.dk" when served on its own host name; may be empty
  std::string colour = std::string(kDefaultColour);  // the header's, white text on it
  std::string responsible;  // who answers for the content ("Tryg Aalborg, Aalborg Kommune")
  std::string contact_email;
  std::string statement_published;  // ISO day the accessibility statement was made
  std::string statement_reviewed;   // ISO day it was last reviewed
  std::string known_issues;         // what is not yet accessible, in the statement
  std::string feedback_url;         // where to report a problem (Sweden: required)
  std::string authority_url;        // the supervising authority
  std::string updated_at;
  long long row_version = 1;
};

validation::Errors validate_settings(const Settings& settings);

// "#1d4f91" (six hex digits); nothing otherwise.
struct Rgb {
  double red = 0;
  double green = 0;
  double blue = 0;
};
std::optional<Rgb> parse_colour(std::string_view text);
// WCAG 2.1's contrast ratio of two colours (1 to 21).
double contrast_ratio(const Rgb& a, const Rgb& b);
// White text on `colour` meets WCAG AA for normal text (4.5:1).
bool carries_white_text(std::string_view colour);

// Lower-case letters, digits and single hyphens, 2 to kMaxSlug long, not starting or ending
// with a hyphen.
bool is_slug(std::string_view text);

}  // namespace samtryg::site
