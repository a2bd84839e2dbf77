#include "core/util/crypto.hpp"

#include <sodium.h>

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <vector>

namespace samtryg::crypto {

void initialise() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

namespace {

// Tokens come from a ChaCha20 stream per thread, keyed once from the operating system's
// randomness, with a counter as nonce that never repeats for that key. This is the same
// construction libsodium's own generator uses, without a getrandom() system call per token
// (one per page view otherwise).
void fill_random(unsigned char* out, std::size_t size) {
  struct Stream {
    unsigned char key[crypto_stream_chacha20_ietf_KEYBYTES];
    std::uint64_t counter = 0;
    Stream() { randombytes_buf(key, sizeof key); }
    ~Stream() { sodium_memzero(key, sizeof key); }
  };
  thread_local Stream stream;
  unsigned char nonce[crypto_stream_chacha20_ietf_NONCEBYTES] = {};
  static_assert(sizeof nonce >= sizeof stream.counter);
  const auto counter = stream.counter++;
  std::memcpy(nonce, &counter, sizeof counter);
  crypto_stream_chacha20_ietf(out, size, nonce, stream.key);
}

}  // namespace

std::string random_token(std::size_t bytes) {
  std::vector<unsigned char> raw(bytes);
  fill_random(raw.data(), raw.size());
  std::string encoded(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING),
                      '\0');
  sodium_bin2base64(encoded.data(), encoded.size(), raw.data(), raw.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  encoded.resize(encoded.find('\0'));
  return encoded;
}

std::string sha256_hex(std::string_view data) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  std::string hex(crypto_hash_sha256_BYTES * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), digest, sizeof digest);
  hex.pop_back();
  return hex;
}

std::string base64_encode(std::string_view data) {
  std::string encoded(sodium_base64_ENCODED_LEN(data.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(encoded.data(), encoded.size(),
                    reinterpret_cast<const unsigned char*>(data.data()), data.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  encoded.resize(encoded.find('\0'));
  return encoded;
}

std::optional<std::string> base64_decode(std::string_view text) {
  std::string decoded(text.size() / 4 * 3 + 3, '\0');
  std::size_t length = 0;
  const char* end = nullptr;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(decoded.data()), decoded.size(),
                        text.data(), text.size(), nullptr, &length, &end,
                        sodium_base64_VARIANT_ORIGINAL) != 0 ||
      end != text.data() + text.size()) {
    return std::nullopt;
  }
  decoded.resize(length);
  return decoded;
}

bool equal_constant_time(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace samtryg::crypto
