#include "reference_data_fixture.hpp"

#include "data_management/routes.hpp"

namespace smedash::testing {

void ReferenceDataTest::SetUp() {
  UploadTest::SetUp();
  changes_ = std::make_unique<db::ChangeFeed>(connection_string_);
  data_management::RegisterReferenceDataRoutes(router_, {*pool_, *pages_, *changes_});
}

void ReferenceDataTest::LoadWorkedExample(const Client& admin) {
  const auto id = Stage(admin, "contoh.csv", kWorkedExample);
  auto queued =
      Send(http::Method::kPost, "/api/v1/uploads/" + std::to_string(id) + "/process", &admin);
  ASSERT_EQ(queued.status, 202) << queued.body;
  StartWorkers();
  auto upload = WaitForUpload(admin, id);
  ASSERT_EQ(upload.at("status").as_string(), "completed") << boost::json::serialize(upload);
  StopWorkers();
}

http::Response ReferenceDataTest::SendJson(http::Method method, const std::string& target,
                                           const Client* client, const boost::json::object& body) {
  return Send(method, target, client, boost::json::serialize(body));
}

http::Response ReferenceDataTest::PostCsv(const std::string& target, const Client* client,
                                          const std::string& csv) {
  http::Request request;
  request.method = http::Method::kPost;
  request.target = target;
  request.body = csv;
  request.remote_address = "192.0.2.10";
  request.request_id = "test";
  request.headers.emplace("host", "127.0.0.1:8000");
  request.headers["content-type"] = "text/csv";
  if (client != nullptr) {
    request.headers["cookie"] =
        "lang=" + client->lang + "; smedash_session=" + client->session_token;
    request.headers["x-csrf-token"] = client->csrf_token;
  }
  return router_.Dispatch(request);
}

std::int64_t ReferenceDataTest::DataVersion() { return Count("SELECT version FROM data_version"); }

long ReferenceDataTest::AuditCount(const std::string& action) {
  // Actions are fixed identifiers written by the tests, never user input.
  return Count("SELECT count(*) FROM audit_log WHERE action = '" + action + "'");
}

std::string ReferenceDataTest::SegmentOs(const std::string& periode, const std::string& segment) {
  return Scalar("SELECT coalesce(sum(os), 0)::numeric(20,2) FROM agg_position WHERE periode = '" +
                periode + "' AND segment = '" + segment + "'");
}

std::string ReferenceDataTest::SegmentOsFromRows(const std::string& periode,
                                                 const std::string& segment) {
  return Scalar(
      "SELECT coalesce(sum(l.os), 0)::numeric(20,2) FROM loan_data l "
      "LEFT JOIN segment_map m ON m.code = l.code WHERE l.periode = '" +
      periode + "' AND coalesce(m.segment, 'SMALL NCC') = '" + segment + "'");
}

long ReferenceDataTest::KancaCustomers(const std::string& periode, const std::string& kanca_key) {
  return Count(
      "SELECT coalesce(sum(customers), 0) FROM agg_nsb WHERE level = 'kanca' "
      "AND group_code = 'SME' AND periode = '" +
      periode + "' AND level_key = '" + kanca_key + "'");
}

}  // namespace smedash::testing
