// The units API against the worked example: the list in kanca order with kind and source,
// moving a unit to another kanca (kanca-level NSB follows, data_version moves, audited),
// making a KCP its kanca's office (the old office becomes a KCP), returning a unit to what
// its rows say, and the edits that contradict the kancas.
#include "reference_data_fixture.hpp"

namespace smedash::testing {
namespace {

using http::Method;

class UnitMasterTest : public ReferenceDataTest {
 protected:
  void SetUp() override {
    ReferenceDataTest::SetUp();
    admin_ = SignInAdmin();
    LoadWorkedExample(admin_);
  }

  http::Response Edit(const std::string& code, const boost::json::object& body) {
    return SendJson(Method::kPut, "/api/v1/units/" + code + "/master", &admin_, body);
  }

  // "code:kanca:kind" of every unit, in the list's order.
  std::string Listed() {
    const auto listing = JsonOf(Send(Method::kGet, "/api/v1/units", &admin_));
    std::string out;
    for (const auto& unit : listing.at("units").as_array()) {
      if (!out.empty()) out += ',';
      out += std::string(unit.at("kode_uker").as_string()) + ':' +
             std::string(unit.at("kanca").as_string()) + ':' +
             std::string(unit.at("kind").as_string());
    }
    return out;
  }

  long SideCustomers(const std::string& level) {
    return Count(
        "SELECT coalesce(sum(customers), 0) FROM agg_nsb WHERE periode = '2025-10-09' "
        "AND group_code = 'SME' AND level = '" +
        level + "'");
  }

