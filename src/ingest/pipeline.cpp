#include "ingest/pipeline.hpp"

#include <boost/json.hpp>
#include <chrono>
#include <memory>
#include <pqxx/pqxx>
#include <utility>

#include "accounts/audit_log.hpp"
#include "ingest/load/aggregate_row.hpp"
#include "ingest/load/duplicate_filter.hpp"
#include "ingest/load/file_refusal.hpp"
#include "ingest/load/issue_store.hpp"
#include "ingest/load/load_lock.hpp"
#include "ingest/load/loan_loader.hpp"
#include "ingest/load/read_ahead.hpp"
#include "ingest/load/upload_record.hpp"
#include "ingest/mapping/column_map.hpp"
#include "ingest/validate/reasons.hpp"
#include "metrics/position_aggregator.hpp"
#include "metrics/segment_map.hpp"

namespace smedash::ingest {
namespace {

using Clock = std::chrono::steady_clock;

// Issues are written between COPY batches once this many wait, so memory stays flat
// however many rows a file gets wrong.
constexpr std::size_t kIssueBatch = 10000;
// Rows between looks at the clock for progress; reading the clock per row would show.
constexpr std::uint64_t kProgressEveryRows = 1024;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

std::string Join(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

// Calls on_progress about once a second while rows are read, and as each phase starts.
class ProgressReporter {
 public:
  ProgressReporter(const ImportOptions& options, std::uint64_t bytes_total)
      : on_progress_(options.on_progress), last_(Clock::now()) {
    progress_.bytes_total = bytes_total;
    progress_.phase = "reading";
  }

  void Row(std::uint64_t bytes_read, const ImportReport& report) {
    if (!on_progress_ || report.rows_total % kProgressEveryRows != 0) return;
    if (Clock::now() - last_ < std::chrono::seconds(1)) return;
    Report(bytes_read, report);
  }

  // Reported at once: the upload page shows a phase while it runs, not after it ended.
  void Phase(std::uint64_t bytes_read, const ImportReport& report, std::string phase) {
    if (!on_progress_) return;
    progress_.phase = std::move(phase);
    Report(bytes_read, report);
  }

 private:
  void Report(std::uint64_t bytes_read, const ImportReport& report) {
    progress_.bytes_read = bytes_read;
    progress_.rows_read = report.rows_total;
    progress_.rows_rejected = report.rows_rejected;
    on_progress_(progress_);
    last_ = Clock::now();
  }

  const std::function<void(const ImportProgress&)>& on_progress_;
  Clock::time_point last_;
  ImportProgress progress_;
};

void ApplyRefusal(ImportReport& report, const FileRefusal& refusal) {
  report.status = ImportReport::Status::kFailed;
  report.error_key = refusal.key;
  report.error_args = refusal.args;
  report.error = RefusalMessage(refusal);
}

// The second row of an account at one position (domain.md section 2): rejected, naming
// the line of the first.
RowIssue DuplicateIssue(std::uint64_t line, const ValidatedRow& row, std::uint64_t first_line) {
  const std::string column(Spec(Column::kNomorRekening).header);
  return RowIssue{.line = line,
                  .column = column,
                  .raw_value = row.nomor_rekening,
                  .reason_key = std::string(reason::kDuplicateAccount),
                  .args = {{"column", column},
                           {"periode", row.periode},
                           {"account", row.nomor_rekening},
                           {"first_line", std::to_string(first_line)}},
                  .rejects_row = true};
}

std::optional<FileRefusal> CheckHeader(const ColumnMap& map) {
  if (!map.duplicate_headers.empty()) {
    return Refusal(reason::kFileDuplicateColumns, {{"columns", Join(map.duplicate_headers)}});
  }
  if (!map.missing_required.empty()) {
    return Refusal(reason::kFileMissingColumns,
                   {{"missing", Join(map.missing_required)}, {"found", Join(map.headers)}});
  }
  return std::nullopt;
}

void RecordLoadAudit(pqxx::transaction_base& tx, const Uploader& uploader,
                     const ImportOptions& options, const ImportReport& report) {
  boost::json::array periodes;
  for (const auto& [periode, rows] : report.rows_by_periode) periodes.emplace_back(periode);
  std::uint64_t rows_replaced = 0;
  for (const auto& [periode, rows] : report.rows_replaced) rows_replaced += rows;
  accounts::AuditEntry entry;
  entry.actor_id = uploader.user_id;
  entry.actor_name = uploader.user_id ? uploader.username : "smedash import";
  entry.action = "upload.load";
  entry.target = "upload:" + std::to_string(options.upload_id);
  entry.detail = {{"file", options.original_name},
                  {"rows_accepted", report.rows_accepted},
                  {"rows_rejected", report.rows_rejected},
                  {"rows_replaced", rows_replaced},
                  {"periodes", std::move(periodes)}};
  accounts::RecordAudit(tx, entry);
}

// Reads, validates and loads the whole file in one transaction and writes the verdict in
// it. Returns a refusal, with nothing written, when the file is refused before loading.
std::optional<FileRefusal> Import(pqxx::connection& connection, const std::filesystem::path& file,
                                  const ImportOptions& options, const Uploader& uploader,
                                  Clock::time_point started, ImportReport& report) {
  auto reader = OpenReader(file, DetectFormat(file, options.original_name));
  Row row;
  if (!reader->Next(row)) return Refusal(reason::kFileEmpty);
  report.reader = reader->Describe();
  const ColumnMap map = MapHeader(row);
  report.unknown_headers = map.unknown_headers;
  if (auto refusal = CheckHeader(map)) return refusal;

  RowValidator validator(map, options.number_style, reader->SemicolonDelimited());
  ProgressReporter progress(options, std::filesystem::file_size(file));
  pqxx::work tx(connection);
  LockLoanData(tx);
  LoanLoader loader(tx, options.upload_id);
  IssueStore issues(options.upload_id, options.max_issues_stored);
  DuplicateFilter duplicates;
  metrics::PositionAggregator aggregates(metrics::SegmentCatalog::Load(tx));
  ValidatedRow validated;
  std::vector<RowIssue> row_issues;
  auto read_ahead = std::make_unique<ReadAhead>(*reader);
  const Row* cells = nullptr;
  std::uint64_t line = 0;
  while (read_ahead->Next(cells, line)) {
    ++report.rows_total;
    row_issues.clear();
    bool accepted = validator.Validate(*cells, line, validated, row_issues);
    if (accepted) {
      if (auto first = duplicates.FirstLineOf(validated.periode, validated.nomor_rekening, line)) {
        accepted = false;
        row_issues.push_back(DuplicateIssue(line, validated, *first));
      }
    }
    for (auto& issue : row_issues) {
      if (!issue.rejects_row) ++report.warnings;
      issues.Add(std::move(issue));
    }
    if (accepted) {
      loader.Add(validated);
      aggregates.Add(AggregateView(validated));
      ++report.rows_accepted;
    } else {
      ++report.rows_rejected;
    }
    if (issues.Pending() >= kIssueBatch) {
      loader.Pause();
      issues.Flush(tx);
    }
    progress.Row(read_ahead->BytesRead(), report);
  }
  const std::uint64_t bytes_read = read_ahead->BytesRead();
  read_ahead.reset();  // the reader is ours again
  loader.Pause();
  report.reader = reader->Describe();
  report.number_style = validator.Style();
  if (report.rows_total == 0) return Refusal(reason::kFileHeaderOnly);

  if (report.rows_accepted == 0) {
    // Nothing to load, but the reasons are the report: keep them with the verdict.
    ApplyRefusal(report, Refusal(reason::kFileNoRowsAccepted,
                                 {{"rejected", std::to_string(report.rows_rejected)}}));
  } else {
    progress.Phase(bytes_read, report, "aggregating");
    for (const auto& [periode, load] : loader.Periodes()) {
      report.rows_by_periode[periode] = load.rows_loaded;
      report.rows_replaced[periode] = load.rows_replaced;
    }
    aggregates.Store(tx);
    report.unknown_codes = aggregates.UnknownCodes();
    RecordUploadPeriodes(tx, options.upload_id, loader.Periodes());
    report.status = ImportReport::Status::kCompleted;
    RecordLoadAudit(tx, uploader, options, report);
  }
  issues.Flush(tx);
  report.seconds = SecondsSince(started);
  FinishUpload(tx, options.upload_id, report);
  tx.commit();
  progress.Phase(bytes_read, report, "done");
  return std::nullopt;
}

// PostgreSQL refused the data itself (SQLSTATE class 22 data exception, 23 integrity
// constraint): loading the same file again would fail the same way, so it is the file's
// verdict. Any other database failure may pass and is left to the caller to retry.
bool IsDataError(const pqxx::sql_error& error) {
  const std::string state = error.sqlstate();
  return state.starts_with("22") || state.starts_with("23");
}

}  // namespace

ImportReport RunImport(pqxx::connection& connection, const std::filesystem::path& file,
                       const ImportOptions& options) {
  const auto started = Clock::now();
  ImportReport report;
  report.number_style = options.number_style;
  const Uploader uploader = StartUpload(connection, options.upload_id);
  std::optional<FileRefusal> refusal;
  try {
    refusal = Import(connection, file, options, uploader, started, report);
  } catch (const FileError& error) {
    refusal = RefusalOf(error);
  } catch (const pqxx::sql_error& error) {
    if (!IsDataError(error)) throw;
    refusal = Refusal(kFileDatabaseError, {{"detail", error.what()}});
  }
  if (refusal) {
    // The load transaction is gone (never opened, or rolled back): no row of the file
    // stayed, so the report says none was accepted.
    report.rows_accepted = 0;
    report.rows_by_periode.clear();
    report.rows_replaced.clear();
    report.unknown_codes.clear();
    ApplyRefusal(report, *refusal);
    report.seconds = SecondsSince(started);
    pqxx::work tx(connection);
    FinishUpload(tx, options.upload_id, report);
    tx.commit();
  }
  report.seconds = SecondsSince(started);
  return report;
}

}  // namespace smedash::ingest
