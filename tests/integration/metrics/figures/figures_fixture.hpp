//! Shared set-up of the figure tests: a fresh database (ingest's LoadTest), a pool and a
//! FigureStore on it, the worked example's dates, and figures as text for comparisons.
#pragma once
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "core/date.hpp"
#include "db/pool.hpp"
#include "load_fixture.hpp"
#include "metrics/figure_store.hpp"

namespace smedash::metrics::testing {

// The worked example's positions (domain.md section 10).
inline const core::Date kA = core::Date::FromYmd(2024, 12, 31).value();
inline const core::Date kC = core::Date::FromYmd(2025, 9, 30).value();
inline const core::Date kD = core::Date::FromYmd(2025, 10, 8).value();
inline const core::Date kE = core::Date::FromYmd(2025, 10, 9).value();

// An amount of `juta` million rupiah as the API writes it: "17400000000.00".
std::string Juta(long long juta);

// Every figure of `snapshot` as text: per position, group and scope (total, offices, KCPs,
// each kanca's KONSOL and office, each unit) every metric and the OS by grade. Reading it
// reads every position.
std::string AllFigures(const Snapshot& snapshot);

class FiguresTest : public ingest::testing::LoadTest {
 protected:
  FiguresTest();

  // Imports `csv` through the real pipeline; fails the test when it is not completed.
  void ImportCsv(const std::string& name, const std::string& csv);
  void ImportWorkedExample() { ImportCsv("contoh.csv", ingest::testing::kWorkedExampleCsv); }
  // `count` positions, a day apart from 2025-01-01, each with figures of its own (OS
  // growing by the day, grades turning) in two kanca, an office and a KCP.
  void ImportDailyPositions(int count);

  // A figure of the current snapshot as text, "none" for nullopt.
  std::string Figure(Metric metric, const std::string& group, const Scope& scope,
                     core::Date position);
  std::size_t Group(const std::string& code);
  std::size_t KancaOf(const std::string& id);
  std::size_t UnitOf(const std::string& code);

  // Bumps data_version in its own transaction, as every load and delete does.
  void BumpVersion();

  db::Pool pool_;
  FigureStore store_;
};

}  // namespace smedash::metrics::testing
