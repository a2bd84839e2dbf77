#pragma once
// Checks every feature applies to form and JSON fields; each adds a catalog-keyed message
// for the field to `errors`.
#include <span>
#include <string_view>

#include "core/validation/validation.hpp"

namespace samtryg::validation {

bool is_one_of(std::string_view code, std::span<const std::string_view> codes);
// A real calendar day written YYYY-MM-DD.
bool is_iso_date(std::string_view text);

void require(Errors& errors, std::string_view field, std::string_view value, std::size_t max);
void limit(Errors& errors, std::string_view field, std::string_view value, std::size_t max);
void choice(Errors& errors, std::string_view field, std::string_view value,
            std::span<const std::string_view> codes);
void optional_date(Errors& errors, std::string_view field, std::string_view value);

}  // namespace samtryg::validation
