#include "komitmen/target_file.hpp"

#include <optional>
#include <unordered_map>
#include <utility>

#include "data_management/reference_data.hpp"
#include "ingest/open_reader.hpp"
#include "ingest/validate/text_util.hpp"
#include "komitmen/region_total.hpp"
#include "komitmen/target_number.hpp"

namespace smedash::komitmen {
namespace {

constexpr std::size_t kKodeKancaColumn = 0;   // A
constexpr std::size_t kKodeUkerColumn = 1;    // B
constexpr std::size_t kKancaColumn = 2;       // C
constexpr std::size_t kUkerColumn = 3;        // D
constexpr std::size_t kMaxValueLength = 200;  // code points of a cell shown back, as ingest

const ingest::Cell& CellAt(const ingest::Row& row, std::size_t column) {
  static const ingest::Cell kEmpty;
  return column < row.size() ? row[column] : kEmpty;
}

std::string Shown(const ingest::Cell& cell) {
  return std::string(ingest::CutCodePoints(cell.text, kMaxValueLength));
}

TargetIssue Issue(std::uint64_t line, std::size_t column, const ingest::Cell& cell,
                  std::string_view key) {
  return {line, ColumnLetter(column), Shown(cell), std::string(key), {}};
}

std::string_view NumberKey(TargetStatus status, ingest::NumberStyle style) {
  switch (status) {
    case TargetStatus::kAmbiguous:
      return file_key::kNumberAmbiguous;
    case TargetStatus::kWrongStyle:
      return style == ingest::NumberStyle::kIndonesian ? file_key::kNumberNotIndonesian
                                                       : file_key::kNumberNotInternational;
    case TargetStatus::kNegative:
      return file_key::kNegative;
    case TargetStatus::kTooLarge:
      return file_key::kTooLarge;
    default:
      return file_key::kNumber;
  }
}

// A code cell (A, B): a number cell or text, normalised as loan files' codes are.
enum class CodeFault { kNone, kMissing, kInvalid };
CodeFault ReadCode(const ingest::Cell& cell, std::string& code) {
  if (cell.kind == ingest::Cell::Kind::kDate || cell.kind == ingest::Cell::Kind::kBool) {
    return CodeFault::kInvalid;
  }
  const std::string_view trimmed = ingest::Trim(cell.text);
  if (trimmed.empty() || trimmed == "-") return CodeFault::kMissing;
  auto normalized = data_management::NormalizeCodeText(trimmed);
  if (!normalized) return CodeFault::kInvalid;
  code = std::move(*normalized);
  return CodeFault::kNone;
}

class TargetFileReader {
 public:
  explicit TargetFileReader(bool semicolon_delimited) : numbers_(semicolon_delimited) {}

  void Add(const ingest::Row& row, std::uint64_t line) {
    if (IsRegionTotalName(ingest::Trim(CellAt(row, kUkerColumn).text))) {
      regions_.push_back({line, row});  // read at the end, once the file's style is known
      ++file_.region_rows;
      return;
    }
    TargetRow target;
    target.line = line;
    if (auto fault = ReadUnit(row, target)) {
      file_.rejected.push_back(std::move(*fault));
      return;
    }
    const auto [first, inserted] = seen_.try_emplace(target.kode_uker, line);
    if (!inserted) {
      TargetIssue issue =
          Issue(line, kKodeUkerColumn, CellAt(row, kKodeUkerColumn), file_key::kDuplicate);
      issue.args["first_line"] = std::to_string(first->second);
      file_.rejected.push_back(std::move(issue));
      return;
    }
    file_.rows.push_back(std::move(target));
  }

  TargetFile Finish(std::string describe) && {
    for (const RegionRow& region : regions_) {
      CheckRegionTotal(region.line, region.cells, file_.rows, numbers_, file_.warnings);
    }
    file_.describe = std::move(describe);
    return std::move(file_);
  }

 private:
  struct RegionRow {
    std::uint64_t line;
    ingest::Row cells;
  };

