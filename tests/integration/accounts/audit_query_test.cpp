// Reading the audit log: each filter narrows to exactly the entries an independent SQL
// query names, dates are days of the display zone (WIB), paging by cursor returns every
// entry exactly once in either direction, and the CSV holds exactly the filtered entries.
#include <map>
#include <set>

#include "audit_fixture.hpp"

namespace smedash::testing {
namespace {

using http::Method;

// A few entries with chosen times, addresses and actors beside the ones the requests
// write, so every filter has something to leave out. Inserting is what the application
// does too; only UPDATE, DELETE and TRUNCATE are refused.
class AuditQueryTest : public AuditTest {
 protected:
  void SetUp() override {
    AuditTest::SetUp();
    budi_ = CreateUser("budi", "budi-password-1", core::Role::kAdmin);
    const std::string budi = std::to_string(budi_);
    Execute(
        "INSERT INTO audit_log (at, actor_id, actor_name, action, target, detail, ip_address) "
        "VALUES "
        // 23:30 WIB on 8 October; 00:30 WIB on the 9th is still the 8th in UTC.
        "('2025-10-08 23:30:00+07', " +
        budi + ", 'budi', 'auth.sign_in', 'user:" + budi +
        "', '{}', '10.1.2.3'),"
        "('2025-10-09 00:30:00+07', " +
        budi +
        ", 'budi', 'upload.stage', 'upload:7', "
        "'{\"file_name\": \"Posisi Oktober.xlsx\"}', '10.1.2.3'),"
        "('2025-10-09 23:59:59+07', " +
        budi +
        ", 'budi', 'data.delete', 'periode:2025-10-01', "
        "'{\"rows_deleted\": 1200}', '10.9.9.9'),"
        "('2025-10-10 00:00:00+07', NULL, 'smedash import', 'upload.load', 'upload:8', "
        "'{\"file\": \"cli.csv\"}', ''),"
        "('2025-10-10 08:00:00+07', NULL, '=1+2', 'auth.sign_in_failed', '', '{}', '10.6.6.6'),"
        "('2025-10-10 09:00:00+07', NULL, 'x', 'report.print', 'report:1', "
        "'{\"pages\": 3}', '10.7.7.7')");
    admin_ = SignIn("admin", kAdminPassword);
  }

  // The filter through the API (every page) equals the SQL oracle, and is not everything.
  void ExpectFilter(const std::string& query, const std::string& where) {
    const auto expected = IdsWhere(where);
    EXPECT_EQ(IdsOf(Walk(admin_, query, 50)), expected) << query;
    EXPECT_FALSE(expected.empty()) << query;
    EXPECT_LT(expected.size(), IdsWhere("true").size()) << query;
  }

