#include "komitmen/komitmen_service.hpp"

#include <boost/json.hpp>
#include <pqxx/pqxx>

#include "accounts/audit_log.hpp"
#include "komitmen/komitmen_repository.hpp"
#include "komitmen/komitmen_temp_file.hpp"
#include "komitmen/month_name.hpp"
#include "komitmen/target_file.hpp"
#include "komitmen/target_number.hpp"
#include "metrics/aggregates.hpp"

namespace smedash::komitmen {
namespace {

namespace repo = repository;

ReferenceProblem Invalid(std::string field, std::string key,
                         std::map<std::string, std::string> args = {}) {
  return {400, "validation", std::move(key), std::move(args), std::move(field)};
}

ReferenceProblem NotFound(std::string key, std::map<std::string, std::string> args = {}) {
  return {404, "not_found", std::move(key), std::move(args), ""};
}

// The file read and checked, with the month it is for; nothing touched in the database.
struct ReadFile {
  core::Date month;
  bool month_guessed = false;
  TargetFile file;
};

Outcome<core::Date> MonthOf(const FileUpload& upload, bool& guessed) {
  guessed = false;
  if (upload.month_text && !upload.month_text->empty()) {
    if (auto month = ParseMonthText(*upload.month_text)) return *month;
    return Invalid("month", "komitmen.error.month_invalid", {{"value", *upload.month_text}});
  }
  if (auto month = MonthFromFileName(upload.file_name)) {
    guessed = true;
    return *month;
  }
  return Invalid("month", "komitmen.error.month_needed");
}

Outcome<ReadFile> Read(const FileUpload& upload) {
  if (upload.file_name.empty()) return Invalid("name", "komitmen.error.name_needed");
  if (upload.content.empty()) return Invalid("file", "komitmen.error.file_empty");
  ReadFile read;
  auto month = MonthOf(upload, read.month_guessed);
  if (auto* problem = std::get_if<ReferenceProblem>(&month)) return std::move(*problem);
  read.month = std::get<core::Date>(month);
  try {
    const TempFile temp(upload.content, upload.file_name);
    read.file = ReadTargetFile(temp.Path(), upload.file_name);
  } catch (const ingest::FileError& error) {
    if (error.Key().empty()) {
      return Invalid("file", "ingest.file.unreadable", {{"detail", error.what()}});
    }
    return Invalid("file", error.Key(), error.Args());
  }
  return read;
}

std::vector<MonthUnit> UnitsOf(const TargetFile& file, const std::set<std::string>& known) {
  std::vector<MonthUnit> units;
  for (const auto& row : file.rows) {
    units.push_back({row.kode_uker, row.kode_kanca, row.kanca, row.uker, row.line,
                     known.contains(row.kode_uker), row.values});
  }
  return units;
}

// Compares the file with the month as stored, in `tx` (locked or not by the caller).
KomitmenPreview Compare(pqxx::transaction_base& tx, const FileUpload& upload, ReadFile&& read,
                        std::vector<MonthUnit>& file_units) {
  KomitmenPreview preview;
  preview.month = read.month;
  preview.month_guessed = read.month_guessed;
  preview.file_name = upload.file_name;
  preview.describe = read.file.describe;
  preview.rows = read.file.rows.size();
  preview.region_rows = read.file.region_rows;
  std::vector<std::string> codes;
  for (const auto& row : read.file.rows) codes.push_back(row.kode_uker);
  file_units = UnitsOf(read.file, repo::KnownUnits(tx, codes));
  for (const auto& unit : file_units) {
    if (!unit.known) preview.issues.unknown_units.push_back({unit.line, unit.kode_uker, unit.uker});
  }
  preview.issues.rejected = std::move(read.file.rejected);
  preview.issues.warnings = std::move(read.file.warnings);
  if (auto current = repo::CurrentUpload(tx, read.month)) preview.replaces = current->record;
  preview.changes = CompareMonths(repo::MonthUnits(tx, read.month), file_units);
  return preview;
}

boost::json::value MoneyJson(const std::optional<core::Money>& value) {
  if (!value) return nullptr;
  return boost::json::string(value->ToString());
}

void Audit(pqxx::transaction_base& tx, const accounts::Actor& actor, std::string action,
           core::Date month, boost::json::object detail) {
  accounts::RecordAudit(tx, {actor.principal.user_id, actor.principal.username, std::move(action),
                             "komitmen:" + MonthText(month), std::move(detail), actor.ip_address});
}

std::string_view EditProblemKey(TargetStatus status) {
  switch (status) {
    case TargetStatus::kNegative:
      return "komitmen.error.value_negative";
    case TargetStatus::kAmbiguous:
      return "komitmen.error.value_ambiguous";
    case TargetStatus::kTooLarge:
      return "komitmen.error.value_too_large";
    default:
      return "komitmen.error.value_invalid";
  }
}

}  // namespace

KomitmenService::KomitmenService(db::Pool& pool, db::ChangeFeed& changes)
    : pool_(pool), changes_(changes) {}

Outcome<KomitmenPreview> KomitmenService::Preview(const FileUpload& upload) {
  auto read = Read(upload);
  if (auto* problem = std::get_if<ReferenceProblem>(&read)) return std::move(*problem);
  auto lease = pool_.Acquire();
  pqxx::read_transaction tx(*lease);
  std::vector<MonthUnit> units;
  return Compare(tx, upload, std::move(std::get<ReadFile>(read)), units);
}

Outcome<KomitmenPreview> KomitmenService::Apply(const accounts::Actor& actor,
                                                const FileUpload& upload) {
  auto read = Read(upload);
  if (auto* problem = std::get_if<ReferenceProblem>(&read)) return std::move(*problem);
  auto& file = std::get<ReadFile>(read);
  if (file.file.rows.empty()) return Invalid("file", "komitmen.error.no_rows");
  const core::Date month = file.month;
  auto lease = pool_.Acquire();
  pqxx::work tx(*lease);
  repo::LockMonth(tx, month);
  std::vector<MonthUnit> units;
  KomitmenPreview preview = Compare(tx, upload, std::move(file), units);
  if (preview.replaces) repo::EndUpload(tx, preview.replaces->id, "replaced");
  repo::ReplaceMonth(tx, month, units);
  preview.upload_id = repo::InsertUpload(
      tx, {month, upload.file_name, static_cast<int>(units.size()),
           static_cast<int>(preview.issues.rejected.size()), StoreIssues(preview.issues),
           actor.principal.user_id, actor.principal.username});
  boost::json::value replaced = nullptr;
  if (preview.replaces) replaced = preview.replaces->id;
  Audit(tx, actor, "komitmen.upload", month,
        {{"month", MonthText(month)},
         {"file", upload.file_name},
         {"upload_id", *preview.upload_id},
         {"units", units.size()},
         {"rejected", preview.issues.rejected.size()},
         {"added", preview.changes.added},
         {"removed", preview.changes.removed},
         {"changed", preview.changes.changed},
         {"replaced_upload", replaced}});
  metrics::BumpDataVersion(tx);
  tx.commit();
  changes_.Announce(db::ChangeTopic::kData);
  return preview;
}

std::vector<UploadRecord> KomitmenService::Uploads() {
  auto lease = pool_.Acquire();
  pqxx::read_transaction tx(*lease);
  std::vector<UploadRecord> uploads;
  for (auto& stored : repo::Uploads(tx)) uploads.push_back(std::move(stored.record));
  return uploads;
}

std::optional<MonthView> KomitmenService::Month(core::Date month) {
  auto lease = pool_.Acquire();
  pqxx::read_transaction tx(*lease);
  auto current = repo::CurrentUpload(tx, month);
  if (!current) return std::nullopt;
  return MonthView{current->record, LoadIssues(current->issues_json), repo::MonthUnits(tx, month)};
}

Outcome<EditResult> KomitmenService::Edit(const accounts::Actor& actor, core::Date month,
                                          const TargetEdit& edit) {
  const auto group = ParseGroupCode(edit.group);
  if (!group) return Invalid("group", "komitmen.error.group", {{"value", edit.group}});
  const auto measure = ParseMeasureCode(edit.measure);
  if (!measure) return Invalid("measure", "komitmen.error.measure", {{"value", edit.measure}});
  const auto typed =
      TargetNumberReader(false).Read({ingest::Cell::Kind::kText, edit.value}, *measure);
  if (typed.status != TargetStatus::kNone && typed.status != TargetStatus::kValue) {
    return Invalid("value", std::string(EditProblemKey(typed.status)), {{"value", edit.value}});
  }
  std::optional<core::Money> after;
  if (typed.status == TargetStatus::kValue) after = typed.value;
  const auto code = data_management::NormalizeCodeText(edit.kode_uker);

  auto lease = pool_.Acquire();
  pqxx::work tx(*lease);
  repo::LockMonth(tx, month);
  const auto current = repo::CurrentUpload(tx, month);
  if (!current) return NotFound("komitmen.error.no_month", {{"month", MonthText(month)}});
  const auto units = repo::MonthUnits(tx, month);
  auto unit = std::find_if(units.begin(), units.end(),
                           [&](const MonthUnit& candidate) { return candidate.kode_uker == code; });
  if (!code || unit == units.end()) {
    auto problem = NotFound("komitmen.error.no_unit", {{"code", edit.kode_uker}});
    problem.field = "kode_uker";
    return problem;
  }
  EditResult result{
      false, unit->kode_uker,      *group, *measure, unit->values[TargetIndex(*group, *measure)],
      after, current->record.edits};
  if (result.before == result.after) return result;
  repo::SetTarget(tx, month, result.kode_uker, *group, *measure, after);
  result.changed = true;
  result.edits = repo::CountEdit(tx, current->record.id);
  Audit(tx, actor, "komitmen.edit", month,
        {{"month", MonthText(month)},
         {"kode_uker", result.kode_uker},
         {"group", GroupCode(*group)},
         {"measure", MeasureCode(*measure)},
         {"before", MoneyJson(result.before)},
         {"after", MoneyJson(result.after)}});
  metrics::BumpDataVersion(tx);
  tx.commit();
  changes_.Announce(db::ChangeTopic::kData);
  return result;
}

Outcome<UploadRecord> KomitmenService::Delete(const accounts::Actor& actor, core::Date month) {
  auto lease = pool_.Acquire();
  pqxx::work tx(*lease);
  repo::LockMonth(tx, month);
  auto current = repo::CurrentUpload(tx, month);
  if (!current) return NotFound("komitmen.error.no_month", {{"month", MonthText(month)}});
  repo::ClearMonth(tx, month);
  repo::EndUpload(tx, current->record.id, "deleted");
  Audit(tx, actor, "komitmen.delete", month,
        {{"month", MonthText(month)},
         {"upload_id", current->record.id},
         {"file", current->record.file_name},
         {"units", current->record.units},
         {"edits", current->record.edits}});
  metrics::BumpDataVersion(tx);
  tx.commit();
  changes_.Announce(db::ChangeTopic::kData);
  current->record.status = "deleted";
  return current->record;
}

std::vector<TemplateUnit> KomitmenService::TemplateUnits() {
  auto lease = pool_.Acquire();
  pqxx::read_transaction tx(*lease);
  std::vector<TemplateUnit> units;
  for (auto& unit : repo::HierarchyUnits(tx)) {
    units.push_back({std::move(unit.kode_kanca), std::move(unit.kode_uker), std::move(unit.kanca),
                     std::move(unit.uker)});
  }
  return units;
}

}  // namespace smedash::komitmen
