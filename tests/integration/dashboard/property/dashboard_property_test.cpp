// For random portfolios imported through the real pipeline, every figure the dashboard API
// answers equals the same figure computed by SQL directly on loan_data (sql_figures.cpp),
// every change is E minus its base, and the tables add up: KONSOL = KANCA ONLY + Σ KCP ONLY
// and total = Σ KONSOL for additive metrics (domain.md sections 5-7).
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "accounts/app_fixture.hpp"
#include "ingest/pipeline.hpp"
#include "random_portfolio.hpp"
#include "sql_figures.hpp"
#include "support/temp_dir.hpp"

namespace smedash::testing {
namespace {

namespace json = boost::json;

const std::vector<std::string> kGroups{"SME",       "MEDIUM", "SMALL_KUR", "SMALL",
                                       "SMALL_NCC", "CC",     "KUR"};
const std::vector<std::string> kMetrics{"os", "dpk",    "dpk_pct", "npl",     "npl_pct",
                                        "lr", "lr_pct", "lar",     "lar_pct", "nsb"};
const std::vector<std::string> kAdditive{"os", "dpk", "npl", "lr", "lar"};
const std::vector<std::string> kColumns{"A", "B", "C", "D", "E", "Y"};
const std::vector<std::pair<std::string, std::string>> kChanges{
    {"dtd", "D"}, {"mom", "B"}, {"mtd", "C"}, {"ytd", "A"}, {"yoy", "Y"}};

// An exact decimal as the API writes it: digits scaled by 10^scale.
struct Scaled {
  __int128 value = 0;
  int scale = 0;
};

Scaled Parse(const std::string& text) {
  Scaled out;
  bool negative = false;
  bool fraction = false;
  for (char c : text) {
    if (c == '-') {
      negative = true;
    } else if (c == '.') {
      fraction = true;
    } else {
      out.value = out.value * 10 + (c - '0');
      if (fraction) ++out.scale;
    }
  }
  if (negative) out.value = -out.value;
  return out;
}

std::string Format(__int128 value, int scale) {
  const bool negative = value < 0;
  if (negative) value = -value;
  std::string digits;
  do {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(value % 10)));
    value /= 10;
  } while (value > 0);
  while (static_cast<int>(digits.size()) <= scale) digits.insert(digits.begin(), '0');
  if (scale > 0) digits.insert(digits.end() - scale, '.');
  return (negative ? "-" : "") + digits;
}

// change / |base| × 100, 4 decimals, half away from zero (the API's rule).
std::optional<std::string> PercentOf(const Scaled& change, const Scaled& base) {
  if (base.value == 0) return std::nullopt;
  const __int128 numerator = change.value * 1'000'000;  // × 100 × 10^4
  const __int128 denominator = base.value < 0 ? -base.value : base.value;
  __int128 quotient = numerator / denominator;
  const __int128 remainder = numerator % denominator;
  if (2 * (remainder < 0 ? -remainder : remainder) >= denominator)
    quotient += numerator < 0 ? -1 : 1;
  return Format(quotient, 4);
}

std::optional<std::string> Optional(const json::value& value) {
  if (value.is_null()) return std::nullopt;
  return std::string(value.as_string());
}

