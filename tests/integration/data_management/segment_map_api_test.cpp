// The segment map API against the worked example: listing with what the latest position
// holds per code, adding an unknown code, moving a code to another segment (the aggregates
// follow, data_version moves, the audit log says who and what), removing, and the checks.
#include "reference_data_fixture.hpp"

namespace smedash::testing {
namespace {

using http::Method;

const std::vector<std::string> kPositions = {"2024-12-31", "2025-09-30", "2025-10-08",
                                             "2025-10-09"};
const std::vector<std::string> kSegments = {"MEDIUM", "SMALL NCC", "CC", "KUR"};

const boost::json::object* FindCode(const boost::json::array& entries, std::string_view code) {
  for (const auto& entry : entries) {
    if (entry.at("code").as_string() == code) return &entry.as_object();
  }
  return nullptr;
}

class SegmentMapTest : public ReferenceDataTest {
 protected:
  // Every segment's sums in agg_position equal the sums of the rows under the map as it
  // is now, at every position.
  void ExpectAggregatesFollowTheMap() {
    for (const auto& periode : kPositions) {
      for (const auto& segment : kSegments) {
        EXPECT_EQ(SegmentOs(periode, segment), SegmentOsFromRows(periode, segment))
            << periode << " " << segment;
      }
    }
  }

