//! The upload pipeline, shared by the server's job workers and `smedash import`:
//! read → map headers → validate rows → reject in-file duplicates → COPY into loan_data,
//! replacing the file's position dates and their aggregates in one transaction.
#pragma once
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <pqxx/connection>

#include "ingest/open_reader.hpp"
#include "ingest/validate/row_validator.hpp"

namespace smedash::ingest {

struct ImportProgress {
  std::uint64_t bytes_read = 0;
  std::uint64_t bytes_total = 0;
  std::uint64_t rows_read = 0;
  std::uint64_t rows_rejected = 0;
  std::string phase;  // "reading" (parse, validate, COPY), "aggregating", then "done"
};

struct ImportOptions {
  std::int64_t upload_id = 0;       // the uploads row this import belongs to
  std::string original_name;        // the file's name as the admin chose it
  NumberStyle number_style = NumberStyle::kAuto;
  // Called about once a second and at the end of each phase. Runs on the importing thread.
  std::function<void(const ImportProgress&)> on_progress;
  std::size_t max_issues_stored = 100000;  // rejects/warnings kept for the report
};

struct ImportReport {
  enum class Status { kCompleted, kFailed };
  Status status = Status::kFailed;
  std::string error;                 // why the whole file was refused (Indonesian), or empty
  std::string error_key;             // its translation key, e.g. "ingest.file.missing_columns"
  std::map<std::string, std::string> error_args;
  std::string reader;                // RowReader::Describe()
  NumberStyle number_style = NumberStyle::kAuto;  // decided style
  std::uint64_t rows_total = 0;      // data rows read (header excluded)
  std::uint64_t rows_accepted = 0;
  std::uint64_t rows_rejected = 0;
  std::uint64_t warnings = 0;
  std::map<std::string, std::uint64_t> rows_by_periode;  // "yyyy-mm-dd" → rows loaded
  std::map<std::string, std::uint64_t> rows_replaced;    // "yyyy-mm-dd" → rows it replaced
  std::vector<std::string> unknown_codes;  // CODEs not in segment_map (counted SMALL NCC)
  std::vector<std::string> unknown_headers;
  double seconds = 0;
};

// Runs the whole pipeline for `file` on `connection`. Rejected rows and warnings are
// stored in upload_issues (up to max_issues_stored), the outcome in the uploads row.
// Nothing is loaded unless at least one row is accepted and the file as a whole is
// readable; a refused file changes no loan data. One transaction loads the file; the
// uploads row is written in it only at the very end (so a job's heartbeat never waits
// long on it), after StartUpload marked it 'processing' in a short one of its own.
// A value PostgreSQL refuses (SQLSTATE classes 22, 23) fails the file like a refusal.
// Throws for other database failures (the row then stays 'processing', for the caller to
// retry or fail) and std::invalid_argument when the uploads row does not exist.
ImportReport RunImport(pqxx::connection& connection, const std::filesystem::path& file,
                       const ImportOptions& options);

}  // namespace smedash::ingest
