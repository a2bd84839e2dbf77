#include "core/exchange/section.hpp"

namespace samtryg::exchange {

void Reading::add_all(const std::string& path, const validation::Errors& found) {
  for (const auto& error : found.items()) {
    errors.add(path + "." + error.field, error.message_key, error.values);
  }
}

bool Reading::declare(const std::string& path, std::string_view kind, long long id,
                      std::optional<long long> owner) {
  if (id <= 0) {
    add(path + ".id", "field_required");
    return false;
  }
  if (!ids.declare(kind, id, owner)) {
    add(path + ".id", "json_duplicate_id");
    return false;
  }
  return true;
}

void Reading::check_ref(const std::string& path, std::string_view kind,
                        const std::optional<long long>& ref) {
  if (ref && !ids.contains(kind, *ref)) add(path, "json_reference_unknown");
}

}  // namespace samtryg::exchange
