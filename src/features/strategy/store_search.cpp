#include "features/strategy/store.hpp"

#include <algorithm>

#include "core/db/nullable.hpp"
#include "core/util/strings.hpp"
#include "features/strategy/store_rows.hpp"

namespace samtryg::strategy::store {

using soci::into;
using soci::use;

namespace {

// A window of the body around the first matching word, cut at UTF-8 boundaries.
std::string excerpt_of(const std::string& body, const std::vector<std::string>& words) {
  constexpr std::size_t kWidth = 180;
  const auto lower = to_lower_ascii(body);
  std::size_t at = std::string::npos;
  for (const auto& word : words) at = std::min(at, lower.find(word));
  std::size_t start = at == std::string::npos || at < kWidth / 3 ? 0 : at - kWidth / 3;
  while (start > 0 && (static_cast<unsigned char>(body[start]) & 0xC0U) == 0x80U) --start;
  std::size_t end = std::min(body.size(), start + kWidth);
  while (end < body.size() && (static_cast<unsigned char>(body[end]) & 0xC0U) == 0x80U) ++end;
  std::string out;
  if (start > 0) out += "… ";
  // Empty fields leave runs of spaces in the indexed body; a reader sees one.
  for (std::size_t k = start; k < end; ++k) {
    const bool space = body[k] == ' ' || body[k] == '\n';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : body[k];
  }
  if (end < body.size()) out += " …";
  return out;
}

}  // namespace

// ---- search ----

namespace {

// What each kind of record puts in the index and whether readers of published content may
// find it — written once, used for one record and for a whole workspace alike.
struct SearchSource {
  std::string_view entity;
  std::string_view select;  // ends in a WHERE clause that `scope` extends
  std::string_view record_column;
};

constexpr SearchSource kSearchSources[] = {
    {"plan",
     "SELECT p.workspace_id, 'plan', p.id, p.name, p.summary, p.published FROM plans p "
     "WHERE p.workspace_id = :w",
     "p.id"},
    {"initiative",
     "SELECT i.workspace_id, 'initiative', i.id, i.name, "
     "i.purpose || ' ' || i.goals || ' ' || i.background || ' ' || i.already_done || ' ' || "
     "i.focus || ' ' || i.lead_title || ' ' || i.anchoring || ' ' || i.working_group || ' ' || "
     "i.themes, CASE WHEN i.published = 1 AND p.published = 1 THEN 1 ELSE 0 END "
     "FROM initiatives i JOIN plans p ON p.id = i.plan_id WHERE i.workspace_id = :w",
     "i.id"},
    {"activity",
     "SELECT a.workspace_id, 'activity', a.id, a.title, "
     "a.description || ' ' || a.responsible || ' ' || a.links, "
     "CASE WHEN i.published = 1 AND p.published = 1 THEN 1 ELSE 0 END "
     "FROM activities a JOIN initiatives i ON i.id = a.initiative_id "
     "JOIN plans p ON p.id = i.plan_id WHERE a.workspace_id = :w",
     "a.id"},
};

constexpr std::string_view kSearchInsert =
    "INSERT INTO search_entries (workspace_id, entity, entity_id, title, body, published) ";

}  // namespace

void index_record(soci::session& sql, long long workspace_id, std::string_view entity,
                  long long id) {
  for (const auto& source : kSearchSources) {
    if (source.entity != entity) continue;
    const std::string name(entity);
    sql << "DELETE FROM search_entries WHERE entity = :e AND entity_id = :id", use(name), use(id);
    sql << std::string(kSearchInsert) + std::string(source.select) + " AND " +
               std::string(source.record_column) + " = :id",
        use(workspace_id), use(id);
  }
}

void rebuild_search_index(soci::session& sql, long long workspace_id) {
  sql << "DELETE FROM search_entries WHERE workspace_id = :w", use(workspace_id);
  for (const auto& source : kSearchSources) {
    sql << std::string(kSearchInsert) + std::string(source.select), use(workspace_id);
  }
}

namespace {

// Letters and digits only, lower-cased, at most 8 words: neither engine's query syntax can
// reach the index from the search box.
std::vector<std::string> search_words(const std::string& query) {
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (!word.empty() && words.size() < 8) words.push_back(word);
    word.clear();
  };
  for (const char c : query) {
    const auto byte = static_cast<unsigned char>(c);
    const bool keep =
        byte >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (keep) {
      word.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    } else {
      flush();
    }
  }
  flush();
  return words;
}

}  // namespace

std::vector<SearchHit> search(soci::session& sql, db::Backend backend, long long workspace_id,
                              const std::string& query, bool published_only, int limit,
                              int offset) {
  const auto words = search_words(query);
  std::vector<SearchHit> out;
  if (words.empty()) return out;
  std::string match;
  for (const auto& word : words) {
    if (!match.empty()) match += backend == db::Backend::sqlite ? " " : " & ";
    match += backend == db::Backend::sqlite ? "\"" + word + "\"*" : word + ":*";
  }
  const int pub = published_only ? 1 : 0;
  const std::string statement =
      backend == db::Backend::sqlite
          ? "SELECT d.entity, d.entity_id, d.title, d.body FROM search_fts "
            "JOIN search_entries d ON d.id = search_fts.rowid WHERE search_fts MATCH :q "
            "AND d.workspace_id = :w AND (:p = 0 OR d.published = 1) "
            "ORDER BY search_fts.rank, d.id LIMIT :l OFFSET :o"
          : "SELECT entity, entity_id, title, body FROM search_entries "
            "WHERE to_tsvector('simple', title || ' ' || body) @@ to_tsquery('simple', :q) "
            "AND workspace_id = :w AND (:p = 0 OR published = 1) "
            "ORDER BY ts_rank(to_tsvector('simple', title || ' ' || body), "
            "to_tsquery('simple', :q2)) DESC, id LIMIT :l OFFSET :o";
  SearchHit hit;
  std::string body;
  soci::statement st(sql);
  st.exchange(into(hit.entity));
  st.exchange(into(hit.entity_id));
  st.exchange(into(hit.title));
  st.exchange(into(body));
  st.exchange(use(match));
  st.exchange(use(workspace_id));
  st.exchange(use(pub));
  if (backend == db::Backend::postgresql) st.exchange(use(match));
  st.exchange(use(limit));
  st.exchange(use(offset));
  prepare_and_run(st, statement);
  while (st.fetch()) {
    hit.excerpt = excerpt_of(body, words);
    out.push_back(hit);
  }
  return out;
}

}  // namespace samtryg::strategy::store
