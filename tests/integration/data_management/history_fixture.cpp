#include "history_fixture.hpp"

#include <pqxx/pqxx>

#include "data_management/routes.hpp"

namespace smedash::testing {

void HistoryTest::SetUp() {
  UploadTest::SetUp();
  data_management::RegisterHistoryRoutes(router_, {*pool_, *pages_, config_, signal_});
}

std::int64_t HistoryTest::InsertUpload(const UploadRow& row) {
  pqxx::connection connection(connection_string_);
  pqxx::work tx(connection);
  const char* by = nullptr;
  const std::string by_text = row.uploaded_by ? std::to_string(*row.uploaded_by) : "";
  if (row.uploaded_by) by = by_text.c_str();
  const auto id = tx.exec_params1(
                        "INSERT INTO uploads (uploaded_by, file_name, status, created_at) "
                        "VALUES ($1::bigint, $2, $3, $4::timestamptz) RETURNING id",
                        by, row.file_name, row.status, row.created_at)[0]
                      .as<std::int64_t>();
  tx.commit();
  return id;
}

std::int64_t HistoryTest::UserId(const std::string& username) {
  pqxx::connection connection(connection_string_);
  pqxx::read_transaction tx(connection);
  return tx.exec_params1("SELECT id FROM users WHERE username = $1", username)[0]
      .as<std::int64_t>();
}

boost::json::object HistoryTest::History(const Client& client, const std::string& query) {
  auto response = Send(http::Method::kGet, "/api/v1/uploads/history?" + query, &client);
  EXPECT_EQ(response.status, 200) << query << ": " << response.body;
  if (response.status != 200) return {};
  return JsonOf(response);
}

std::vector<std::int64_t> HistoryTest::Ids(const boost::json::object& answer) {
  std::vector<std::int64_t> ids;
  if (!answer.contains("uploads")) return ids;
  for (const auto& upload : answer.at("uploads").as_array()) {
    ids.push_back(upload.at("id").as_int64());
  }
  return ids;
}

}  // namespace smedash::testing
