//! A router with the upload routes and the accounts sign-in on a fresh migrated database,
//! a data directory of its own, and helpers to upload files and run the job workers the
//! way the server does (through Router::Dispatch, without sockets).
#pragma once
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "accounts/auth_service.hpp"
#include "accounts/user_service.hpp"
#include "core/config.hpp"
#include "db/pool.hpp"
#include "http/router.hpp"
#include "ingest/jobs/job_workers.hpp"
#include "support/temp_dir.hpp"
#include "ui/page_renderer.hpp"

namespace smedash::testing {

struct Client {
  std::string session_token;  // empty when signed out
  std::string csrf_token;
  std::string lang = "id";
};

// domain.md section 10: 20 rows, 4 positions, CODE 99999 unknown.
extern const char* const kWorkedExample;

class UploadTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  http::Response Send(http::Method method, const std::string& target, const Client* client,
                      const std::string& body = "");
  // POST /api/v1/uploads with `content` as the streamed body, as the session hands it over.
  http::Response Upload(const Client* client, const std::string& name, const std::string& content,
                        const std::string& query = "number_style=auto");
  // Stages `content` (expecting 201) and returns the upload id.
  std::int64_t Stage(const Client& client, const std::string& name, const std::string& content);
  Client SignIn(const std::string& username, const std::string& password);
  Client SignInAdmin() { return SignIn("admin", kAdminPassword); }
  void CreateUser(const std::string& username, const std::string& password, core::Role role);

  void StartWorkers();
  void StopWorkers() { workers_.reset(); }
  // Polls GET /api/v1/uploads/{id} until the upload is completed or failed.
  boost::json::object WaitForUpload(const Client& client, std::int64_t id,
                                    std::chrono::seconds timeout = std::chrono::seconds(60));

  static boost::json::object JsonOf(const http::Response& response);
  long Count(const std::string& sql);
  std::string Scalar(const std::string& sql);
  void Execute(const std::string& sql);

  static constexpr const char* kAdminPassword = "admin-password-123";
  static constexpr std::uint64_t kUploadLimit = 64 * 1024;

  TempDir data_dir_{"smedash-upload-test"};
  core::Config config_;
  std::string connection_string_;
  std::unique_ptr<db::Pool> pool_;
  std::unique_ptr<ui::PageRenderer> pages_;
  std::shared_ptr<accounts::AuthService> auth_;
  std::unique_ptr<accounts::UserService> users_;
  std::shared_ptr<ingest::JobSignal> signal_;
  http::Router router_;
  std::unique_ptr<ingest::JobWorkers> workers_;
  int body_files_ = 0;
};

}  // namespace smedash::testing
