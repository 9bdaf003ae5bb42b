//! What the komitmen pages and API pass around (issue 6): an upload in the history, a
//! month's units and targets as stored, and the words for a month in URLs and JSON
//! ("2025-11"). No SQL, no HTTP.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "komitmen/target_layout.hpp"

namespace smedash::komitmen {

// "2025-11" → 2025-11-01; nothing for anything else (the month of a URL or a form).
std::optional<core::Date> ParseMonthText(std::string_view text);
// 2025-11-01 → "2025-11".
std::string MonthText(core::Date month);

// One upload of a month's target file, as the history lists it.
struct UploadRecord {
  std::int64_t id = 0;
  core::Date month;
  std::string file_name;
  std::string status;  // "current", "replaced", "deleted"
  int units = 0;
  int rejected = 0;
  int edits = 0;
  std::string uploaded_by;              // username at the time
  std::string uploaded_at;              // ISO-8601 UTC
  std::optional<std::string> ended_at;  // when replaced or deleted
};

// A unit of a month with its targets, as stored (amounts in rupiah, DEB in debtors).
struct MonthUnit {
  std::string kode_uker;
  std::string kode_kanca;
  std::string kanca;
  std::string uker;
  std::uint64_t line = 0;
  bool known = true;  // in the unit hierarchy
  TargetValues values;
};

}  // namespace smedash::komitmen
