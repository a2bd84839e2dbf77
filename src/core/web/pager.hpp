#pragma once
// Long lists on pages come in pages of a fixed size: ?page=N, with previous and next links.
#include <string>

#include "core/view/render.hpp"
#include "core/web/context.hpp"

namespace samtryg::web {

// The page asked for (?page=N), 1 when none or not a number.
int page_param(const Context& context);

// {prev, next, text} for the pager partial, or false when everything fits on one page.
// `base` is the list's address with its filters; "page=N" is appended.
view::Data pager(const Context& context, const std::string& base, int page, int per_page,
                 int total);

}  // namespace samtryg::web
