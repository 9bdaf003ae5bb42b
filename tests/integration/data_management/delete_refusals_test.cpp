// What a delete refuses, and how: a `user` gets 403 on every route; a bad request is 400
// naming its field; a selection without data is a message (preview) or 404, not an error
// page; a preview the data moved past is 409 "stale"; a delete waits for a short change
// holding the loader's lock and refuses with 409 "busy" while a load keeps it. Nothing
// is deleted by any of them.
#include <future>
#include <pqxx/pqxx>
#include <thread>

#include "delete_data_fixture.hpp"

namespace smedash::testing {
namespace {

// ingest's LockLoanData key ("loandata" in ASCII; metrics' aggregates lock the same one).
constexpr std::int64_t kLoanDataLockKey = 0x6c6f616e64617461;

class DeleteRefusalsTest : public DeleteDataTest {
 protected:
  void SetUp() override {
    DeleteDataTest::SetUp();
    ImportWorkedExample();
    rows_before_ = RowsPerPosition();
  }

  // Holds the loader's lock from another connection, as a running load does, for `hold`.
  std::thread HoldLoanDataLock(std::chrono::milliseconds hold) {
    std::promise<void> taken;
    auto ready = taken.get_future();
    std::thread holder([this, hold, taken = std::move(taken)]() mutable {
      pqxx::connection connection(connection_string_);
      pqxx::work tx(connection);
      tx.exec_params("SELECT pg_advisory_xact_lock($1)", kLoanDataLockKey);
      taken.set_value();
      std::this_thread::sleep_for(hold);
    });
    ready.wait();
    return holder;
  }

  std::map<std::string, long> rows_before_;
};

TEST_F(DeleteRefusalsTest, AUserGets403OnEveryRoute) {
  const auto& user = user_;  // role "user"
  EXPECT_EQ(Send(http::Method::kGet, "/data/delete/", &user).status, 403);
  EXPECT_EQ(Preview("mode=all", &user).status, 403);
  EXPECT_EQ(Preview("mode=position&position=2025-10-09", &user).status, 403);
  const auto refused = Delete({{"mode", "all"}, {"confirmation", "HAPUS SEMUA DATA"}}, &user);
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(Text(JsonOf(refused).at("error").at("code")), "forbidden");
  EXPECT_EQ(Delete({{"mode", "position"}, {"position", "2025-10-09"}}, &user).status, 403);
  EXPECT_EQ(RowsPerPosition(), rows_before_);
  EXPECT_EQ(DeleteAuditCount(), 0);
}

TEST_F(DeleteRefusalsTest, TheAdminsPageOffersTheDeleteAndTheTypedText) {
  const auto page = Send(http::Method::kGet, "/data/delete/", &admin_);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("data-confirm-text=\"HAPUS SEMUA DATA\""), std::string::npos);
  EXPECT_NE(page.body.find("href=\"/data/delete/\""), std::string::npos) << "in the sidebar";
  EXPECT_NE(page.body.find("/static/app/js/delete.mjs"), std::string::npos);
}

TEST_F(DeleteRefusalsTest, BadInputIs400NamingTheField) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"", "mode"},
      {"mode=hapus", "mode"},
      {"mode=position", "position"},
      {"mode=position&position=09/10/2025", "position"},
      {"mode=position&position=2025-02-30", "position"},
      {"mode=range&to=2025-10-09", "from"},
      {"mode=range&from=2025-10-09", "to"},
      {"mode=range&from=2025-10-09&to=2025-10-08", "to"},
      {"mode=upload", "upload"},
      {"mode=upload&upload=abc", "upload"},
      {"mode=upload&upload=0", "upload"},
      {"mode=upload&upload=-3", "upload"},
  };
  for (const auto& [query, field] : cases) {
    const auto preview = Preview(query);
    EXPECT_EQ(preview.status, 400) << query;
    const auto error = JsonOf(preview).at("error");
    EXPECT_EQ(Text(error.at("code")), "validation") << query;
    EXPECT_EQ(Text(error.at("field")), field) << query;
    EXPECT_FALSE(Text(error.at("message")).empty()) << query;
  }
  const std::vector<std::pair<boost::json::object, std::string>> bodies = {
      {{{"mode", 3}}, "mode"},
      {{{"mode", "position"}, {"position", 20251009}}, "position"},
      {{{"mode", "upload"}, {"upload", 1.5}}, "upload"},
      {{{"mode", "position"}, {"position", "2025-10-09"}, {"data_version", "7"}}, "data_version"},
  };
  for (const auto& [body, field] : bodies) {
    const auto refused = Delete(body);
    EXPECT_EQ(refused.status, 400) << boost::json::serialize(body);
    EXPECT_EQ(Text(JsonOf(refused).at("error").at("field")), field) << boost::json::serialize(body);
  }
  EXPECT_EQ(Send(http::Method::kPost, "/api/v1/data/delete", &admin_, "{not json").status, 400);
  EXPECT_EQ(RowsPerPosition(), rows_before_);
  EXPECT_EQ(DeleteAuditCount(), 0);
}

