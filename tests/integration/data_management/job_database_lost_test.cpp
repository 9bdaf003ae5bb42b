// An import whose database connection dies mid-load (PostgreSQL stopped, restarted or its
// backend killed) fails with a reason that says so, and nothing of the file stays; it is
// not loaded again behind the admin's back. The stop of a whole server is proven end to end
// by tests/e2e/database_outage.test.mjs; here the worker's backend alone is terminated.
#include <chrono>
#include <pqxx/pqxx>
#include <thread>

#include "upload_fixture.hpp"

namespace smedash::testing {
namespace {

using http::Method;
using namespace std::chrono_literals;

// The backend of the statement that waits for a lock on `table`, or 0.
int WaitingBackend(const std::string& connection_string, const std::string& table) {
  pqxx::connection connection(connection_string);
  pqxx::nontransaction tx(connection);
  const auto rows = tx.exec_params(
      "SELECT pid FROM pg_locks WHERE NOT granted AND relation = $1::regclass", table);
  return rows.empty() ? 0 : rows[0][0].as<int>();
}

TEST_F(UploadTest, AnImportWhoseDatabaseConnectionDiesFailsAndLoadsNothing) {
  Client admin = SignInAdmin();
  const auto id = Stage(admin, "posisi.csv", kWorkedExample);
  // Holding agg_position against writes stops the load inside its transaction, with the
  // file's rows already copied into loan_data.
  pqxx::connection holder(connection_string_);
  auto hold = std::make_unique<pqxx::work>(holder);
  hold->exec0("LOCK TABLE agg_position IN EXCLUSIVE MODE");
  StartWorkers();
  ASSERT_EQ(
      Send(Method::kPost, "/api/v1/uploads/" + std::to_string(id) + "/process", &admin).status,
      202);

  int backend = 0;
  for (int attempt = 0; attempt < 600 && backend == 0; ++attempt) {
    std::this_thread::sleep_for(50ms);
    backend = WaitingBackend(connection_string_, "agg_position");
  }
  ASSERT_NE(backend, 0) << "the load never reached agg_position";
  Execute("SELECT pg_terminate_backend(" + std::to_string(backend) + ", 5000)");
  hold.reset();  // rolls back: the lock is free for a (wrong) second attempt

  const auto upload = WaitForUpload(admin, id, 30s);
  EXPECT_EQ(upload.at("status").as_string(), "failed");
  ASSERT_TRUE(upload.at("error").is_object()) << boost::json::serialize(upload);
  EXPECT_EQ(upload.at("error").at("key").as_string(), "ingest.file.database_lost");
  EXPECT_EQ(upload.at("error").at("message").as_string(),
            "Koneksi ke basis data terputus saat file ini diproses, jadi tidak ada datanya yang "
            "dimuat. Setelah server kembali normal, proses ulang file ini dari riwayat upload.");
  EXPECT_EQ(Count("SELECT count(*) FROM loan_data"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM agg_position"), 0);
}

}  // namespace
}  // namespace smedash::testing