class DashboardPropertyTest : public AppTest, public ::testing::WithParamInterface<std::uint64_t> {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    portfolio_ = MakeRandomPortfolio(GetParam());
    const auto file = dir_.Path() / "acak.csv";
    std::ofstream(file, std::ios::binary) << portfolio_.csv;
    pqxx::connection connection(connection_string_);
    ingest::ImportOptions options;
    {
      pqxx::work tx(connection);
      options.upload_id = tx.exec_params1(
                                "INSERT INTO uploads (file_name, stored_path, status) "
                                "VALUES ($1, $2, 'queued') RETURNING id",
                                "acak.csv", file.string())[0]
                              .as<std::int64_t>();
      tx.commit();
    }
    options.original_name = "acak.csv";
    const auto report = ingest::RunImport(connection, file, options);
    ASSERT_EQ(report.status, ingest::ImportReport::Status::kCompleted) << report.error;
    ASSERT_GT(report.rows_rejected + report.rows_accepted, 0);
    ASSERT_EQ(report.rows_rejected, 0);
    AwaitDataVersionHeard();
    oracle_ = std::make_unique<SqlOracle>(connection);
    admin_ = SignIn("admin", kAdminPassword);
  }

  json::object Get(const std::string& target) {
    const auto response = Send(http::Method::kGet, target, &admin_);
    EXPECT_EQ(response.status, 200) << target << ": " << response.body;
    if (response.status != 200) return {};
    return JsonOf(response);
  }

  // Checks one row's values (every column with a date) and changes against `expected`.
  template <typename Expected>
  void CheckRow(const json::object& row, const json::object& columns, const std::string& metric,
                Expected expected, const std::string& where) {
    const auto& values = row.at("values").as_object();
    for (const auto& column : kColumns) {
      const auto date = Optional(columns.at(column));
      const auto actual = Optional(values.at(column));
      if (!date) {
        EXPECT_FALSE(actual) << where << " column " << column << " has no date but a value";
        continue;
      }
      EXPECT_EQ(actual, expected(*date).Get(metric))
          << where << " column " << column << " " << *date << " " << metric;
    }
    const auto& changes = row.at("changes").as_object();
    for (const auto& [change, base] : kChanges) {
      const auto e = Optional(values.at("E"));
      const auto b = Optional(values.at(base));
      const auto& actual = changes.at(change);
      if (!e || !b) {
        EXPECT_TRUE(actual.is_null()) << where << " " << change << " without a base";
        continue;
      }
      ASSERT_TRUE(actual.is_object()) << where << " " << change;
      const Scaled ev = Parse(*e), bv = Parse(*b);
      const Scaled delta{ev.value - bv.value, ev.scale};
      EXPECT_EQ(std::string(actual.at("value").as_string()), Format(delta.value, delta.scale))
          << where << " " << change;
      EXPECT_EQ(Optional(actual.at("percent")), PercentOf(delta, bv))
          << where << " " << change << " %";
    }
  }

  TempDir dir_{"smedash-property"};
  RandomPortfolio portfolio_;
  std::unique_ptr<SqlOracle> oracle_;
  Client admin_;
};

TEST_P(DashboardPropertyTest, OsTablesEqualSqlOnLoanDataAndAddUp) {
  for (const std::string position : {"2025-10-15", "2025-10-14", "2025-09-30", "2024-12-31"}) {
    for (const auto& group : kGroups) {
      for (const auto& metric : kMetrics) {
        const auto where = position + " " + group + " " + metric;
        const auto answer = Get("/api/v1/dashboard/os?group=" + group + "&metric=" + metric +
                                "&position=" + position);
        ASSERT_FALSE(answer.empty()) << where;
        const auto& columns = answer.at("columns").as_object();
        EXPECT_EQ(Optional(columns.at("E")), position);
        const auto& tables = answer.at("tables").as_array();
        ASSERT_EQ(tables.size(), 3u);
        auto at = [&](const std::string& level, const std::string& key) {
          return [&, level, key](const std::string& date) {
            return oracle_->At({group, date, level, key});
          };
        };
        for (const auto& table_value : tables) {
          const auto& table = table_value.as_object();
          const std::string id(table.at("id").as_string());
          for (const auto& row_value : table.at("rows").as_array()) {
            const auto& row = row_value.as_object();
            const auto row_where = where + " " + id + " " + json::serialize(row.at("name"));
            if (id == "kcp_only") {
              CheckRow(row, columns, metric, at("unit", std::string(row.at("code").as_string())),
                       row_where);
              continue;
            }
            const auto kanca_key = oracle_->KancaKey(std::string(row.at("kanca_id").as_string()));
            if (id == "konsol") {
              CheckRow(row, columns, metric, at("kanca", kanca_key), row_where);
            } else if (const auto office = oracle_->OfficeOf(kanca_key)) {
              CheckRow(row, columns, metric, at("unit", *office), row_where);
            } else {  // no own office: its KANCA ONLY row is empty
              CheckRow(row, columns, metric, at("unit", "\x01none"), row_where);
            }
          }
          const auto total_level = id == "konsol"       ? "total"
                                   : id == "kanca_only" ? "offices"
                                                        : "kcps";
          CheckRow(table.at("total").as_object(), columns, metric, at(total_level, ""),
                   where + " " + id + " total");
        }
      }
    }
  }
}

TEST_P(DashboardPropertyTest, KonsolIsKancaOnlyPlusItsKcpsAndTotalIsTheSumOfKonsol) {
  for (const auto& group : kGroups) {
    for (const auto& metric : kAdditive) {
      const auto answer = Get("/api/v1/dashboard/os?group=" + group + "&metric=" + metric);
      const auto& tables = answer.at("tables").as_array();
      std::map<std::string, __int128> konsol, parts;
      __int128 konsol_sum = 0;
      for (const auto& row : tables[0].at("rows").as_array()) {
        const auto value = Parse(std::string(row.at("values").at("E").as_string())).value;
        konsol[std::string(row.at("kanca_id").as_string())] = value;
        konsol_sum += value;
      }
      for (std::size_t table = 1; table < 3; ++table) {
        for (const auto& row : tables[table].at("rows").as_array()) {
          parts[std::string(row.at("kanca_id").as_string())] +=
              Parse(std::string(row.at("values").at("E").as_string())).value;
        }
      }
      EXPECT_EQ(konsol.size(), 4u) << "every kanca has a KONSOL row";
      for (const auto& [kanca, value] : konsol) {
        EXPECT_TRUE(value == parts[kanca]) << group << " " << metric << " kanca " << kanca;
      }
      const auto total = Parse(std::string(tables[0].at("total").at("values").at("E").as_string()));
      EXPECT_TRUE(total.value == konsol_sum) << group << " " << metric;
    }
  }
}

