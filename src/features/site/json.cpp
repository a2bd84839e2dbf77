#include "features/site/json.hpp"

namespace samtryg::site {

boost::json::object to_json(const Settings& s) {
  return {{"enabled", s.enabled},
          {"slug", s.slug},
          {"host", s.host},
          {"colour", s.colour},
          {"responsible", s.responsible},
          {"contact_email", s.contact_email},
          {"statement_published", s.statement_published},
          {"statement_reviewed", s.statement_reviewed},
          {"known_issues", s.known_issues},
          {"feedback_url", s.feedback_url},
          {"authority_url", s.authority_url}};
}

boost::json::object to_json(const News& news) {
  return {{"initiative_id", news.initiative_id ? boost::json::value(*news.initiative_id)
                                               : boost::json::value(nullptr)},
          {"title", news.title},
          {"body", news.body},
          {"published_on", news.published_on},
          {"image_alt", news.image_alt},
          {"created_at", news.created_at},
          {"updated_at", news.updated_at}};
}

}  // namespace samtryg::site
