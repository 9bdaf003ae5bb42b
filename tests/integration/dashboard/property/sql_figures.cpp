#include "sql_figures.hpp"

#include <pqxx/pqxx>

namespace smedash::testing {
namespace {

constexpr const char* kFiguresSql = R"sql(
WITH rows AS (
  SELECT l.periode, l.kode_uker, h.kanca_key, h.is_office, l.os, l.kol_adk,
         coalesce(l.flag_restruk, false) AS restructured, l.cif_no,
         coalesce(m.segment, 'SMALL NCC') AS segment
  FROM loan_data l
  JOIN unit_hierarchy h ON h.kode_uker = l.kode_uker
  LEFT JOIN segment_map m ON m.code = l.code
), scoped AS (
  SELECT r.*, s.level, s.key
  FROM rows r
  CROSS JOIN LATERAL (VALUES ('total', ''), ('kanca', r.kanca_key), ('unit', r.kode_uker),
                             (CASE WHEN r.is_office THEN 'offices' ELSE 'kcps' END, ''))
    AS s (level, key)
), sums AS (
  SELECT g.group_code, periode, level, key,
         sum(os) AS os,
         coalesce(sum(os) FILTER (WHERE kol_adk = 2), 0) AS dpk,
         coalesce(sum(os) FILTER (WHERE kol_adk >= 3), 0) AS npl,
         coalesce(sum(os) FILTER (WHERE kol_adk = 1 AND restructured), 0) AS lr,
         count(DISTINCT cif_no) FILTER (WHERE os > 0) AS nsb
  FROM scoped
  JOIN segment_groups g ON segment = ANY (g.segments)
  GROUP BY g.group_code, periode, level, key
)
SELECT group_code, periode::text, level, key, os::numeric(20,2)::text, dpk::numeric(20,2)::text,
       npl::numeric(20,2)::text, lr::numeric(20,2)::text, (dpk + npl + lr)::numeric(20,2)::text,
       nsb::text,
       round(dpk * 100 / nullif(os, 0), 4)::text, round(npl * 100 / nullif(os, 0), 4)::text,
       round(lr * 100 / nullif(os, 0), 4)::text,
       round((dpk + npl + lr) * 100 / nullif(os, 0), 4)::text
FROM sums
)sql";

std::optional<std::string> Text(const pqxx::field& field) {
  if (field.is_null()) return std::nullopt;
  return field.as<std::string>();
}

}  // namespace

std::optional<std::string> SqlFigures::Get(const std::string& metric) const {
  if (metric == "os") return os;
  if (metric == "dpk") return dpk;
  if (metric == "npl") return npl;
  if (metric == "lr") return lr;
  if (metric == "lar") return lar;
  if (metric == "nsb") return nsb;
  if (metric == "dpk_pct") return dpk_pct;
  if (metric == "npl_pct") return npl_pct;
  if (metric == "lr_pct") return lr_pct;
  if (metric == "lar_pct") return lar_pct;
  throw std::invalid_argument("unknown metric " + metric);
}

SqlOracle::SqlOracle(pqxx::connection& connection) {
  pqxx::read_transaction tx(connection);
  for (const auto& row : tx.exec(kFiguresSql)) {
    FigureKey key{row[0].as<std::string>(), row[1].as<std::string>(), row[2].as<std::string>(),
                  row[3].as<std::string>()};
    figures_[key] = SqlFigures{row[4].as<std::string>(),
                               row[5].as<std::string>(),
                               row[6].as<std::string>(),
                               row[7].as<std::string>(),
                               row[8].as<std::string>(),
                               row[9].as<std::string>(),
                               Text(row[10]),
                               Text(row[11]),
                               Text(row[12]),
                               Text(row[13])};
  }
  for (const auto& row :
       tx.exec("SELECT DISTINCT kanca_key, coalesce(kode_kanca, 'k:' || kanca_key), "
               "max(kode_uker) FILTER (WHERE is_office) OVER (PARTITION BY kanca_key) "
               "FROM unit_hierarchy")) {
    const auto kanca_key = row[0].as<std::string>();
    kanca_keys_[row[1].as<std::string>()] = kanca_key;
    if (!row[2].is_null()) offices_[kanca_key] = row[2].as<std::string>();
  }
}

SqlFigures SqlOracle::At(const FigureKey& key) const {
  const auto found = figures_.find(key);
  if (found != figures_.end()) return found->second;
  return SqlFigures{"0.00", "0.00", "0.00", "0.00", "0.00", "0", {}, {}, {}, {}};
}

std::string SqlOracle::KancaKey(const std::string& kanca_id) const {
  const auto found = kanca_keys_.find(kanca_id);
  if (found == kanca_keys_.end()) throw std::out_of_range("unknown kanca id " + kanca_id);
  return found->second;
}

std::optional<std::string> SqlOracle::OfficeOf(const std::string& kanca_key) const {
  const auto found = offices_.find(kanca_key);
  if (found == offices_.end()) return std::nullopt;
  return found->second;
}

}  // namespace smedash::testing
