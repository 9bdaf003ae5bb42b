// Keyset paging of /api/v1/loan-data: every row exactly once, in the sort's order, going
// forwards and backwards, for sorts with duplicates and NULLs; the default position.
#include <set>

#include "view_data_fixture.hpp"

namespace smedash::testing {
namespace {

// The API's order for each sort, as SQL the test writes itself: the column, then the
// primary key, NULLs last going up.
struct SortCase {
  std::string query;
  std::string order_by;
};

const std::vector<SortCase> kSorts = {
    {"sort=periode&dir=desc", "l.periode DESC, l.nomor_rekening DESC"},
    {"sort=periode&dir=asc", "l.periode, l.nomor_rekening"},
    {"sort=nomor_rekening&dir=asc", "l.nomor_rekening, l.periode"},
    {"sort=nama_debitur&dir=asc", "l.nama_debitur NULLS LAST, l.periode, l.nomor_rekening"},
    {"sort=nama_debitur&dir=desc",
     "l.nama_debitur DESC NULLS FIRST, l.periode DESC, l.nomor_rekening DESC"},
    {"sort=plafon&dir=desc", "l.plafon DESC NULLS FIRST, l.periode DESC, l.nomor_rekening DESC"},
    {"sort=plafon&dir=asc", "l.plafon NULLS LAST, l.periode, l.nomor_rekening"},
    {"sort=flag_restruk&dir=asc", "l.flag_restruk NULLS LAST, l.periode, l.nomor_rekening"},
    {"sort=flag_restruk&dir=desc",
     "l.flag_restruk DESC NULLS FIRST, l.periode DESC, l.nomor_rekening DESC"},
    {"sort=kol_adk&dir=asc", "l.kol_adk, l.periode, l.nomor_rekening"},
    {"sort=os&dir=desc", "l.os DESC, l.periode DESC, l.nomor_rekening DESC"},
    {"sort=kanca&dir=desc", "l.kanca DESC, l.periode DESC, l.nomor_rekening DESC"},
    {"sort=tgl_jatuh_tempo&dir=asc", "l.tgl_jatuh_tempo NULLS LAST, l.periode, l.nomor_rekening"},
};

TEST_F(ViewDataTest, EveryPositionPagesForwardOverEveryRowOnceInTheSortOrder) {
  // The data has what makes keyset paging hard: NULLs and long runs of equal values.
  ASSERT_GT(Count("SELECT count(*) FROM loan_data WHERE nama_debitur IS NULL"), 7);
  ASSERT_GT(Count("SELECT count(*) FROM loan_data WHERE plafon IS NULL"), 7);
  ASSERT_GT(Count("SELECT count(*) FROM loan_data WHERE flag_restruk IS NULL"), 7);
  for (const auto& sort : kSorts) {
    const RowKeys keys = WalkForward("position=all&" + sort.query);
    EXPECT_EQ(keys, KeysFromSql("", sort.order_by)) << sort.query;
    EXPECT_EQ(std::set<std::string>(keys.begin(), keys.end()).size(), 78u) << sort.query;
  }
}

TEST_F(ViewDataTest, PagingBackwardsFromTheLastPageGivesTheSamePagesInReverse) {
  for (const auto& sort : kSorts) {
    const RowKeys forward = WalkForward("position=all&" + sort.query);
    EXPECT_EQ(WalkBackward("position=all&" + sort.query), forward) << sort.query;
  }
}

TEST_F(ViewDataTest, APageHasNoPreviousAtTheStartAndNoNextAtTheEnd) {
  auto first = Page("position=all");
  EXPECT_TRUE(first.at("prev").is_null());
  ASSERT_TRUE(first.at("next").is_string());
  auto second = Page("position=all&after=" + std::string(first.at("next").as_string()));
  ASSERT_TRUE(second.at("prev").is_string());
  // Back from the second page is the first page again, which has no page before it.
  auto back = Page("position=all&before=" + std::string(second.at("prev").as_string()));
  EXPECT_EQ(KeysOf(back.at("rows").as_array()), KeysOf(first.at("rows").as_array()));
  EXPECT_TRUE(back.at("prev").is_null());
}

TEST_F(ViewDataTest, TheLatestPositionIsShownUnlessAnotherIsChosen) {
  auto page = Page("");
  EXPECT_EQ(page.at("position").as_string(), kLatest);
  EXPECT_EQ(page.at("sort").as_string(), "periode");
  EXPECT_EQ(page.at("dir").as_string(), "desc");
  EXPECT_EQ(WalkForward(""), KeysFromSql("l.periode = '2025-10-09'", "1 DESC, 2 DESC"));
  EXPECT_EQ(WalkForward("position=2025-10-08&sort=os&dir=asc"),
            KeysFromSql("l.periode = '2025-10-08'", "l.os, l.periode, l.nomor_rekening"));
  EXPECT_TRUE(Page("position=all").at("position").is_null());
  // A position without data: no rows, not an error.
  EXPECT_TRUE(Page("position=2020-01-01").at("rows").as_array().empty());
}

TEST_F(ViewDataTest, AmountsAreExactDecimalStringsAndFlagsBooleans) {
  auto page = Page("position=2025-10-08&sort=nomor_rekening&dir=asc");
  const auto& row = page.at("rows").as_array().at(0).as_object();
  const std::string account(row.at("nomor_rekening").as_string());
  EXPECT_EQ(row.at("os").as_string(),
            Scalar("SELECT os::text FROM loan_data WHERE periode = '2025-10-08' AND "
                   "nomor_rekening = '" +
                   account + "'"));
  EXPECT_TRUE(row.at("kol_adk").is_int64());
  EXPECT_TRUE(row.at("flag_restruk").is_bool());
  EXPECT_EQ(row.at("segment").as_string(),
            Scalar("SELECT coalesce(m.segment, 'SMALL NCC') FROM loan_data l LEFT JOIN "
                   "segment_map m ON m.code = l.code WHERE l.periode = '2025-10-08' AND "
                   "l.nomor_rekening = '" +
                   account + "'"));
  // The latest file has no FLAG RESTRUK column: NULL, sent as null.
  auto latest = Page("");
  EXPECT_TRUE(latest.at("rows").as_array().at(0).at("flag_restruk").is_null());
}

}  // namespace
}  // namespace smedash::testing
