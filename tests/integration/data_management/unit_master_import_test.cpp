// Importing a unit master list: the preview lists added, changed, unchanged and invalid
// lines (with line numbers and reasons) and writes nothing; confirming writes the master
// entries and re-aggregates in one go, audited; the same file again changes nothing; an
// unusable file is refused; the template holds every unit.
#include "reference_data_fixture.hpp"

namespace smedash::testing {
namespace {

using http::Method;

// ';' delimited with a byte order mark and headers written loosely. Lines 5-8 are invalid.
const char* const kMasterList =
    "\xEF\xBB\xBF"
    "kode_uker;Uker;Kode-Kanca;KANCA;Catatan\r\n"
    "5;KC Bandung AA;5;KC Bandung AA;\r\n"
    "675;KCP Rajawali Bandung;5;KC Bandung AA;\r\n"
    "1346;\"KCP Cikajang; Garut\";0005;KC  Bandung AA;pindah\r\n"
    ";Tanpa Kode;5;KC Bandung AA;\r\n"
    "675;KCP Ganda;5;KC Bandung AA;\r\n"
    "777;KCP Lain;5;KC Bandung Lain;\r\n"
    "888;KCP Tanpa Kanca;25;;\r\n";

class UnitImportTest : public ReferenceDataTest {
 protected:
  void SetUp() override {
    ReferenceDataTest::SetUp();
    admin_ = SignInAdmin();
    LoadWorkedExample(admin_);
  }

  boost::json::object Preview(const std::string& csv) {
    auto response = PostCsv("/api/v1/units/import/preview", &admin_, csv);
    EXPECT_EQ(response.status, 200) << response.body;
    return JsonOf(response);
  }

  boost::json::object Import(const std::string& csv) {
    auto response = PostCsv("/api/v1/units/import", &admin_, csv);
    EXPECT_EQ(response.status, 200) << response.body;
    return JsonOf(response);
  }

