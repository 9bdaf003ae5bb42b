#include "figures_fixture.hpp"

#include <fmt/format.h>

#include <pqxx/pqxx>
#include <vector>

#include "metrics/aggregates.hpp"

namespace smedash::metrics::testing {

std::string Juta(long long juta) { return juta == 0 ? "0.00" : std::to_string(juta) + "000000.00"; }

std::string AllFigures(const Snapshot& snapshot) {
  std::vector<Scope> scopes{Scope::Total(), Scope::Offices(), Scope::Kcps()};
  for (std::size_t kanca = 0; kanca < snapshot.Units().Kancas().size(); ++kanca) {
    scopes.push_back(Scope::Konsol(kanca));
    scopes.push_back(Scope::Office(kanca));
  }
  for (std::size_t unit = 0; unit < snapshot.Units().Units().size(); ++unit) {
    scopes.push_back(Scope::Unit(unit));
  }
  std::string text;
  for (const core::Date position : snapshot.Positions()) {
    for (std::size_t group = 0; group < snapshot.Groups().size(); ++group) {
      for (const Scope& scope : scopes) {
        text += position.ToIso() + " " + snapshot.Groups()[group].code + ":";
        for (const Metric metric : kAllMetrics) {
          const auto value = snapshot.Value(metric, group, scope, position);
          text += " " + (value ? value->ToString() : "none");
        }
        const auto grades = snapshot.OsByGrade(group, scope, position).value();
        for (const Decimal& grade : grades) text += " " + grade.ToString();
        text += "\n";
      }
    }
  }
  return text;
}

FiguresTest::FiguresTest() : pool_(connection_string_, 4), store_(pool_) {}

void FiguresTest::ImportDailyPositions(int count) {
  std::string csv = "PERIODE,KANCA,KODE UKER,UKER,NOMOR REKENING,CIFNO,CODE,KOL_ADK,OS\n";
  core::Date day = core::Date::FromYmd(2025, 1, 1).value();
  for (int day_idx = 0; day_idx < count; ++day_idx, day = day.AddDays(1).value()) {
    const std::string date = fmt::format("{:02}/{:02}/{}", day.Day(), day.Month(), day.Year());
    csv += fmt::format("{},KC Bandung AA,5,KC Bandung AA,100000000000001,C1,42210,{},{}\n", date,
                       day_idx % 5 + 1, 1'000'000'000 + day_idx * 1'000'000);
    csv += fmt::format("{},KC Bandung AA,675,KCP Rajawali Bandung,100000000000002,C2,43206,1,{}\n",
                       date, 2'000'000'000 + day_idx * 3'000'000);
    csv += fmt::format("{},KC Garut,25,KC Garut,100000000000004,C4,80065,{},{}\n", date,
                       day_idx % 2 + 1, 500'000'000 + day_idx * 7'000'000);
  }
  ImportCsv("harian.csv", csv);
}

void FiguresTest::ImportCsv(const std::string& name, const std::string& csv) {
  const auto report = Import(WriteFile(name, csv));
  ASSERT_EQ(report.status, ingest::ImportReport::Status::kCompleted) << report.error;
  ASSERT_EQ(report.rows_rejected, 0u);
}

std::string FiguresTest::Figure(Metric metric, const std::string& group, const Scope& scope,
                                core::Date position) {
  const auto snapshot = store_.Current();
  const auto value = snapshot->Value(metric, Group(group), scope, position);
  return value ? value->ToString() : "none";
}

std::size_t FiguresTest::Group(const std::string& code) {
  const auto group = store_.Current()->FindGroup(code);
  if (!group) throw std::invalid_argument("no group " + code);
  return *group;
}

std::size_t FiguresTest::KancaOf(const std::string& id) {
  const auto kanca = store_.Current()->Units().FindKanca(id);
  if (!kanca) throw std::invalid_argument("no kanca " + id);
  return *kanca;
}

std::size_t FiguresTest::UnitOf(const std::string& code) {
  const auto unit = store_.Current()->Units().FindUnit(code);
  if (!unit) throw std::invalid_argument("no unit " + code);
  return *unit;
}

void FiguresTest::BumpVersion() {
  pqxx::work tx(connection_);
  BumpDataVersion(tx);
  tx.commit();
}

}  // namespace smedash::metrics::testing
