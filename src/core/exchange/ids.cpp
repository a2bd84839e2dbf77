#include "core/exchange/ids.hpp"

#include <stdexcept>

namespace samtryg::exchange {

long long LocalIds::add(long long id) {
  const auto local = static_cast<long long>(ids_.size()) + 1;
  return ids_.try_emplace(id, local).first->second;
}

std::optional<long long> LocalIds::find(long long id) const {
  const auto found = ids_.find(id);
  return found == ids_.end() ? std::nullopt : std::optional<long long>(found->second);
}

boost::json::value LocalIds::of(const boost::json::value& id) const {
  const auto local = id.is_int64() ? find(id.get_int64()) : std::nullopt;
  return local ? boost::json::value(*local) : boost::json::value(nullptr);
}

LocalIds& ExportedIds::of(std::string_view kind) {
  auto found = kinds_.find(kind);
  if (found == kinds_.end()) found = kinds_.emplace(std::string(kind), LocalIds{}).first;
  return found->second;
}

const LocalIds& ExportedIds::of(std::string_view kind) const {
  static const LocalIds none;
  const auto found = kinds_.find(kind);
  return found == kinds_.end() ? none : found->second;
}

void ExportedIds::relink(boost::json::object& json, std::string_view member,
                         std::string_view kind) const {
  json[member] = of(kind).of(json[member]);
}

bool DeclaredIds::declare(std::string_view kind, long long id, std::optional<long long> owner) {
  auto found = kinds_.find(kind);
  if (found == kinds_.end())
    found = kinds_.emplace(std::string(kind), decltype(found->second){}).first;
  return found->second.emplace(id, owner).second;
}

bool DeclaredIds::contains(std::string_view kind, long long id) const {
  const auto found = kinds_.find(kind);
  return found != kinds_.end() && found->second.contains(id);
}

std::optional<long long> DeclaredIds::owner(std::string_view kind, long long id) const {
  const auto found = kinds_.find(kind);
  if (found == kinds_.end()) return std::nullopt;
  const auto record = found->second.find(id);
  return record == found->second.end() ? std::nullopt : record->second;
}

void StoredIds::add(std::string_view kind, long long local, long long stored) {
  auto found = kinds_.find(kind);
  if (found == kinds_.end())
    found = kinds_.emplace(std::string(kind), decltype(found->second){}).first;
  found->second[local] = stored;
}

long long StoredIds::at(std::string_view kind, long long local) const {
  const auto stored = find(kind, local);
  if (!stored) {
    throw std::logic_error("import: " + std::string(kind) + " " + std::to_string(local) +
                           " was not stored before it was used");
  }
  return *stored;
}

std::optional<long long> StoredIds::find(std::string_view kind,
                                         std::optional<long long> local) const {
  if (!local) return std::nullopt;
  const auto found = kinds_.find(kind);
  if (found == kinds_.end()) return std::nullopt;
  const auto record = found->second.find(*local);
  return record == found->second.end() ? std::nullopt : std::optional<long long>(record->second);
}

}  // namespace samtryg::exchange
