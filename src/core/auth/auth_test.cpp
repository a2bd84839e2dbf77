#include <gtest/gtest.h>

#include "core/auth/passwords.hpp"
#include "core/auth/roles.hpp"
#include "core/util/crypto.hpp"

#include <set>
#include <thread>
#include <vector>

namespace samtryg::auth {

TEST(Passwords, Argon2idHashVerifiesOnlyTheRightPassword) {
  crypto::initialise();
  const auto hash = hash_password("correct horse battery", HashCost::minimal);
  EXPECT_TRUE(hash.starts_with("$argon2id$")) << hash;
  EXPECT_TRUE(verify_password(hash, "correct horse battery"));
  EXPECT_FALSE(verify_password(hash, "correct horse batterY"));
  EXPECT_FALSE(verify_password("not a hash", "correct horse battery"));
  EXPECT_NE(hash, hash_password("correct horse battery", HashCost::minimal)) << "salted";
}

TEST(Roles, CodesRoundTrip) {
  for (const auto role : kRoles) EXPECT_EQ(parse_role(code(role)), role);
  EXPECT_FALSE(parse_role("superuser"));
}

// The whole permission table, written out so a change to it is a visible decision.
TEST(Roles, PermissionTable) {
  struct Row {
    Role role;
    bool read_published, read_workspace, edit_own, edit_all, manage_users;
  };
  const Row table[] = {
      {Role::admin, true, true, true, true, true},
      {Role::coordinator, true, true, true, true, false},
      {Role::initiative_lead, true, true, true, false, false},
      {Role::member, true, true, false, false, false},
      {Role::viewer, true, false, false, false, false},
  };
  for (const auto& row : table) {
    SCOPED_TRACE(std::string(code(row.role)));
    EXPECT_EQ(allows(row.role, Permission::read_published), row.read_published);
    EXPECT_EQ(allows(row.role, Permission::read_workspace), row.read_workspace);
    EXPECT_EQ(allows(row.role, Permission::edit_own), row.edit_own);
    EXPECT_EQ(allows(row.role, Permission::edit_all), row.edit_all);
    EXPECT_EQ(allows(row.role, Permission::manage_users), row.manage_users);
  }
}

TEST(Crypto, TokensAreUrlSafeAndDistinct) {
  crypto::initialise();
  const auto a = crypto::random_token();
  EXPECT_EQ(a.size(), 43U);
  EXPECT_EQ(a.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
            std::string::npos);
  EXPECT_NE(a, crypto::random_token());
  EXPECT_EQ(crypto::sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace samtryg::auth

namespace samtryg::crypto {

TEST(Crypto, TokensFromManyThreadsNeverRepeat) {
  initialise();
  std::vector<std::vector<std::string>> per_thread(4);
  std::vector<std::thread> threads;
  threads.reserve(per_thread.size());
  for (auto& tokens : per_thread) {
    threads.emplace_back([&tokens] {
      for (int i = 0; i < 2000; ++i) tokens.push_back(random_token(16));
    });
  }
  for (auto& thread : threads) thread.join();
  std::set<std::string> all;
  for (const auto& tokens : per_thread) all.insert(tokens.begin(), tokens.end());
  EXPECT_EQ(all.size(), 8000U);
}

}  // namespace samtryg::crypto
