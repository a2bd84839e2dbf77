#include "core/demo/marks.hpp"

#include <boost/json/array.hpp>

#include "core/util/strings.hpp"

namespace samtryg::demo {

namespace {

using soci::into;
using soci::use;

std::string joined(const Fields& fields) {
  std::string text;
  for (const auto& field : fields) {
    if (!text.empty()) text += ',';
    text += field;
  }
  return text;
}

Fields split_fields(const std::string& text) {
  Fields fields;
  for (const auto field : split(text, ',')) {
    if (!field.empty()) fields.emplace_back(field);
  }
  return fields;
}

struct StoredMark {
  std::string kind;
  long long record_id = 0;
  std::string fields;
};

std::vector<StoredMark> all_marks(soci::session& sql, long long workspace_id) {
  std::vector<StoredMark> out;
  StoredMark mark;
  soci::statement st =
      (sql.prepare << "SELECT kind, record_id, fields FROM example_marks WHERE "
                      "workspace_id = :w ORDER BY kind, record_id",
       into(mark.kind), into(mark.record_id), into(mark.fields), use(workspace_id));
  st.execute();
  while (st.fetch()) out.push_back(mark);
  return out;
}

class MarksSection final : public exchange::Section {
 public:
  void write(exchange::Writing& out) const override {
    boost::json::array list;
    for (const auto& mark : all_marks(out.sql, out.workspace_id)) {
      // A mark of a record the document does not hold (none today) is left out.
      const auto id = out.ids.of(mark.kind).find(mark.record_id);
      if (!id) continue;
      boost::json::array fields;
      for (const auto& field : split_fields(mark.fields)) fields.emplace_back(field);
      list.push_back(
          boost::json::object{{"kind", mark.kind}, {"id", *id}, {"fields", std::move(fields)}});
    }
    out.document["example_marks"] = std::move(list);
  }

  void read(exchange::Reading& in) override { marks_ = read_marks(in); }

  void store(exchange::Storing& out) override {
    for (auto mark : marks_) {
      mark.record_id = out.ids.at(mark.kind, mark.record_id);
      set_marks(out.sql, out.workspace_id, mark);
    }
    out.count("example_marks", static_cast<int>(marks_.size()));
  }

 private:
  std::vector<Mark> marks_;
};

}  // namespace

void set_marks(soci::session& sql, long long workspace_id, const Mark& mark) {
  clear_marks(sql, workspace_id, mark.kind, mark.record_id);
  if (mark.fields.empty()) return;
  const auto fields = joined(mark.fields);
  sql << "INSERT INTO example_marks (workspace_id, kind, record_id, fields) VALUES (:w, :k, :r, "
         ":f)",
      use(workspace_id), use(mark.kind), use(mark.record_id), use(fields);
}

std::map<long long, Fields> marks_of(soci::session& sql, long long workspace_id,
                                     std::string_view kind) {
  std::map<long long, Fields> out;
  const std::string wanted(kind);
  long long record_id = 0;
  std::string fields;
  soci::statement st = (sql.prepare << "SELECT record_id, fields FROM example_marks WHERE "
                                       "workspace_id = :w AND kind = :k",
                        into(record_id), into(fields), use(workspace_id), use(wanted));
  st.execute();
  while (st.fetch()) out[record_id] = split_fields(fields);
  return out;
}

Fields marks_of(soci::session& sql, long long workspace_id, std::string_view kind,
                long long record_id) {
  const std::string wanted(kind);
  std::string fields;
  soci::indicator found = soci::i_null;
  sql << "SELECT fields FROM example_marks WHERE workspace_id = :w AND kind = :k AND "
         "record_id = :r",
      into(fields, found), use(workspace_id), use(wanted), use(record_id);
  return found == soci::i_ok ? split_fields(fields) : Fields{};
}

void clear_marks(soci::session& sql, long long workspace_id, std::string_view kind,
                 long long record_id) {
  const std::string wanted(kind);
  sql << "DELETE FROM example_marks WHERE workspace_id = :w AND kind = :k AND record_id = :r",
      use(workspace_id), use(wanted), use(record_id);
}

std::string example_note(const i18n::Catalog& catalog, std::string_view label_prefix,
                         const Fields& fields) {
  if (fields.empty()) return {};
  std::string names;
  for (const auto& field : fields) {
    if (!names.empty()) names += ", ";
    names += catalog.text(std::string(label_prefix) + field);
  }
  return catalog.format("example_note", {{"fields", names}});
}

std::unique_ptr<exchange::Section> marks_section() {
  return std::make_unique<MarksSection>();
}

}  // namespace samtryg::demo
