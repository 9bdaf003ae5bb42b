//! An App on a fresh migrated database, and helpers to send it requests the way a
//! browser or API client would (through Router::Dispatch, without sockets).
#pragma once
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "app/app.hpp"
#include "core/config.hpp"

namespace smedash::testing {

struct Client {
  std::string session_token;  // the cookie value; empty when signed out
  std::string csrf_token;
  std::string lang = "id";
};

class AppTest : public ::testing::Test {
 protected:
  void SetUp() override;

  http::Response Send(http::Method method, const std::string& target, const Client* client,
                      const std::string& body = "",
                      std::map<std::string, std::string> headers = {});
  // POST /api/v1/session; returns the signed-in client or fails the test.
  Client SignIn(const std::string& username, const std::string& password);
  // Creates a user through the service (as the first admin) and returns its id.
  std::int64_t CreateUser(const std::string& username, const std::string& password,
                          core::Role role);
  static boost::json::object JsonOf(const http::Response& response);
  static std::optional<std::string> CookieValue(const http::Response& response,
                                                const std::string& name);
  long Count(const std::string& sql);  // runs a SELECT count(*) query
  // For setting up odd states; the App's caches drop what they kept.
  void Execute(const std::string& sql);
  // After data changed outside the App (an import run as another process would run it):
  // waits until the App's dashboards heard of it through PostgreSQL's notification, as a
  // user's next click a moment later would find. Fails the test after 10 s.
  void AwaitDataVersionHeard();

  static constexpr const char* kAdminPassword = "admin-password-123";
  core::Config config_;
  std::string connection_string_;
  std::unique_ptr<app::App> app_;
  std::int64_t admin_id_ = 0;
};

}  // namespace smedash::testing
