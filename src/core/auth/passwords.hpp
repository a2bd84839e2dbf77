#pragma once
// argon2id password hashes (libsodium). The hash string carries its own parameters, so
// hashes made with another cost setting still verify.
#include <string>
#include <string_view>

namespace samtryg::auth {

enum class HashCost { interactive, moderate, minimal };
HashCost parse_hash_cost(std::string_view text);  // "interactive" | "moderate" | "minimal"

inline constexpr std::size_t kMinPasswordLength = 10;
inline constexpr std::size_t kMaxPasswordLength = 200;

std::string hash_password(std::string_view password, HashCost cost);
bool verify_password(std::string_view hash, std::string_view password);

}  // namespace samtryg::auth