  Client admin_;
};

std::string Summary(const boost::json::object& result) {
  return boost::json::serialize(result.at("summary"));
}

TEST_F(UnitImportTest, PreviewListsEveryLineAndWritesNothing) {
  const auto version = DataVersion();
  auto preview = Preview(kMasterList);
  EXPECT_FALSE(preview.at("applied").as_bool());
  EXPECT_EQ(Summary(preview), R"({"added":3,"changed":0,"unchanged":0,"invalid":4})");
  EXPECT_EQ(preview.at("delimiter").as_string(), ";");
  EXPECT_EQ(boost::json::serialize(preview.at("unknown_headers")), R"(["Catatan"])");
  const auto& lines = preview.at("lines").as_array();
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(boost::json::serialize(lines.at(2)),
            R"({"kode_uker":"1346","uker":"KCP Cikajang; Garut","kode_kanca":"5",)"
            R"("kanca":"KC Bandung AA","kind":"kcp","line":4,"status":"added","before":null,)"
            R"("has_data":true})");
  EXPECT_EQ(lines.at(0).at("kind").as_string(), "office");
  std::vector<std::string> invalid;
  for (const auto& line : preview.at("invalid").as_array()) {
    invalid.push_back(std::to_string(line.at("line").as_int64()) + " " +
                      std::string(line.at("reason").as_string()));
  }
  EXPECT_EQ(invalid, (std::vector<std::string>{
                         "5 KODE UKER kosong.",
                         "6 KODE UKER 675 sudah ada di baris 3.",
                         "7 KODE KANCA 5 bernama KC Bandung AA di baris 2.",
                         "8 KANCA kosong.",
                     }));
  EXPECT_EQ(Count("SELECT count(*) FROM unit_master"), 0);
  EXPECT_EQ(DataVersion(), version);
  EXPECT_EQ(AuditCount("unit_master.import"), 0);
}

TEST_F(UnitImportTest, ConfirmingAppliesTheValidLinesOnceAndAgainChangesNothing) {
  EXPECT_EQ(KancaCustomers("2025-10-09", "KC BANDUNG AA"), 3);
  const auto version = DataVersion();
  auto applied = Import(kMasterList);
  EXPECT_TRUE(applied.at("applied").as_bool());
  EXPECT_EQ(Summary(applied), R"({"added":3,"changed":0,"unchanged":0,"invalid":4})");
  EXPECT_EQ(Scalar("SELECT string_agg(kode_uker || '>' || kode_kanca || ' ' || source, ',' "
                   "ORDER BY kode_uker) FROM unit_master"),
            "1346>5 import,5>5 import,675>5 import");
  // KCP Cikajang (customer C5) now counts in KC Bandung AA.
  EXPECT_EQ(KancaCustomers("2025-10-09", "KC BANDUNG AA"), 4);
  EXPECT_EQ(KancaCustomers("2025-10-09", "KC GARUT"), 2);
  const auto after_import = DataVersion();
  EXPECT_GT(after_import, version);
  EXPECT_EQ(AuditCount("unit_master.import"), 1);
  EXPECT_EQ(
      Scalar(
          "SELECT actor_name || ' ' || (detail->>'added') || ' ' || (detail->>'invalid') || ' ' || "
          "jsonb_array_length(detail->'units') FROM audit_log WHERE action = 'unit_master.import'"),
      "admin 3 4 3");
  const auto stamp =
      Scalar("SELECT string_agg(updated_at::text, ',' ORDER BY kode_uker) FROM unit_master");

  auto again = Import(kMasterList);
  EXPECT_EQ(Summary(again), R"({"added":0,"changed":0,"unchanged":3,"invalid":4})");
  EXPECT_EQ(DataVersion(), after_import);
  EXPECT_EQ(AuditCount("unit_master.import"), 1);
  EXPECT_EQ(Scalar("SELECT string_agg(updated_at::text, ',' ORDER BY kode_uker) FROM unit_master"),
            stamp);

  // A corrected list: one unit changes, the others stay.
  auto changed = Preview(
      "KODE UKER,UKER,KODE KANCA,KANCA\n5,KC Bandung AA,5,KC Bandung AA\n"
      "1346,KCP Cikajang,25,KC Garut\n");
  EXPECT_EQ(Summary(changed), R"({"added":0,"changed":1,"unchanged":1,"invalid":0})");
  EXPECT_EQ(changed.at("lines").at(1).at("before").at("kanca").as_string(), "KC Bandung AA");
}

TEST_F(UnitImportTest, RefusesAnUnusableFile) {
  auto missing =
      PostCsv("/api/v1/units/import/preview", &admin_, "KODE UKER,UKER,KANCA\n5,KC,KC\n");
  ASSERT_EQ(missing.status, 400);
  EXPECT_EQ(JsonOf(missing).at("error").at("field").as_string(), "file");
  EXPECT_NE(JsonOf(missing).at("error").at("message").as_string().find("KODE KANCA"),
            std::string::npos);
  EXPECT_EQ(PostCsv("/api/v1/units/import", &admin_, "").status, 400);
  EXPECT_EQ(PostCsv("/api/v1/units/import", &admin_, "KODE UKER,UKER,KODE KANCA,KANCA\n").status,
            400);
  auto open_quote =
      PostCsv("/api/v1/units/import", &admin_, "KODE UKER,UKER,KODE KANCA,KANCA\n5,\"KC,5,KC\n");
  EXPECT_EQ(JsonOf(open_quote).at("error").at("message").as_string(),
            "Tanda kutip yang dibuka pada baris 2 tidak pernah ditutup.");
  EXPECT_EQ(Count("SELECT count(*) FROM unit_master"), 0);
}

TEST_F(UnitImportTest, TheTemplateHoldsEveryUnitAndImportsBack) {
  auto response = Send(Method::kGet, "/api/v1/units/template.csv", &admin_);
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(response.Header("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(response.body,
            "\xEF\xBB\xBF"
            "KODE UKER,UKER,KODE KANCA,KANCA\r\n"
            "5,KC Bandung AA,5,KC Bandung AA\r\n"
            "675,KCP Rajawali Bandung,5,KC Bandung AA\r\n"
            "25,KC Garut,25,KC Garut\r\n"
            "1346,KCP Cikajang,25,KC Garut\r\n");
  const auto version = DataVersion();
  auto applied = Import(response.body);
  EXPECT_EQ(Summary(applied), R"({"added":4,"changed":0,"unchanged":0,"invalid":0})");
  // Master entries that say what the rows say: the figures stay as they were.
  EXPECT_EQ(KancaCustomers("2025-10-09", "KC BANDUNG AA"), 3);
  EXPECT_EQ(KancaCustomers("2025-10-09", "KC GARUT"), 3);
  EXPECT_GT(DataVersion(), version);
}

}  // namespace
}  // namespace smedash::testing
