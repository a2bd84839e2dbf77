#include "core/demo/marks.hpp"

#include <algorithm>

namespace samtryg::demo {

namespace {

// A field is named as in the record's JSON: lower-case letters and underscores.
bool field_name(const std::string& name) {
  return !name.empty() && name.size() <= 60 && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || c == '_';
  });
}

}  // namespace

std::vector<Mark> read_marks(exchange::Reading& in) {
  std::vector<Mark> marks;
  in.document.objects(
      "example_marks", [&](const std::string& path, const boost::json::object& item) {
        json::Reader reader(item, in.errors, path);
        Mark mark;
        reader.text("kind", mark.kind);
        reader.integer("id", mark.record_id);
        const auto* fields = reader.nested("fields");
        if (fields == nullptr || !fields->is_array() || fields->as_array().empty()) {
          in.add(path + ".fields", "example_fields_invalid");
        } else {
          for (const auto& field : fields->as_array()) {
            if (!field.is_string() || !field_name(std::string(field.as_string()))) {
              in.add(path + ".fields", "example_fields_invalid");
              break;
            }
            mark.fields.emplace_back(field.as_string());
          }
        }
        reader.reject_unknown();
        in.check_ref(path + ".id", mark.kind, mark.record_id);
        marks.push_back(std::move(mark));
      });
  return marks;
}

}  // namespace samtryg::demo
