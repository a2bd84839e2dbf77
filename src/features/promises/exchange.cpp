#include "features/promises/exchange.hpp"

#include "core/exchange/records.hpp"
#include "features/promises/json.hpp"
#include "features/promises/store.hpp"

namespace samtryg::promises {

namespace {

using boost::json::array;
using exchange::Reading;
using exchange::Storing;
using exchange::Writing;

struct PromiseEntry {
  Promise promise;
  std::vector<FollowUp> follow_ups;
};

// A list of database ids as the document's ids of `kind`; a record the document does not hold
// is left out.
array relinked(const std::vector<long long>& ids, const exchange::LocalIds& local) {
  array out;
  for (const auto id : ids) {
    if (const auto found = local.find(id)) out.emplace_back(*found);
  }
  return out;
}

array export_promises(Writing& out) {
  return exchange::numbered(
      store::promises(out.sql, out.workspace_id), out.ids.of("promise"),
      [&](const Promise& promise) {
        auto json = to_json(promise);
        json.erase("row_version");
        json["theme_ids"] = relinked(promise.theme_ids, out.ids.of("dialogue_theme"));
        json["question_ids"] = relinked(promise.question_ids, out.ids.of("survey_question"));
        json["initiative_ids"] = relinked(promise.initiative_ids, out.ids.of("initiative"));
        json["activity_ids"] = relinked(promise.activity_ids, out.ids.of("activity"));
        json["indicator_ids"] = relinked(promise.indicator_ids, out.ids.of("indicator"));
        array follow_ups;
        for (const auto& follow_up : store::follow_ups(out.sql, promise.id)) {
          auto item = to_json(follow_up);
          item.erase("id");  // nothing refers to a follow-up
          follow_ups.push_back(std::move(item));
        }
        json["follow_ups"] = std::move(follow_ups);
        return json;
      });
}

// Every id of a list must be a record of `kind` the document declares.
void check_refs(Reading& in, const std::string& path, std::string_view member,
                std::string_view kind, const std::vector<long long>& ids) {
  for (std::size_t index = 0; index < ids.size(); ++index) {
    in.check_ref(path + "." + std::string(member) + "[" + std::to_string(index) + "]", kind,
                 ids[index]);
  }
}

std::vector<long long> stored(const Storing& out, std::string_view kind,
                              const std::vector<long long>& ids) {
  std::vector<long long> result;
  result.reserve(ids.size());
  for (const auto id : ids) result.push_back(out.ids.at(kind, id));
  return result;
}

class PromisesSection final : public exchange::Section {
 public:
  void write(Writing& out) const override { out.document["promises"] = export_promises(out); }

  void read(Reading& in) override {
    promises_ = exchange::read_records<PromiseEntry>(
        in, in.document, "promises",
        {.kind = "promise",
         .id = [](const PromiseEntry& entry) { return entry.promise.id; },
         .validate = [](const PromiseEntry& entry) { return validate_promise(entry.promise); }},
        [&in](json::Reader& reader, PromiseEntry& entry, const std::string& path) {
          promises::read(reader, entry.promise);
          check_refs(in, path, "theme_ids", "dialogue_theme", entry.promise.theme_ids);
          check_refs(in, path, "question_ids", "survey_question", entry.promise.question_ids);
          check_refs(in, path, "initiative_ids", "initiative", entry.promise.initiative_ids);
          check_refs(in, path, "activity_ids", "activity", entry.promise.activity_ids);
          check_refs(in, path, "indicator_ids", "indicator", entry.promise.indicator_ids);
          entry.follow_ups = exchange::read_records<FollowUp>(
              in, reader, "follow_ups", {.validate = validate_follow_up},
              [](json::Reader& follow_up_reader, FollowUp& follow_up, const std::string&) {
                promises::read(follow_up_reader, follow_up);
              });
        });
  }

  void store(Storing& out) override {
    int follow_up_count = 0;
    for (const auto& entry : promises_) {
      auto promise = entry.promise;
      promise.workspace_id = out.workspace_id;
      promise.theme_ids = stored(out, "dialogue_theme", promise.theme_ids);
      promise.question_ids = stored(out, "survey_question", promise.question_ids);
      promise.initiative_ids = stored(out, "initiative", promise.initiative_ids);
      promise.activity_ids = stored(out, "activity", promise.activity_ids);
      promise.indicator_ids = stored(out, "indicator", promise.indicator_ids);
      if (promise.created_at.empty()) promise.created_at = out.now;
      const auto id = store::insert_promise(out.sql, promise);
      out.ids.add("promise", entry.promise.id, id);
      for (auto follow_up : entry.follow_ups) {
        follow_up.promise_id = id;
        if (follow_up.created_at.empty()) follow_up.created_at = out.now;
        store::insert_follow_up(out.sql, follow_up);
        ++follow_up_count;
      }
    }
    out.count("promises", static_cast<int>(promises_.size()));
    out.count("promise_follow_ups", follow_up_count);
  }

 private:
  std::vector<PromiseEntry> promises_;
};

}  // namespace

std::unique_ptr<exchange::Section> exchange_section() {
  return std::make_unique<PromisesSection>();
}

}  // namespace samtryg::promises
