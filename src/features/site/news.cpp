#include "features/site/news.hpp"

#include "core/validation/fields.hpp"

namespace samtryg::site {

validation::Errors validate_news(const News& news, bool has_image) {
  validation::Errors errors;
  validation::require(errors, "title", news.title, kMaxNewsTitle);
  validation::limit(errors, "body", news.body, kMaxNewsBody);
  validation::optional_date(errors, "published_on", news.published_on);
  validation::limit(errors, "image_alt", news.image_alt, kMaxImageAlt);
  // A photo nobody can read about is no news to a screen-reader user.
  if (has_image && news.image_alt.find_first_not_of(" \t\r\n") == std::string::npos) {
    errors.add("image_alt", "site_news_image_alt_needed");
  }
  return errors;
}

bool is_public(const News& news, std::string_view today) {
  return !news.published_on.empty() && news.published_on <= today;
}

std::string_view news_state(const News& news, std::string_view today) {
  if (news.published_on.empty()) return "draft";
  return news.published_on <= today ? "published" : "scheduled";
}

}  // namespace samtryg::site
