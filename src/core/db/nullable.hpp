#pragma once
// SOCI 4.0 has no std::optional support: a value plus its indicator, bound with
// use(n.value, n.indicator) / into(n.value, n.indicator), converted at the edges.
#include <soci/soci.h>

#include <optional>

namespace samtryg::db {

template <class T>
struct Nullable {
  T value{};
  soci::indicator indicator = soci::i_null;

  Nullable() = default;
  explicit Nullable(const std::optional<T>& from) {
    if (from) {
      value = *from;
      indicator = soci::i_ok;
    }
  }
  std::optional<T> get() const {
    return indicator == soci::i_ok ? std::optional<T>(value) : std::nullopt;
  }
};

}  // namespace samtryg::db
