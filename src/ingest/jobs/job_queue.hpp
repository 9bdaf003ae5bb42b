//! The upload job queue, which is the uploads table itself: claim the next queued upload,
//! beat while it runs, requeue or fail what a dead worker left behind. Each call is one
//! short transaction on the caller's connection (never one an import is using).
#pragma once
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <pqxx/connection>
#include <pqxx/transaction_base>
#include <string>
#include <vector>

#include "ingest/pipeline.hpp"

namespace smedash::ingest {

// Reads the queue's queries; throws std::logic_error when one was not compiled in, so a
// server without them fails at start-up rather than at the first job.
void CheckJobQueries();

struct ClaimedJob {
  std::int64_t upload_id = 0;
  std::filesystem::path stored_path;  // relative to the data directory
  std::string file_name;              // as the admin named it
  NumberStyle number_style = NumberStyle::kAuto;
  int attempts = 0;  // including this one
};

// 'queued' → 'processing' for the oldest queued upload, or nothing when none is queued.
// The connection's session holds the job's lock until ReleaseJob or until it closes.
std::optional<ClaimedJob> ClaimNextJob(pqxx::connection& connection);

// heartbeat_at = now(), and the progress when given (JSON), while still 'processing'.
void WriteHeartbeat(pqxx::connection& connection, std::int64_t upload_id,
                    const std::optional<std::string>& progress_json);

struct RecoveredJobs {
  std::vector<std::int64_t> requeued;
  std::vector<std::int64_t> failed;  // error_key 'ingest.file.interrupted'
};

// Uploads 'processing' whose worker's connection is gone (its job lock is free), or
// without a heartbeat for `stale_after`: back to 'queued' while attempts < max_attempts,
// else 'failed'. Uploads never claimed by a worker (`smedash import`) are left alone, and
// so are `running_here`: the caller's own workers run them and record their verdicts.
RecoveredJobs RecoverStaleJobs(pqxx::connection& connection, std::chrono::seconds stale_after,
                               int max_attempts,
                               const std::vector<std::int64_t>& running_here = {});

// Back to 'queued' (the server stopping mid-import). `not_an_attempt`: give the attempt back.
void RequeueJob(pqxx::connection& connection, std::int64_t upload_id, bool not_an_attempt);

// 'failed' for a reason outside the file (our bug, say), unless the import already decided.
void FailJob(pqxx::connection& connection, std::int64_t upload_id, const std::string& error_key,
             const std::string& error_log);

// Records `report` as the verdict when the import returned without recording one itself;
// a verdict already recorded stands.
void FinishJob(pqxx::connection& connection, std::int64_t upload_id, const ImportReport& report);

// Takes the job's lock for the session of `tx`, as ClaimNextJob does, for an upload the
// caller runs without claiming it (`smedash import`): a server's recovery sweep would
// otherwise take it for a dead worker's job and queue it again while it runs.
void HoldJob(pqxx::transaction_base& tx, std::int64_t upload_id);

// Lets go of the job's lock (ClaimNextJob, HoldJob) once its verdict is recorded.
void ReleaseJob(pqxx::connection& connection, std::int64_t upload_id);

// The progress as the upload API shows it: RunImport's counters plus rows per second and
// the estimated seconds left (from the bytes still to read), `elapsed` after the start.
std::string ProgressJson(const ImportProgress& progress, std::chrono::duration<double> elapsed);

}  // namespace smedash::ingest
