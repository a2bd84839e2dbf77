#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace samtryg::crypto {

// Must be called once before any other function here (libsodium's sodium_init).
void initialise();

// A URL-safe random token with `bytes` bytes of entropy (session ids, CSRF tokens).
std::string random_token(std::size_t bytes = 32);

// Hex SHA-256: session and API tokens are stored hashed, so a leaked database gives no logins.
std::string sha256_hex(std::string_view data);

// Standard base64 (with padding), for binary content inside JSON documents.
std::string base64_encode(std::string_view data);
// Nothing when `text` is not valid standard base64.
std::optional<std::string> base64_decode(std::string_view text);

// Compares secrets without leaking where they differ through timing.
bool equal_constant_time(std::string_view a, std::string_view b);

}  // namespace samtryg::crypto
