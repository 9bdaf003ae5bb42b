// User management through /api/v1/users: rules, conflicts, audit.
#include "app_fixture.hpp"

namespace smedash::testing {
namespace {

using http::Method;

constexpr const char* kNewUser =
    R"({"username":"siti.rahma","password":"siti-password-1","role":"user",)"
    R"("first_name":"Siti","last_name":"Rahma","email":"siti@bri.co.id","phone_number":"0812 555"})";

TEST_F(AppTest, AdminCreatesAUserWhoCanThenSignIn) {
  Client admin = SignIn("admin", kAdminPassword);
  auto created = Send(Method::kPost, "/api/v1/users", &admin, kNewUser);
  ASSERT_EQ(created.status, 201) << created.body;
  auto user = JsonOf(created).at("user").as_object();
  EXPECT_EQ(user.at("username").as_string(), "siti.rahma");
  EXPECT_EQ(user.at("display_name").as_string(), "Siti Rahma");
  EXPECT_EQ(user.at("role").as_string(), "user");
  EXPECT_TRUE(user.at("is_active").as_bool());
  EXPECT_FALSE(user.contains("password_hash"));
  Client siti = SignIn("siti.rahma", "siti-password-1");
  EXPECT_EQ(JsonOf(Send(Method::kGet, "/api/v1/me", &siti)).at("user").at("role").as_string(),
            "user");
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'user.create' "
                  "AND detail->>'username' = 'siti.rahma'"),
            1);
}

TEST_F(AppTest, UsernamesAreUniqueIgnoringCase) {
  Client admin = SignIn("admin", kAdminPassword);
  ASSERT_EQ(Send(Method::kPost, "/api/v1/users", &admin, kNewUser).status, 201);
  std::string upper = kNewUser;
  upper.replace(upper.find("siti.rahma"), 10, "SITI.RAHMA");
  auto duplicate = Send(Method::kPost, "/api/v1/users", &admin, upper);
  EXPECT_EQ(duplicate.status, 409);
  EXPECT_EQ(JsonOf(duplicate).at("error").at("field").as_string(), "username");
  EXPECT_EQ(JsonOf(duplicate).at("error").at("message").as_string(),
            "Nama pengguna sudah dipakai.");
}

TEST_F(AppTest, InvalidFieldsAreReportedByName) {
  Client admin = SignIn("admin", kAdminPassword);
  auto bad_password = Send(Method::kPost, "/api/v1/users", &admin,
                           R"({"username":"andi","password":"short","role":"user"})");
  EXPECT_EQ(bad_password.status, 400);
  EXPECT_EQ(JsonOf(bad_password).at("error").at("field").as_string(), "password");
  auto bad_role = Send(Method::kPost, "/api/v1/users", &admin,
                       R"({"username":"andi","password":"long-password-1","role":"root"})");
  EXPECT_EQ(bad_role.status, 400);
  auto not_json = Send(Method::kPost, "/api/v1/users", &admin, "{not json");
  EXPECT_EQ(not_json.status, 400);
  EXPECT_EQ(Count("SELECT count(*) FROM users"), 1);
}

TEST_F(AppTest, DeactivatingAUserEndsTheirSessionsAndSignIn) {
  std::int64_t id = CreateUser("budi", "budi-password-1", core::Role::kUser);
  Client budi = SignIn("budi", "budi-password-1");
  Client admin = SignIn("admin", kAdminPassword);
  auto response =
      Send(Method::kPatch, "/api/v1/users/" + std::to_string(id), &admin, R"({"is_active":false})");
  ASSERT_EQ(response.status, 200);
  EXPECT_FALSE(JsonOf(response).at("user").at("is_active").as_bool());
  EXPECT_EQ(Send(Method::kGet, "/api/v1/me", &budi).status, 401);
  auto again = Send(Method::kPost, "/api/v1/session", nullptr,
                    R"({"username":"budi","password":"budi-password-1"})");
  EXPECT_EQ(again.status, 401);
  ASSERT_EQ(
      Send(Method::kPatch, "/api/v1/users/" + std::to_string(id), &admin, R"({"is_active":true})")
          .status,
      200);
  SignIn("budi", "budi-password-1");
}

TEST_F(AppTest, AdminChangesRoleDetailsAndResetsPassword) {
  std::int64_t id = CreateUser("budi", "budi-password-1", core::Role::kUser);
  Client admin = SignIn("admin", kAdminPassword);
  auto response = Send(Method::kPatch, "/api/v1/users/" + std::to_string(id), &admin,
                       R"({"role":"admin","email":"budi@bri.co.id","password":"budi-password-2"})");
  ASSERT_EQ(response.status, 200) << response.body;
  auto user = JsonOf(response).at("user");
  EXPECT_EQ(user.at("role").as_string(), "admin");
  EXPECT_EQ(user.at("email").as_string(), "budi@bri.co.id");
  SignIn("budi", "budi-password-2");
  EXPECT_EQ(
      Count("SELECT count(*) FROM audit_log WHERE action = 'user.update' "
            "AND detail->>'password' = 'changed' AND NOT detail::text LIKE '%budi-password%'"),
      1);
}

TEST_F(AppTest, AdminCannotDeactivateOrDemoteThemself) {
  Client admin = SignIn("admin", kAdminPassword);
  std::string target = "/api/v1/users/" + std::to_string(admin_id_);
  auto deactivate = Send(Method::kPatch, target, &admin, R"({"is_active":false})");
  EXPECT_EQ(deactivate.status, 409);
  auto demote = Send(Method::kPatch, target, &admin, R"({"role":"user"})");
  EXPECT_EQ(demote.status, 409);
  EXPECT_EQ(Count("SELECT count(*) FROM users WHERE role = 'admin' AND is_active"), 1);
}

TEST_F(AppTest, UnknownUserIs404) {
  Client admin = SignIn("admin", kAdminPassword);
  EXPECT_EQ(Send(Method::kGet, "/api/v1/users/999999", &admin).status, 404);
  EXPECT_EQ(Send(Method::kPatch, "/api/v1/users/999999", &admin, R"({"first_name":"x"})").status,
            404);
  EXPECT_EQ(Send(Method::kGet, "/api/v1/users/abc", &admin).status, 404);
}

TEST_F(AppTest, AuditLogIsAppendOnly) {
  SignIn("admin", kAdminPassword);
  EXPECT_THROW(Execute("UPDATE audit_log SET action = 'x'"), std::exception);
  EXPECT_THROW(Execute("DELETE FROM audit_log"), std::exception);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'auth.sign_in'"), 1);
}

}  // namespace
}  // namespace smedash::testing
