#pragma once
#include <string>
#include <string_view>

namespace samtryg::crypto {

// Must be called once before any other function here (libsodium's sodium_init).
void initialise();

// A URL-safe random token with `bytes` bytes of entropy (session ids, CSRF tokens).
std::string random_token(std::size_t bytes = 32);

// Hex SHA-256: session and API tokens are stored hashed, so a leaked database gives no logins.
std::string sha256_hex(std::string_view data);

// Compares secrets without leaking where they differ through timing.
bool equal_constant_time(std::string_view a, std::string_view b);

}  // namespace samtryg::crypto
