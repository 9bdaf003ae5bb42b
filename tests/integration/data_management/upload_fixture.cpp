#include "upload_fixture.hpp"

#include <strings.h>

#include <fstream>
#include <pqxx/pqxx>
#include <thread>

#include "accounts/routes.hpp"
#include "data_management/routes.hpp"
#include "support/test_cluster.hpp"

namespace smedash::testing {

const char* const kWorkedExample =
    "PERIODE,KANCA,KODE UKER,UKER,NOMOR REKENING,NAMA DEBITUR,CIFNO,FLAG RESTRUK,"
    "KOLEKTIBILITAS LANCAR,KOLEKTIBILITAS DPK,KOLEKTIBILITAS KURANG LANCAR,"
    "KOLEKTIBILITAS DIRAGUKAN,KOLEKTIBILITAS MACET,CODE,KOL_ADK,OS\n"
    "31/12/2024,KC Bandung AA,5,KC Bandung AA,100000000000001,PT "
    "Satu,C1,N,9000000000,0,0,0,0,42210,1,9000000000\n"
    "31/12/2024,KC Bandung AA,5,KC Bandung AA,100000000000003,CV "
    "Tiga,C3,Y,2500000000,0,0,0,0,42110,1,2500000000\n"
    "30/09/2025,KC Bandung AA,5,KC Bandung AA,100000000000001,PT "
    "Satu,C1,N,9200000000,0,0,0,0,42210,1,9200000000\n"
    "30/09/2025,KC Bandung AA,675,KCP Rajawali Bandung,100000000000002,UD "
    "Dua,C2,N,1800000000,0,0,0,0,43206,1,1800000000\n"
    "30/09/2025,KC Bandung AA,5,KC Bandung AA,100000000000003,CV "
    "Tiga,C3,Y,2800000000,0,0,0,0,42110,1,2800000000\n"
    "30/09/2025,KC Garut,25,KC Garut,100000000000004,Toko "
    "Empat,C4,N,450000000,0,0,0,0,80065,1,450000000\n"
    "30/09/2025,KC Garut,25,KC Garut,100000000000006,UD Dua "
    "Garut,C2,N,1000000000,0,0,0,0,43207,1,1000000000\n"
    "08/10/2025,KC Bandung AA,5,KC Bandung AA,100000000000001,PT "
    "Satu,C1,N,9500000000,0,0,0,0,42210,1,9500000000\n"
    "08/10/2025,KC Bandung AA,675,KCP Rajawali Bandung,100000000000002,UD "
    "Dua,C2,N,2000000000,0,0,0,0,43206,1,2000000000\n"
    "08/10/2025,KC Bandung AA,5,KC Bandung AA,100000000000003,CV "
    "Tiga,C3,Y,3000000000,0,0,0,0,42110,1,3000000000\n"
    "08/10/2025,KC Garut,25,KC Garut,100000000000004,Toko "
    "Empat,C4,N,0,500000000,0,0,0,80065,2,500000000\n"
    "08/10/2025,KC Garut,1346,KCP Cikajang,100000000000005,Bengkel "
    "Lima,C5,N,0,0,0,0,400000000,99999,5,\n"
    "08/10/2025,KC Garut,25,KC Garut,100000000000006,UD Dua "
    "Garut,C2,N,1200000000,0,0,0,0,43207,1,1200000000\n"
    "09/10/2025,KC Bandung AA,5,KC Bandung AA,100000000000001,PT "
    "Satu,C1,N,10000000000,0,0,0,0,42210,1,10000000000\n"
    "09/10/2025,KC Bandung AA,675,KCP Rajawali Bandung,100000000000002,UD "
    "Dua,C2,N,0,2000000000,0,0,0,43206,2,2000000000\n"
    "09/10/2025,KC Bandung AA,5,KC Bandung AA,100000000000003,CV "
    "Tiga,C3,Y,3000000000,0,0,0,0,42110,1,3000000000\n"
    "09/10/2025,KC Garut,25,KC Garut,100000000000004,Toko "
    "Empat,C4,N,0,0,500000000,0,0,80065,3,500000000\n"
    "09/10/2025,KC Garut,1346,KCP Cikajang,100000000000005,Bengkel "
    "Lima,C5,N,0,0,0,0,400000000,99999,5,\n"
    "09/10/2025,KC Garut,25,KC Garut,100000000000006,UD Dua "
    "Garut,C2,N,1500000000,0,0,0,0,43207,1,1500000000\n"
    "09/10/2025,KC Garut,25,KC Garut,100000000000007,Koperasi Tujuh,C7,N,0,0,0,0,0,43208,1,0\n";

void UploadTest::SetUp() {
  config_ = core::Config{};
  config_.web_root = SMEDASH_WEB_ROOT;
  config_.data_dir = data_dir_.Path();
  config_.worker_threads = 2;
  config_.upload_max_bytes = kUploadLimit;
  connection_string_ = FreshDatabase();
  pool_ = std::make_unique<db::Pool>(connection_string_, 4);
  pages_ = std::make_unique<ui::PageRenderer>(config_.web_root);
  auth_ = std::make_shared<accounts::AuthService>(
      *pool_, accounts::SessionLimits{config_.session_idle_timeout, config_.session_max_lifetime},
      accounts::ThrottlePolicy{config_.login_max_failures, config_.login_lock_duration});
  users_ = std::make_unique<accounts::UserService>(*pool_);
  signal_ = std::make_shared<ingest::JobSignal>();
  router_.SetGatekeeper(auth_);
  accounts::AccountsContext accounts{*auth_, *users_, *pages_, config_, *pool_};
  accounts::RegisterAuthRoutes(router_, accounts);
  data_management::RegisterUploadRoutes(router_, {*pool_, *pages_, config_, signal_});
  users_->CreateOrResetAdmin("admin", kAdminPassword);
}

void UploadTest::TearDown() { StopWorkers(); }

http::Response UploadTest::Send(http::Method method, const std::string& target,
                                const Client* client, const std::string& body) {
  http::Request request;
  request.method = method;
  request.target = target;
  request.body = body;
  request.remote_address = "192.0.2.10";
  request.request_id = "test";
  request.headers.emplace("host", "127.0.0.1:8000");
  if (!body.empty()) request.headers["content-type"] = "application/json";
  if (client != nullptr) {
    std::string cookie = "lang=" + client->lang;
    if (!client->session_token.empty()) cookie += "; smedash_session=" + client->session_token;
    request.headers["cookie"] = cookie;
    if (http::IsStateChanging(method)) request.headers["x-csrf-token"] = client->csrf_token;
  }
  return router_.Dispatch(request);
}

http::Response UploadTest::Upload(const Client* client, const std::string& name,
                                  const std::string& content, const std::string& query) {
  // Like the session: the body in a temporary file (under the data dir's tmp), removed
  // after the handler unless the handler moved it away.
  const auto folder = data_dir_.Path() / "tmp";
  std::filesystem::create_directories(folder);
  const auto body_file = folder / ("upload-" + std::to_string(++body_files_) + ".part");
  std::ofstream(body_file, std::ios::binary) << content;

  http::Request request;
  request.method = http::Method::kPost;
  request.target = "/api/v1/uploads?name=" + http::UrlEncode(name) + "&" + query;
  request.remote_address = "192.0.2.10";
  request.request_id = "test";
  request.headers.emplace("host", "127.0.0.1:8000");
  request.headers["content-type"] = "application/octet-stream";
  request.body_file = body_file;
  if (client != nullptr) {
    request.headers["cookie"] =
        "lang=" + client->lang + "; smedash_session=" + client->session_token;
    request.headers["x-csrf-token"] = client->csrf_token;
  }
  auto response = router_.Dispatch(request);
  std::error_code ignored;
  std::filesystem::remove(body_file, ignored);
  return response;
}

std::int64_t UploadTest::Stage(const Client& client, const std::string& name,
                               const std::string& content) {
  auto response = Upload(&client, name, content);
  EXPECT_EQ(response.status, 201) << response.body;
  if (response.status != 201) return 0;
  return JsonOf(response).at("upload").at("id").as_int64();
}

Client UploadTest::SignIn(const std::string& username, const std::string& password) {
  boost::json::object body{{"username", username}, {"password", password}};
  auto response =
      Send(http::Method::kPost, "/api/v1/session", nullptr, boost::json::serialize(body));
  EXPECT_EQ(response.status, 200) << response.body;
  Client client;
  for (const auto& [header, value] : response.headers) {
    if (strcasecmp(header.c_str(), "set-cookie") == 0 && value.starts_with("smedash_session=")) {
      client.session_token = value.substr(16, value.find(';') - 16);
    }
  }
  if (response.status == 200) {
    client.csrf_token = std::string(JsonOf(response).at("csrf_token").as_string());
  }
  return client;
}

void UploadTest::CreateUser(const std::string& username, const std::string& password,
                            core::Role role) {
  pqxx::connection connection(connection_string_);
  pqxx::read_transaction tx(connection);
  const auto admin_id =
      tx.exec1("SELECT id FROM users WHERE username = 'admin'")[0].as<std::int64_t>();
  core::Principal admin{admin_id, "admin", "admin", core::Role::kAdmin, "", ""};
  accounts::NewUser user{username, password, role, "", "", "", ""};
  auto outcome = users_->Create({admin, "192.0.2.1"}, user);
  ASSERT_TRUE(std::holds_alternative<accounts::User>(outcome));
}

void UploadTest::StartWorkers() {
  ingest::JobWorkerOptions options;
  options.threads = 1;
  options.data_dir = config_.data_dir;
  options.poll_interval = std::chrono::milliseconds(200);
  options.heartbeat.progress_interval = std::chrono::milliseconds(100);
  workers_ = std::make_unique<ingest::JobWorkers>(connection_string_, options, signal_);
}

boost::json::object UploadTest::WaitForUpload(const Client& client, std::int64_t id,
                                              std::chrono::seconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  boost::json::object upload;
  while (std::chrono::steady_clock::now() < deadline) {
    auto response = Send(http::Method::kGet, "/api/v1/uploads/" + std::to_string(id), &client);
    EXPECT_EQ(response.status, 200) << response.body;
    upload = JsonOf(response).at("upload").as_object();
    const auto status = upload.at("status").as_string();
    if (status == "completed" || status == "failed") return upload;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ADD_FAILURE() << "upload " << id << " did not finish: " << boost::json::serialize(upload);
  return upload;
}

boost::json::object UploadTest::JsonOf(const http::Response& response) {
  return boost::json::parse(response.body).as_object();
}

long UploadTest::Count(const std::string& sql) {
  pqxx::connection connection(connection_string_);
  pqxx::read_transaction tx(connection);
  return tx.exec1(sql)[0].as<long>();
}

std::string UploadTest::Scalar(const std::string& sql) {
  pqxx::connection connection(connection_string_);
  pqxx::read_transaction tx(connection);
  const auto field = tx.exec1(sql)[0];
  return field.is_null() ? "NULL" : field.as<std::string>();
}

void UploadTest::Execute(const std::string& sql) {
  pqxx::connection connection(connection_string_);
  pqxx::work tx(connection);
  tx.exec(sql);
  tx.commit();
}

}  // namespace smedash::testing
