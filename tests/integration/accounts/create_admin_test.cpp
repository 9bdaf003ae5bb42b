// `smedash create-admin` and the first-start admin.
#include <cstdlib>
#include <sstream>

#include "accounts/commands.hpp"
#include "app_fixture.hpp"

namespace smedash::testing {
namespace {

class CreateAdminTest : public AppTest {
 protected:
  void TearDown() override { unsetenv("SMEDASH_ADMIN_PASSWORD"); }
  int Run(const std::string& username, const std::string& stdin_text) {
    std::istringstream in(stdin_text);
    out_.str("");
    err_.str("");
    return accounts::CreateAdminCommand(app_->Users(), username, in, out_, err_);
  }
  std::ostringstream out_;
  std::ostringstream err_;
};

TEST_F(CreateAdminTest, ReadsThePasswordFromStdinAndCreates) {
  EXPECT_EQ(Run("kepala.cabang", "kepala-password-1\n"), 0);
  EXPECT_NE(out_.str().find("created admin 'kepala.cabang'"), std::string::npos);
  SignIn("kepala.cabang", "kepala-password-1");
}

TEST_F(CreateAdminTest, EnvironmentPasswordWinsAndAnExistingAccountIsReset) {
  CreateUser("budi", "budi-password-1", core::Role::kUser);
  Client old_session = SignIn("budi", "budi-password-1");
  setenv("SMEDASH_ADMIN_PASSWORD", "budi-admin-pass-2", 1);
  EXPECT_EQ(Run("budi", "ignored\n"), 0);
  EXPECT_NE(out_.str().find("reset admin 'budi'"), std::string::npos);
  EXPECT_EQ(Send(http::Method::kGet, "/api/v1/me", &old_session).status, 401);
  Client budi = SignIn("budi", "budi-admin-pass-2");
  auto me = JsonOf(Send(http::Method::kGet, "/api/v1/me", &budi));
  EXPECT_EQ(me.at("user").at("role").as_string(), "admin");
}

TEST_F(CreateAdminTest, WeakOrEmptyPasswordFailsClearly) {
  EXPECT_EQ(Run("kepala", "short\n"), 2);
  EXPECT_NE(err_.str().find("too weak"), std::string::npos);
  EXPECT_EQ(Run("kepala", ""), 2);
  EXPECT_NE(err_.str().find("empty password"), std::string::npos);
  EXPECT_EQ(Count("SELECT count(*) FROM users WHERE username = 'kepala'"), 0);
}

TEST_F(CreateAdminTest, FirstStartCreatesAdminOnlyWhenNoneIsActive) {
  std::ostringstream out;
  accounts::EnsureInitialAdmin(app_->Users(), out);  // the fixture's admin exists
  EXPECT_EQ(out.str(), "");
  Execute("UPDATE users SET is_active = false");
  accounts::EnsureInitialAdmin(app_->Users(), out);
  EXPECT_NE(out.str().find("with password: "), std::string::npos);
  EXPECT_EQ(Count("SELECT count(*) FROM users WHERE username = 'admin' AND is_active"), 1);
}

}  // namespace
}  // namespace smedash::testing
