#pragma once
// News on the public site (Tryg Aalborg's "nyheder", seed 002: "Samskabelse om et trygt
// natteliv", 23.10.2017), with no I/O: written by the staff in Markdown, with one photo at most,
// about the whole partnership or one initiative; public from the day it is published.
#include <optional>
#include <string>
#include <string_view>

#include "core/validation/validation.hpp"

namespace samtryg::site {

inline constexpr std::size_t kMaxNewsTitle = 200;
inline constexpr std::size_t kMaxNewsBody = 20000;
inline constexpr std::size_t kMaxImageAlt = 300;
inline constexpr std::string_view kNewsStates[] = {"draft", "scheduled", "published"};

struct News {
  long long id = 0;
  long long workspace_id = 0;
  std::optional<long long> initiative_id;  // none: about the whole partnership
  std::string title;
  std::string body;          // Markdown
  std::string published_on;  // ISO day; "" while a draft. Public from that day.
  // The photo, decoded and encoded again on upload (no metadata survives); "" without one.
  std::string image_sha256{};
  std::string image_alt{};  // required with a photo: what it shows
  int image_width = 0;
  int image_height = 0;
  std::string created_at{};
  std::string updated_at{};
  long long row_version = 1;
};

// Title 1–200, body up to 20,000 characters, the day a real ISO day when given, the photo's
// text when there is a photo (`has_image`: the news has or gets one).
validation::Errors validate_news(const News& news, bool has_image);

// Published and its day has come.
bool is_public(const News& news, std::string_view today);

// "draft", "scheduled" (a day still to come) or "published".
std::string_view news_state(const News& news, std::string_view today);

}  // namespace samtryg::site
