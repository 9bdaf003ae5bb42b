#include "ingest/load/upload_record.hpp"

#include <boost/json.hpp>
#include <pqxx/pqxx>
#include <stdexcept>

#include "ingest/preview.hpp"
#include "ingest/sql.hpp"
#include "metrics/sql.hpp"

namespace smedash::ingest {

Uploader StartUpload(pqxx::connection& connection, std::int64_t upload_id) {
  static const std::string kSql = sql::Query("upload_start.sql");
  pqxx::work tx(connection);
  const auto result = tx.exec_params(kSql, upload_id);
  if (result.empty()) {
    throw std::invalid_argument("upload " + std::to_string(upload_id) + " does not exist");
  }
  tx.commit();
  Uploader uploader;
  if (!result[0][0].is_null()) uploader.user_id = result[0][0].as<std::int64_t>();
  if (!result[0][1].is_null()) uploader.username = result[0][1].as<std::string>();
  return uploader;
}

void FinishUpload(pqxx::transaction_base& tx, std::int64_t upload_id, const ImportReport& report) {
  static const std::string kSql = sql::Query("upload_finish.sql");
  const bool completed = report.status == ImportReport::Status::kCompleted;
  std::uint64_t rows_replaced = 0;
  for (const auto& [periode, count] : report.rows_replaced) rows_replaced += count;
  std::optional<std::string> decided_style;
  if (report.number_style != NumberStyle::kAuto) {
    decided_style = std::string(NumberStyleCode(report.number_style));
  }
  std::optional<std::string> error_key, error_args, error_log;
  if (!report.error_key.empty()) {
    boost::json::object args;
    for (const auto& [name, value] : report.error_args) args[name] = value;
    error_key = report.error_key;
    error_args = boost::json::serialize(args);
    error_log = report.error;
  }
  tx.exec_params0(kSql, upload_id, completed ? "completed" : "failed", report.rows_total,
                  report.rows_accepted, report.rows_rejected, report.warnings, rows_replaced,
                  metrics::sql::ArrayLiteral(report.unknown_codes),
                  metrics::sql::ArrayLiteral(report.unknown_headers), report.reader,
                  sql::OrNull(decided_style), sql::OrNull(error_key), sql::OrNull(error_args),
                  sql::OrNull(error_log), std::to_string(report.seconds));
}

void RecordUploadPeriodes(pqxx::transaction_base& tx, std::int64_t upload_id,
                          const std::map<std::string, PeriodeLoad>& periodes) {
  static const std::string kSql = sql::Query("upload_periode_insert.sql");
  for (const auto& [periode, load] : periodes) {
    tx.exec_params0(kSql, upload_id, periode, load.rows_loaded, load.rows_replaced);
  }
}

}  // namespace smedash::ingest
