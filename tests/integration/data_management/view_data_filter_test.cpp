// Filters, search and counts of /api/v1/loan-data: each filter narrows to exactly the rows
// SQL says, the search finds a row by each field it covers, and the count agrees.
#include <algorithm>

#include "view_data_fixture.hpp"

namespace smedash::testing {
namespace {

std::string SortedByKey() { return "sort=periode&dir=asc"; }
const char* const kKeyOrder = "l.periode, l.nomor_rekening";

class ViewDataFilterTest : public ViewDataTest {
 protected:
  // The rows a query shows over every position, and the count it reports.
  RowKeys Rows(const std::string& filters) {
    return WalkForward("position=all&" + filters + "&" + SortedByKey());
  }
  boost::json::object CountOf(const std::string& filters) {
    auto response = Send(http::Method::kGet, "/api/v1/loan-data/count?" + filters, &admin_);
    EXPECT_EQ(response.status, 200) << response.body;
    return JsonOf(response);
  }
  void ExpectFilter(const std::string& filters, const std::string& where) {
    const RowKeys expected = KeysFromSql(where, kKeyOrder);
    ASSERT_FALSE(expected.empty()) << where;
    ASSERT_LT(expected.size(), 78u) << "the filter narrows nothing: " << where;
    EXPECT_EQ(Rows(filters), expected) << filters;
    const auto count = CountOf("position=all&" + filters);
    EXPECT_EQ(count.at("count").as_int64(), static_cast<std::int64_t>(expected.size())) << filters;
    EXPECT_TRUE(count.at("exact").as_bool());
  }
};

TEST_F(ViewDataFilterTest, EachFilterNarrowsToTheRowsItNames) {
  ExpectFilter("kanca=25", "l.kanca = 'KC Garut'");
  ExpectFilter("kanca=5", "l.kanca = 'KC Bandung AA'");
  ExpectFilter("unit=675", "l.kode_uker = '675'");
  ExpectFilter("unit=0675", "l.kode_uker = '675'");  // written as a file might
  ExpectFilter("grade=3", "l.kol_adk = 3");
  ExpectFilter("segment=MEDIUM", "m.segment = 'MEDIUM'");
  ExpectFilter("segment=CC", "m.segment = 'CC'");
  ExpectFilter("segment=KUR", "m.segment = 'KUR'");
  // A CODE the map lacks (99999) counts as SMALL NCC, as on the dashboards.
  ExpectFilter("segment=SMALL+NCC", "coalesce(m.segment, 'SMALL NCC') = 'SMALL NCC'");
  ASSERT_GT(Count("SELECT count(*) FROM loan_data WHERE code = '99999'"), 0);
  // Filters combine.
  ExpectFilter("kanca=25&grade=1&segment=SMALL+NCC",
               "l.kanca = 'KC Garut' AND l.kol_adk = 1 AND "
               "coalesce(m.segment, 'SMALL NCC') = 'SMALL NCC'");
}

TEST_F(ViewDataFilterTest, APositionNarrowsToItsRowsAndIsCountedExactly) {
  EXPECT_EQ(WalkForward("position=2025-10-08&" + SortedByKey()),
            KeysFromSql("l.periode = '2025-10-08'", kKeyOrder));
  EXPECT_EQ(CountOf("position=2025-10-08").at("count").as_int64(), 37);
  EXPECT_EQ(CountOf("").at("count").as_int64(), 41);  // the latest position
  EXPECT_EQ(CountOf("position=all").at("count").as_int64(), 78);
}

TEST_F(ViewDataFilterTest, TheSearchFindsARowByEachFieldItCovers) {
  // A value only one row of the latest position holds, taken from the data itself.
  const std::string account = Scalar(
      "SELECT nomor_rekening FROM loan_data WHERE periode = '2025-10-09' "
      "ORDER BY nomor_rekening DESC LIMIT 1");
  const std::string where_account =
      "l.periode = '2025-10-09' AND l.nomor_rekening = '" + account + "'";
  auto one = [&](const std::string& column) {
    return Scalar("SELECT l." + column + " FROM loan_data l WHERE " + where_account);
  };
  struct Case {
    std::string query;  // what the admin types
    std::string where;  // the rows it must find
  };
  const std::string pn = one("pn_pengelola_1");
  const std::vector<Case> cases = {
      {account, "l.nomor_rekening = '" + account + "'"},
      {account.substr(0, 13), "l.nomor_rekening LIKE '" + account.substr(0, 13) + "%'"},
      {one("cif_no"), "l.cif_no LIKE '" + one("cif_no") + "%'"},  // C2 finds C2, C20, C21…
      {pn, "l.pn_pengelola_1 = '" + pn + "'"},
      {"rm3", "l.pn_rm = 'RM3'"},  // typed in lower case, written in capitals
      {"koperasi", "l.nama_debitur = 'Koperasi Tujuh'"},
      {"jAYA", "l.nama_debitur = 'Toko 100% Jaya'"},  // anywhere in the name, any case
  };
  for (const auto& search : cases) {
    const RowKeys expected = KeysFromSql("l.periode = '2025-10-09' AND " + search.where, kKeyOrder);
    ASSERT_FALSE(expected.empty()) << search.query;
    const std::string query = "q=" + http::UrlEncode(search.query);
    EXPECT_EQ(WalkForward(query + "&" + SortedByKey()), expected) << search.query;
    EXPECT_EQ(CountOf(query).at("count").as_int64(), static_cast<std::int64_t>(expected.size()))
        << search.query;
  }
}

TEST_F(ViewDataFilterTest, SearchTextIsTakenLiterallyNotAsAPattern) {
  // % and _ are LIKE wildcards: here they match only themselves.
  EXPECT_EQ(Rows("q=%25"), KeysFromSql("l.nama_debitur LIKE '%\\%%'", kKeyOrder));
  EXPECT_EQ(Rows("q=_"), KeysFromSql("l.nama_debitur LIKE '%\\_%'", kKeyOrder));
  EXPECT_EQ(Rows("q=O%27Brien%3B"), KeysFromSql("l.nama_debitur LIKE 'O''Brien;%'", kKeyOrder));
  EXPECT_TRUE(Rows("q=%27%3B+DROP+TABLE+loan_data%3B+--").empty());
  EXPECT_EQ(Count("SELECT count(*) FROM loan_data"), 78);
}

TEST_F(ViewDataFilterTest, ASearchIsCountedUpToTheCapThenSaysMoreThan) {
  // Every account number starts with 1: 78 rows, past the cap of 30.
  auto many = CountOf("position=all&q=1");
  EXPECT_EQ(many.at("count").as_int64(), Limits().count_cap);
  EXPECT_FALSE(many.at("exact").as_bool());
  EXPECT_EQ(many.at("bound").as_string(), "more_than");
  EXPECT_EQ(Rows("q=1").size(), 78u);  // the pages still show them all
  auto few = CountOf("position=all&q=PT+Sama");
  EXPECT_TRUE(few.at("exact").as_bool());
  EXPECT_EQ(few.at("count").as_int64(),
            Count("SELECT count(*) FROM loan_data WHERE nama_debitur = 'PT Sama'"));
}

TEST_F(ViewDataFilterTest, ASearchOverEveryPositionIsCountedNewestFirstWithinItsTimeBudget) {
  using data_management::view_data::RowCount;
  auto limits = Limits();
  limits.count_budget = std::chrono::milliseconds(0);  // time for one position only
  data_management::view_data::ViewDataService service(*pool_, limits);
  data_management::view_data::ViewFilters filters;
  filters.scope = data_management::view_data::ViewFilters::Scope::kAll;
  filters.search = "PT Sama";
  const auto count = std::get<RowCount>(service.Count(filters));
  EXPECT_EQ(count.bound, RowCount::Bound::kAtLeast);
  EXPECT_EQ(count.count, Count("SELECT count(*) FROM loan_data WHERE periode = '2025-10-09' AND "
                               "nama_debitur = 'PT Sama'"));
  // With time for every position the same search is counted exactly.
  const auto all = CountOf("position=all&q=PT+Sama");
  EXPECT_EQ(all.at("bound").as_string(), "exact");
  EXPECT_GT(all.at("count").as_int64(), count.count);
}

TEST_F(ViewDataFilterTest, TheOptionsListPositionsKancaUnitsAndSegments) {
  auto response = Send(http::Method::kGet, "/api/v1/loan-data/options", &admin_);
  ASSERT_EQ(response.status, 200) << response.body;
  const auto options = JsonOf(response);
  const auto& positions = options.at("positions").as_array();
  ASSERT_EQ(positions.size(), 2u);
  EXPECT_EQ(positions.at(0).as_string(), kLatest);
  EXPECT_EQ(options.at("latest").as_string(), kLatest);
  std::vector<std::string> kancas;
  for (const auto& kanca : options.at("kancas").as_array()) {
    kancas.emplace_back(kanca.at("id").as_string());
  }
  EXPECT_EQ(kancas, (std::vector<std::string>{"5", "25"}));
  EXPECT_EQ(options.at("units").as_array().size(), 4u);
  EXPECT_EQ(options.at("segments").as_array().size(), 4u);
  EXPECT_EQ(options.at("page_rows").as_int64(), Limits().page_rows);
}

}  // namespace
}  // namespace smedash::testing
