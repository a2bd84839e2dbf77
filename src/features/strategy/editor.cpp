#include "features/strategy/editor.hpp"

namespace samtryg::strategy {

Editor editor_of(const web::Context& context) {
  const auto& user = context.session->user;
  return Editor::for_role(context.workspace().id, {user.id, user.email}, user.id, context.role());
}

}  // namespace samtryg::strategy
