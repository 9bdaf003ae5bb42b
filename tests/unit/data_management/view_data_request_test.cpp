// Reading a View data request: filters, sort, cursors (round trip and tampering) and the
// LIKE escaping of the search text.
#include "data_management/view_data_request.hpp"

#include <gtest/gtest.h>

#include <map>

namespace smedash::data_management::view_data {
namespace {

QueryLookup From(std::map<std::string, std::string> values) {
  return [values = std::move(values)](std::string_view name) -> std::optional<std::string> {
    const auto found = values.find(std::string(name));
    if (found == values.end()) return std::nullopt;
    return found->second;
  };
}

ViewFilters FiltersOf(std::map<std::string, std::string> values) {
  auto parsed = ParseFilters(From(std::move(values)));
  EXPECT_TRUE(std::holds_alternative<ViewFilters>(parsed))
      << std::get<RequestProblem>(parsed).field;
  return std::holds_alternative<ViewFilters>(parsed) ? std::get<ViewFilters>(parsed)
                                                     : ViewFilters{};
}

std::string ProblemField(const QueryLookup& query) {
  auto parsed = ParsePageRequest(query);
  if (!std::holds_alternative<RequestProblem>(parsed)) return "(none)";
  return std::get<RequestProblem>(parsed).field;
}

TEST(ViewDataFilters, NothingChosenMeansTheLatestPositionUnfiltered) {
  const auto filters = FiltersOf({});
  EXPECT_EQ(filters.scope, ViewFilters::Scope::kLatest);
  EXPECT_FALSE(filters.kanca || filters.unit || filters.segment || filters.grade);
  EXPECT_TRUE(filters.search.empty());
  EXPECT_EQ(FiltersOf({{"position", "  "}, {"q", "   "}}).scope, ViewFilters::Scope::kLatest);
}

TEST(ViewDataFilters, EachFilterIsReadAndNormalised) {
  const auto filters = FiltersOf({{"position", "2025-10-09"},
                                  {"kanca", "k:KC GARUT"},
                                  {"unit", " 0675 "},
                                  {"segment", "SMALL NCC"},
                                  {"grade", "5"},
                                  {"q", "  PT Satu "}});
  EXPECT_EQ(filters.scope, ViewFilters::Scope::kDate);
  EXPECT_EQ(filters.position->ToIso(), "2025-10-09");
  EXPECT_EQ(filters.kanca, "k:KC GARUT");
  EXPECT_EQ(filters.unit, "675");  // as the loader stores KODE UKER
  EXPECT_EQ(filters.segment, "SMALL NCC");
  EXPECT_EQ(filters.grade, 5);
  EXPECT_EQ(filters.search, "PT Satu");
  EXPECT_EQ(FiltersOf({{"position", "all"}}).scope, ViewFilters::Scope::kAll);
}

TEST(ViewDataFilters, ValuesOutsideTheirRangeNameTheirField) {
  EXPECT_EQ(ProblemField(From({{"position", "09/10/2025"}})), "position");
  EXPECT_EQ(ProblemField(From({{"grade", "0"}})), "grade");
  EXPECT_EQ(ProblemField(From({{"grade", "2x"}})), "grade");
  EXPECT_EQ(ProblemField(From({{"segment", "medium"}})), "segment");
  EXPECT_EQ(ProblemField(From({{"unit",
                                "5\x01"
                                "6"}})),
            "unit");
  EXPECT_EQ(ProblemField(From({{"q", "a\x01"}})), "q");
  EXPECT_EQ(ProblemField(From({{"q", "\xFF\xFE"}})), "q");  // not UTF-8
  EXPECT_EQ(ProblemField(From({{"q", std::string(kMaxSearchLength, 'x')}})), "(none)");
  EXPECT_EQ(ProblemField(From({{"q", std::string(kMaxSearchLength + 1, 'x')}})), "q");
  // The limit counts characters, not bytes.
  std::string names;
  for (std::size_t i = 0; i < kMaxSearchLength; ++i) names += "é";
  EXPECT_EQ(ProblemField(From({{"q", names}})), "(none)");
}

TEST(ViewDataSort, DefaultsToTheNewestPositionAndAcceptsOnlyShownColumns) {
  auto sort = std::get<SortOrder>(ParseSort(From({})));
  EXPECT_EQ(sort.column->name, "periode");
  EXPECT_TRUE(sort.descending);
  sort = std::get<SortOrder>(ParseSort(From({{"sort", "os"}})));
  EXPECT_EQ(sort.column->name, "os");
  EXPECT_FALSE(sort.descending);  // other columns start from their smallest value
  sort = std::get<SortOrder>(ParseSort(From({{"sort", "nama_debitur"}, {"dir", "desc"}})));
  EXPECT_TRUE(sort.descending);
  EXPECT_EQ(ProblemField(From({{"sort", "pn_rm"}})), "sort");  // a column the table hides
  EXPECT_EQ(ProblemField(From({{"sort", "os; DROP TABLE loan_data"}})), "sort");
  EXPECT_EQ(ProblemField(From({{"dir", "DESC"}})), "dir");
}

Cursor ACursor(std::string sort, std::optional<std::string> value) {
  Cursor cursor;
  cursor.sort = std::move(sort);
  cursor.descending = true;
  cursor.value = std::move(value);
  cursor.periode = *core::Date::ParseIso("2025-10-09");
  cursor.account = "100000000000001";
  return cursor;
}

TEST(ViewDataCursor, RoundTripsEverySortValueKind) {
  for (const auto& cursor :
       {ACursor("os", "1234567.89"), ACursor("plafon", std::nullopt),
        ACursor("nama_debitur", "O'Brien; \"Sons\" é"), ACursor("kol_adk", "3"),
        ACursor("flag_restruk", "t"), ACursor("tgl_jatuh_tempo", "2027-03-01"),
        ACursor("periode", "2025-10-09")}) {
    const std::string text = EncodeCursor(cursor);
    EXPECT_EQ(
        text.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
        std::string::npos)
        << "a cursor goes into URLs as it is";
    const auto back = DecodeCursor(text);
    ASSERT_TRUE(back) << cursor.sort;
    EXPECT_EQ(back->sort, cursor.sort);
    EXPECT_EQ(back->descending, cursor.descending);
    EXPECT_EQ(back->value, cursor.value);
    EXPECT_EQ(back->periode, cursor.periode);
    EXPECT_EQ(back->account, cursor.account);
  }
}

TEST(ViewDataCursor, RefusesWhatItDidNotWrite) {
  EXPECT_FALSE(DecodeCursor(""));
  EXPECT_FALSE(DecodeCursor("not a cursor"));
  EXPECT_FALSE(DecodeCursor(EncodeCursor(ACursor("os", "1e9"))));         // not a decimal
  EXPECT_FALSE(DecodeCursor(EncodeCursor(ACursor("os", std::nullopt))));  // os is never NULL
  EXPECT_FALSE(DecodeCursor(EncodeCursor(ACursor("kol_adk", "x"))));
  EXPECT_FALSE(DecodeCursor(EncodeCursor(ACursor("flag_restruk", "true"))));
  EXPECT_FALSE(DecodeCursor(EncodeCursor(ACursor("tgl_jatuh_tempo", "2027-02-30"))));
  EXPECT_FALSE(DecodeCursor(EncodeCursor(ACursor("pn_rm", "x"))));  // not a table column
  auto no_account = ACursor("os", "1");
  no_account.account.clear();
  EXPECT_FALSE(DecodeCursor(EncodeCursor(no_account)));
}

TEST(ViewDataCursor, BelongsToTheSortItWasMadeFor) {
  const std::string cursor = EncodeCursor(ACursor("os", "1.00"));
  EXPECT_EQ(ProblemField(From({{"sort", "os"}, {"dir", "desc"}, {"after", cursor}})), "(none)");
  EXPECT_EQ(ProblemField(From({{"sort", "os"}, {"dir", "asc"}, {"after", cursor}})), "after");
  EXPECT_EQ(ProblemField(From({{"sort", "plafon"}, {"dir", "desc"}, {"before", cursor}})),
            "before");
  EXPECT_EQ(
      ProblemField(From({{"sort", "os"}, {"dir", "desc"}, {"after", cursor}, {"before", cursor}})),
      "before");
}

TEST(ViewDataSearch, LikeWildcardsAreEscaped) {
  EXPECT_EQ(EscapeLike("100% jaya_1\\x"), "100\\% jaya\\_1\\\\x");
  EXPECT_EQ(EscapeLike("O'Brien"), "O'Brien");
}

}  // namespace
}  // namespace smedash::data_management::view_data
