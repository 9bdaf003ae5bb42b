// Loading a month's target file: the preview guesses the month from the name, says what
// would change and writes nothing; applying replaces the month in one go (the replaced
// upload stays in the history); bad rows are left out with their reasons kept; units the
// hierarchy does not know are warned and loaded.
#include "komitmen_fixture.hpp"

namespace smedash::testing {
namespace {

using http::Method;

// Amounts in Rp juta as the bank writes them: 1500.5 juta = Rp 1,500,500,000.00.
const FileUnit kOffice{"5",
                       "5",
                       "KC Bandung AA",
                       "KC Bandung AA",
                       {{"E", "12"}, {"F", "1500.5"}, {"I", "40"}, {"K", "300"}}};
const FileUnit kKcp{
    "5", "675", "KC Bandung AA", "KCP Rajawali Bandung", {{"E", "4"}, {"F", "250"}}};
const FileUnit kGarut{"5", "1346", "KC Bandung AA", "KCP Cikajang Garut", {{"F", "90"}}};

std::string Serialized(const boost::json::value& value) { return boost::json::serialize(value); }

TEST_F(KomitmenTest, PreviewGuessesTheMonthAndWritesNothing) {
  const auto version = DataVersion();
  auto response =
      PostFile("/api/v1/komitmen/preview", "KOMITMEN_NOV_2025.csv", TargetCsv({kOffice, kKcp}));
  ASSERT_EQ(response.status, 200) << response.body;
  auto preview = JsonOf(response);
  EXPECT_EQ(preview.at("month").as_string(), "2025-11");
  EXPECT_TRUE(preview.at("month_guessed").as_bool());
  EXPECT_FALSE(preview.at("applied").as_bool());
  EXPECT_EQ(preview.at("rows").as_int64(), 2);
  EXPECT_EQ(preview.at("file").at("name").as_string(), "KOMITMEN_NOV_2025.csv");
  EXPECT_TRUE(preview.at("replaces").is_null());
  EXPECT_EQ(Serialized(preview.at("changes").at("added")), "2");
  EXPECT_EQ(Count("SELECT count(*) FROM komitmen_uploads"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM komitmen_units"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM komitmen_targets"), 0);
  EXPECT_EQ(DataVersion(), version);
  EXPECT_EQ(AuditCount("komitmen.upload"), 0);
}

TEST_F(KomitmenTest, TheMonthIsTheFormsOrTheNamesOrRefused) {
  const auto csv = TargetCsv({kOffice});
  auto unnamed = PostFile("/api/v1/komitmen/preview", "targets.csv", csv);
  EXPECT_EQ(unnamed.status, 400);
  EXPECT_EQ(JsonOf(unnamed).at("error").at("field").as_string(), "month");
  EXPECT_EQ(JsonOf(unnamed).at("error").at("message").as_string(),
            "Bulan tidak dapat ditebak dari nama file; pilih bulannya.");
  auto bad = PostFile("/api/v1/komitmen/preview", "KOMITMEN_NOV_2025.csv", csv, "2025-13");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(JsonOf(bad).at("error").at("field").as_string(), "month");
  auto chosen = PostFile("/api/v1/komitmen/preview", "KOMITMEN_NOV_2025.csv", csv, "2025-10");
  ASSERT_EQ(chosen.status, 200) << chosen.body;
  EXPECT_EQ(JsonOf(chosen).at("month").as_string(), "2025-10");  // the form wins
  EXPECT_FALSE(JsonOf(chosen).at("month_guessed").as_bool());
}

TEST_F(KomitmenTest, ApplyStoresTheTargetsInRupiahAndIsAudited) {
  const auto version = DataVersion();
  auto applied = Apply("KOMITMEN_11_2025.csv", TargetCsv({kOffice, kKcp}));
  EXPECT_TRUE(applied.at("applied").as_bool());
  const auto id = applied.at("upload_id").as_int64();
  EXPECT_EQ(Scalar("SELECT value FROM komitmen_targets WHERE kode_uker = '5' AND "
                   "target_group = 'KUR_RITEL' AND measure = 'OS'"),
            "1500500000.00");
  EXPECT_EQ(Scalar("SELECT value FROM komitmen_targets WHERE kode_uker = '5' AND "
                   "target_group = 'KUR_RITEL' AND measure = 'DEB'"),
            "12.00");
  EXPECT_EQ(Scalar("SELECT value FROM komitmen_targets WHERE kode_uker = '5' AND "
                   "target_group = 'SMALL_SD_5M' AND measure = 'OS'"),
            "300000000.00");
  // "-" is no target: 4 + 2 targets written, nothing for the other 34 cells.
  EXPECT_EQ(Count("SELECT count(*) FROM komitmen_targets"), 6);
  EXPECT_EQ(Scalar("SELECT status || ' ' || units || ' ' || rejected || ' ' || uploaded_by_name "
                   "FROM komitmen_uploads WHERE id = " +
                   std::to_string(id)),
            "current 2 0 admin");
  EXPECT_EQ(AuditCount("komitmen.upload"), 1);
  EXPECT_EQ(Scalar("SELECT detail->>'units' || ' ' || target FROM audit_log "
                   "WHERE action = 'komitmen.upload'"),
            "2 komitmen:2025-11");
  EXPECT_GT(DataVersion(), version);

  auto month = JsonOf(Send(Method::kGet, "/api/v1/komitmen/2025-11", &admin_));
  const auto& units = month.at("units").as_array();
  ASSERT_EQ(units.size(), 2u);
  EXPECT_EQ(units.at(0).at("kode_uker").as_string(), "5");
  EXPECT_EQ(Serialized(units.at(0).at("targets").at("KUR_RITEL")),
            R"({"DEB":"12.00","OS":"1500500000.00","PL":null,"NPL":null,"DPK":"40000000.00"})");
  EXPECT_EQ(units.at(1).at("line").as_int64(), 4);
}

TEST_F(KomitmenTest, UploadingTheMonthAgainReplacesItAndSaysWhatChanges) {
  const auto first = Apply("KOMITMEN_NOV_2025.csv", TargetCsv({kOffice, kKcp, kGarut}));
  FileUnit office = kOffice;
  office.targets["F"] = "1700.5";  // +200 juta
  FileUnit kcp = kKcp;             // unchanged
  const FileUnit added{"5", "777", "KC Bandung AA", "KCP Baru", {{"F", "10"}}};
  const auto second = TargetCsv({office, kcp, added});  // 1346 (90 juta) removed

  auto preview = JsonOf(PostFile("/api/v1/komitmen/preview", "KOMITMEN_NOV_2025 v2.csv", second));
  const auto& changes = preview.at("changes").as_object();
  EXPECT_EQ(Serialized(changes.at("added")) + Serialized(changes.at("removed")) +
                Serialized(changes.at("changed")) + Serialized(changes.at("unchanged")),
            "1111");
  const auto& largest = changes.at("largest").as_array();
  ASSERT_EQ(largest.size(), 3u);  // one cell per changed, removed and added unit
  EXPECT_EQ(Serialized(largest.at(0)),
            R"({"kode_uker":"5","uker":"KC Bandung AA","group":"KUR_RITEL","measure":"OS",)"
            R"("before":"1500500000.00","after":"1700500000.00","difference":"200000000.00"})");
  EXPECT_EQ(largest.at(1).at("difference").as_string(), "-90000000.00");
  EXPECT_TRUE(largest.at(1).at("after").is_null());
  EXPECT_EQ(largest.at(2).at("kode_uker").as_string(), "777");
  EXPECT_EQ(preview.at("replaces").at("upload_id").as_int64(), first.at("upload_id").as_int64());
  EXPECT_EQ(Count("SELECT count(*) FROM komitmen_units WHERE kode_uker = '1346'"), 1);

  auto applied = Apply("KOMITMEN_NOV_2025 v2.csv", second);
  EXPECT_EQ(Serialized(applied.at("changes").at("changed")), "1");
  EXPECT_EQ(Scalar("SELECT status || ' ' || (ended_at IS NOT NULL) FROM komitmen_uploads "
                   "WHERE id = " +
                   std::to_string(first.at("upload_id").as_int64())),
            "replaced true");
  EXPECT_EQ(Count("SELECT count(*) FROM komitmen_uploads WHERE status = 'current'"), 1);
  EXPECT_EQ(Scalar("SELECT string_agg(kode_uker, ',' ORDER BY line) FROM komitmen_units"),
            "5,675,777");
  EXPECT_EQ(Count("SELECT count(*) FROM komitmen_targets WHERE kode_uker = '1346'"), 0);
  EXPECT_EQ(Scalar("SELECT value FROM komitmen_targets WHERE kode_uker = '5' AND measure = 'OS' "
                   "AND target_group = 'KUR_RITEL'"),
            "1700500000.00");

  auto history = JsonOf(Send(Method::kGet, "/api/v1/komitmen", &admin_));
  const auto& uploads = history.at("uploads").as_array();
  ASSERT_EQ(uploads.size(), 2u);
  EXPECT_EQ(uploads.at(0).at("status").as_string(), "current");  // newest first
  EXPECT_EQ(uploads.at(1).at("status").as_string(), "replaced");
}

TEST_F(KomitmenTest, AFileWithoutAValidRowIsRefusedAndTheMonthKept) {
  Apply("KOMITMEN_NOV_2025.csv", TargetCsv({kOffice}));
  auto refused = PostFile("/api/v1/komitmen", "KOMITMEN_NOV_2025.csv",
                          TargetCsvLines({",675,KC Bandung AA,KCP Tanpa Kanca,1"}));
  EXPECT_EQ(refused.status, 400) << refused.body;
  EXPECT_EQ(JsonOf(refused).at("error").at("field").as_string(), "file");
  EXPECT_EQ(Count("SELECT count(*) FROM komitmen_uploads WHERE status = 'current'"), 1);
  EXPECT_EQ(Scalar("SELECT string_agg(kode_uker, ',') FROM komitmen_units"), "5");
}

TEST_F(KomitmenTest, BadRowsAreLeftOutWithTheirReasonsAndTheGoodOnesLoad) {
  FileUnit negative = kGarut;
  negative.targets["F"] = "-5";
  const auto csv = TargetCsvLines({
      CsvLine(kOffice),                        // line 3
      ",675,KC Bandung AA,KCP Tanpa Kanca,1",  // line 4: no KODE KANCA
      CsvLine(negative),                       // line 5: negative OS
      CsvLine(kKcp),                           // line 6
      "5,5,KC Bandung AA,KC Bandung AA,1",     // line 7: duplicate of line 3
  });
  auto applied = Apply("KOMITMEN_NOV_2025.csv", csv);
  EXPECT_EQ(applied.at("rows").as_int64(), 2);
  std::vector<std::string> rejected;
  for (const auto& issue : applied.at("rejected").as_array()) {
    rejected.push_back(Serialized(issue.at("line")) + " " +
                       std::string(issue.at("column").as_string()) + " " +
                       std::string(issue.at("value").as_string()));
  }
  EXPECT_EQ(rejected, (std::vector<std::string>{"4 A ", "5 F -5", "7 B 5"}));
  EXPECT_EQ(Scalar("SELECT string_agg(kode_uker, ',' ORDER BY line) FROM komitmen_units"), "5,675");
  EXPECT_EQ(Scalar("SELECT rejected FROM komitmen_uploads"), "3");

  // The month page shows the same issues, with their reasons, in the reader's language.
  Client english = admin_;
  english.lang = "en";
  auto month = JsonOf(Send(Method::kGet, "/api/v1/komitmen/2025-11", &english));
  const auto& stored = month.at("issues").at("rejected").as_array();
  ASSERT_EQ(stored.size(), 3u);
  EXPECT_EQ(stored.at(0).at("line").as_int64(), 4);
  EXPECT_EQ(stored.at(2).at("line").as_int64(), 7);
  EXPECT_NE(std::string(stored.at(2).at("reason").as_string()).find("3"), std::string::npos)
      << "the duplicate names the line it repeats";
  auto in_indonesian = JsonOf(Send(Method::kGet, "/api/v1/komitmen/2025-11", &admin_));
  EXPECT_EQ(in_indonesian.at("issues").at("rejected").as_array().at(1).at("reason"),
            applied.at("rejected").as_array().at(1).at("reason"));
  EXPECT_NE(stored.at(1).at("reason"), applied.at("rejected").as_array().at(1).at("reason"));
}

TEST_F(KomitmenTest, UnitsTheHierarchyDoesNotKnowAreWarnedAndLoaded) {
  AddHierarchyUnit("5", "KC Bandung AA", "KC Bandung AA");
  AddHierarchyUnit("675", "KCP Rajawali Bandung", "KC Bandung AA");
  const FileUnit stranger{"5", "9999", "KC Bandung AA", "KCP Entah", {{"F", "1"}}};
  auto applied = Apply("KOMITMEN_NOV_2025.csv", TargetCsv({kOffice, kKcp, stranger}));
  EXPECT_EQ(Serialized(applied.at("unknown_units")),
            R"([{"line":5,"kode_uker":"9999","uker":"KCP Entah"}])");
  EXPECT_EQ(Count("SELECT count(*) FROM komitmen_units"), 3);
  auto month = JsonOf(Send(Method::kGet, "/api/v1/komitmen/2025-11", &admin_));
  std::string known;
  for (const auto& unit : month.at("units").as_array()) {
    known += std::string(unit.at("kode_uker").as_string()) + "=" +
             (unit.at("known").as_bool() ? "1 " : "0 ");
  }
  EXPECT_EQ(known, "5=1 675=1 9999=0 ");
  EXPECT_EQ(month.at("issues").at("unknown_units").as_array().size(), 1u);
}

}  // namespace
}  // namespace smedash::testing
