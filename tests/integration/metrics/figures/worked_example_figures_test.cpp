// domain.md section 10 imported through the real pipeline, read back through FigureStore:
// every figure the section lists, exactly.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "figures_fixture.hpp"
#include "metrics/comparison_dates.hpp"

namespace smedash::metrics::testing {
namespace {

class WorkedExampleFiguresTest : public FiguresTest {
 protected:
  void SetUp() override { ImportWorkedExample(); }
};

// One line of the section's totals table: amounts in juta, %NPL exact at the API's 4
// decimals (the table shows it rounded to 2).
struct TotalsRow {
  std::string group;
  core::Date position;
  long long os, dpk, npl, lr, lar;
  int nsb;
  std::string npl_pct;
};

TEST_F(WorkedExampleFiguresTest, PositionsAndGroupsAreThoseLoaded) {
  const auto snapshot = store_.Current();
  EXPECT_EQ(snapshot->Positions(), (std::vector<core::Date>{kA, kC, kD, kE}));
  std::vector<std::string> codes;
  for (const auto& group : snapshot->Groups()) codes.push_back(group.code);
  EXPECT_EQ(codes, (std::vector<std::string>{"SME", "MEDIUM", "SMALL_KUR", "SMALL", "SMALL_NCC",
                                             "CC", "KUR"}));
  EXPECT_EQ(snapshot->Groups()[2].label, "Small + KUR");
  EXPECT_EQ(snapshot->Groups()[2].segments, (std::vector<std::string>{"SMALL NCC", "CC", "KUR"}));
  EXPECT_FALSE(snapshot->FindGroup("SMALL + KUR").has_value());
  EXPECT_EQ(snapshot->FindGroup("KUR"), 6u);
}

TEST_F(WorkedExampleFiguresTest, TotalsTable) {
  const std::vector<TotalsRow> table = {
      {"SME", kE, 17400, 2000, 900, 3000, 5900, 5, "5.1724"},
      {"SME", kD, 16600, 500, 400, 3000, 3900, 5, "2.4096"},
      {"SME", kC, 15250, 0, 0, 2800, 2800, 4, "0.0000"},
      {"SME", kA, 11500, 0, 0, 2500, 2500, 2, "0.0000"},
      {"SMALL_KUR", kE, 7400, 2000, 900, 3000, 5900, 4, "12.1622"},
      {"SMALL", kE, 6900, 2000, 400, 3000, 5400, 3, "5.7971"},
      {"SMALL_NCC", kE, 3900, 2000, 400, 0, 2400, 2, "10.2564"},
      {"KUR", kE, 500, 0, 500, 0, 500, 1, "100.0000"},
      {"MEDIUM", kE, 10000, 0, 0, 0, 0, 1, "0.0000"},
  };
  for (const auto& row : table) {
    SCOPED_TRACE(row.group + " at " + row.position.ToIso());
    const Scope total = Scope::Total();
    EXPECT_EQ(Figure(Metric::kOs, row.group, total, row.position), Juta(row.os));
    EXPECT_EQ(Figure(Metric::kDpk, row.group, total, row.position), Juta(row.dpk));
    EXPECT_EQ(Figure(Metric::kNpl, row.group, total, row.position), Juta(row.npl));
    EXPECT_EQ(Figure(Metric::kLr, row.group, total, row.position), Juta(row.lr));
    EXPECT_EQ(Figure(Metric::kLar, row.group, total, row.position), Juta(row.lar));
    EXPECT_EQ(Figure(Metric::kNsb, row.group, total, row.position), std::to_string(row.nsb));
    EXPECT_EQ(Figure(Metric::kNplPct, row.group, total, row.position), row.npl_pct);
  }
}

TEST_F(WorkedExampleFiguresTest, ComparedPositionsAndSmeOsChangesAtS) {
  const auto snapshot = store_.Current();
  const ComparisonDates dates = CompareDates(snapshot->Positions(), kE);
  EXPECT_EQ(dates.e, kE);
  EXPECT_EQ(dates.d, kD);
  EXPECT_EQ(dates.c, kC);
  EXPECT_EQ(dates.b, std::nullopt);
  EXPECT_EQ(dates.a, kA);
  EXPECT_EQ(dates.y, std::nullopt);
  const std::size_t sme = Group("SME");
  const auto os_at = [&](metrics::Column column) -> std::optional<Decimal> {
    const auto& position = dates.At(column);
    if (!position) return std::nullopt;
    return snapshot->Value(Metric::kOs, sme, Scope::Total(), *position);
  };
  const auto change = [&](Change which) {
    const auto now = os_at(metrics::Column::kE);
    const auto base = os_at(BaseOf(which));
    if (!now || !base) return std::string("–");
    const Decimal difference = now->Minus(*base);
    const auto percent = Decimal::Percent(difference, base->Abs());
    return difference.ToString() + " " + (percent ? percent->ToString() : "–");
  };
  // DtD 800 (4,8 %), MtD 2.150 (14,1 %), YtD 5.900 (51,3 %), MoM –, YoY –.
  EXPECT_EQ(change(Change::kDtd), Juta(800) + " 4.8193");
  EXPECT_EQ(change(Change::kMtd), Juta(2150) + " 14.0984");
  EXPECT_EQ(change(Change::kYtd), Juta(5900) + " 51.3043");
  EXPECT_EQ(change(Change::kMom), "–");
  EXPECT_EQ(change(Change::kYoy), "–");
}

TEST_F(WorkedExampleFiguresTest, KonsolAtE) {
  const Scope bandung = Scope::Konsol(KancaOf("5"));
  EXPECT_EQ(Figure(Metric::kOs, "SME", bandung, kE), Juta(15000));
  EXPECT_EQ(Figure(Metric::kNsb, "SME", bandung, kE), "3");
  const Scope garut = Scope::Konsol(KancaOf("25"));
  EXPECT_EQ(Figure(Metric::kOs, "SME", garut, kE), Juta(2400));
  EXPECT_EQ(Figure(Metric::kNpl, "SME", garut, kE), Juta(900));
  EXPECT_EQ(Figure(Metric::kNplPct, "SME", garut, kE), "37.5000");
  EXPECT_EQ(Figure(Metric::kNsb, "SME", garut, kE), "3") << "3 + 3 ≠ 5: NSB is not additive";
  EXPECT_EQ(Figure(Metric::kNsb, "SME", Scope::Total(), kE), "5");
}

TEST_F(WorkedExampleFiguresTest, KancaOnlyAndKcpOnlyAtE) {
  const Scope garut_office = Scope::Office(KancaOf("25"));
  EXPECT_EQ(Figure(Metric::kOs, "SME", garut_office, kE), Juta(2000));
  EXPECT_EQ(Figure(Metric::kNpl, "SME", garut_office, kE), Juta(500));
  const Scope unit_25 = Scope::Unit(UnitOf("25"));
  EXPECT_EQ(Figure(Metric::kOs, "SME", unit_25, kE), Juta(2000));
  EXPECT_EQ(Figure(Metric::kNpl, "SME", unit_25, kE), Juta(500));
  const Scope cikajang = Scope::Unit(UnitOf("1346"));
  EXPECT_EQ(Figure(Metric::kOs, "SME", cikajang, kE), Juta(400));
  EXPECT_EQ(Figure(Metric::kNpl, "SME", cikajang, kE), Juta(400));
}

TEST_F(WorkedExampleFiguresTest, OfficeNsbIsItsUnitsOwnCount) {
  // KC Garut's office (unit 25) at E: C4 and C2; C7's loan has OS 0.
  EXPECT_EQ(Figure(Metric::kNsb, "SME", Scope::Office(KancaOf("25")), kE), "2");
  EXPECT_EQ(Figure(Metric::kNsb, "SME", Scope::Unit(UnitOf("25")), kE), "2");
  // KC Bandung AA's office (unit 5): C1 and C3.
  EXPECT_EQ(Figure(Metric::kNsb, "SME", Scope::Office(KancaOf("5")), kE), "2");
}

TEST_F(WorkedExampleFiguresTest, AccountWithoutOsCountsItsMacetAmountAsSmallNcc) {
  // Account 5: no OS cell, MACET 400 juta, unknown CODE 99999 → SMALL NCC, NPL.
  const Scope cikajang = Scope::Unit(UnitOf("1346"));
  EXPECT_EQ(Figure(Metric::kOs, "SMALL_NCC", cikajang, kE), Juta(400));
  EXPECT_EQ(Figure(Metric::kOs, "MEDIUM", cikajang, kE), "0.00");
  const auto grades = store_.Current()->OsByGrade(Group("SME"), cikajang, kE);
  ASSERT_TRUE(grades.has_value());
  EXPECT_EQ((*grades)[4].ToString(), Juta(400));
  EXPECT_EQ((*grades)[0].ToString(), "0.00");
}

TEST_F(WorkedExampleFiguresTest, GradeSplitOfTheTotalAtE) {
  const auto grades = store_.Current()->OsByGrade(Group("SME"), Scope::Total(), kE);
  ASSERT_TRUE(grades.has_value());
  std::vector<std::string> text;
  for (const auto& amount : *grades) text.push_back(amount.ToString());
  // KOL 1: 10,000 + 3,000 + 1,500 + 0; KOL 2: 2,000; KOL 3: 500; KOL 5: 400.
  EXPECT_EQ(text,
            (std::vector<std::string>{Juta(14500), Juta(2000), Juta(500), "0.00", Juta(400)}));
}

}  // namespace
}  // namespace smedash::metrics::testing
