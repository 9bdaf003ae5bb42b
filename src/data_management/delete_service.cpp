#include "data_management/delete_service.hpp"

#include <spdlog/spdlog.h>

#include <boost/json.hpp>
#include <pqxx/pqxx>

#include "accounts/audit_log.hpp"
#include "data_management/delete_repository.hpp"
#include "data_management/delete_rules.hpp"
#include "metrics/aggregates.hpp"

namespace smedash::data_management {
namespace {

namespace fs = std::filesystem;
namespace repo = delete_repository;

ReferenceProblem Problem(int status, std::string code, std::string key,
                         std::map<std::string, std::string> args = {}, std::string field = {}) {
  return {status, std::move(code), std::move(key), std::move(args), std::move(field)};
}

// An upload delete removes what is left of one completed upload. A staged upload is
// withdrawn on the upload page; a queued or running one has loaded nothing yet (or is
// loading now); a failed or cancelled one never loaded anything.
DeleteOutcome<UploadToDelete> UploadOf(pqxx::transaction_base& tx, std::int64_t id,
                                       const fs::path& data_dir) {
  auto upload = repo::FindUpload(tx, id);
  if (!upload) return Problem(404, "not_found", "delete.error.upload_not_found", {}, "upload");
  if (upload->status != "completed") {
    return Problem(409, "upload_state", "delete.error.upload_state", {{"status", upload->status}},
                   "upload");
  }
  upload->owned_file = OwnedStoredFile(data_dir, upload->stored_path);
  std::error_code ignored;
  upload->owned_file_exists =
      upload->owned_file && fs::is_regular_file(*upload->owned_file, ignored);
  return std::move(*upload);
}

// What deleting `selection` removes, read in `tx` (under the loader's lock for a delete,
// so exactly what goes).
DeleteOutcome<DeletePreview> Plan(pqxx::transaction_base& tx, const DeleteSelection& selection,
                                  const fs::path& data_dir) {
  DeletePreview plan;
  plan.selection = selection;
  switch (selection.mode) {
    case DeleteMode::kPosition:
      plan.amounts = repo::PositionsBetween(tx, selection.position, selection.position);
      break;
    case DeleteMode::kRange:
      plan.amounts = repo::PositionsBetween(tx, selection.from, selection.to);
      break;
    case DeleteMode::kAll:
      plan.amounts = repo::PositionsBetween(tx, std::nullopt, std::nullopt);
      break;
    case DeleteMode::kUpload: {
      auto upload = UploadOf(tx, selection.upload_id, data_dir);
      if (auto* problem = std::get_if<ReferenceProblem>(&upload)) return *problem;
      plan.upload = std::move(std::get<UploadToDelete>(upload));
      auto positions = repo::PositionsOfUpload(tx, selection.upload_id);
      plan.amounts = std::move(positions.held);
      plan.upload->positions_elsewhere = std::move(positions.elsewhere);
      break;
    }
  }
  return plan;
}

boost::json::object AuditDetail(const DeletePreview& plan) {
  boost::json::array positions;
  for (const auto& position : plan.amounts.positions) {
    positions.push_back(
        {{"position", position.position}, {"rows", position.rows}, {"os", position.os}});
  }
  const auto& selection = plan.selection;
  boost::json::object detail{{"mode", ModeName(selection.mode)},
                             {"positions", std::move(positions)},
                             {"rows", plan.amounts.rows},
                             {"os", plan.amounts.os}};
  if (selection.position) detail["position"] = selection.position->ToIso();
  if (selection.from) detail["from"] = selection.from->ToIso();
  if (selection.to) detail["to"] = selection.to->ToIso();
  if (const auto& upload = plan.upload) {
    // The history row goes with the upload: this entry is what remains of it.
    boost::json::array elsewhere(upload->positions_elsewhere.begin(),
                                 upload->positions_elsewhere.end());
    detail["upload"] = {{"id", upload->id},
                        {"file_name", upload->file_name},
                        {"uploaded_by", upload->uploaded_by},
                        {"uploaded_at", upload->created_at},
                        {"sha256", upload->sha256},
                        {"rows_accepted", upload->rows_accepted},
                        {"stored_path", upload->stored_path},
                        {"positions_elsewhere", std::move(elsewhere)}};
  }
  return detail;
}

struct Applied {
  DeleteDone done;
  std::optional<fs::path> file;  // to remove once committed
};

// Under the loader's lock: checks the preview still holds, empties the positions,
// recomputes their aggregates (which bumps data_version), removes the upload's row and
// writes the audit entry, then commits. Dashboards read the aggregates and data_version,
// which change in this same commit: they see everything before or everything after.
DeleteOutcome<Applied> Apply(pqxx::work& tx, const accounts::Actor& actor,
                             const DeleteRequest& request, const fs::path& data_dir) {
  if (request.data_version && *request.data_version != repo::DataVersion(tx)) {
    return Problem(409, "stale", "delete.error.stale", {}, "data_version");
  }
  auto planned = Plan(tx, request.selection, data_dir);
  if (auto* problem = std::get_if<ReferenceProblem>(&planned)) return *problem;
  const auto& plan = std::get<DeletePreview>(planned);
  if (!plan.CanDelete()) return NothingToDelete(request.selection);

  const auto positions = plan.amounts.Dates();
  if (!positions.empty()) {
    repo::ClearPositions(tx, positions);
    metrics::RefreshAggregates(tx, positions);
  }
  // An upload delete takes the upload out of the history with its file: the history lists
  // uploads whose report and original file can be opened (and a failed one processed
  // again), and this one has neither data nor file left. What it was (file, uploader,
  // time, hash, positions) and who deleted it stays in the append-only audit entry below.
  // The other modes keep uploads and upload_periodes: the history of what each upload
  // loaded and replaced; loan_data.upload_id tells which positions it still holds.
  if (plan.upload) repo::RemoveUpload(tx, plan.upload->id);
  accounts::RecordAudit(tx, {actor.principal.user_id, actor.principal.username, "data.delete",
                             AuditTarget(request.selection), AuditDetail(plan), actor.ip_address});
  Applied applied;
  applied.done.selection = request.selection;
  applied.done.amounts = plan.amounts;
  applied.done.data_version = repo::DataVersion(tx);
  if (plan.upload) {
    applied.done.upload_id = plan.upload->id;
    applied.file = plan.upload->owned_file;
  }
  tx.commit();
  return applied;
}

// After the commit, so a rolled-back delete keeps its file. A file already gone is no
// reason to fail a delete that happened: it is logged.
bool RemoveStoredFile(const fs::path& file, std::int64_t upload_id) {
  std::error_code error;
  if (fs::remove(file, error)) return true;
  if (error) {
    spdlog::error("upload {}: deleted, but its file {} could not be removed: {}", upload_id,
                  file.string(), error.message());
  } else {
    spdlog::warn("upload {}: deleted; its file {} was already gone", upload_id, file.string());
  }
  return false;
}

}  // namespace

DeleteService::DeleteService(db::Pool& pool, const core::Config& config, db::ChangeFeed& changes)
    : pool_(pool), config_(config), changes_(changes) {}

DeleteOutcome<DeletePreview> DeleteService::Preview(const DeleteSelection& selection) {
  auto lease = pool_.Acquire();
  pqxx::read_transaction tx(*lease);
  auto planned = Plan(tx, selection, config_.data_dir);
  if (auto* plan = std::get_if<DeletePreview>(&planned)) {
    plan->loading = repo::LoadingUploads(tx);
    plan->data_version = repo::DataVersion(tx);
  }
  return planned;
}

DeleteOutcome<DeleteDone> DeleteService::Delete(const accounts::Actor& actor,
                                                const DeleteRequest& request) {
  if (request.selection.mode == DeleteMode::kAll && !ConfirmsDeleteAll(request.confirmation)) {
    return Problem(400, "validation", "delete.error.confirmation",
                   {{"text", std::string(kConfirmAllText)}}, "confirmation");
  }
  auto lease = pool_.Acquire();
  std::optional<DeleteOutcome<Applied>> outcome;  // none: the lock was not free in time
  {
    pqxx::work tx(*lease);
    if (repo::LockLoanData(tx, kLockWait)) outcome = Apply(tx, actor, request, config_.data_dir);
  }  // unless Apply committed, rolled back here
  if (!outcome) {
    pqxx::read_transaction tx(*lease);
    const auto loading = repo::LoadingUploads(tx);
    if (loading.empty()) return Problem(409, "busy", "delete.error.busy");
    return Problem(
        409, "busy", "delete.error.busy_upload",
        {{"file", loading.front().file_name}, {"id", std::to_string(loading.front().id)}});
  }
  if (auto* problem = std::get_if<ReferenceProblem>(&*outcome)) return *problem;

  auto& applied = std::get<Applied>(*outcome);
  changes_.Announce(db::ChangeTopic::kData);
  auto& done = applied.done;
  if (applied.file) done.file_removed = RemoveStoredFile(*applied.file, *done.upload_id);
  spdlog::info("data delete by {}: {}, {} positions, {} rows, OS {}", actor.principal.username,
               AuditTarget(done.selection), done.amounts.positions.size(), done.amounts.rows,
               done.amounts.os);
  return std::move(done);
}

}  // namespace smedash::data_management
