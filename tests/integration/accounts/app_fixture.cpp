#include "app_fixture.hpp"

#include <strings.h>

#include <chrono>
#include <pqxx/pqxx>
#include <thread>

#include "support/test_cluster.hpp"

namespace smedash::testing {

void AppTest::SetUp() {
  config_ = core::Config{};
  config_.web_root = SMEDASH_WEB_ROOT;
  config_.worker_threads = 2;
  connection_string_ = FreshDatabase();
  app_ = std::make_unique<app::App>(config_, connection_string_);
  app_->Users().CreateOrResetAdmin("admin", kAdminPassword);
  pqxx::connection connection(connection_string_);
  pqxx::read_transaction tx(connection);
  admin_id_ = tx.exec1("SELECT id FROM users WHERE username = 'admin'")[0].as<std::int64_t>();
}

http::Response AppTest::Send(http::Method method, const std::string& target, const Client* client,
                             const std::string& body, std::map<std::string, std::string> headers) {
  http::Request request;
  request.method = method;
  request.target = target;
  request.body = body;
  request.remote_address = "192.0.2.10";
  request.request_id = "test";
  request.headers = std::move(headers);
  request.headers.emplace("host", "127.0.0.1:8000");
  if (!body.empty() && !request.headers.contains("content-type")) {
    request.headers["content-type"] = "application/json";
  }
  if (client != nullptr) {
    std::string cookie = "lang=" + client->lang;
    if (!client->session_token.empty()) cookie += "; smedash_session=" + client->session_token;
    request.headers["cookie"] = cookie;
    if (http::IsStateChanging(method) && !request.headers.contains("x-csrf-token")) {
      request.headers["x-csrf-token"] = client->csrf_token;
    }
  }
  return app_->Router().Dispatch(request);
}

Client AppTest::SignIn(const std::string& username, const std::string& password) {
  boost::json::object body{{"username", username}, {"password", password}};
  auto response =
      Send(http::Method::kPost, "/api/v1/session", nullptr, boost::json::serialize(body));
  EXPECT_EQ(response.status, 200) << response.body;
  Client client;
  client.session_token = CookieValue(response, "smedash_session").value_or("");
  if (response.status == 200) {
    client.csrf_token = std::string(JsonOf(response).at("csrf_token").as_string());
  }
  return client;
}

std::int64_t AppTest::CreateUser(const std::string& username, const std::string& password,
                                 core::Role role) {
  core::Principal admin{admin_id_, "admin", "admin", core::Role::kAdmin, "", ""};
  accounts::NewUser user{username, password, role, "", "", "", ""};
  auto outcome = app_->Users().Create({admin, "192.0.2.1"}, user);
  return std::get<accounts::User>(outcome).id;
}

boost::json::object AppTest::JsonOf(const http::Response& response) {
  return boost::json::parse(response.body).as_object();
}

std::optional<std::string> AppTest::CookieValue(const http::Response& response,
                                                const std::string& name) {
  for (const auto& [header, value] : response.headers) {
    if (strcasecmp(header.c_str(), "set-cookie") != 0 || !value.starts_with(name + "=")) continue;
    return value.substr(name.size() + 1, value.find(';') - name.size() - 1);
  }
  return std::nullopt;
}

long AppTest::Count(const std::string& sql) {
  pqxx::connection connection(connection_string_);
  pqxx::read_transaction tx(connection);
  return tx.exec1(sql)[0].as<long>();
}

void AppTest::Execute(const std::string& sql) {
  pqxx::connection connection(connection_string_);
  pqxx::work tx(connection);
  tx.exec(sql);
  tx.commit();
  // An odd state made behind the App's back (a session aged, a row edited) is seen at once,
  // not after its caches' few seconds: no real change is written this way.
  app_->Changes().Announce(db::ChangeTopic::kSessions);
  app_->Changes().Announce(db::ChangeTopic::kData);
}

void AppTest::AwaitDataVersionHeard() {
  pqxx::connection connection(connection_string_);
  pqxx::nontransaction tx(connection);
  const auto version = tx.exec1("SELECT version FROM data_version")[0].as<std::int64_t>();
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (app_->Figures().CurrentVersion() != version &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  ASSERT_EQ(app_->Figures().CurrentVersion(), version) << "the App never heard of the change";
}

}  // namespace smedash::testing
