//! The rules of an upload's life before and around its job: stage (store the file, hash
//! it, preview it), process (queue it once), cancel, read its state and issues, and export
//! the issues. No HTTP types; problems come back as UploadProblem values.
#pragma once
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "accounts/user_service.hpp"
#include "core/config.hpp"
#include "data_management/preview_gate.hpp"
#include "data_management/upload_types.hpp"
#include "db/pool.hpp"
#include "ingest/jobs/job_signal.hpp"
#include "ingest/preview.hpp"
#include "ui/i18n.hpp"

namespace smedash::data_management {

struct StageRequest {
  std::filesystem::path body_file;  // the request's temporary body; moved away on success
  std::string file_name;            // as the admin's browser named it
  std::string number_style;         // "auto", "id", "en"
  std::string notes;
};

struct Staged {
  Upload upload;
  ingest::Preview preview;
  std::optional<SameFile> same_file_as;
};

struct IssuePage {
  std::vector<UploadIssue> items;
  std::int64_t total = 0;
  int page = 1;
  int per_page = 50;
};

enum class ExportFormat { kCsv, kXlsx };

struct ExportedFile {
  std::filesystem::path path;  // under <data_dir>/tmp/exports, removed after a while
  std::string download_name;
};

class UploadService {
 public:
  // `jobs` is notified when an upload is queued, so this process's workers start at once.
  UploadService(db::Pool& pool, const core::Config& config, const ui::Translations& texts,
                std::shared_ptr<ingest::JobSignal> jobs);

  // Stage and PreviewOf read the whole file: at most config.preview_slots of them run at
  // once; a further one is a 503 problem (code "busy", upload.error.busy).
  UploadOutcome<Staged> Stage(const accounts::Actor& actor, const StageRequest& request);
  // The preview again, from the stored file (the admin came back to a staged upload).
  UploadOutcome<ingest::Preview> PreviewOf(std::int64_t id);
  // True while every preview slot is taken: an upload arriving now would be refused, so
  // the upload route refuses it before its body is sent (Route::admit).
  bool PreviewsBusy() const { return previews_->Full(); }
  static UploadProblem BusyProblem();
  UploadOutcome<Upload> Process(const accounts::Actor& actor, std::int64_t id);
  UploadOutcome<Upload> Cancel(const accounts::Actor& actor, std::int64_t id);

  std::optional<Upload> Get(std::int64_t id);
  // `filter`: "active" (staged — only `viewer`'s —, queued, processing), "finished"
  // (completed, failed), "all", or one status. Nothing for an unknown filter.
  std::optional<std::vector<Upload>> List(const std::string& filter, std::int64_t viewer,
                                          int limit);
  std::optional<IssuePage> Issues(std::int64_t id, IssueKind kind, int page, int per_page);
  // The issues with their reasons in `lang`; nothing when the upload does not exist.
  std::optional<ExportedFile> ExportIssues(std::int64_t id, IssueKind kind, ExportFormat format,
                                           const std::string& lang);

 private:
  std::filesystem::path ExportFolder() const;

  db::Pool& pool_;
  const core::Config& config_;
  const ui::Translations& texts_;
  std::shared_ptr<ingest::JobSignal> jobs_;
  std::unique_ptr<PreviewGate> previews_;  // a pointer so the service stays movable
};

}  // namespace smedash::data_management
