#include "audit_fixture.hpp"

#include <fstream>
#include <pqxx/pqxx>
#include <thread>

namespace smedash::testing {

const char* const kSmallLoanFile =
    "PERIODE,KANCA,KODE UKER,UKER,NOMOR REKENING,NAMA DEBITUR,CIFNO,FLAG RESTRUK,"
    "KOLEKTIBILITAS LANCAR,KOLEKTIBILITAS DPK,KOLEKTIBILITAS KURANG LANCAR,"
    "KOLEKTIBILITAS DIRAGUKAN,KOLEKTIBILITAS MACET,CODE,KOL_ADK,OS\n"
    "09/10/2025,KC Bandung AA,5,KC Bandung AA,100000000000001,PT "
    "Satu,C1,N,10000000000,0,0,0,0,42210,1,10000000000\n"
    "09/10/2025,KC Bandung AA,675,KCP Rajawali Bandung,100000000000002,UD "
    "Dua,C2,N,0,2000000000,0,0,0,43206,2,2000000000\n"
    "09/10/2025,KC Garut,25,KC Garut,100000000000004,Toko "
    "Empat,C4,N,0,0,500000000,0,0,80065,3,500000000\n";

void AuditTest::SetUp() {
  AppTest::SetUp();
  // The App keeps a reference to the fixture's configuration: uploads and exports land
  // in this test's own folder instead of ./var.
  config_.data_dir = data_dir_.Path();
  ingest::JobWorkerOptions options;
  options.threads = 1;
  options.data_dir = config_.data_dir;
  options.poll_interval = std::chrono::milliseconds(200);
  workers_ = std::make_unique<ingest::JobWorkers>(connection_string_, options, app_->JobSignal());
}

void AuditTest::TearDown() { workers_.reset(); }

boost::json::object AuditTest::Page(const Client& client, const std::string& query) {
  auto response = Send(http::Method::kGet, "/api/v1/audit?" + query, &client);
  EXPECT_EQ(response.status, 200) << query << ": " << response.body;
  if (response.status != 200) return {};
  return JsonOf(response);
}

std::vector<boost::json::object> AuditTest::Walk(const Client& client, const std::string& query,
                                                 int limit, bool backwards) {
  const std::string base = query + (query.empty() ? "" : "&") + "limit=" + std::to_string(limit);
  std::vector<boost::json::object> entries;
  auto page = Page(client, base);
  if (backwards) {  // to the oldest page first, then back up by the newer cursors
    while (!page.at("older").is_null()) {
      page = Page(client, base + "&before=" + std::to_string(page.at("older").as_int64()));
    }
    std::vector<std::vector<boost::json::object>> pages;
    for (;;) {
      pages.emplace_back();
      for (const auto& entry : page.at("entries").as_array()) {
        pages.back().push_back(entry.as_object());
      }
      if (page.at("newer").is_null() || pages.size() > 1000) break;
      page = Page(client, base + "&after=" + std::to_string(page.at("newer").as_int64()));
    }
    for (auto it = pages.rbegin(); it != pages.rend(); ++it) {
      entries.insert(entries.end(), it->begin(), it->end());
    }
    return entries;
  }
  for (int pages = 0; pages < 1000; ++pages) {
    for (const auto& entry : page.at("entries").as_array()) entries.push_back(entry.as_object());
    if (page.at("older").is_null()) break;
    page = Page(client, base + "&before=" + std::to_string(page.at("older").as_int64()));
  }
  return entries;
}

boost::json::object AuditTest::Newest(const Client& client, const std::string& action) {
  auto page = Page(client, "action=" + action + "&limit=1");
  const auto& entries = page.at("entries").as_array();
  EXPECT_EQ(entries.size(), 1u) << "no entry " << action;
  if (entries.empty()) return {};
  return entries.front().as_object();
}

std::vector<std::int64_t> AuditTest::IdsWhere(const std::string& where) {
  pqxx::connection connection(connection_string_);
  pqxx::read_transaction tx(connection);
  std::vector<std::int64_t> ids;
  for (const auto& row : tx.exec("SELECT id FROM audit_log WHERE " + where + " ORDER BY id DESC")) {
    ids.push_back(row[0].as<std::int64_t>());
  }
  return ids;
}

std::vector<std::int64_t> AuditTest::IdsOf(const std::vector<boost::json::object>& entries) {
  std::vector<std::int64_t> ids;
  for (const auto& entry : entries) ids.push_back(entry.at("id").as_int64());
  return ids;
}

std::int64_t AuditTest::StageUpload(const Client& client, const std::string& name,
                                    const std::string& content) {
  // As the session hands an upload over: the body in a temporary file.
  const auto body_file = data_dir_.Path() / "upload-body.part";
  std::ofstream(body_file, std::ios::binary) << content;
  http::Request request;
  request.method = http::Method::kPost;
  request.target = "/api/v1/uploads?number_style=auto&name=" + http::UrlEncode(name);
  request.remote_address = "192.0.2.10";
  request.request_id = "test";
  request.headers = {{"host", "127.0.0.1:8000"},
                     {"content-type", "application/octet-stream"},
                     {"cookie", "lang=id; smedash_session=" + client.session_token},
                     {"x-csrf-token", client.csrf_token}};
  request.body_file = body_file;
  auto response = app_->Router().Dispatch(request);
  std::filesystem::remove(body_file);
  EXPECT_EQ(response.status, 201) << response.body;
  if (response.status != 201) return 0;
  return JsonOf(response).at("upload").at("id").as_int64();
}

std::string AuditTest::ProcessUpload(const Client& client, std::int64_t id) {
  const std::string path = "/api/v1/uploads/" + std::to_string(id);
  auto queued = Send(http::Method::kPost, path + "/process", &client);
  EXPECT_EQ(queued.status, 202) << queued.body;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    auto response = Send(http::Method::kGet, path, &client);
    const std::string status(JsonOf(response).at("upload").at("status").as_string());
    if (status == "completed" || status == "failed") return status;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ADD_FAILURE() << "upload " << id << " did not finish";
  return "";
}

}  // namespace smedash::testing
