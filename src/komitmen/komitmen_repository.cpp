#include "komitmen/komitmen_repository.hpp"

#include <pqxx/pqxx>

#include "komitmen/komitmen_sql.hpp"
#include "metrics/sql.hpp"

namespace smedash::komitmen::repository {
namespace {

using metrics::sql::ArrayLiteral;

std::optional<std::string> Optional(const pqxx::field& field) {
  if (field.is_null()) return std::nullopt;
  return field.as<std::string>();
}

StoredUpload ReadUpload(const pqxx::row& row) {
  StoredUpload upload;
  auto& record = upload.record;
  record.id = row[0].as<std::int64_t>();
  record.month = core::Date::ParseIso(row[1].as<std::string>()).value_or(core::Date());
  record.file_name = row[2].as<std::string>();
  record.status = row[3].as<std::string>();
  record.units = row[4].as<int>();
  record.rejected = row[5].as<int>();
  record.edits = row[6].as<int>();
  record.uploaded_by = row[7].as<std::string>();
  record.uploaded_at = row[8].as<std::string>();
  record.ended_at = Optional(row[9]);
  upload.issues_json = row[10].as<std::string>();
  return upload;
}

// Only values we wrote (numeric(20,2) text) reach here; a stored value Money cannot hold
// would be a bug in the writer, so it fails loudly.
core::Money StoredMoney(const std::string& text) {
  auto money = core::Money::Parse(text);
  if (!money) throw std::runtime_error("komitmen: stored target out of range: " + text);
  return *money;
}

}  // namespace

void LockMonth(pqxx::transaction_base& tx, core::Date month) {
  static const std::string kSql = sql::Query("komitmen_lock_month.sql");
  tx.exec_params(kSql, month.ToIso());
}

std::vector<StoredUpload> Uploads(pqxx::transaction_base& tx) {
  static const std::string kSql = sql::Query("komitmen_uploads.sql");
  std::vector<StoredUpload> uploads;
  for (const auto& row : tx.exec_params(kSql)) uploads.push_back(ReadUpload(row));
  return uploads;
}

std::optional<StoredUpload> CurrentUpload(pqxx::transaction_base& tx, core::Date month) {
  static const std::string kSql = sql::Query("komitmen_current_upload.sql");
  const auto rows = tx.exec_params(kSql, month.ToIso());
  if (rows.empty()) return std::nullopt;
  return ReadUpload(rows[0]);
}

std::vector<MonthUnit> MonthUnits(pqxx::transaction_base& tx, core::Date month) {
  static const std::string kSql = sql::Query("komitmen_month_targets.sql");
  std::vector<MonthUnit> units;
  for (const auto& row : tx.exec_params(kSql, month.ToIso())) {
    const auto code = row[0].as<std::string>();
    if (units.empty() || units.back().kode_uker != code) {
      units.push_back({code,
                       row[1].as<std::string>(),
                       row[2].as<std::string>(),
                       row[3].as<std::string>(),
                       row[4].as<std::uint64_t>(),
                       row[5].as<bool>(),
                       {}});
    }
    if (row[6].is_null()) continue;
    const auto group = ParseGroupCode(row[6].as<std::string>());
    const auto measure = ParseMeasureCode(row[7].as<std::string>());
    if (!group || !measure) continue;  // the table's CHECK allows no other codes
    units.back().values[TargetIndex(*group, *measure)] = StoredMoney(row[8].as<std::string>());
  }
  return units;
}

std::set<std::string> KnownUnits(pqxx::transaction_base& tx,
                                 const std::vector<std::string>& codes) {
  static const std::string kSql = sql::Query("komitmen_known_units.sql");
  std::set<std::string> known;
  for (const auto& row : tx.exec_params(kSql, ArrayLiteral(codes))) {
    known.insert(row[0].as<std::string>());
  }
  return known;
}

std::vector<HierarchyUnit> HierarchyUnits(pqxx::transaction_base& tx) {
  static const std::string kSql = sql::Query("komitmen_hierarchy_units.sql");
  std::vector<HierarchyUnit> units;
  for (const auto& row : tx.exec_params(kSql)) {
    units.push_back({row[0].as<std::string>(), row[1].as<std::string>(), row[2].as<std::string>(),
                     row[3].as<std::string>()});
  }
  return units;
}

void ClearMonth(pqxx::transaction_base& tx, core::Date month) {
  static const std::string kSql = sql::Query("komitmen_clear_month.sql");
  tx.exec_params0(kSql, month.ToIso());
}

void ReplaceMonth(pqxx::transaction_base& tx, core::Date month,
                  const std::vector<MonthUnit>& units) {
  static const std::string kUnits = sql::Query("komitmen_insert_units.sql");
  static const std::string kTargets = sql::Query("komitmen_insert_targets.sql");
  ClearMonth(tx, month);
  std::vector<std::string> codes, kanca_codes, kancas, names, lines;
  std::vector<std::string> target_codes, groups, measures, values;
  for (const auto& unit : units) {
    codes.push_back(unit.kode_uker);
    kanca_codes.push_back(unit.kode_kanca);
    kancas.push_back(unit.kanca);
    names.push_back(unit.uker);
    lines.push_back(std::to_string(unit.line));
    for (std::size_t index = 0; index < kTargetColumns; ++index) {
      if (!unit.values[index]) continue;
      target_codes.push_back(unit.kode_uker);
      groups.emplace_back(GroupCode(GroupAt(index)));
      measures.emplace_back(MeasureCode(MeasureAt(index)));
      values.push_back(unit.values[index]->ToString());
    }
  }
  const auto iso = month.ToIso();
  tx.exec_params0(kUnits, iso, ArrayLiteral(codes), ArrayLiteral(kanca_codes), ArrayLiteral(kancas),
                  ArrayLiteral(names), ArrayLiteral(lines));
  tx.exec_params0(kTargets, iso, ArrayLiteral(target_codes), ArrayLiteral(groups),
                  ArrayLiteral(measures), ArrayLiteral(values));
}

void EndUpload(pqxx::transaction_base& tx, std::int64_t id, const std::string& status) {
  static const std::string kSql = sql::Query("komitmen_end_upload.sql");
  tx.exec_params0(kSql, id, status);
}

std::int64_t InsertUpload(pqxx::transaction_base& tx, const NewUpload& upload) {
  static const std::string kSql = sql::Query("komitmen_insert_upload.sql");
  // libpqxx 6 binds a null `const char*` as SQL NULL (an upload from no signed-in user).
  const std::string user_id = std::to_string(upload.user_id);
  const char* uploaded_by = upload.user_id > 0 ? user_id.c_str() : nullptr;
  return tx
      .exec_params1(kSql, upload.month.ToIso(), upload.file_name, upload.units, upload.rejected,
                    upload.issues_json, uploaded_by, upload.username)[0]
      .as<std::int64_t>();
}

void SetTarget(pqxx::transaction_base& tx, core::Date month, const std::string& kode_uker,
               TargetGroup group, Measure measure, const std::optional<core::Money>& value) {
  static const std::string kUpsert = sql::Query("komitmen_upsert_target.sql");
  static const std::string kDelete = sql::Query("komitmen_delete_target.sql");
  const std::string group_code(GroupCode(group));
  const std::string measure_code(MeasureCode(measure));
  if (value) {
    tx.exec_params0(kUpsert, month.ToIso(), kode_uker, group_code, measure_code, value->ToString());
  } else {
    tx.exec_params0(kDelete, month.ToIso(), kode_uker, group_code, measure_code);
  }
}

int CountEdit(pqxx::transaction_base& tx, std::int64_t upload_id) {
  static const std::string kSql = sql::Query("komitmen_count_edit.sql");
  return tx.exec_params1(kSql, upload_id)[0].as<int>();
}

}  // namespace smedash::komitmen::repository
