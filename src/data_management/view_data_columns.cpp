#include "data_management/view_data_columns.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "ingest/columns.hpp"

namespace smedash::data_management::view_data {
namespace {

ValueType TypeOf(ingest::ValueKind kind) {
  switch (kind) {
    case ingest::ValueKind::kPositionDate:
    case ingest::ValueKind::kDate:
      return ValueType::kDate;
    case ingest::ValueKind::kAmount:
      return ValueType::kAmount;
    case ingest::ValueKind::kRate:
      return ValueType::kRate;
    case ingest::ValueKind::kWholeNumber:
    case ingest::ValueKind::kGrade:
      return ValueType::kInteger;
    case ingest::ValueKind::kFlag:
      return ValueType::kFlag;
    case ingest::ValueKind::kCode:
    case ingest::ValueKind::kIdentifier:
    case ingest::ValueKind::kText:
      return ValueType::kText;
  }
  return ValueType::kText;
}

// migrations/0002_loan_data.sql's types, for casting a bound value like the column.
std::string_view SqlTypeOf(std::string_view name, ValueType type) {
  switch (type) {
    case ValueType::kDate:
      return "date";
    case ValueType::kAmount:
    case ValueType::kRate:
      return "numeric";
    case ValueType::kInteger:
      return name == "kol_adk" ? "smallint" : "integer";
    case ValueType::kFlag:
      return "boolean";
    case ValueType::kText:
      return "text";
  }
  return "text";
}

// NOT NULL in the schema; the rest may be empty in a file.
bool IsRequired(std::string_view name) {
  static constexpr std::string_view kNotNull[] = {"periode", "kanca", "kode_uker", "nomor_rekening",
                                                  "cif_no",  "code",  "kol_adk",   "os"};
  return std::find(std::begin(kNotNull), std::end(kNotNull), name) != std::end(kNotNull);
}

// What the table shows: who, where, which loan, its grade and its money.
bool IsShown(std::string_view name) {
  static constexpr std::string_view kShown[] = {
      "periode",      "kanca",  "kode_uker",      "uker",    "nomor_rekening",
      "nama_debitur", "cif_no", "code",           "kol_adk", "flag_restruk",
      "plafon",       "os",     "tgl_jatuh_tempo"};
  return std::find(std::begin(kShown), std::end(kShown), name) != std::end(kShown);
}

std::vector<ViewColumn> BuildColumns() {
  std::vector<ViewColumn> columns;
  for (const auto& spec : ingest::Columns()) {
    const ValueType type = TypeOf(spec.kind);
    columns.push_back({spec.db_name, spec.header, type, SqlTypeOf(spec.db_name, type),
                       !IsRequired(spec.db_name), IsShown(spec.db_name)});
  }
  // The file's OS cell is os_reported ("OS"); `os` is what every figure counts: OS, else
  // the sum of the five KOLEKTIBILITAS amounts (domain.md section 5).
  columns.push_back({"os", "OS EFEKTIF", ValueType::kAmount, "numeric", false, true});
  return columns;
}

}  // namespace

const std::vector<ViewColumn>& ViewColumns() {
  static const std::vector<ViewColumn> columns = BuildColumns();
  return columns;
}

const ViewColumn* FindShownColumn(std::string_view name) {
  for (const auto& column : ViewColumns()) {
    if (column.shown && column.name == name) return &column;
  }
  return nullptr;
}

const ViewColumn& ColumnNamed(std::string_view name) {
  for (const auto& column : ViewColumns()) {
    if (column.name == name) return column;
  }
  throw std::logic_error("view data: no column " + std::string(name));
}

const std::vector<std::string_view>& SearchedIdentifierColumns() {
  static const std::vector<std::string_view> columns = [] {
    std::vector<std::string_view> names = {"nomor_rekening", "cif_no"};
    for (const auto& spec : ingest::Columns()) {
      if (spec.db_name.starts_with("pn_")) names.push_back(spec.db_name);
    }
    return names;
  }();
  return columns;
}

}  // namespace smedash::data_management::view_data
