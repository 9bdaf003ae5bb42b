//! The property test's oracle: every figure of domain.md section 5, computed by one SQL
//! query straight from loan_data (never the aggregate tables), with the effective unit
//! hierarchy and segment map.
#pragma once
#include <map>
#include <optional>
#include <pqxx/connection>
#include <string>
#include <tuple>

namespace smedash::testing {

// Text as PostgreSQL prints it: amounts with 2 decimals, percentages rounded half away
// from zero to 4, NSB whole. A percentage is nullopt when OS is 0.
struct SqlFigures {
  std::string os, dpk, npl, lr, lar, nsb;
  std::optional<std::string> dpk_pct, npl_pct, lr_pct, lar_pct;
  std::optional<std::string> Get(const std::string& metric) const;
};

// level: "total", "kanca" (key: kanca_key), "unit" (key: KODE UKER), "offices", "kcps".
using FigureKey = std::tuple<std::string /*group*/, std::string /*position*/, std::string /*level*/,
                             std::string /*key*/>;

class SqlOracle {
 public:
  explicit SqlOracle(pqxx::connection& connection);
  // The figures, or all-zero figures when no row of the scope and group is there.
  SqlFigures At(const FigureKey& key) const;
  // kanca id as the API names it (its code, or "k:" + key) → kanca_key.
  std::string KancaKey(const std::string& kanca_id) const;
  // The office KODE UKER of a kanca (by kanca_key), if it has one.
  std::optional<std::string> OfficeOf(const std::string& kanca_key) const;

 private:
  std::map<FigureKey, SqlFigures> figures_;
  std::map<std::string, std::string> kanca_keys_;
  std::map<std::string, std::string> offices_;
};

}  // namespace smedash::testing