  Client admin_;
};

TEST_F(UnitMasterTest, ListsEveryUnitWithItsKancaKindAndSource) {
  auto listing = JsonOf(Send(Method::kGet, "/api/v1/units", &admin_));
  EXPECT_EQ(Listed(),
            "5:KC Bandung AA:office,675:KC Bandung AA:kcp,25:KC Garut:office,"
            "1346:KC Garut:kcp");
  const auto& cikajang = listing.at("units").as_array().at(3).as_object();
  EXPECT_EQ(cikajang.at("uker").as_string(), "KCP Cikajang");
  EXPECT_EQ(cikajang.at("kode_kanca").as_string(), "25");
  EXPECT_EQ(cikajang.at("source").as_string(), "rows");
  EXPECT_EQ(cikajang.at("last_position").as_string(), "2025-10-09");
  EXPECT_TRUE(cikajang.at("master").is_null());
  EXPECT_EQ(boost::json::serialize(listing.at("kancas")),
            R"([{"name":"KC Bandung AA","key":"KC BANDUNG AA","code":"5","office":"5"},)"
            R"({"name":"KC Garut","key":"KC GARUT","code":"25","office":"25"}])");
}

TEST_F(UnitMasterTest, MovingAUnitToAnotherKancaMovesItsCustomers) {
  EXPECT_EQ(KancaCustomers("2025-10-09", "KC BANDUNG AA"), 3);
  EXPECT_EQ(KancaCustomers("2025-10-09", "KC GARUT"), 3);
  const auto version = DataVersion();

  auto moved = Edit("1346", {{"kanca", "KC Bandung AA"}, {"kode_kanca", "5"}, {"kind", "kcp"}});
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(boost::json::serialize(JsonOf(moved)),
            R"({"changed":true,"writes":[{"kode_uker":"1346","before":null,"after":)"
            R"({"kode_uker":"1346","uker":"KCP Cikajang","kode_kanca":"5","kanca":"KC Bandung AA",)"
            R"("kind":"kcp"}}]})");
  // C5 banks at KCP Cikajang only: it leaves KC Garut and joins KC Bandung AA.
  EXPECT_EQ(KancaCustomers("2025-10-09", "KC BANDUNG AA"), 4);
  EXPECT_EQ(KancaCustomers("2025-10-09", "KC GARUT"), 2);
  EXPECT_EQ(KancaCustomers("2025-10-08", "KC BANDUNG AA"), 4);
  EXPECT_EQ(KancaCustomers("2025-10-08", "KC GARUT"), 2);
  EXPECT_EQ(KancaCustomers("2025-09-30", "KC GARUT"), 2);  // no row of 1346 then
  EXPECT_GT(DataVersion(), version);
  EXPECT_EQ(Listed(),
            "5:KC Bandung AA:office,675:KC Bandung AA:kcp,1346:KC Bandung AA:kcp,"
            "25:KC Garut:office");
  EXPECT_EQ(Scalar("SELECT source || ' ' || updated_by FROM unit_master WHERE kode_uker = '1346'"),
            Scalar("SELECT 'edit ' || id FROM users WHERE username = 'admin'"));
  EXPECT_EQ(
      Scalar("SELECT actor_name || ' ' || target || ' ' || (detail->'before')::text || ' ' || "
             "(detail->'after'->>'kanca') FROM audit_log WHERE action = 'unit_master.edit'"),
      "admin unit:1346 null KC Bandung AA");

  // The same edit again changes nothing.
  const auto after_move = DataVersion();
  auto again = Edit("1346", {{"kanca", "KC Bandung AA"}, {"kode_kanca", "5"}, {"kind", "kcp"}});
  EXPECT_FALSE(JsonOf(again).at("changed").as_bool());
  EXPECT_EQ(DataVersion(), after_move);

  // Back to what the rows say.
  auto removed = Send(Method::kDelete, "/api/v1/units/1346/master", &admin_);
  ASSERT_EQ(removed.status, 200) << removed.body;
  EXPECT_EQ(KancaCustomers("2025-10-09", "KC BANDUNG AA"), 3);
  EXPECT_EQ(KancaCustomers("2025-10-09", "KC GARUT"), 3);
  EXPECT_GT(DataVersion(), after_move);
  EXPECT_EQ(Count("SELECT count(*) FROM unit_master"), 0);
  EXPECT_EQ(AuditCount("unit_master.edit"), 1);
  EXPECT_EQ(AuditCount("unit_master.remove"), 1);
  EXPECT_EQ(Send(Method::kDelete, "/api/v1/units/1346/master", &admin_).status, 404);
}

TEST_F(UnitMasterTest, ANewOfficeMakesTheOldOfficeAKcp) {
  EXPECT_EQ(SideCustomers("offices"), 4);  // unit 5: C1, C3; unit 25: C2, C4
  EXPECT_EQ(SideCustomers("kcps"), 2);     // 675: C2; 1346: C5

  auto edited = Edit("675", {{"kanca", "KC Bandung AA"}, {"kind", "office"}});
  ASSERT_EQ(edited.status, 200) << edited.body;
  const auto answer = JsonOf(edited);
  const auto& writes = answer.at("writes").as_array();
  ASSERT_EQ(writes.size(), 2u);
  EXPECT_EQ(writes.at(1).at("kode_uker").as_string(), "5");
  EXPECT_EQ(writes.at(1).at("after").at("kind").as_string(), "kcp");
  EXPECT_EQ(writes.at(1).at("after").at("kode_kanca").as_string(), "675");
  EXPECT_EQ(Listed(),
            "25:KC Garut:office,1346:KC Garut:kcp,675:KC Bandung AA:office,"
            "5:KC Bandung AA:kcp");
  EXPECT_EQ(Scalar("SELECT string_agg(kode_uker || '>' || kode_kanca, ',' ORDER BY kode_uker) "
                   "FROM unit_hierarchy WHERE kanca_key = 'KC BANDUNG AA'"),
            "5>675,675>675");
  EXPECT_EQ(SideCustomers("offices"), 2);  // 675: C2; 25: C2, C4
  EXPECT_EQ(SideCustomers("kcps"), 3);     // 5: C1, C3; 1346: C5
  EXPECT_EQ(AuditCount("unit_master.edit"), 2);
}

TEST_F(UnitMasterTest, RefusesEditsThatContradictTheKancas) {
  const auto version = DataVersion();
  auto field_of = [](const http::Response& response) {
    return std::string(boost::json::parse(response.body).at("error").at("field").as_string());
  };
  auto own_code = Edit("25", {{"kanca", "KC Garut"}, {"kode_kanca", "25"}, {"kind", "kcp"}});
  EXPECT_EQ(own_code.status, 400);
  EXPECT_EQ(field_of(own_code), "kode_kanca");
  auto taken = Edit("675", {{"kanca", "KC Baru"}, {"kode_kanca", "25"}, {"kind", "kcp"}});
  EXPECT_EQ(taken.status, 400);
  EXPECT_EQ(JsonOf(taken).at("error").at("message").as_string(), "Kode 25 sudah dipakai KC Garut.");
  auto other_code = Edit("675", {{"kanca", "kc  garut"}, {"kode_kanca", "5"}, {"kind", "kcp"}});
  EXPECT_EQ(other_code.status, 400);
  EXPECT_EQ(JsonOf(other_code).at("error").at("message").as_string(), "KC Garut berkode 25.");
  auto no_kanca = Edit("675", {{"kanca", " "}, {"kind", "kcp"}, {"kode_kanca", "5"}});
  EXPECT_EQ(field_of(no_kanca), "kanca");
  auto bad_kind = Edit("675", {{"kanca", "KC Garut"}, {"kind", "cabang"}, {"kode_kanca", "25"}});
  EXPECT_EQ(field_of(bad_kind), "kind");
  EXPECT_EQ(Edit("9999", {{"kanca", "KC Garut"}, {"kind", "kcp"}, {"kode_kanca", "25"}}).status,
            404);
  EXPECT_EQ(Count("SELECT count(*) FROM unit_master"), 0);
  EXPECT_EQ(DataVersion(), version);

  // A new kanca with a code nobody has is fine; the unit's name may change too.
  auto fresh = Edit("675", {{"uker", "KCP Rajawali"},
                            {"kanca", "KC Bandung Baru"},
                            {"kode_kanca", "999"},
                            {"kind", "kcp"}});
  ASSERT_EQ(fresh.status, 200) << fresh.body;
  EXPECT_EQ(Scalar("SELECT uker || '|' || kanca || '|' || coalesce(kode_kanca, '-') || '|' || "
                   "is_office FROM unit_hierarchy WHERE kode_uker = '675'"),
            "KCP Rajawali|KC Bandung Baru|999|false");
}

}  // namespace
}  // namespace smedash::testing
