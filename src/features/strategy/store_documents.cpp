#include "features/strategy/store.hpp"

#include "core/auth/store.hpp"
#include "core/db/nullable.hpp"
#include "core/i18n/locale_format.hpp"
#include "core/util/crypto.hpp"
#include "features/strategy/store_rows.hpp"

namespace samtryg::strategy::store {

using db::Nullable;
using soci::into;
using soci::use;

// ---- documents ----

long long insert_document(soci::session& sql, const Document& d) {
  long long id = 0;
  Nullable<long long> plan(d.plan_id);
  Nullable<long long> initiative(d.initiative_id);
  const auto content = crypto::base64_encode(d.content);
  sql << "INSERT INTO documents (workspace_id, plan_id, initiative_id, filename, content_type, "
         "size_bytes, sha256, content_base64, uploaded_by, uploaded_at) VALUES (:w, :p, :i, :f, "
         ":ct, :sz, :sha, :c, :by, :at) RETURNING id",
      use(d.workspace_id), use(plan.value, plan.indicator),
      use(initiative.value, initiative.indicator), use(d.filename), use(d.content_type),
      use(d.size_bytes), use(d.sha256), use(content), use(d.uploaded_by), use(d.uploaded_at),
      into(id);
  return id;
}

namespace {

constexpr const char* kDocumentColumns =
    "SELECT id, workspace_id, plan_id, initiative_id, filename, content_type, size_bytes, "
    "sha256, uploaded_by, uploaded_at";

struct DocumentBinding {
  Document v;
  Nullable<long long> plan;
  Nullable<long long> initiative;
  std::string content;

  void bind(soci::statement& st, bool with_content = true) {
    st.exchange(into(v.id));
    st.exchange(into(v.workspace_id));
    st.exchange(into(plan.value, plan.indicator));
    st.exchange(into(initiative.value, initiative.indicator));
    st.exchange(into(v.filename));
    st.exchange(into(v.content_type));
    st.exchange(into(v.size_bytes));
    st.exchange(into(v.sha256));
    st.exchange(into(v.uploaded_by));
    st.exchange(into(v.uploaded_at));
    if (with_content) st.exchange(into(content));
  }
  Document get() const {
    Document out = v;
    out.plan_id = plan.get();
    out.initiative_id = initiative.get();
    if (!content.empty()) out.content = crypto::base64_decode(content).value_or(std::string());
    return out;
  }
};

}  // namespace

std::vector<Document> documents(soci::session& sql, long long workspace_id,
                                std::optional<long long> plan_id,
                                std::optional<long long> initiative_id) {
  std::vector<Document> out;
  DocumentBinding row;
  long long plan = plan_id.value_or(0);
  long long initiative = initiative_id.value_or(0);
  soci::statement st(sql);
  row.bind(st, false);
  st.exchange(use(workspace_id));
  st.exchange(use(plan));
  st.exchange(use(initiative));
  prepare_and_run(st,
                  std::string(kDocumentColumns) +
                      " FROM documents WHERE workspace_id = :w AND COALESCE(plan_id, 0) = :p AND "
                      "COALESCE(initiative_id, 0) = :i ORDER BY id");
  while (st.fetch()) out.push_back(row.get());
  i18n::sort_by_name(out, auth::workspace_language(sql, workspace_id),
                     [](const Document& item) -> const std::string& { return item.filename; });
  return out;
}

std::vector<Document> all_documents(soci::session& sql, long long workspace_id) {
  std::vector<Document> out;
  DocumentBinding row;
  soci::statement st(sql);
  row.bind(st, true);
  st.exchange(use(workspace_id));
  prepare_and_run(st, std::string(kDocumentColumns) +
                          ", content_base64 FROM documents WHERE workspace_id = :w ORDER BY id");
  while (st.fetch()) out.push_back(row.get());
  return out;
}

std::optional<Document> find_document(soci::session& sql, long long workspace_id, long long id) {
  return find_by_id<DocumentBinding>(
      sql,
      std::string(kDocumentColumns) +
          ", content_base64 FROM documents WHERE id = :id AND workspace_id = :w",
      id, workspace_id);
}

void delete_document(soci::session& sql, long long workspace_id, long long id) {
  sql << "DELETE FROM documents WHERE id = :id AND workspace_id = :w", use(id), use(workspace_id);
}

}  // namespace samtryg::strategy::store