  std::string TotalCustomers(const std::string& periode, const std::string& group) {
    return Scalar(
        "SELECT coalesce(sum(customers), 0) FROM agg_nsb WHERE level = 'total' AND periode = '" +
        periode + "' AND group_code = '" + group + "'");
  }
};

TEST_F(SegmentMapTest, ListsCodesWithTheLatestPositionAndTheUnknownOnes) {
  Client admin = SignInAdmin();
  auto empty = JsonOf(Send(Method::kGet, "/api/v1/segments", &admin));
  EXPECT_TRUE(empty.at("latest_position").is_null());
  EXPECT_EQ(empty.at("codes").as_array().size(), 25u);
  EXPECT_TRUE(empty.at("unknown").as_array().empty());
  EXPECT_EQ(boost::json::serialize(empty.at("segments")), R"(["MEDIUM","SMALL NCC","CC","KUR"])");

  LoadWorkedExample(admin);
  auto listing = JsonOf(Send(Method::kGet, "/api/v1/segments", &admin));
  EXPECT_EQ(listing.at("latest_position").as_string(), "2025-10-09");
  EXPECT_EQ(listing.at("fallback_segment").as_string(), "SMALL NCC");
  const auto* medium = FindCode(listing.at("codes").as_array(), "42210");
  ASSERT_NE(medium, nullptr);
  EXPECT_EQ(medium->at("segment").as_string(), "MEDIUM");
  EXPECT_EQ(medium->at("rows").as_int64(), 1);
  EXPECT_EQ(medium->at("os").as_string(), "10000000000.00");
  const auto* unused = FindCode(listing.at("codes").as_array(), "82201");
  ASSERT_NE(unused, nullptr);
  EXPECT_EQ(unused->at("rows").as_int64(), 0);
  EXPECT_EQ(boost::json::serialize(listing.at("unknown")),
            R"([{"code":"99999","rows":1,"os":"400000000.00","segment":null}])");
}

TEST_F(SegmentMapTest, MovingACodeMovesItsFiguresBetweenSegments) {
  Client admin = SignInAdmin();
  LoadWorkedExample(admin);
  EXPECT_EQ(SegmentOs("2025-10-09", "MEDIUM"), "10000000000.00");
  EXPECT_EQ(SegmentOs("2025-10-09", "CC"), "3000000000.00");
  EXPECT_EQ(TotalCustomers("2025-10-09", "CC"), "1");
  const auto version = DataVersion();

  auto moved = SendJson(Method::kPut, "/api/v1/segments/42210", &admin, {{"segment", "CC"}});
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(boost::json::serialize(JsonOf(moved).at("change")),
            R"({"code":"42210","before":"MEDIUM","after":"CC","changed":true})");
  EXPECT_EQ(SegmentOs("2025-10-09", "MEDIUM"), "0.00");
  EXPECT_EQ(SegmentOs("2025-10-09", "CC"), "13000000000.00");
  EXPECT_EQ(SegmentOs("2024-12-31", "CC"), "11500000000.00");
  EXPECT_EQ(TotalCustomers("2025-10-09", "CC"), "2");  // C1 joins C3
  EXPECT_EQ(TotalCustomers("2025-10-09", "MEDIUM"), "0");
  ExpectAggregatesFollowTheMap();
  EXPECT_GT(DataVersion(), version);

  EXPECT_EQ(AuditCount("segment_map.change"), 1);
  EXPECT_EQ(Scalar("SELECT actor_name || ' ' || target || ' ' || (detail->>'before') || ' ' || "
                   "(detail->>'after') FROM audit_log WHERE action = 'segment_map.change'"),
            "admin segment_code:42210 MEDIUM CC");
}

TEST_F(SegmentMapTest, AddingAndRemovingAnUnknownCode) {
  Client admin = SignInAdmin();
  LoadWorkedExample(admin);
  EXPECT_EQ(SegmentOs("2025-10-09", "KUR"), "500000000.00");
  const auto version = DataVersion();

  // Typed the way a file might write it: spaces, leading zeros.
  auto added = SendJson(Method::kPost, "/api/v1/segments", &admin,
                        {{"code", " 0099999 "}, {"segment", "KUR"}});
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(JsonOf(added).at("change").at("code").as_string(), "99999");
  EXPECT_EQ(SegmentOs("2025-10-09", "KUR"), "900000000.00");
  EXPECT_EQ(SegmentOs("2025-10-08", "KUR"), "900000000.00");
  ExpectAggregatesFollowTheMap();
  EXPECT_TRUE(
      JsonOf(Send(Method::kGet, "/api/v1/segments", &admin)).at("unknown").as_array().empty());
  const auto after_add = DataVersion();
  EXPECT_GT(after_add, version);

  auto removed = Send(Method::kDelete, "/api/v1/segments/99999", &admin);
  ASSERT_EQ(removed.status, 200) << removed.body;
  EXPECT_TRUE(JsonOf(removed).at("change").at("after").is_null());
  EXPECT_EQ(SegmentOs("2025-10-09", "KUR"), "500000000.00");
  ExpectAggregatesFollowTheMap();
  EXPECT_GT(DataVersion(), after_add);
  EXPECT_EQ(Scalar("SELECT string_agg(action || ':' || coalesce(detail->>'before', '-') || '>' || "
                   "coalesce(detail->>'after', '-'), ',' ORDER BY id) FROM audit_log "
                   "WHERE action LIKE 'segment_map.%'"),
            "segment_map.add:->KUR,segment_map.remove:KUR>-");
}

TEST_F(SegmentMapTest, RefusesBadRequestsAndChangesNothing) {
  Client admin = SignInAdmin();
  const auto version = DataVersion();
  auto no_code =
      SendJson(Method::kPost, "/api/v1/segments", &admin, {{"code", "  "}, {"segment", "KUR"}});
  EXPECT_EQ(no_code.status, 400);
  EXPECT_EQ(JsonOf(no_code).at("error").at("field").as_string(), "code");
  auto bad_segment =
      SendJson(Method::kPost, "/api/v1/segments", &admin, {{"code", "12"}, {"segment", "SMALL"}});
  EXPECT_EQ(bad_segment.status, 400);
  EXPECT_EQ(JsonOf(bad_segment).at("error").at("field").as_string(), "segment");
  auto control =
      SendJson(Method::kPost, "/api/v1/segments", &admin, {{"code", "12\n3"}, {"segment", "KUR"}});
  EXPECT_EQ(control.status, 400);

  // "42210.0" is 42210, already MEDIUM.
  auto exists = SendJson(Method::kPost, "/api/v1/segments", &admin,
                         {{"code", "42210.0"}, {"segment", "KUR"}});
  EXPECT_EQ(exists.status, 409);
  EXPECT_EQ(JsonOf(exists).at("error").at("message").as_string(),
            "CODE 42210 sudah ada di peta (segmen MEDIUM).");
  EXPECT_EQ(SendJson(Method::kPut, "/api/v1/segments/77777", &admin, {{"segment", "KUR"}}).status,
            404);
  EXPECT_EQ(Send(Method::kDelete, "/api/v1/segments/77777", &admin).status, 404);
  EXPECT_EQ(Send(Method::kPost, "/api/v1/segments", &admin, "{not json").status, 400);

  // The segment it already has: nothing to do, nothing recomputed or audited.
  auto same = SendJson(Method::kPut, "/api/v1/segments/42210", &admin, {{"segment", "MEDIUM"}});
  EXPECT_EQ(same.status, 200);
  EXPECT_FALSE(JsonOf(same).at("change").at("changed").as_bool());

  EXPECT_EQ(DataVersion(), version);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action LIKE 'segment_map.%'"), 0);
  EXPECT_EQ(Scalar("SELECT string_agg(segment || ':' || n, ',' ORDER BY segment) FROM "
                   "(SELECT segment, count(*) AS n FROM segment_map GROUP BY segment) s"),
            "CC:3,KUR:1,MEDIUM:4,SMALL NCC:17");
}

}  // namespace
}  // namespace smedash::testing