  std::int64_t budi_ = 0;
  Client admin_;
};

TEST_F(AuditQueryTest, EachFilterNarrowsToExactlyItsEntries) {
  ExpectFilter("actor=" + std::to_string(budi_), "actor_id = " + std::to_string(budi_));
  ExpectFilter("actor=" + std::to_string(admin_id_), "actor_id = " + std::to_string(admin_id_));
  ExpectFilter("actor=none", "actor_id IS NULL");
  ExpectFilter("action=auth", "action LIKE 'auth.%'");
  ExpectFilter("action=auth.sign_in", "action = 'auth.sign_in'");
  ExpectFilter("action=upload", "action LIKE 'upload.%'");
  ExpectFilter("action=report.print", "action = 'report.print'");  // unknown actions too
  ExpectFilter("q=10.1.2", "ip_address LIKE '%10.1.2%'");
  ExpectFilter("q=posisi%20oktober", "detail->>'file_name' = 'Posisi Oktober.xlsx'");
  ExpectFilter("q=periode:2025", "target LIKE 'periode:2025%'");
  ExpectFilter("q=SMEDASH", "actor_name ILIKE '%smedash%'");  // import, create-admin
  ExpectFilter("actor=" + std::to_string(budi_) + "&action=upload",
               "actor_id = " + std::to_string(budi_) + " AND action LIKE 'upload.%'");
  // A prefix that is not a whole category matches nothing: "auth" is not "au".
  EXPECT_TRUE(Page(admin_, "action=au").at("entries").as_array().empty());
}

TEST_F(AuditQueryTest, DatesAreWholeDaysOfTheDisplayZone) {
  const auto day = IdsOf(Walk(admin_, "from=2025-10-09&to=2025-10-09", 50));
  // 00:30 WIB on the 9th is in, although it is still the 8th in UTC; 00:00 on the 10th is out.
  EXPECT_EQ(day, IdsWhere("at >= timestamptz '2025-10-09 00:00:00+07' AND "
                          "at < timestamptz '2025-10-10 00:00:00+07'"));
  EXPECT_EQ(day.size(), 2u);
  ExpectFilter("from=2025-10-10",
               "at >= timestamptz '2025-10-10 00:00:00+07'");  // the requests' entries: today
  ExpectFilter("to=2025-10-08", "at < timestamptz '2025-10-09 00:00:00+07'");
  ExpectFilter("from=2025-10-08&to=2025-10-10&actor=none",
               "actor_id IS NULL AND at < timestamptz "
               "'2025-10-11 00:00:00+07'");
}

TEST_F(AuditQueryTest, MalformedFiltersAre400WithTheParameterNamed) {
  for (const std::string query : {"actor=budi", "action=AUTH", "from=9/10/2025",
                                  "from=2025-10-09&to=2025-10-01", "before=x", "limit=500"}) {
    auto response = Send(Method::kGet, "/api/v1/audit?" + query, &admin_);
    EXPECT_EQ(response.status, 400) << query;
    const std::string message(JsonOf(response).at("error").at("message").as_string());
    EXPECT_NE(message.find("Parameter "), std::string::npos) << message;
  }
  auto english = admin_;
  english.lang = "en";
  auto response = Send(Method::kGet, "/api/v1/audit?actor=budi", &english);
  EXPECT_EQ(std::string(JsonOf(response).at("error").at("message").as_string()),
            "The actor parameter is not valid.");
}

TEST_F(AuditQueryTest, PagesReturnEveryEntryExactlyOnceInEitherDirection) {
  // 130 more entries: three pages of 50 and change, whatever the requests wrote.
  Execute(
      "INSERT INTO audit_log (actor_id, actor_name, action, target, ip_address) "
      "SELECT NULL, 'batch', 'upload.load', 'upload:' || n, '10.0.0.' || n FROM "
      "generate_series(1, 130) AS n");
  const auto all = IdsWhere("true");
  ASSERT_GT(all.size(), 136u);
  const auto forwards = IdsOf(Walk(admin_, "", 50));
  EXPECT_EQ(forwards, all);  // newest first, each once
  EXPECT_EQ(IdsOf(Walk(admin_, "", 50, /*backwards=*/true)), all);
  EXPECT_EQ(IdsOf(Walk(admin_, "", 7)), all);
  EXPECT_EQ(IdsOf(Walk(admin_, "action=upload", 50, true)), IdsWhere("action LIKE 'upload.%'"));

  const auto first = Page(admin_, "");
  EXPECT_EQ(first.at("entries").as_array().size(), 50u);  // 50 a page by default
  EXPECT_TRUE(first.at("newer").is_null());
  EXPECT_EQ(first.at("older").as_int64(), all[49]);
  const auto second = Page(admin_, "before=" + std::to_string(all[49]));
  EXPECT_EQ(second.at("entries").as_array()[0].at("id").as_int64(), all[50]);
  EXPECT_EQ(second.at("newer").as_int64(), all[50]);
  // The newer page of the second page is the first page again.
  const auto back = Page(admin_, "after=" + std::to_string(all[50]));
  EXPECT_EQ(back.at("entries"), first.at("entries"));
  EXPECT_TRUE(back.at("newer").is_null());
}

// Splits RFC 4180 text into records of fields.
std::vector<std::vector<std::string>> ParseCsv(const std::string& text, char delimiter) {
  std::vector<std::vector<std::string>> records(1, std::vector<std::string>(1));
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    auto& field = records.back().back();
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == delimiter) {
      records.back().emplace_back();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      ++i;
      if (i + 1 < text.size()) records.emplace_back(1);
    } else {
      field += c;
    }
  }
  return records;
}

// The streamed body, piece by piece as the session sends it; counts the pieces.
std::string StreamText(const http::Response& response, int* pieces = nullptr) {
  EXPECT_TRUE(response.stream);
  if (!response.stream) return response.body;
  std::string text;
  while (auto piece = response.stream->Next()) {
    EXPECT_FALSE(piece->empty());
    text += *piece;
    if (pieces != nullptr) ++*pieces;
  }
  return text;
}

