#pragma once
// A public promise's Atom feed: one entry for the promise itself and one per follow-up.
#include <string>

#include "core/documents/atom.hpp"
#include "core/i18n/catalog.hpp"
#include "features/promises/queries.hpp"

namespace samtryg::promises {

documents::Feed promise_feed(const PublicPromise& promise, const i18n::Catalog& catalog,
                             i18n::Language language, const std::string& public_url);

}  // namespace samtryg::promises
