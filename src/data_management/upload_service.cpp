#include "data_management/upload_service.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <boost/json.hpp>
#include <pqxx/pqxx>

#include "accounts/audit_log.hpp"
#include "core/limits.hpp"
#include "data_management/issue_export.hpp"
#include "data_management/upload_files.hpp"
#include "data_management/upload_repository.hpp"

namespace smedash::data_management {
namespace {

namespace repo = upload_repository;

constexpr int kExportChunk = 5000;
constexpr auto kExportLifetime = std::chrono::minutes(15);

UploadProblem Problem(int status, std::string code, std::string key,
                      std::map<std::string, std::string> args = {}) {
  return UploadProblem{status, std::move(code), std::move(key), std::move(args), {}, {}, {}};
}

std::string JsonText(const std::map<std::string, std::string>& args) {
  boost::json::object object;
  for (const auto& [key, value] : args) object[key] = value;
  return boost::json::serialize(object);
}

accounts::AuditEntry Audit(const accounts::Actor& actor, std::string action, std::int64_t id,
                           boost::json::object detail) {
  return {actor.principal.user_id,      actor.principal.username, std::move(action),
          fmt::format("upload:{}", id), std::move(detail),        actor.ip_address};
}

// A transition from 'staged' refused because of the upload's state: the state, and for a
// file refused at its preview, why it was refused.
UploadProblem StateProblem(const repo::Locked& locked, std::string_view wanted) {
  UploadProblem problem;
  problem.status = 409;
  problem.code = "conflict";
  problem.upload_status = locked.status;
  if (locked.status == "failed" && locked.never_started && !locked.error_key.empty()) {
    problem.key = "upload.error.not_processable";
    problem.reason_key = locked.error_key;
    problem.reason_args = JsonArgs(locked.error_args_json);
  } else {
    problem.key = wanted == "process" ? "upload.error.already" : "upload.error.not_cancellable";
  }
  return problem;
}

}  // namespace

UploadService::UploadService(db::Pool& pool, const core::Config& config,
                             const ui::Translations& texts, std::shared_ptr<ingest::JobSignal> jobs)
    : pool_(pool),
      config_(config),
      texts_(texts),
      jobs_(std::move(jobs)),
      previews_(std::make_unique<PreviewGate>(config.preview_slots)) {}

UploadProblem UploadService::BusyProblem() { return Problem(503, "busy", "upload.error.busy"); }

UploadOutcome<Staged> UploadService::Stage(const accounts::Actor& actor,
                                           const StageRequest& request) {
  if (request.file_name.empty()) return Problem(400, "bad_request", "upload.error.no_name");
  if (!HasAcceptedExtension(request.file_name)) {
    return Problem(400, "bad_request", "upload.error.extension", {{"name", request.file_name}});
  }
  const auto style = ingest::ParseNumberStyle(request.number_style);
  if (!style) return Problem(400, "bad_request", "upload.error.number_style");
  if (request.notes.size() > core::limits::kMaxTextField) {
    return Problem(400, "bad_request", "upload.error.notes_length",
                   {{"max", std::to_string(core::limits::kMaxTextField)}});
  }
  std::error_code error;
  const auto size =
      request.body_file.empty() ? 0 : std::filesystem::file_size(request.body_file, error);
  if (request.body_file.empty() || error) {
    return Problem(400, "bad_request", "upload.error.no_file");
  }
  // The session refuses larger bodies before reading them; this catches a limit that
  // changed, or a body the session could not size up front (chunked).
  if (size > config_.upload_max_bytes) {
    return Problem(
        413, "too_large", "upload.error.too_large",
        {{"size", ByteSizeLabel(size)}, {"limit", ByteSizeLabel(config_.upload_max_bytes)}});
  }

  // Hash and preview read the temporary file before any row exists, so a refused file is
  // recorded once, already with its reason.
  auto slot = previews_->TryEnter();
  if (!slot) return BusyProblem();
  const std::string sha256 = Sha256OfFile(request.body_file);
  ingest::Preview preview = ingest::BuildPreview(request.body_file, request.file_name, *style);
  slot.reset();

  repo::NewUpload row;
  row.uploaded_by = actor.principal.user_id;
  row.file_name = request.file_name;
  row.file_size = static_cast<std::int64_t>(size);
  row.sha256 = sha256;
  row.number_style = request.number_style;
  row.notes = request.notes;
  row.status = preview.can_process ? "staged" : "failed";
  row.reader = preview.reader;
  if (!preview.can_process) {
    row.error_key = preview.problem_key;
    row.error_args_json = JsonText(preview.problem_args);
    row.error_log = texts_.Get("id", preview.problem_key, preview.problem_args);
  }

  std::int64_t id = 0;
  {
    auto lease = pool_.Acquire();
    pqxx::work tx(*lease);
    const auto inserted = repo::Insert(tx, row);
    id = inserted.id;
    const std::filesystem::path relative =
        std::filesystem::path("uploads") / inserted.day_folder /
        fmt::format("{}-{}", id, SanitizeFileName(row.file_name));
    const auto stored = config_.data_dir / relative;
    MoveFile(request.body_file, stored);
    try {
      repo::SetStoredPath(tx, id, relative.generic_string());
      accounts::RecordAudit(tx, Audit(actor, "upload.stage", id,
                                      {{"file_name", row.file_name},
                                       {"file_size", row.file_size},
                                       {"sha256", sha256},
                                       {"number_style", row.number_style},
                                       {"can_process", preview.can_process},
                                       {"problem", preview.problem_key}}));
      tx.commit();
    } catch (...) {
      std::filesystem::remove(stored, error);  // no row names it
      throw;
    }
  }
  spdlog::info("upload {}: staged '{}' ({} bytes) by {}{}", id, row.file_name, size,
               actor.principal.username,
               preview.can_process ? "" : "; refused: " + preview.problem_key);

  auto lease = pool_.Acquire();
  pqxx::read_transaction tx(*lease);
  Staged staged{*repo::Find(tx, id), std::move(preview), repo::SameFileAs(tx, sha256, id)};
  return staged;
}

UploadOutcome<ingest::Preview> UploadService::PreviewOf(std::int64_t id) {
  auto upload = Get(id);
  if (!upload) return Problem(404, "not_found", "upload.error.not_found");
  const auto style = ingest::ParseNumberStyle(upload->number_style);
  const auto slot = previews_->TryEnter();
  if (!slot) return BusyProblem();
  return ingest::BuildPreview(config_.data_dir / upload->stored_path, upload->file_name,
                              style.value_or(ingest::NumberStyle::kAuto));
}

UploadOutcome<Upload> UploadService::Process(const accounts::Actor& actor, std::int64_t id) {
  {
    auto lease = pool_.Acquire();
    pqxx::work tx(*lease);
    // The row lock makes a double click (or two admins) queue the upload exactly once:
    // the second transaction waits, then sees 'queued'.
    const auto locked = repo::Lock(tx, id);
    if (!locked) return Problem(404, "not_found", "upload.error.not_found");
    if (locked->status != "staged") return StateProblem(*locked, "process");
    repo::MarkQueued(tx, id);
    accounts::RecordAudit(tx,
                          Audit(actor, "upload.process", id, {{"file_name", locked->file_name}}));
    tx.commit();
  }
  spdlog::info("upload {}: queued by {}", id, actor.principal.username);
  if (jobs_) jobs_->Notify();
  return *Get(id);
}

UploadOutcome<Upload> UploadService::Cancel(const accounts::Actor& actor, std::int64_t id) {
  std::string stored_path;
  {
    auto lease = pool_.Acquire();
    pqxx::work tx(*lease);
    const auto locked = repo::Lock(tx, id);
    if (!locked) return Problem(404, "not_found", "upload.error.not_found");
    const bool withdrawable =
        locked->status == "staged" || (locked->status == "failed" && locked->never_started);
    if (!withdrawable) {
      UploadProblem problem = StateProblem(*locked, "cancel");
      problem.key = "upload.error.not_cancellable";
      return problem;
    }
    repo::MarkCancelled(tx, id);
    accounts::RecordAudit(tx,
                          Audit(actor, "upload.cancel", id, {{"file_name", locked->file_name}}));
    tx.commit();
    stored_path = locked->stored_path;
  }
  // After the commit: a file without a row would be lost, a row without its file is what
  // 'cancelled' means.
  std::error_code ignored;
  if (!stored_path.empty()) std::filesystem::remove(config_.data_dir / stored_path, ignored);
  return *Get(id);
}

std::optional<Upload> UploadService::Get(std::int64_t id) {
  auto lease = pool_.Acquire();
  pqxx::read_transaction tx(*lease);
  return repo::Find(tx, id);
}

std::optional<std::vector<Upload>> UploadService::List(const std::string& filter,
                                                       std::int64_t viewer, int limit) {
  static const std::array<std::string_view, 6> kStatuses = {"staged",    "queued", "processing",
                                                            "completed", "failed", "cancelled"};
  std::vector<std::string> statuses;
  std::optional<std::int64_t> staged_of;
  if (filter == "active") {
    statuses = {"staged", "queued", "processing"};
    staged_of = viewer;
  } else if (filter == "finished") {
    statuses = {"completed", "failed"};
  } else if (filter != "all") {
    if (std::find(kStatuses.begin(), kStatuses.end(), filter) == kStatuses.end()) {
      return std::nullopt;
    }
    statuses = {filter};
  }
  auto lease = pool_.Acquire();
  pqxx::read_transaction tx(*lease);
  return repo::List(tx, statuses, staged_of, std::clamp(limit, 1, 100));
}

std::optional<IssuePage> UploadService::Issues(std::int64_t id, IssueKind kind, int page,
                                               int per_page) {
  auto lease = pool_.Acquire();
  pqxx::read_transaction tx(*lease);
  if (!repo::Find(tx, id)) return std::nullopt;
  IssuePage result;
  result.per_page = std::clamp(per_page, 1, 200);
  result.page = std::max(page, 1);
  result.total = repo::CountIssues(tx, id, kind);
  const auto offset = static_cast<std::int64_t>(result.page - 1) * result.per_page;
  result.items = repo::IssuesPage(tx, id, kind, result.per_page, offset);
  return result;
}

std::filesystem::path UploadService::ExportFolder() const {
  return config_.data_dir / "tmp" / "exports";
}

std::optional<ExportedFile> UploadService::ExportIssues(std::int64_t id, IssueKind kind,
                                                        ExportFormat format,
                                                        const std::string& lang) {
  auto lease = pool_.Acquire();
  pqxx::read_transaction tx(*lease);
  if (!repo::Find(tx, id)) return std::nullopt;

  // Responses send files after the handler returns, so an export cannot delete itself;
  // each export clears the ones old enough to have been downloaded.
  const auto folder = ExportFolder();
  std::filesystem::create_directories(folder);
  RemoveFilesOlderThan(folder, kExportLifetime);
  const std::string extension = format == ExportFormat::kCsv ? "csv" : "xlsx";
  ExportedFile exported;
  exported.path = folder / fmt::format("upload-{}-issues-{}.{}", id, RandomHex(8), extension);
  exported.download_name = fmt::format("upload-{}-issues.{}", id, extension);

  auto text = [&](std::string_view key) { return texts_.Get(lang, key); };
  const IssueExportTitles titles = {
      text("upload.issues.col.line"), text("upload.issues.col.column"),
      text("upload.issues.col.raw_value"), text("upload.issues.col.reason"),
      text("upload.issues.col.kind")};
  const std::string rejected = text("upload.issues.kind.rejected");
  const std::string warning = text("upload.issues.kind.warning");
  try {
    auto writer = format == ExportFormat::kCsv
                      ? OpenCsvIssueWriter(exported.path, titles)
                      : OpenXlsxIssueWriter(exported.path, titles, text("upload.issues.sheet"));
    std::int64_t after = 0;
    for (;;) {
      const auto chunk = repo::IssuesAfter(tx, id, kind, after, kExportChunk);
      for (const auto& issue : chunk) {
        writer->Write({issue.line, issue.column, issue.raw_value,
                       texts_.Get(lang, issue.reason_key, issue.args),
                       issue.rejects_row ? rejected : warning});
      }
      if (chunk.size() < static_cast<std::size_t>(kExportChunk)) break;
      after = chunk.back().seq;
    }
    writer->Close();
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(exported.path, ignored);
    throw;
  }
  return exported;
}

}  // namespace smedash::data_management
