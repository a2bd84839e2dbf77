#include "features/reporting/form_fields.hpp"

#include <fmt/format.h>

namespace samtryg::reporting::form {

std::string section_field(std::string_view section, std::string_view part) {
  return fmt::format("s.{}.{}", section, part);
}

std::string item_field(std::string_view section, std::size_t index, std::string_view part) {
  return fmt::format("s.{}.{}.{}", section, index, part);
}

std::string question_field(std::string_view section, std::string_view question) {
  return fmt::format("s.{}.q.{}", section, question);
}

std::string comment_field(std::string_view section, std::string_view question) {
  return fmt::format("s.{}.c.{}", section, question);
}

std::string pick_field(std::string_view section) {
  return section_field(section, "pick");
}

std::string figure_field(long long indicator_id, std::string_view part) {
  return fmt::format("iv.{}.{}", indicator_id, part);
}

std::string json_path(const Content& content, const std::string& path, const std::string& field) {
  std::size_t best = content.answers.size();
  std::string rest;
  for (std::size_t i = 0; i < content.answers.size(); ++i) {
    const auto prefix = section_field(content.answers[i].section, "");
    const bool longer = best == content.answers.size() ||
                        content.answers[i].section.size() > content.answers[best].section.size();
    if (field.starts_with(prefix) && longer) {
      best = i;
      rest = field.substr(prefix.size());
    }
  }
  if (best == content.answers.size()) return path;
  const auto answer = fmt::format("{}.answers[{}]", path, best);
  if (rest.starts_with("q.")) return answer + ".answers." + rest.substr(2);
  if (rest.starts_with("c.")) return answer + ".comments." + rest.substr(2);
  const auto dot = rest.find('.');
  if (dot == std::string::npos) return answer + "." + rest;  // "text", "items"
  return fmt::format("{}.items[{}].{}", answer, rest.substr(0, dot), rest.substr(dot + 1));
}

}  // namespace samtryg::reporting::form
