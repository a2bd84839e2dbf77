#include "features/accounts/model.hpp"

#include <gtest/gtest.h>

namespace samtryg::accounts {

NewUser valid_user() {
  NewUser user;
  user.name = "SSP-konsulent";
  user.email = "ssp@aalborg.dk";
  user.password = "long enough password";
  user.language = "da";
  user.role = "initiative_lead";
  return user;
}

TEST(AccountsModel, EmailsAreNormalisedAndChecked) {
  EXPECT_EQ(normalize_email("  SSP@Aalborg.DK "), "ssp@aalborg.dk");
  EXPECT_TRUE(looks_like_email("tovholder@aalborg.dk"));
  for (const char* bad : {"", "no-at", "@aalborg.dk", "a@b", "a@b.", "a b@c.dk", "a@@b.dk"}) {
    EXPECT_FALSE(looks_like_email(bad)) << bad;
  }
}

TEST(AccountsModel, AValidUserHasNoErrors) {
  EXPECT_TRUE(validate_new_user(valid_user()).empty());
}

TEST(AccountsModel, EveryBadFieldIsReportedAtOnce) {
  NewUser user;
  user.name = "   ";
  user.email = "nope";
  user.password = "short";
  user.language = "de";
  user.role = "king";
  const auto errors = validate_new_user(user);
  EXPECT_EQ(errors.items().size(), 5U);
  EXPECT_EQ(errors.for_field("name")->message_key, "users_name_required");
  EXPECT_EQ(errors.for_field("email")->message_key, "users_email_invalid");
  EXPECT_EQ(errors.for_field("password")->message_key, "password_too_short");
  EXPECT_EQ(errors.for_field("language")->message_key, "users_language_invalid");
  EXPECT_EQ(errors.for_field("role")->message_key, "users_role_invalid");
}

TEST(AccountsModel, NameLengthCountsCharactersNotBytes) {
  auto user = valid_user();
  user.name = std::string(kMaxNameLength / 2, 'a');
  for (std::size_t i = 0; i < kMaxNameLength / 2; ++i) user.name += "ø";  // two bytes each
  EXPECT_TRUE(validate_new_user(user).empty());
  user.name += "æ";
  EXPECT_EQ(validate_new_user(user).for_field("name")->message_key, "users_name_too_long");
}

TEST(AccountsModel, NewPasswordRules) {
  EXPECT_TRUE(validate_new_password("long enough password", "long enough password").empty());
  EXPECT_EQ(validate_new_password("short", "short").for_field("new_password")->message_key,
            "password_too_short");
  EXPECT_EQ(validate_new_password("long enough password", "long enough passw0rd")
                .for_field("confirm_password")
                ->message_key,
            "password_mismatch");
}

TEST(AccountsModel, LockoutAtTheLimit) {
  const LoginPolicy policy{.max_failures = 5, .max_failures_per_client = 30};
  EXPECT_FALSE(login_throttled(5, 5, policy)) << "the fifth attempt is still checked";
  EXPECT_TRUE(login_throttled(6, 6, policy));
  EXPECT_FALSE(login_throttled(1, 30, policy));
  EXPECT_TRUE(login_throttled(1, 31, policy)) << "one address trying many e-mails";
}

}  // namespace samtryg::accounts
