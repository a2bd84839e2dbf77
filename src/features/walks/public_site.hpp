#pragma once
// The walks' part of the public site (site::PublicSections and site::PublicKinds).
#include "core/web/app.hpp"

namespace samtryg::walks {

void add_public_site(web::App& app);

}  // namespace samtryg::walks