TEST_F(DeleteRefusalsTest, NothingToDeleteIsAMessageNotAnError) {
  const auto preview = Preview("mode=position&position=2025-10-10");
  ASSERT_EQ(preview.status, 200);
  const auto json = JsonOf(preview);
  EXPECT_FALSE(json.at("can_delete").as_bool());
  EXPECT_TRUE(json.at("positions").as_array().empty());
  EXPECT_EQ(Text(json.at("message")), "Tidak ada data pada posisi 10/10/2025.");

  const auto range = JsonOf(Preview("mode=range&from=2025-10-10&to=2025-12-31"));
  EXPECT_EQ(Text(range.at("message")), "Tidak ada data dari 10/10/2025 sampai 31/12/2025.");

  const auto refused = Delete({{"mode", "position"}, {"position", "2025-10-10"}});
  EXPECT_EQ(refused.status, 404);
  const auto error = JsonOf(refused).at("error");
  EXPECT_EQ(Text(error.at("code")), "nothing_to_delete");
  EXPECT_EQ(Text(error.at("message")), "Tidak ada data pada posisi 10/10/2025.");
  EXPECT_EQ(RowsPerPosition(), rows_before_);
  EXPECT_EQ(DeleteAuditCount(), 0);
}

TEST_F(DeleteRefusalsTest, APreviewTheDataMovedPastIsRefused) {
  const auto version = JsonOf(Preview("mode=position&position=2025-10-09")).at("data_version");
  Import("10-10.csv",
         "PERIODE,KANCA,KODE UKER,UKER,NOMOR REKENING,CIFNO,CODE,KOL_ADK,OS\n"
         "10/10/2025,KC Garut,25,KC Garut,100000000000009,C9,80065,1,700000000\n");
  const auto rows = RowsPerPosition();
  const auto refused =
      Delete({{"mode", "position"}, {"position", "2025-10-09"}, {"data_version", version}});
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(Text(JsonOf(refused).at("error").at("code")), "stale");
  EXPECT_EQ(RowsPerPosition(), rows);
  EXPECT_EQ(DeleteAuditCount(), 0);
}

TEST_F(DeleteRefusalsTest, ADeleteWaitsForAShortChangeHoldingTheLock) {
  const auto hold = std::chrono::milliseconds(1500);
  auto holder = HoldLoanDataLock(hold);
  const auto started = std::chrono::steady_clock::now();
  const auto done = Delete({{"mode", "position"}, {"position", "2025-10-09"}});
  const auto waited = std::chrono::steady_clock::now() - started;
  holder.join();
  EXPECT_EQ(done.status, 200) << done.body;
  EXPECT_GE(waited, hold - std::chrono::milliseconds(100));
  EXPECT_EQ(RowsPerPosition().count("2025-10-09"), 0u);
}

TEST_F(DeleteRefusalsTest, ADeleteDuringALongLoadIsRefusedNamingTheUpload) {
  // An upload being loaded: its row says 'processing' and it holds the lock throughout.
  Execute("UPDATE uploads SET status = 'processing' WHERE id = (SELECT max(id) FROM uploads)");
  const auto preview = JsonOf(Preview("mode=position&position=2025-10-09"));
  EXPECT_EQ(Texts(preview.at("loading"), "file_name"), std::vector<std::string>{"contoh.csv"});

  auto holder = HoldLoanDataLock(std::chrono::seconds(12));
  const auto refused = Delete({{"mode", "position"}, {"position", "2025-10-09"}});
  holder.join();
  EXPECT_EQ(refused.status, 409);
  const auto error = JsonOf(refused).at("error");
  EXPECT_EQ(Text(error.at("code")), "busy");
  EXPECT_NE(Text(error.at("message")).find("contoh.csv"), std::string::npos)
      << Text(error.at("message"));
  EXPECT_EQ(RowsPerPosition(), rows_before_);
  EXPECT_EQ(DeleteAuditCount(), 0);
}

}  // namespace
}  // namespace smedash::testing