  // The row's first fault, left to right; nothing when `target` is filled.
  std::optional<TargetIssue> ReadUnit(const ingest::Row& row, TargetRow& target) {
    const auto code_fault = [&](std::size_t column, std::string& code, std::string_view missing,
                                std::string_view invalid) -> std::optional<TargetIssue> {
      switch (ReadCode(CellAt(row, column), code)) {
        case CodeFault::kMissing:
          return Issue(target.line, column, CellAt(row, column), missing);
        case CodeFault::kInvalid:
          return Issue(target.line, column, CellAt(row, column), invalid);
        case CodeFault::kNone:
          break;
      }
      return std::nullopt;
    };
    if (auto fault = code_fault(kKodeKancaColumn, target.kode_kanca, file_key::kKodeKancaMissing,
                                file_key::kKodeKancaInvalid)) {
      return fault;
    }
    if (auto fault = code_fault(kKodeUkerColumn, target.kode_uker, file_key::kKodeUkerMissing,
                                file_key::kKodeUkerInvalid)) {
      return fault;
    }
    if (auto fault = ReadNames(row, target)) return fault;
    return ReadTargets(row, target);
  }

  // C (optional) and D (required), normalised as unit names are.
  static std::optional<TargetIssue> ReadNames(const ingest::Row& row, TargetRow& target) {
    const ingest::Cell& kanca = CellAt(row, kKancaColumn);
    if (!ingest::Trim(kanca.text).empty()) {
      auto name = data_management::NormalizeNameText(kanca.text);
      if (!name) return Issue(target.line, kKancaColumn, kanca, file_key::kNamaKancaInvalid);
      target.kanca = std::move(*name);
    }
    const ingest::Cell& uker = CellAt(row, kUkerColumn);
    if (ingest::Trim(uker.text).empty()) {
      return Issue(target.line, kUkerColumn, uker, file_key::kNamaUkerMissing);
    }
    auto name = data_management::NormalizeNameText(uker.text);
    if (!name) return Issue(target.line, kUkerColumn, uker, file_key::kNamaUkerInvalid);
    target.uker = std::move(*name);
    return std::nullopt;
  }

  // E-X. An ambiguous number ("1.234") waits for the rest of the row, which may settle the
  // file's style; the fault reported is the leftmost one.
  std::optional<TargetIssue> ReadTargets(const ingest::Row& row, TargetRow& target) {
    std::optional<std::pair<std::size_t, TargetStatus>> fault;
    std::vector<std::size_t> waiting;
    const auto read = [&](std::size_t index, bool last_try) {
      const TargetNumber number = numbers_.Read(CellAt(row, FileColumnOf(index)), MeasureAt(index));
      if (number.status == TargetStatus::kValue) {
        target.values[index] = number.value;
      } else if (number.status == TargetStatus::kAmbiguous && !last_try) {
        waiting.push_back(index);
      } else if (number.status != TargetStatus::kNone && (!fault || index < fault->first)) {
        fault = {index, number.status};
      }
    };
    for (std::size_t index = 0; index < kTargetColumns; ++index) read(index, false);
    for (const std::size_t index : waiting) read(index, true);  // no longer waits
    if (!fault) return std::nullopt;
    const std::size_t column = FileColumnOf(fault->first);
    TargetIssue issue =
        Issue(target.line, column, CellAt(row, column), NumberKey(fault->second, numbers_.Style()));
    issue.args["target"] = TargetName(fault->first);
    return issue;
  }

  TargetFile file_;
  TargetNumberReader numbers_;
  std::unordered_map<std::string, std::uint64_t> seen_;  // kode uker → its line
  std::vector<RegionRow> regions_;
};

}  // namespace

TargetFile ReadTargetFile(ingest::RowReader& reader) {
  TargetFileReader file(reader.SemicolonDelimited());
  bool any_data = false;
  ingest::Row row;
  while (reader.Next(row)) {
    // Spreadsheet row or CSV line numbers, so a blank first row does not eat a data row.
    if (reader.Line() <= kHeaderRows) continue;
    any_data = true;
    file.Add(row, reader.Line());
  }
  if (!any_data) {
    throw ingest::FileError(file_key::kNoRows, {}, "komitmen file without a data row");
  }
  return std::move(file).Finish(reader.Describe());
}

TargetFile ReadTargetFile(const std::filesystem::path& path, const std::string& original_name) {
  const auto reader = ingest::OpenReader(path, ingest::DetectFormat(path, original_name));
  return ReadTargetFile(*reader);
}

}  // namespace smedash::komitmen
