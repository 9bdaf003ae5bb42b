// Every figure of every scope, group and position equals the same figure computed by SQL
// straight from loan_data (not from the aggregates), on the worked example and on
// generated rows that exercise what it lacks (a kanca without an office, all grades,
// missing OS, negative and zero balances, unknown codes, customers in several kanca).
// And the table invariants: KONSOL = KANCA ONLY + Σ KCP ONLY, totals = Σ KONSOL.
#include <gtest/gtest.h>

#include <pqxx/pqxx>
#include <random>
#include <string>
#include <vector>

#include "figures_fixture.hpp"
#include "metrics/aggregates.hpp"

namespace smedash::metrics::testing {
namespace {

// The formulas of domain.md section 5 over loan_data rows of one position, group and scope
// ($3 kind, $4 kanca key or unit code), each figure as the API writes it. pct(x) stands
// for x's share of OS (see ScopeInvariantsTest::Sql).
constexpr const char* kFromLoanDataSql = R"sql(
WITH scoped AS (
  SELECT l.os, l.kol_adk, coalesce(l.flag_restruk, false) AS restructured, l.cif_no
  FROM loan_data l
  LEFT JOIN segment_map m ON m.code = l.code
  LEFT JOIN unit_hierarchy h ON h.kode_uker = l.kode_uker
  WHERE l.periode = $1::date
    AND EXISTS (SELECT 1 FROM segment_groups g
                WHERE g.group_code = $2 AND coalesce(m.segment, 'SMALL NCC') = ANY (g.segments))
    AND CASE $3 WHEN 'total' THEN true
                WHEN 'konsol' THEN h.kanca_key = $4
                WHEN 'office' THEN h.kanca_key = $4 AND h.is_office
                WHEN 'unit' THEN l.kode_uker = $4
                WHEN 'offices' THEN h.is_office
                WHEN 'kcps' THEN NOT h.is_office END
), sums AS (
  SELECT coalesce(sum(os), 0) AS os,
         coalesce(sum(os) FILTER (WHERE kol_adk = 2), 0) AS dpk,
         coalesce(sum(os) FILTER (WHERE kol_adk >= 3), 0) AS npl,
         coalesce(sum(os) FILTER (WHERE kol_adk = 1 AND restructured), 0) AS lr,
         count(DISTINCT cif_no) FILTER (WHERE os > 0) AS nsb
  FROM scoped
), figures AS (
  SELECT os, dpk, npl, lr, dpk + npl + lr AS lar, nsb FROM sums
)
SELECT concat_ws('|', os::numeric(30,2), dpk::numeric(30,2), pct(dpk), npl::numeric(30,2),
                 pct(npl), lr::numeric(30,2), pct(lr), lar::numeric(30,2), pct(lar), nsb)
FROM figures
)sql";

// The same line from the snapshot.
std::string FromSnapshot(const Snapshot& snapshot, std::size_t group, const Scope& scope,
                         core::Date position) {
  std::string line;
  for (const Metric metric : kAllMetrics) {
    const auto value = snapshot.Value(metric, group, scope, position);
    if (!line.empty()) line += '|';
    line += value ? value->ToString() : "none";
  }
  return line;
}

struct NamedScope {
  Scope scope;
  std::string kind;  // as kFromLoanDataSql names it
  std::string key;
};

std::vector<NamedScope> AllScopes(const Hierarchy& hierarchy) {
  std::vector<NamedScope> scopes = {{Scope::Total(), "total", ""},
                                    {Scope::Offices(), "offices", ""},
                                    {Scope::Kcps(), "kcps", ""}};
  for (std::size_t kanca = 0; kanca < hierarchy.Kancas().size(); ++kanca) {
    scopes.push_back({Scope::Konsol(kanca), "konsol", hierarchy.Kancas()[kanca].key});
    scopes.push_back({Scope::Office(kanca), "office", hierarchy.Kancas()[kanca].key});
  }
  for (std::size_t unit = 0; unit < hierarchy.Units().size(); ++unit) {
    scopes.push_back({Scope::Unit(unit), "unit", hierarchy.Units()[unit].code});
  }
  return scopes;
}

const Metric kAdditive[] = {Metric::kOs, Metric::kDpk, Metric::kNpl, Metric::kLr, Metric::kLar};

// Rows for three positions over three kanca, one of them without an office.
std::string GeneratedCsv() {
  struct UnitRow {
    const char* code;
    const char* uker;
    const char* kanca;
  };
  const UnitRow units[] = {{"5", "KC Bandung AA", "KC Bandung AA"},
                           {"675", "KCP Rajawali Bandung", "KC Bandung AA"},
                           {"700", "KCP Tujuh Ratus", "KC  Bandung AA "},
                           {"25", "KC Garut", "KC Garut"},
                           {"1346", "KCP Cikajang", "KC Garut"},
                           {"901", "KCP Satu", "KC Tanpa Kantor"},
                           {"902", "KCP Dua", "KC Tanpa Kantor"}};
  const char* codes[] = {"42210", "43211", "43206", "82201", "42110", "42140", "80065", "99999"};
  const char* positions[] = {"31/01/2025", "28/02/2025", "03/03/2025"};
  std::mt19937 random(20251009);
  auto pick = [&](int count) { return std::uniform_int_distribution<int>(0, count - 1)(random); };
  std::string csv =
      "PERIODE,KANCA,KODE UKER,UKER,NOMOR REKENING,NAMA DEBITUR,CIFNO,FLAG RESTRUK,"
      "KOLEKTIBILITAS LANCAR,KOLEKTIBILITAS DPK,KOLEKTIBILITAS KURANG LANCAR,"
      "KOLEKTIBILITAS DIRAGUKAN,KOLEKTIBILITAS MACET,CODE,KOL_ADK,OS\n";
  for (const char* position : positions) {
    for (int account = 0; account < 150; ++account) {
      const UnitRow& unit = units[pick(7)];
      const int grade = pick(10) < 6 ? 1 : 2 + pick(4);
      long long cents = static_cast<long long>(pick(500000)) * 10007 + pick(100);
      if (pick(15) == 0) cents = 0;
      if (pick(40) == 0) cents = -cents;
      const std::string amount = (cents < 0 ? "-" : "") + std::to_string(std::llabs(cents) / 100) +
                                 "." + std::to_string(100 + std::llabs(cents) % 100).substr(1);
      std::string grades[5] = {"0", "0", "0", "0", "0"};
      grades[grade - 1] = amount;
      csv += std::string(position) + "," + unit.kanca + "," + unit.code + "," + unit.uker + "," +
             std::to_string(300000000000000LL + account) + ",Debitur,G" + std::to_string(pick(45)) +
             "," + (pick(5) == 0 ? "Y" : "N") + "," + grades[0] + "," + grades[1] + "," +
             grades[2] + "," + grades[3] + "," + grades[4] + "," + codes[pick(8)] + "," +
             std::to_string(grade) + "," + (pick(6) == 0 ? "" : amount) + "\n";
    }
  }
  return csv;
}

// The data each test runs on: the worked example; generated rows; the worked example after
// admins moved units with master entries (KCP Cikajang to KC Bandung AA, KCP Rajawali made
// the office of a kanca of its own) and the aggregates were refreshed for it.
enum class Data { kWorkedExample, kGenerated, kMasterEntries };

class ScopeInvariantsTest : public FiguresTest, public ::testing::WithParamInterface<Data> {
 protected:
  void SetUp() override {
    if (GetParam() == Data::kGenerated) {
      ImportCsv("generated.csv", GeneratedCsv());
      return;
    }
    ImportWorkedExample();
    if (GetParam() == Data::kMasterEntries) {
      pqxx::work tx(connection_);
      tx.exec0(
          "INSERT INTO unit_master (kode_uker, uker, kode_kanca, kanca, source) VALUES "
          "('1346', 'KCP Cikajang', '5', 'KC Bandung AA', 'edit'), "
          "('675', 'KC Rajawali', '675', 'KC Rajawali', 'edit')");
      RefreshAfterHierarchyChange(tx, {"1346", "675"});
      tx.commit();
    }
  }

