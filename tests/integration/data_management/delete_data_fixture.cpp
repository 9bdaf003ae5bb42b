#include "delete_data_fixture.hpp"

#include <algorithm>
#include <fstream>
#include <pqxx/pqxx>
#include <sstream>
#include <thread>

#include "ingest/load/load_fixture.hpp"

namespace smedash::testing {

void DeleteDataTest::SetUp() {
  DashboardApiTest::SetUp();
  // The App and its services hold a reference to config_, so uploads from here on are
  // stored under the test's own folder (AppTest leaves the default "var").
  config_.data_dir = data_dir_.Path();
  admin_ = SignIn("admin", kAdminPassword);
  ingest::JobWorkerOptions options;
  options.threads = 1;
  options.data_dir = config_.data_dir;
  options.poll_interval = std::chrono::milliseconds(200);
  workers_ = std::make_unique<ingest::JobWorkers>(connection_string_, options, app_->JobSignal());
}

void DeleteDataTest::TearDown() { workers_.reset(); }

std::int64_t DeleteDataTest::StageThroughWeb(const std::string& name, const std::string& csv) {
  // The body as the session hands it over: a temporary file the handler moves away.
  const auto folder = data_dir_.Path() / "tmp";
  std::filesystem::create_directories(folder);
  const auto body_file = folder / ("body-" + std::to_string(++body_files_) + ".part");
  std::ofstream(body_file, std::ios::binary) << csv;
  http::Request request;
  request.method = http::Method::kPost;
  request.target = "/api/v1/uploads?name=" + http::UrlEncode(name) + "&number_style=auto";
  request.remote_address = "192.0.2.10";
  request.request_id = "test";
  request.headers = {{"host", "127.0.0.1:8000"},
                     {"content-type", "application/octet-stream"},
                     {"cookie", "lang=id; smedash_session=" + admin_.session_token},
                     {"x-csrf-token", admin_.csrf_token}};
  request.body_file = body_file;
  const auto staged = app_->Router().Dispatch(request);
  std::error_code ignored;
  std::filesystem::remove(body_file, ignored);
  EXPECT_EQ(staged.status, 201) << staged.body;
  if (staged.status != 201) return 0;
  return JsonOf(staged).at("upload").at("id").as_int64();
}

std::int64_t DeleteDataTest::UploadThroughWeb(const std::string& name, const std::string& csv) {
  const auto id = StageThroughWeb(name, csv);
  if (id == 0) return 0;
  const auto path = "/api/v1/uploads/" + std::to_string(id);
  const auto queued = Send(http::Method::kPost, path + "/process", &admin_);
  EXPECT_EQ(queued.status, 202) << queued.body;

  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    const auto upload = JsonOf(Send(http::Method::kGet, path, &admin_)).at("upload");
    const auto status = upload.at("status").as_string();
    if (status == "completed") return id;
    EXPECT_NE(status, "failed") << boost::json::serialize(upload);
    if (status == "failed") return 0;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ADD_FAILURE() << "upload " << id << " did not complete";
  return 0;
}

std::int64_t DeleteDataTest::LastUploadId() { return Count("SELECT max(id) FROM uploads"); }

http::Response DeleteDataTest::Preview(const std::string& query, const Client* client) {
  return Send(http::Method::kGet, "/api/v1/data/delete/preview?" + query,
              client != nullptr ? client : &admin_);
}

http::Response DeleteDataTest::Delete(const boost::json::object& body, const Client* client) {
  return Send(http::Method::kPost, "/api/v1/data/delete", client != nullptr ? client : &admin_,
              boost::json::serialize(body));
}

boost::json::object DeleteDataTest::PreviewAndDelete(const std::string& query,
                                                     boost::json::object body) {
  const auto preview = Preview(query);
  EXPECT_EQ(preview.status, 200) << preview.body;
  if (preview.status != 200) return {};
  body["data_version"] = JsonOf(preview).at("data_version");
  const auto deleted = Delete(body);
  EXPECT_EQ(deleted.status, 200) << deleted.body;
  if (deleted.status != 200) return {};
  return JsonOf(deleted);
}

std::string DeleteDataTest::Figures(const std::vector<std::string>& positions) {
  std::string text = boost::json::serialize(GetJson("/api/v1/positions"));
  for (const auto& position : positions) {
    for (const std::string metric : {"os", "nsb", "npl"}) {
      text +=
          "\n" + boost::json::serialize(Os("group=SME&metric=" + metric + "&position=" + position));
    }
    text += "\n" + boost::json::serialize(
                       GetJson("/api/v1/dashboard/summary?tab=konsol&position=" + position));
  }
  return text;
}

std::map<std::string, long> DeleteDataTest::RowsPerPosition() {
  pqxx::connection connection(connection_string_);
  pqxx::read_transaction tx(connection);
  std::map<std::string, long> rows;
  for (const auto& row : tx.exec("SELECT periode::text, count(*) FROM loan_data GROUP BY 1")) {
    rows[row[0].as<std::string>()] = row[1].as<long>();
  }
  return rows;
}

std::vector<std::string> DeleteDataTest::DashboardPositions() {
  return TextsOf(GetJson("/api/v1/positions").at("positions"));
}

std::string DeleteDataTest::PositionsTag() {
  return Get("/api/v1/positions").Header("ETag").value_or("");
}

boost::json::object DeleteDataTest::Os(const std::string& query) {
  return GetJson("/api/v1/dashboard/os?" + query);
}

long DeleteDataTest::DeleteAuditCount() {
  return Count("SELECT count(*) FROM audit_log WHERE action = 'data.delete'");
}

boost::json::object DeleteDataTest::LastDeleteAudit() {
  pqxx::connection connection(connection_string_);
  pqxx::read_transaction tx(connection);
  const auto row = tx.exec1(
      "SELECT actor_name, target, ip_address, detail::text FROM audit_log "
      "WHERE action = 'data.delete' ORDER BY id DESC LIMIT 1");
  return {{"actor_name", row[0].as<std::string>()},
          {"target", row[1].as<std::string>()},
          {"ip_address", row[2].as<std::string>()},
          {"detail", boost::json::parse(row[3].as<std::string>())}};
}

std::string WorkedExampleRows(const std::vector<std::string>& dates) {
  std::istringstream lines(ingest::testing::kWorkedExampleCsv);
  std::string line;
  std::getline(lines, line);
  std::string csv = line + "\n";
  while (std::getline(lines, line)) {
    const std::string date = line.substr(0, line.find(','));
    if (std::find(dates.begin(), dates.end(), date) != dates.end()) csv += line + "\n";
  }
  return csv;
}

const boost::json::value& OsTable(const boost::json::object& os, const std::string& id) {
  return Find(os.at("tables"), "id", id).at("rows");
}

std::string OsTotal(const boost::json::object& os, const std::string& id,
                    const std::string& column) {
  return Text(Find(os.at("tables"), "id", id).at("total").at("values").at(column));
}

}  // namespace smedash::testing
