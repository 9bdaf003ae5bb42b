#include "aggregates_fixture.hpp"

namespace smedash::metrics::testing {
namespace {

std::string LevelFilter(const std::string& column, const std::string& levels) {
  return levels.empty() ? "true" : column + " IN (" + levels + ")";
}

}  // namespace

std::string StoredNsbQuery(const std::string& levels) {
  return std::string(
             "SELECT coalesce(string_agg(periode || ' ' || level || ' ' || level_key || ' ' || "
             "group_code || '=' || customers, ';' ORDER BY periode, level, level_key, group_code), "
             "'') "
             "FROM agg_nsb WHERE ") +
         LevelFilter("level", levels);
}

// Written apart from the application's SQL on purpose: DISTINCT counts per level instead
// of its segment bit masks.
std::string DirectNsbQuery(const std::string& levels) {
  return std::string(
             "WITH counts AS ("
             "  SELECT l.periode, v.level, v.level_key, g.group_code, count(DISTINCT l.cif_no) AS n"
             "  FROM loan_data l"
             "  JOIN unit_hierarchy h ON h.kode_uker = l.kode_uker"
             "  LEFT JOIN segment_map m ON m.code = l.code"
             "  JOIN segment_groups g ON coalesce(m.segment, 'SMALL NCC') = ANY (g.segments)"
             "  CROSS JOIN LATERAL (VALUES ('unit', l.kode_uker), ('kanca', h.kanca_key),"
             "    ('total', ''), (CASE WHEN h.is_office THEN 'offices' ELSE 'kcps' END, ''))"
             "    AS v (level, level_key)"
             "  WHERE l.os > 0"
             "  GROUP BY 1, 2, 3, 4) "
             "SELECT coalesce(string_agg(periode || ' ' || level || ' ' || level_key || ' ' || "
             "group_code || '=' || n, ';' ORDER BY periode, level, level_key, group_code), '') "
             "FROM counts WHERE ") +
         LevelFilter("level", levels);
}

std::string AggregatesTest::StoredPositions() {
  return Value(
      "SELECT coalesce(string_agg(periode || ' ' || kode_uker || ' ' || segment || ' ' || "
      "kol_adk || ' ' || restructured || ' ' || os || ' ' || accounts, ';' ORDER BY periode, "
      "kode_uker, segment, kol_adk, restructured), '') FROM agg_position");
}

std::string AggregatesTest::DirectPositions() {
  return Value(
      "WITH sums AS ("
      "  SELECT l.periode, l.kode_uker, coalesce(m.segment, 'SMALL NCC') AS segment, l.kol_adk,"
      "         l.flag_restruk IS TRUE AS restructured, sum(l.os) AS os, count(*) AS accounts"
      "  FROM loan_data l LEFT JOIN segment_map m ON m.code = l.code"
      "  GROUP BY 1, 2, 3, 4, 5) "
      "SELECT coalesce(string_agg(periode || ' ' || kode_uker || ' ' || segment || ' ' || "
      "kol_adk || ' ' || restructured || ' ' || os || ' ' || accounts, ';' ORDER BY periode, "
      "kode_uker, segment, kol_adk, restructured), '') FROM sums");
}

std::int64_t AggregatesTest::DataVersion() {
  return std::stoll(Value("SELECT version FROM data_version"));
}

void AggregatesTest::Execute(const std::string& sql) {
  pqxx::work tx(connection_);
  tx.exec0(sql);
  tx.commit();
}

void AggregatesTest::ImportCsv(const std::string& name, const std::string& csv) {
  const ingest::ImportReport report = Import(WriteFile(name, csv));
  ASSERT_EQ(report.status, ingest::ImportReport::Status::kCompleted) << report.error;
}

}  // namespace smedash::metrics::testing
