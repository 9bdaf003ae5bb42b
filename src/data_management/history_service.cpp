#include "data_management/history_service.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <pqxx/pqxx>
#include <system_error>

#include "accounts/audit_log.hpp"
#include "data_management/history_repository.hpp"
#include "data_management/upload_repository.hpp"

namespace smedash::data_management {
namespace {

UploadProblem Problem(int status, std::string code, std::string key) {
  UploadProblem problem;
  problem.status = status;
  problem.code = std::move(code);
  problem.key = std::move(key);
  return problem;
}

UploadProblem NotRetryable(const std::string& status) {
  UploadProblem problem = Problem(409, "conflict", "history.error.not_retryable");
  problem.upload_status = status;
  return problem;
}

}  // namespace

HistoryService::HistoryService(db::Pool& pool, const core::Config& config,
                               std::shared_ptr<ingest::JobSignal> jobs)
    : pool_(pool), config_(config), jobs_(std::move(jobs)) {}

HistoryPage HistoryService::List(const HistoryFilter& filter) {
  auto lease = pool_.Acquire();
  pqxx::read_transaction tx(*lease);
  auto found = history_repository::Find(tx, filter, config_.display_timezone);
  HistoryPage page;
  page.uploads = std::move(found.uploads);
  page.total = found.total;
  page.page = filter.page;
  page.per_page = filter.per_page;
  page.uploaders = history_repository::Uploaders(tx);
  return page;
}

std::optional<Upload> HistoryService::Get(std::int64_t id) {
  auto lease = pool_.Acquire();
  pqxx::read_transaction tx(*lease);
  return upload_repository::Find(tx, id);
}

std::optional<std::filesystem::path> HistoryService::StoredFile(
    const std::string& stored_path, std::optional<std::int64_t> size) const {
  if (stored_path.empty()) return std::nullopt;
  // Server uploads are stored relative to the data directory; `smedash import` records
  // the absolute path it read, which this join keeps as it is.
  const auto path = config_.data_dir / stored_path;
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error) || error) return std::nullopt;
  const auto actual = std::filesystem::file_size(path, error);
  if (error || (size && actual != static_cast<std::uintmax_t>(*size))) return std::nullopt;
  return path;
}

UploadOutcome<OriginalFile> HistoryService::Original(std::int64_t id) {
  const auto upload = Get(id);
  if (!upload) return Problem(404, "not_found", "upload.error.not_found");
  const auto path = StoredFile(upload->stored_path, upload->file_size);
  if (!path) return Problem(404, "file_gone", "history.error.file_gone");
  return OriginalFile{*path, upload->file_name};
}

UploadOutcome<Upload> HistoryService::Retry(const accounts::Actor& actor, std::int64_t id) {
  {
    auto lease = pool_.Acquire();
    pqxx::work tx(*lease);
    // The row lock queues a double click (or two admins) once: the second waits, then
    // sees 'queued'.
    const auto locked = upload_repository::Lock(tx, id);
    if (!locked) return Problem(404, "not_found", "upload.error.not_found");
    if (locked->status != "failed") return NotRetryable(locked->status);
    const auto upload = upload_repository::Find(tx, id);
    if (!StoredFile(upload->stored_path, upload->file_size)) {
      return Problem(409, "file_gone", "history.error.retry_file_gone");
    }
    history_repository::Requeue(tx, id);
    accounts::RecordAudit(tx, {actor.principal.user_id,
                               actor.principal.username,
                               "upload.retry",
                               fmt::format("upload:{}", id),
                               {{"file_name", upload->file_name},
                                {"previous_error", upload->error_key.value_or("")},
                                {"previous_attempts", upload->attempts}},
                               actor.ip_address});
    tx.commit();
  }
  spdlog::info("upload {}: queued again by {}", id, actor.principal.username);
  if (jobs_) jobs_->Notify();
  return *Get(id);
}

}  // namespace smedash::data_management
