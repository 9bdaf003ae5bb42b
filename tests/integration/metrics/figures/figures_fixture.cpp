#include "figures_fixture.hpp"

#include <pqxx/pqxx>

#include "metrics/aggregates.hpp"

namespace smedash::metrics::testing {

std::string Juta(long long juta) { return juta == 0 ? "0.00" : std::to_string(juta) + "000000.00"; }

FiguresTest::FiguresTest() : pool_(connection_string_, 4), store_(pool_) {}

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
