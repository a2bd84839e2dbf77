#include "features/promises/json.hpp"

namespace samtryg::promises {

namespace {

using boost::json::array;
using boost::json::object;
using boost::json::value;

// Each item of the array member `key`, or an error at the member when it is not an array.
template <class Each>
void each_item(json::Reader& reader, std::string_view key, Each&& each) {
  const auto* list = reader.nested(key);
  if (list == nullptr) return;
  if (!list->is_array()) {
    reader.errors().add(reader.field(key), "json_expected_array");
    return;
  }
  std::size_t index = 0;
  for (const auto& item : list->get_array()) {
    each(reader.field(key) + "[" + std::to_string(index++) + "]", item);
  }
}

void read_texts(json::Reader& reader, std::string_view key, std::vector<std::string>& out) {
  if (!reader.has(key)) return;
  out.clear();
  each_item(reader, key, [&](const std::string& path, const value& item) {
    if (!item.is_string()) {
      reader.errors().add(path, "json_expected_text");
      return;
    }
    out.emplace_back(item.get_string());
  });
}

void read_ids(json::Reader& reader, std::string_view key, std::vector<long long>& out) {
  if (!reader.has(key)) return;
  out.clear();
  each_item(reader, key, [&](const std::string& path, const value& item) {
    if (!item.is_int64()) {
      reader.errors().add(path, "json_expected_integer");
      return;
    }
    out.push_back(item.get_int64());
  });
}

void read_signatories(json::Reader& reader, std::vector<Signatory>& out) {
  if (!reader.has("signatories")) return;
  out.clear();
  reader.objects("signatories", [&](const std::string& path, const object& item) {
    json::Reader nested(item, reader.errors(), path);
    Signatory signatory;
    nested.text("role", signatory.role);
    nested.text("name", signatory.name);
    nested.reject_unknown();
    out.push_back(std::move(signatory));
  });
}

void read_commitments(json::Reader& reader, std::vector<Commitment>& out) {
  if (!reader.has("commitments")) return;
  out.clear();
  reader.objects("commitments", [&](const std::string& path, const object& item) {
    json::Reader nested(item, reader.errors(), path);
    Commitment commitment;
    nested.text("label", commitment.label);
    if (!nested.has("promised")) reader.errors().add(nested.field("promised"), "field_required");
    nested.number("promised", commitment.promised);
    nested.optional_number("achieved", commitment.achieved);
    nested.reject_unknown();
    out.push_back(std::move(commitment));
  });
}

template <class T>
array list_of(const std::vector<T>& items) {
  array out;
  for (const auto& item : items) out.emplace_back(item);
  return out;
}

}  // namespace

boost::json::object to_json(const Promise& promise) {
  array signatories;
  for (const auto& signatory : promise.signatories) {
    signatories.push_back(object{{"role", signatory.role}, {"name", signatory.name}});
  }
  array commitments;
  for (const auto& commitment : promise.commitments) {
    commitments.push_back(
        object{{"label", commitment.label},
               {"promised", commitment.promised},
               {"achieved", commitment.achieved ? value(*commitment.achieved) : value(nullptr)}});
  }
  return {{"id", promise.id},
          {"title", promise.title},
          {"body", promise.body},
          {"period_start", promise.period_start},
          {"period_end", promise.period_end},
          {"problems", list_of(promise.problems)},
          {"signatories", std::move(signatories)},
          {"commitments", std::move(commitments)},
          {"theme_ids", list_of(promise.theme_ids)},
          {"question_ids", list_of(promise.question_ids)},
          {"initiative_ids", list_of(promise.initiative_ids)},
          {"activity_ids", list_of(promise.activity_ids)},
          {"indicator_ids", list_of(promise.indicator_ids)},
          {"published", promise.published},
          {"publish_on", promise.publish_on},
          {"created_at", promise.created_at},
          {"updated_at", promise.updated_at},
          {"row_version", promise.row_version}};
}

boost::json::object to_json(const FollowUp& follow_up) {
  return {{"id", follow_up.id},
          {"period", follow_up.period},
          {"status", follow_up.status},
          {"account", follow_up.account},
          {"recorded_on", follow_up.recorded_on},
          {"created_at", follow_up.created_at}};
}

void read(json::Reader& reader, Promise& promise) {
  reader.integer("id", promise.id);
  reader.text("title", promise.title);
  reader.text("body", promise.body);
  reader.text("period_start", promise.period_start);
  reader.text("period_end", promise.period_end);
  read_texts(reader, "problems", promise.problems);
  read_signatories(reader, promise.signatories);
  read_commitments(reader, promise.commitments);
  read_ids(reader, "theme_ids", promise.theme_ids);
  read_ids(reader, "question_ids", promise.question_ids);
  read_ids(reader, "initiative_ids", promise.initiative_ids);
  read_ids(reader, "activity_ids", promise.activity_ids);
  read_ids(reader, "indicator_ids", promise.indicator_ids);
  reader.boolean("published", promise.published);
  reader.text("publish_on", promise.publish_on);
  reader.text("created_at", promise.created_at);
  reader.text("updated_at", promise.updated_at);
  reader.integer("row_version", promise.row_version);
}

void read(json::Reader& reader, FollowUp& follow_up) {
  reader.integer("id", follow_up.id);
  reader.text("period", follow_up.period);
  reader.text("status", follow_up.status);
  reader.text("account", follow_up.account);
  reader.text("recorded_on", follow_up.recorded_on);
  reader.text("created_at", follow_up.created_at);
}

}  // namespace samtryg::promises