TEST_P(DashboardPropertyTest, SummaryTabsEqualSqlOnLoanData) {
  const auto listing = Get("/api/v1/positions");
  std::vector<std::string> kancas{"all"};
  for (const auto& kanca : listing.at("kancas").as_array()) {
    kancas.emplace_back(kanca.at("id").as_string());
  }
  for (const std::string position : {"2025-10-15", "2025-09-30"}) {
    for (const std::string tab : {"konsol", "only", "medium"}) {
      for (const auto& kanca : kancas) {
        const auto where = position + " " + tab + " " + kanca;
        const auto answer = Get("/api/v1/dashboard/summary?tab=" + tab + "&kanca=" + kanca +
                                "&position=" + position);
        ASSERT_FALSE(answer.empty()) << where;
        const auto& columns = answer.at("columns").as_object();
        const auto& sections = answer.at("sections").as_array();
        ASSERT_EQ(sections.size(), kMetrics.size()) << where;
        const std::string key = kanca == "all" ? "" : oracle_->KancaKey(kanca);
        // The scope of a header row (and of konsol/only rows) in the oracle's terms.
        std::string level = "total", level_key;
        if (tab == "only") {
          level = kanca == "all" ? "offices" : "unit";
          level_key = kanca == "all" ? "" : oracle_->OfficeOf(key).value_or("\x01none");
        } else if (kanca != "all") {
          level = "kanca";
          level_key = key;
        }
        for (std::size_t section = 0; section < sections.size(); ++section) {
          const auto& metric = kMetrics[section];
          EXPECT_EQ(sections[section].at("metric").as_string(), metric) << where;
          for (const auto& row_value : sections[section].at("rows").as_array()) {
            const auto& row = row_value.as_object();
            const std::string group(row.at("group").as_string());
            const bool header = row.at("kind").as_string() == "header";
            std::string row_level = level, row_key = level_key;
            if (tab == "medium" && !header) {  // a kanca's KONSOL, or a unit of the kanca
              if (kanca == "all") {
                row_level = "kanca";
                row_key = oracle_->KancaKey(std::string(row.at("kanca_id").as_string()));
              } else {
                row_level = "unit";
                row_key = std::string(row.at("code").as_string());
              }
            }
            const auto row_group = tab == "medium" ? std::string("MEDIUM") : group;
            CheckRow(
                row, columns, metric,
                [&](const std::string& date) {
                  return oracle_->At({row_group, date, row_level, row_key});
                },
                where + " " + metric + " " + json::serialize(row.at("label")));
          }
        }
      }
    }
  }
}

TEST_P(DashboardPropertyTest, DailyPointsEqualSqlOnLoanData) {
  const auto listing = Get("/api/v1/positions");
  std::vector<std::string> kancas{"all"};
  for (const auto& kanca : listing.at("kancas").as_array()) {
    kancas.emplace_back(kanca.at("id").as_string());
  }
  for (const auto& group : kGroups) {
    for (const auto& kanca : kancas) {
      const auto answer = Get("/api/v1/dashboard/daily?view=daily&group=" + group +
                              "&kanca=" + kanca + "&from=2024-01-01&to=2025-12-31");
      const auto& points = answer.at("points").as_array();
      ASSERT_EQ(points.size(), portfolio_.positions.size()) << group << " " << kanca;
      for (std::size_t index = 0; index < points.size(); ++index) {
        const auto& point = points[index].as_object();
        const std::string position(point.at("position").as_string());
        EXPECT_EQ(position, portfolio_.positions[index]);
        const auto expected =
            kanca == "all" ? oracle_->At({group, position, "total", ""})
                           : oracle_->At({group, position, "kanca", oracle_->KancaKey(kanca)});
        for (const auto& metric : kMetrics) {
          EXPECT_EQ(Optional(point.at(metric)), expected.Get(metric))
              << group << " " << kanca << " " << position << " " << metric;
        }
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Seeds, DashboardPropertyTest, ::testing::Values(1u, 2u, 3u));

}  // namespace
}  // namespace smedash::testing
