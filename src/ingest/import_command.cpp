#include "ingest/import_command.hpp"

#include <boost/json.hpp>
#include <filesystem>
#include <future>
#include <ostream>
#include <pqxx/pqxx>
#include <stdexcept>

#include "accounts/user_repository.hpp"
#include "ingest/jobs/heartbeat.hpp"
#include "ingest/jobs/job_queue.hpp"
#include "ingest/load/file_refusal.hpp"
#include "ingest/load/sha256.hpp"
#include "ingest/load/upload_record.hpp"
#include "ingest/pipeline.hpp"
#include "ingest/sql.hpp"

namespace smedash::ingest {
namespace {

namespace fs = std::filesystem;

constexpr std::int64_t kRejectsShown = 10;  // per file on stderr; the rest are in the table

// The row starts without its SHA-256 (SetSha256 adds it): hashing 100 MB takes a few
// tenths of a second, which a second core does while the import runs.
std::int64_t CreateUpload(pqxx::connection& connection, std::optional<std::int64_t> user_id,
                          const fs::path& path, NumberStyle number_style) {
  static const std::string kSql = sql::Query("upload_insert.sql");
  std::optional<std::string> uploader;
  if (user_id) uploader = std::to_string(*user_id);
  pqxx::work tx(connection);
  const auto id =
      tx.exec_params1(kSql, sql::OrNull(uploader), path.filename().string(), path.string(),
                      fs::file_size(path), "", std::string(NumberStyleCode(number_style)), "")[0]
          .as<std::int64_t>();
  HoldJob(tx, id);  // visible to a server's sweep only as a live job
  tx.commit();
  return id;
}

void SetSha256(pqxx::connection& connection, std::int64_t upload_id, const std::string& sha256) {
  static const std::string kSql = sql::Query("upload_set_sha256.sql");
  pqxx::work tx(connection);
  tx.exec_params0(kSql, upload_id, sha256);
  tx.commit();
}

boost::json::object Summary(const fs::path& file, std::optional<std::int64_t> upload_id,
                            const ImportReport& report) {
  boost::json::array periodes;
  std::uint64_t rows_replaced = 0;
  for (const auto& [periode, rows] : report.rows_by_periode) periodes.emplace_back(periode);
  for (const auto& [periode, rows] : report.rows_replaced) rows_replaced += rows;
  boost::json::array unknown_codes;
  for (const auto& code : report.unknown_codes) unknown_codes.emplace_back(code);
  const bool completed = report.status == ImportReport::Status::kCompleted;
  boost::json::object summary = {
      {"file", file.string()},
      {"upload_id", upload_id ? boost::json::value(*upload_id) : boost::json::value(nullptr)},
      {"status", completed ? "completed" : "failed"},
      {"rows_total", report.rows_total},
      {"rows_accepted", report.rows_accepted},
      {"rows_rejected", report.rows_rejected},
      {"warnings", report.warnings},
      {"periodes", std::move(periodes)},
      {"rows_replaced", rows_replaced},
      {"unknown_codes", std::move(unknown_codes)},
      {"seconds", report.seconds}};
  if (!completed) {
    summary["error_key"] = report.error_key;
    summary["error"] = report.error;
  }
  return summary;
}

// Reason keys, not sentences: the translations live with the web UI.
void PrintRejects(pqxx::connection& connection, std::int64_t upload_id, const fs::path& file,
                  const ImportReport& report, std::ostream& err) {
  if (report.rows_rejected == 0 && report.warnings == 0) return;
  static const std::string kSql = sql::Query("upload_issues_first.sql");
  err << file.string() << ": " << report.rows_rejected << " rows rejected, " << report.warnings
      << " warnings (all in upload " << upload_id << ")\n";
  pqxx::read_transaction tx(connection);
  for (const auto& row : tx.exec_params(kSql, upload_id, kRejectsShown)) {
    err << "  line " << row[0].as<std::uint64_t>() << ", column '" << row[1].as<std::string>()
        << "', value '" << row[2].as<std::string>() << "': " << row[3].as<std::string>() << " "
        << row[4].as<std::string>() << "\n";
  }
}

// RunImport threw (the database failed, not the file): the row says so if it still can.
ImportReport FailedReport(pqxx::connection& connection, std::int64_t upload_id,
                          const std::exception& error) {
  ImportReport report;
  report.error_key = kFileDatabaseError;
  report.error_args = {{"detail", error.what()}};
  report.error = RefusalMessage(Refusal(report.error_key, report.error_args));
  try {
    pqxx::work tx(connection);
    FinishUpload(tx, upload_id, report);
    tx.commit();
  } catch (const std::exception&) {
    // The database is unreachable: the row stays 'processing' and the error is printed.
  }
  return report;
}

}  // namespace

int ImportCommand(const std::string& connection_string, const std::vector<std::string>& files,
                  NumberStyle number_style, const std::optional<std::string>& username,
                  std::ostream& out, std::ostream& err) {
  pqxx::connection connection(connection_string);
  std::optional<std::int64_t> user_id;
  if (username) {
    pqxx::read_transaction tx(connection);
    const auto user = accounts::user_repository::FindByUsername(tx, *username);
    if (!user) {
      err << "import: no user named '" << *username << "'\n";
      return 2;
    }
    user_id = user->id;
  }

  int exit_code = 0;
  for (const auto& name : files) {
    const fs::path path = fs::absolute(name);
    std::error_code error_code;
    if (!fs::is_regular_file(path, error_code)) {
      ImportReport report;
      report.error_key = kFileUnreadable;
      report.error = "no such file: " + path.string();
      out << boost::json::serialize(Summary(path, std::nullopt, report)) << std::endl;
      exit_code = 1;
      continue;
    }
    const std::int64_t upload_id = CreateUpload(connection, user_id, path, number_style);
    auto sha256 = std::async(std::launch::async, Sha256OfFile, path);
    // A server sharing the database would otherwise take a long import for a dead job.
    Heartbeat heartbeat(connection_string, upload_id, HeartbeatTiming{});
    ImportOptions options;
    options.on_progress = [&heartbeat](const ImportProgress& progress) {
      heartbeat.Report(progress);
    };
    options.upload_id = upload_id;
    options.original_name = path.filename().string();
    options.number_style = number_style;
    ImportReport report;
    try {
      report = RunImport(connection, path, options);
    } catch (const std::exception& error) {
      report = FailedReport(connection, upload_id, error);
    }
    try {
      SetSha256(connection, upload_id, sha256.get());
    } catch (const std::exception& error) {
      err << path.string() << ": SHA-256 not recorded: " << error.what() << "\n";
    }
    try {
      ReleaseJob(connection, upload_id);
    } catch (const std::exception&) {
      // The connection is gone, and the lock with it.
    }
    out << boost::json::serialize(Summary(path, upload_id, report)) << std::endl;
    if (report.status != ImportReport::Status::kCompleted) exit_code = 1;
    PrintRejects(connection, upload_id, path, report, err);
  }
  return exit_code;
}

}  // namespace smedash::ingest
