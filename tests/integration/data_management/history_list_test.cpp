// GET /api/v1/uploads/history: every upload newest first, 25 a page, each filter narrowing
// to exactly the uploads it names, and a 400 naming the field for a value it cannot use.
#include <fmt/format.h>

#include <algorithm>
#include <cstring>

#include "history_fixture.hpp"

namespace smedash::testing {
namespace {

using IdList = std::vector<std::int64_t>;

TEST_F(HistoryTest, PagesReturnEveryUploadOnceNewestFirst) {
  Client admin = SignInAdmin();
  const auto admin_id = UserId("admin");
  // 60 uploads over 20 minutes, three at each minute, so ties are ordered too (by id).
  std::vector<std::pair<std::string, std::int64_t>> uploads;  // (created_at, id)
  for (int index = 0; index < 60; ++index) {
    const std::string at = fmt::format("2025-10-09 08:{:02}:00+00", (index / 3) % 60);
    uploads.emplace_back(at,
                         InsertUpload({admin_id, fmt::format("f{}.csv", index), "completed", at}));
  }
  std::sort(uploads.begin(), uploads.end(), std::greater<>());
  IdList expected;
  for (const auto& [at, id] : uploads) expected.push_back(id);

  IdList seen;
  for (int page = 1; page <= 3; ++page) {
    const auto answer = History(admin, "page=" + std::to_string(page));
    EXPECT_EQ(answer.at("total").as_int64(), 60);
    EXPECT_EQ(answer.at("per_page").as_int64(), 25);
    EXPECT_EQ(answer.at("page").as_int64(), page);
    const auto ids = Ids(answer);
    EXPECT_EQ(ids.size(), page < 3 ? 25u : 10u);
    seen.insert(seen.end(), ids.begin(), ids.end());
  }
  EXPECT_EQ(seen, expected);

  const auto past_the_end = History(admin, "page=4");
  EXPECT_TRUE(Ids(past_the_end).empty());
  EXPECT_EQ(past_the_end.at("total").as_int64(), 60);

  // Smaller pages cut the same order.
  IdList small;
  for (int page = 1; page <= 8; ++page) {
    const auto ids = Ids(History(admin, "per_page=8&page=" + std::to_string(page)));
    small.insert(small.end(), ids.begin(), ids.end());
  }
  EXPECT_EQ(small, expected);
}

TEST_F(HistoryTest, StatusFilterListsOnlyThatStatus) {
  Client admin = SignInAdmin();
  const auto admin_id = UserId("admin");
  std::map<std::string, IdList> by_status;
  for (const std::string status :
       {"staged", "queued", "processing", "completed", "failed", "cancelled"}) {
    for (int copy = 0; copy < 2; ++copy) {
      const auto id = InsertUpload({admin_id, status + ".csv", status});
      by_status[status].insert(by_status[status].begin(), id);  // newest first
    }
  }
  for (const auto& [status, ids] : by_status) {
    const auto answer = History(admin, "status=" + status);
    EXPECT_EQ(Ids(answer), ids) << status;
    EXPECT_EQ(answer.at("total").as_int64(), 2) << status;
    for (const auto& upload : answer.at("uploads").as_array()) {
      EXPECT_EQ(upload.at("status").as_string(), status);
    }
  }
  EXPECT_EQ(History(admin, "").at("total").as_int64(), 12);
}

TEST_F(HistoryTest, UploaderFilterSeparatesUsersAndTheCommandLine) {
  Client admin = SignInAdmin();
  CreateUser("budi", "budi-password-123", core::Role::kAdmin);
  const auto admin_id = UserId("admin");
  const auto budi_id = UserId("budi");
  const auto by_admin = InsertUpload({admin_id, "a.csv"});
  const auto by_budi = InsertUpload({budi_id, "b.csv"});
  const auto by_cli = InsertUpload({std::nullopt, "c.csv"});
  const auto by_budi_again = InsertUpload({budi_id, "d.csv"});

  EXPECT_EQ(Ids(History(admin, "uploader=" + std::to_string(budi_id))),
            (IdList{by_budi_again, by_budi}));
  EXPECT_EQ(Ids(History(admin, "uploader=" + std::to_string(admin_id))), (IdList{by_admin}));
  const auto cli = History(admin, "uploader=cli");
  EXPECT_EQ(Ids(cli), (IdList{by_cli}));
  EXPECT_TRUE(cli.at("uploads").at(0).at("uploaded_by").is_null());

  // Everyone who uploaded, by name, for the filter's choices; the command line apart.
  const auto all = History(admin, "");
  EXPECT_EQ(
      boost::json::serialize(all.at("uploaders")),
      fmt::format(R"([{{"id":{},"name":"admin"}},{{"id":{},"name":"budi"}}])", admin_id, budi_id));
  EXPECT_TRUE(all.at("command_line").as_bool());
}

// Days are the display time zone's (Asia/Jakarta, UTC+7): 17:00 UTC is the next day.
TEST_F(HistoryTest, DateRangeFilterTakesWholeDaysInTheDisplayTimeZone) {
  Client admin = SignInAdmin();
  const auto admin_id = UserId("admin");
  const auto oct8_late = InsertUpload({admin_id, "a.csv", "completed", "2025-10-08 16:59:59+00"});
  const auto oct9_first = InsertUpload({admin_id, "b.csv", "completed", "2025-10-08 17:00:00+00"});
  const auto oct9_last = InsertUpload({admin_id, "c.csv", "completed", "2025-10-09 16:59:59+00"});
  const auto oct10 = InsertUpload({admin_id, "d.csv", "completed", "2025-10-09 17:00:00+00"});
  const auto oct12 = InsertUpload({admin_id, "e.csv", "completed", "2025-10-12 03:00:00+00"});

  EXPECT_EQ(Ids(History(admin, "from=2025-10-09&to=2025-10-09")), (IdList{oct9_last, oct9_first}));
  EXPECT_EQ(Ids(History(admin, "from=2025-10-10")), (IdList{oct12, oct10}));
  EXPECT_EQ(Ids(History(admin, "to=2025-10-08")), (IdList{oct8_late}));
  EXPECT_EQ(Ids(History(admin, "from=2025-10-08&to=2025-10-10")),
            (IdList{oct10, oct9_last, oct9_first, oct8_late}));
  EXPECT_TRUE(Ids(History(admin, "from=2025-10-11&to=2025-10-11")).empty());
}

TEST_F(HistoryTest, NameFilterIsACaseInsensitiveLiteralSubstring) {
  Client admin = SignInAdmin();
  const auto admin_id = UserId("admin");
  const auto percent = InsertUpload({admin_id, "posisi_100%.csv"});
  const auto lookalike = InsertUpload({admin_id, "posisiX100Y.csv"});
  const auto upper = InsertUpload({admin_id, "POSISI_Oktober.CSV"});
  const auto other = InsertUpload({admin_id, "lain.xlsx"});

  // As LIKE patterns "_100%" and "%" would match every name; here they are characters.
  EXPECT_EQ(Ids(History(admin, "name=" + http::UrlEncode("_100%"))), (IdList{percent}));
  EXPECT_EQ(Ids(History(admin, "name=" + http::UrlEncode("%"))), (IdList{percent}));
  EXPECT_EQ(Ids(History(admin, "name=_")), (IdList{upper, percent}));
  EXPECT_EQ(Ids(History(admin, "name=posisi")), (IdList{upper, lookalike, percent}));
  EXPECT_EQ(Ids(History(admin, "name=OKTOBER.csv")), (IdList{upper}));
  EXPECT_EQ(Ids(History(admin, "name=" + http::UrlEncode("  lain "))), (IdList{other}));
  EXPECT_TRUE(Ids(History(admin, "name=" + http::UrlEncode("\\"))).empty());
}

TEST_F(HistoryTest, FiltersCombine) {
  Client admin = SignInAdmin();
  const auto admin_id = UserId("admin");
  InsertUpload({admin_id, "okt.csv", "completed", "2025-10-09 03:00:00+00"});
  const auto wanted = InsertUpload({admin_id, "okt.csv", "failed", "2025-10-09 04:00:00+00"});
  InsertUpload({std::nullopt, "okt.csv", "failed", "2025-10-09 05:00:00+00"});
  InsertUpload({admin_id, "nov.csv", "failed", "2025-10-09 06:00:00+00"});
  InsertUpload({admin_id, "okt.csv", "failed", "2025-10-10 06:00:00+00"});

  const auto answer = History(admin, fmt::format("status=failed&uploader={}&from=2025-10-09&"
                                                 "to=2025-10-09&name=OKT",
                                                 admin_id));
  EXPECT_EQ(Ids(answer), (IdList{wanted}));
  EXPECT_EQ(answer.at("total").as_int64(), 1);
}

TEST_F(HistoryTest, AValueTheListCannotUseIsA400NamingItsField) {
  Client admin = SignInAdmin();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"status=done", "status"},
      {"status=" + http::UrlEncode("failed,completed"), "status"},
      {"uploader=budi", "uploader"},
      {"uploader=0", "uploader"},
      {"uploader=-3", "uploader"},
      {"from=2025-02-30", "from"},
      {"from=09/10/2025", "from"},
      {"to=2025-1-9", "to"},
      {"from=2025-10-10&to=2025-10-09", "to"},
      {"name=" + std::string(1001, 'a'), "name"},
      {"page=0", "page"},
      {"page=x", "page"},
      {"per_page=101", "per_page"},
      {"per_page=0", "per_page"},
  };
  for (const auto& [query, field] : cases) {
    auto response = Send(http::Method::kGet, "/api/v1/uploads/history?" + query, &admin);
    ASSERT_EQ(response.status, 400) << query << ": " << response.body;
    const auto error = JsonOf(response).at("error").as_object();
    EXPECT_EQ(error.at("code").as_string(), "bad_request") << query;
    EXPECT_EQ(error.at("field").as_string(), field) << query;
    const std::string message(error.at("message").as_string());
    EXPECT_FALSE(message.empty() || message.starts_with("history.")) << query << ": " << message;
  }