TEST_F(AuditQueryTest, CsvExportHoldsExactlyTheFilteredEntries) {
  const std::string query = "actor=none&from=2025-10-01";
  auto response = Send(Method::kGet, "/api/v1/audit.csv?" + query, &admin_);
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(response.Header("content-type"), "text/csv; charset=utf-8");
  EXPECT_NE(response.Header("content-disposition").value_or("").find("attachment"),
            std::string::npos);
  const std::string text = StreamText(response);
  ASSERT_TRUE(text.starts_with("\xEF\xBB\xBF"));  // Excel reads it as UTF-8
  const auto records = ParseCsv(text.substr(3), ';');
  ASSERT_FALSE(records.empty());
  EXPECT_EQ(records[0],
            (std::vector<std::string>{"ID", "Waktu (WIB)", "Pengguna", "ID pengguna", "Tindakan",
                                      "Kode tindakan", "Target", "Detail (JSON)", "Alamat IP"}));
  const auto entries = Walk(admin_, query, 50);
  ASSERT_EQ(records.size(), entries.size() + 1);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const auto& entry = entries[i];
    const auto& record = records[i + 1];
    ASSERT_EQ(record.size(), 9u);
    EXPECT_EQ(record[0], std::to_string(entry.at("id").as_int64()));
    std::string name(entry.at("actor_name").as_string());
    if (name.starts_with('=')) name = "'" + name;  // a formula typed as a username stays text
    EXPECT_EQ(record[2], name);
    EXPECT_EQ(record[3], "");  // no account
    EXPECT_EQ(record[5], std::string(entry.at("action").as_string()));
    EXPECT_EQ(record[6], std::string(entry.at("target").as_string()));
    EXPECT_EQ(boost::json::parse(record[7]), entry.at("detail"));
    EXPECT_EQ(record[8], std::string(entry.at("ip_address").as_string()));
  }
  // Labels are translated; an action without one stays as it is. Times are WIB, day first.
  std::map<std::string, std::vector<std::string>> by_action;
  for (const auto& record : records) by_action[record[5]] = record;
  EXPECT_EQ(by_action["upload.load"][4], "Data dimuat");
  EXPECT_EQ(by_action["upload.load"][1], "10/10/2025 00:00:00");
  EXPECT_EQ(by_action["auth.sign_in_failed"][2], "'=1+2");
  EXPECT_EQ(by_action["report.print"][4], "report.print");
}

TEST_F(AuditQueryTest, CsvExportInEnglishUsesCommasAndIsoTimes) {
  auto english = admin_;
  english.lang = "en";
  auto response = Send(Method::kGet, "/api/v1/audit.csv?action=data", &english);
  ASSERT_EQ(response.status, 200) << response.body;
  const auto records = ParseCsv(StreamText(response).substr(3), ',');
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0][1], "Time (WIB)");
  EXPECT_EQ(records[1][1], "2025-10-09 23:59:59");
  EXPECT_EQ(records[1][2], "budi");
  EXPECT_EQ(records[1][3], std::to_string(budi_));
  EXPECT_EQ(records[1][4], "Data deleted");
  EXPECT_EQ(records[1][7], R"({"rows_deleted": 1200})");
}

// Chunk boundaries: 2000 entries are exactly two chunks, 2001 need a third piece.
TEST_F(AuditQueryTest, CsvExportStreamsLargeFiltersInPiecesWithoutLosingAnEntry) {
  Execute(
      "INSERT INTO audit_log (actor_name, action, target) SELECT 'batch', 'data.bulk', "
      "'row:' || n FROM generate_series(1, 2000) AS n");
  int pieces = 0;
  auto records = ParseCsv(
      StreamText(Send(Method::kGet, "/api/v1/audit.csv?action=data.bulk", &admin_), &pieces)
          .substr(3),
      ';');
  EXPECT_EQ(pieces, 2);
  ASSERT_EQ(records.size(), 2001u);
  std::vector<std::int64_t> ids;
  for (std::size_t i = 1; i < records.size(); ++i) ids.push_back(std::stoll(records[i][0]));
  EXPECT_EQ(ids, IdsWhere("action = 'data.bulk'"));

  Execute("INSERT INTO audit_log (actor_name, action) VALUES ('batch', 'data.bulk')");
  pieces = 0;
  records = ParseCsv(
      StreamText(Send(Method::kGet, "/api/v1/audit.csv?action=data.bulk", &admin_), &pieces)
          .substr(3),
      ';');
  EXPECT_EQ(pieces, 3);
  EXPECT_EQ(records.size(), 2002u);
}

}  // namespace
}  // namespace smedash::testing
