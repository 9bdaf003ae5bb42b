//! The rules of the upload history: list uploads by filter, hand out an upload's original
//! file while it is still kept, and put a failed upload back in the job queue ("process
//! again"). No HTTP types; problems come back as UploadProblem values.
#pragma once
#include <cstdint>
#include <memory>

#include "accounts/user_service.hpp"
#include "core/config.hpp"
#include "data_management/history_types.hpp"
#include "db/pool.hpp"
#include "ingest/jobs/job_signal.hpp"

namespace smedash::data_management {

class HistoryService {
 public:
  // `jobs` is notified when an upload is queued again, so this process's workers start it.
  HistoryService(db::Pool& pool, const core::Config& config,
                 std::shared_ptr<ingest::JobSignal> jobs);

  HistoryPage List(const HistoryFilter& filter);
  std::optional<Upload> Get(std::int64_t id);
  // 404 problems: no such upload ("not_found"), or its file is no longer the one uploaded
  // ("file_gone": removed with its data or its cancelling, moved, or changed in size).
  UploadOutcome<OriginalFile> Original(std::int64_t id);
  // 'failed' → 'queued', audited as upload.retry. 409 when the upload is not failed or its
  // file is gone; 404 when there is no such upload.
  UploadOutcome<Upload> Retry(const accounts::Actor& actor, std::int64_t id);

 private:
  // The stored file of an upload, when it is still there with the size recorded.
  std::optional<std::filesystem::path> StoredFile(const std::string& stored_path,
                                                  std::optional<std::int64_t> size) const;

  db::Pool& pool_;
  const core::Config& config_;
  std::shared_ptr<ingest::JobSignal> jobs_;
};

}  // namespace smedash::data_management