  std::string FromLoanData(core::Date position, const std::string& group, const NamedScope& scope) {
    return Value(Sql(), position.ToIso(), group, scope.kind, scope.key);
  }

  // kFromLoanDataSql with each pct(x) spelled out: none when OS is 0, else x / OS × 100
  // rounded half away from zero at 4 decimals by exact integer division.
  static std::string Sql() {
    std::string sql = kFromLoanDataSql;
    const std::string pct =
        "CASE WHEN os = 0 THEN 'none' ELSE (sign(X) * sign(os) * div(2 * abs(X) * 1000000 + "
        "abs(os), 2 * abs(os)) / 10000)::numeric(30,4)::text END";
    for (const char* name : {"dpk", "npl", "lr", "lar"}) {
      const std::string call = std::string("pct(") + name + ")";
      std::string expanded = pct;
      for (std::size_t at; (at = expanded.find('X')) != std::string::npos;) {
        expanded.replace(at, 1, name);
      }
      sql.replace(sql.find(call), call.size(), expanded);
    }
    return sql;
  }
};

TEST_P(ScopeInvariantsTest, EveryFigureEqualsSqlOnLoanData) {
  const auto snapshot = store_.Current();
  ASSERT_FALSE(snapshot->Positions().empty());
  for (const core::Date position : snapshot->Positions()) {
    for (std::size_t group = 0; group < snapshot->Groups().size(); ++group) {
      const std::string& code = snapshot->Groups()[group].code;
      for (const auto& named : AllScopes(snapshot->Units())) {
        std::string expected = FromLoanData(position, code, named);
        std::string actual = FromSnapshot(*snapshot, group, named.scope, position);
        if (named.kind == "offices" || named.kind == "kcps") {
          // Their NSB has its own test below; compare the rest here.
          expected = expected.substr(0, expected.rfind('|'));
          actual = actual.substr(0, actual.rfind('|'));
        }
        EXPECT_EQ(actual, expected)
            << position.ToIso() << " " << code << " " << named.kind << " " << named.key;
      }
    }
  }
}

TEST_P(ScopeInvariantsTest, OfficesAndKcpsNsbAreTheirOwnDistinctCounts) {
  const auto snapshot = store_.Current();
  for (const core::Date position : snapshot->Positions()) {
    for (std::size_t group = 0; group < snapshot->Groups().size(); ++group) {
      const std::string& code = snapshot->Groups()[group].code;
      for (const auto& [scope, kind] :
           {std::pair{Scope::Offices(), "offices"}, std::pair{Scope::Kcps(), "kcps"}}) {
        const std::string expected = FromLoanData(position, code, {scope, kind, ""});
        EXPECT_EQ(snapshot->Value(Metric::kNsb, group, scope, position)->ToString(),
                  expected.substr(expected.rfind('|') + 1))
            << position.ToIso() << " " << code << " " << kind;
      }
    }
  }
}

TEST_P(ScopeInvariantsTest, KonsolIsKancaOnlyPlusItsKcpsAndTotalIsTheirSum) {
  const auto snapshot = store_.Current();
  const Hierarchy& units = snapshot->Units();
  for (const core::Date position : snapshot->Positions()) {
    for (std::size_t group = 0; group < snapshot->Groups().size(); ++group) {
      for (const Metric metric : kAdditive) {
        auto value = [&](const Scope& scope) {
          return snapshot->Value(metric, group, scope, position).value();
        };
        Decimal konsol_sum, offices_sum, kcps_sum;
        for (std::size_t kanca = 0; kanca < units.Kancas().size(); ++kanca) {
          Decimal parts = value(Scope::Office(kanca));
          offices_sum = offices_sum.Plus(parts);
          for (const std::size_t kcp : units.Kancas()[kanca].kcps) {
            parts = parts.Plus(value(Scope::Unit(kcp)));
          }
          EXPECT_EQ(value(Scope::Konsol(kanca)), parts)
              << MetricName(metric) << " kanca " << units.Kancas()[kanca].id;
          konsol_sum = konsol_sum.Plus(value(Scope::Konsol(kanca)));
        }
        for (const std::size_t kcp : units.KcpsInOrder()) {
          kcps_sum = kcps_sum.Plus(value(Scope::Unit(kcp)));
        }
        const std::string where = std::string(MetricName(metric)) + " " + position.ToIso();
        EXPECT_EQ(value(Scope::Total()), konsol_sum) << where;
        EXPECT_EQ(value(Scope::Offices()), offices_sum) << where;
        EXPECT_EQ(value(Scope::Kcps()), kcps_sum) << where;
        EXPECT_EQ(value(Scope::Total()), offices_sum.Plus(kcps_sum)) << where;
      }
    }
  }
}

TEST_P(ScopeInvariantsTest, GradeSplitAddsUpToOsDpkAndNpl) {
  const auto snapshot = store_.Current();
  for (const core::Date position : snapshot->Positions()) {
    for (std::size_t group = 0; group < snapshot->Groups().size(); ++group) {
      for (const auto& named : AllScopes(snapshot->Units())) {
        const auto grades = snapshot->OsByGrade(group, named.scope, position).value();
        const auto value = [&](Metric metric) {
          return snapshot->Value(metric, group, named.scope, position).value();
        };
        EXPECT_EQ(grades[0].Plus(grades[1]).Plus(grades[2]).Plus(grades[3]).Plus(grades[4]),
                  value(Metric::kOs));
        EXPECT_EQ(grades[1], value(Metric::kDpk));
        EXPECT_EQ(grades[2].Plus(grades[3]).Plus(grades[4]), value(Metric::kNpl));
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Data, ScopeInvariantsTest,
                         ::testing::Values(Data::kWorkedExample, Data::kGenerated,
                                           Data::kMasterEntries),
                         [](const auto& info) -> std::string {
                           switch (info.param) {
                             case Data::kWorkedExample:
                               return "WorkedExample";
                             case Data::kGenerated:
                               return "Generated";
                             case Data::kMasterEntries:
                               return "MasterEntries";
                           }
                           return "";
                         });

class ZeroOsTest : public FiguresTest {};

TEST_F(ZeroOsTest, PercentagesAreNoneWhenOsIsZero) {
  ImportWorkedExample();
  // No KUR loan at A (2024-12-31).
  for (const Metric metric : kAllMetrics) {
    const std::string expected = KindOf(metric) == MetricKind::kPercent ? "none"
                                 : metric == Metric::kNsb               ? "0"
                                                                        : "0.00";
    EXPECT_EQ(Figure(metric, "KUR", Scope::Total(), kA), expected) << MetricName(metric);
  }
  // KC Garut had no rows at A at all.
  EXPECT_EQ(Figure(Metric::kOs, "SME", Scope::Konsol(KancaOf("25")), kA), "0.00");
  EXPECT_EQ(Figure(Metric::kLarPct, "SME", Scope::Konsol(KancaOf("25")), kA), "none");
  // The OS-0 loan of C7 alone is no customer and no share.
  EXPECT_EQ(Figure(Metric::kNsb, "SME", Scope::Unit(UnitOf("25")), kD), "2");
}

TEST_F(ZeroOsTest, KancaWithoutOfficeHasAnEmptyKancaOnlyRow) {
  ImportCsv("generated.csv", GeneratedCsv());
  const std::size_t kanca = KancaOf("k:KC TANPA KANTOR");
  const auto position = store_.Current()->Positions().back();
  EXPECT_EQ(Figure(Metric::kOs, "SME", Scope::Office(kanca), position), "0.00");
  EXPECT_EQ(Figure(Metric::kNplPct, "SME", Scope::Office(kanca), position), "none");
  EXPECT_EQ(Figure(Metric::kNsb, "SME", Scope::Office(kanca), position), "0");
  EXPECT_NE(Figure(Metric::kOs, "SME", Scope::Konsol(kanca), position), "0.00");
}

}  // namespace
}  // namespace smedash::metrics::testing