  Client english = admin;
  english.lang = "en";
  auto response =
      Send(http::Method::kGet, "/api/v1/uploads/history?to=2025-10-09&from=2025-10-10", &english);
  EXPECT_EQ(JsonOf(response).at("error").at("message").as_string(),
            "The end date cannot be before the start date.");
}

TEST_F(HistoryTest, ListShowsEachUploadsReportFields) {
  Client admin = SignInAdmin();
  const auto id = Stage(admin, "Posisi Oktober.csv", kWorkedExample);
  ASSERT_GT(id, 0);
  const auto answer = History(admin, "");
  ASSERT_EQ(Ids(answer), (IdList{id}));
  const auto& upload = answer.at("uploads").at(0).as_object();
  EXPECT_EQ(upload.at("file_name").as_string(), "Posisi Oktober.csv");
  EXPECT_EQ(upload.at("status").as_string(), "staged");
  EXPECT_EQ(upload.at("uploaded_by").at("name").as_string(), "admin");
  EXPECT_EQ(upload.at("file_size").as_int64(), static_cast<std::int64_t>(strlen(kWorkedExample)));
  EXPECT_TRUE(upload.at("periodes").as_array().empty());
}

// A duration travels as numeric text, exact like every decimal the API sends: the list and
// the detail page both read it from upload_rows (migration 0009).
TEST_F(HistoryTest, DurationIsTheStoredNumberAsText) {
  Client admin = SignInAdmin();
  const auto id = InsertUpload({std::nullopt, "posisi.csv"});
  Execute(
      fmt::format("UPDATE uploads SET duration_seconds = 12.3456789012345678 WHERE id = {}", id));
  const auto list = History(admin, "");
  EXPECT_EQ(list.at("uploads").at(0).at("duration_seconds").as_string(), "12.3456789012345678");
  const auto detail =
      JsonOf(Send(http::Method::kGet, fmt::format("/api/v1/uploads/{}", id), &admin));
  EXPECT_EQ(detail.at("upload").at("duration_seconds").as_string(), "12.3456789012345678");
}

}  // namespace
}  // namespace smedash::testing
