#include "core/web/access.hpp"

namespace samtryg::web {

bool Access::admits(bool is_signed_in, std::optional<auth::Role> role) const {
  switch (kind) {
    case Kind::anyone:
      return true;
    case Kind::signed_in:
      return is_signed_in;
    case Kind::permission:
      return role && auth::allows(*role, permission);
  }
  return false;
}

}  // namespace samtryg::web
