#include "core/auth/passwords.hpp"

#include <sodium.h>

#include <stdexcept>
#include <string>

namespace samtryg::auth {

HashCost parse_hash_cost(std::string_view text) {
  if (text == "moderate") return HashCost::moderate;
  if (text == "minimal") return HashCost::minimal;
  return HashCost::interactive;
}

std::string hash_password(std::string_view password, HashCost cost) {
  unsigned long long ops = crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE;
  std::size_t memory = crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE;
  if (cost == HashCost::moderate) {
    ops = crypto_pwhash_argon2id_OPSLIMIT_MODERATE;
    memory = crypto_pwhash_argon2id_MEMLIMIT_MODERATE;
  } else if (cost == HashCost::minimal) {
    ops = crypto_pwhash_argon2id_OPSLIMIT_MIN;
    memory = crypto_pwhash_argon2id_MEMLIMIT_MIN;
  }
  char out[crypto_pwhash_argon2id_STRBYTES];
  if (crypto_pwhash_argon2id_str(out, password.data(), password.size(), ops, memory) != 0) {
    throw std::runtime_error("not enough memory to hash the password");
  }
  return std::string(out);
}

bool verify_password(std::string_view hash, std::string_view password) {
  const std::string terminated(hash);
  return crypto_pwhash_argon2id_str_verify(terminated.c_str(), password.data(), password.size()) ==
         0;
}

}  // namespace samtryg::auth
