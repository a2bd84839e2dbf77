#pragma once
// What the register's store files share: reading one record by id and counting a list's rows,
// for the bindings each file defines for its records.
#include <soci/soci.h>

#include <optional>
#include <string>

#include "core/db/database.hpp"

namespace samtryg::strategy::store {

// Runs a prepared statement whose bindings were added with exchange(); returns it ready to
// fetch().
using db::prepare_and_run;

// One record by id within a workspace: `query` ends with "WHERE <id> = :id AND <ws> = :w".
template <class Binding>
auto find_by_id(soci::session& sql, const std::string& query, long long id, long long workspace_id)
    -> std::optional<decltype(std::declval<Binding>().get())> {
  Binding row;
  soci::statement st(sql);
  row.bind(st);
  st.exchange(soci::use(id));
  st.exchange(soci::use(workspace_id));
  prepare_and_run(st, query);
  if (!st.fetch()) return std::nullopt;
  return row.get();
}

// How many rows a list filter matches: `where` is the list's FROM … WHERE text, whose
// placeholders the filter's binding fills.
template <class FilterBinding, class Filter>
int count_where(soci::session& sql, const Filter& filter, const char* where) {
  int count = 0;
  soci::statement st(sql);
  st.exchange(soci::into(count));
  FilterBinding binding(filter);
  binding.bind(st);
  prepare_and_run(st, std::string("SELECT COUNT(*)") + where);
  st.fetch();
  return count;
}

}  // namespace samtryg::strategy::store
