// A month on its page: one cell edited (validated like the file, audited, counted, the
// dashboards' data version bumped), the month deleted (audited, kept in the history), and
// the empty template of the hierarchy's units.
#include "komitmen_fixture.hpp"

namespace smedash::testing {
namespace {

using http::Method;

class KomitmenMonthTest : public KomitmenTest {
 protected:
  void SetUp() override {
    KomitmenTest::SetUp();
    Apply("KOMITMEN_NOV_2025.csv",
          TargetCsv({{"5", "5", "KC Bandung AA", "KC Bandung AA", {{"E", "12"}, {"F", "1500"}}},
                     {"5", "675", "KC Bandung AA", "KCP Rajawali Bandung", {{"F", "250"}}}}));
  }

  std::string Os(const std::string& kode_uker) {
    return Scalar("SELECT value FROM komitmen_targets WHERE kode_uker = '" + kode_uker +
                  "' AND target_group = 'KUR_RITEL' AND measure = 'OS'");
  }
};

boost::json::object Edit(const std::string& kode_uker, const std::string& value,
                         const std::string& group = "KUR_RITEL",
                         const std::string& measure = "OS") {
  return {{"kode_uker", kode_uker}, {"group", group}, {"measure", measure}, {"value", value}};
}

TEST_F(KomitmenMonthTest, AnEditIsReadLikeTheFileAuditedAndBumpsTheDataVersion) {
  const auto version = DataVersion();
  auto response = Patch("2025-11", Edit("675", "2.000,5"));  // Rp juta, Indonesian style
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(boost::json::serialize(JsonOf(response)),
            R"({"changed":true,"kode_uker":"675","group":"KUR_RITEL","measure":"OS",)"
            R"("before":"250000000.00","after":"2000500000.00","edits":1})");
  EXPECT_EQ(Os("675"), "2000500000.00");
  EXPECT_EQ(Scalar("SELECT edits FROM komitmen_uploads WHERE status = 'current'"), "1");
  EXPECT_EQ(Scalar("SELECT detail::text FROM audit_log WHERE action = 'komitmen.edit'"),
            R"({"after": "2000500000.00", "group": "KUR_RITEL", "month": "2025-11", )"
            R"("before": "250000000.00", "measure": "OS", "kode_uker": "675"})");
  EXPECT_GT(DataVersion(), version);

  // The same value again changes nothing and records nothing.
  const auto after_edit = DataVersion();
  auto again = JsonOf(Patch("2025-11", Edit("675", "2000.5")));
  EXPECT_FALSE(again.at("changed").as_bool());
  EXPECT_EQ(AuditCount("komitmen.edit"), 1);
  EXPECT_EQ(DataVersion(), after_edit);

  // "-" removes the target: no row.
  auto removed = JsonOf(Patch("2025-11", Edit("675", "-")));
  EXPECT_TRUE(removed.at("after").is_null());
  EXPECT_EQ(Os("675"), "no row");
  EXPECT_EQ(Count("SELECT count(*) FROM komitmen_targets WHERE kode_uker = '675'"), 0);
  // DEB is a number of debtors, not Rp juta.
  auto debtors = JsonOf(Patch("2025-11", Edit("5", "15", "KUR_RITEL", "DEB")));
  EXPECT_EQ(debtors.at("after").as_string(), "15.00");
  EXPECT_EQ(Scalar("SELECT edits FROM komitmen_uploads WHERE status = 'current'"), "3");
}

TEST_F(KomitmenMonthTest, AnInvalidEditIsRefusedNamingItsField) {
  const auto version = DataVersion();
  const std::vector<std::pair<boost::json::object, std::string>> cases{
      {Edit("675", "abc"), "value"},
      {Edit("675", "-5"), "value"},
      {Edit("675", "1,234"), "value"},
      {Edit("675", "1", "KUR"), "group"},
      {Edit("675", "1", "KUR_RITEL", "LAR"), "measure"},
  };
  for (const auto& [body, field] : cases) {
    auto response = Patch("2025-11", body);
    EXPECT_EQ(response.status, 400) << boost::json::serialize(body);
    EXPECT_EQ(JsonOf(response).at("error").at("field").as_string(), field)
        << boost::json::serialize(body);
  }
  auto unknown = Patch("2025-11", Edit("9999", "1"));
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(JsonOf(unknown).at("error").at("field").as_string(), "kode_uker");
  EXPECT_EQ(Patch("2025-10", Edit("675", "1")).status, 404);  // a month without targets
  EXPECT_EQ(Os("675"), "250000000.00");
  EXPECT_EQ(AuditCount("komitmen.edit"), 0);
  EXPECT_EQ(DataVersion(), version);
}

TEST_F(KomitmenMonthTest, DeletingAMonthIsAuditedAndKeepsItsHistory) {
  const auto version = DataVersion();
  auto response = Send(Method::kDelete, "/api/v1/komitmen/2025-11", &admin_);
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(JsonOf(response).at("upload").at("status").as_string(), "deleted");
  EXPECT_EQ(Count("SELECT count(*) FROM komitmen_units"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM komitmen_targets"), 0);
  EXPECT_EQ(Scalar("SELECT status || ' ' || (ended_at IS NOT NULL) FROM komitmen_uploads"),
            "deleted true");
  EXPECT_EQ(Scalar("SELECT target || ' ' || (detail->>'units') FROM audit_log "
                   "WHERE action = 'komitmen.delete'"),
            "komitmen:2025-11 2");
  EXPECT_GT(DataVersion(), version);
  EXPECT_EQ(Send(Method::kGet, "/api/v1/komitmen/2025-11", &admin_).status, 404);
  EXPECT_EQ(Send(Method::kDelete, "/api/v1/komitmen/2025-11", &admin_).status, 404);
  EXPECT_EQ(AuditCount("komitmen.delete"), 1);
}

TEST_F(KomitmenMonthTest, TheMonthPageRendersAndAnImpossibleMonthIsNotFound) {
  auto page = Send(Method::kGet, "/data/komitmen/2025-11/", &admin_);
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("data-month=\"2025-11\""), std::string::npos);
  EXPECT_EQ(Send(Method::kGet, "/data/komitmen/2025-13/", &admin_).status, 404);
  EXPECT_EQ(Send(Method::kGet, "/api/v1/komitmen/november", &admin_).status, 404);
}

TEST_F(KomitmenMonthTest, TheTemplateListsTheHierarchysUnits) {
  AddHierarchyUnit("5", "KC Bandung AA", "KC Bandung AA");
  AddHierarchyUnit("675", "KCP Rajawali Bandung", "KC Bandung AA");
  auto csv = Send(Method::kGet, "/api/v1/komitmen/template.csv", &admin_);
  ASSERT_EQ(csv.status, 200);
  EXPECT_NE(csv.body.find("KODE KANCA"), std::string::npos);
  EXPECT_NE(csv.body.find("5,675,KC Bandung AA,KCP Rajawali Bandung"), std::string::npos)
      << csv.body;
  auto xlsx = Send(Method::kGet, "/api/v1/komitmen/template.xlsx", &admin_);
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");  // a zip: the xlsx container
  bool attachment = false;
  for (const auto& [name, value] : xlsx.headers) {
    if (name == "Content-Disposition") attachment = value.find(".xlsx") != std::string::npos;
  }
  EXPECT_TRUE(attachment);
}

}  // namespace
}  // namespace smedash::testing
