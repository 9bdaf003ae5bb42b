//! One row of cells → the values loan_data stores, or the reasons it cannot be stored
//! (domain.md section 2, "Values"). Never throws for bad data: problems are RowIssues.
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ingest/columns.hpp"
#include "ingest/mapping/column_map.hpp"
#include "ingest/sheet.hpp"

namespace smedash::ingest {

enum class NumberStyle { kAuto, kIndonesian, kInternational };  // form/CLI: auto, id, en

struct RowIssue {
  std::uint64_t line = 0;        // 1-based file line; the header is line 1
  std::string column;            // canonical header ("PLAFON"), empty for the whole row
  std::string raw_value;         // the cell as found (cut to 200 characters)
  std::string reason_key;        // translation key, e.g. "ingest.reject.amount"
  std::map<std::string, std::string> args;  // placeholders of the message, e.g. {"expected"}
  bool rejects_row = true;       // false = a warning; the row is still loaded
};

struct ValidatedRow {
  // loan_data's value per column in PostgreSQL text form ("2025-10-09", "1234567.89",
  // "t"); none = NULL. Index with static_cast<std::size_t>(Column).
  std::array<std::optional<std::string>, kColumnCount> values;
  std::string periode;         // "yyyy-mm-dd"
  std::string nomor_rekening;
  std::string os;              // effective outstanding: the OS cell, else Σ KOLEKTIBILITAS
  std::string code;            // normalised CODE, for the segment and unknown-code report
};

class RowValidator {
 public:
  RowValidator(const ColumnMap& map, NumberStyle style, bool semicolon_delimited);

  // True with `out` filled when the row can be stored (warnings may be appended to
  // `issues`); false when it is rejected, the reasons appended to `issues`.
  bool Validate(const Row& cells, std::uint64_t line, ValidatedRow& out,
                std::vector<RowIssue>& issues);

  // The number style in force: the one set, or the one auto detected so far (kAuto while
  // still undecided).
  NumberStyle Style() const;
};

}  // namespace smedash::ingest
