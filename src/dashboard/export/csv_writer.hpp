//! One export table as CSV text: RFC 4180, UTF-8 with a BOM, the UI language's number style.
#pragma once
#include <string>
#include <string_view>

#include "dashboard/export/export_table.hpp"

namespace smedash::dashboard::exports {

// The title, the header block (label, value), an empty line, the column titles, the rows.
// `lang` "id": ';' between fields, ',' as decimal mark, dates 09/10/2025; otherwise ',',
// '.', dates 2025-10-09. Missing values are "–"; text starting with = + - @ (or a tab or
// CR) gets a leading ' so a spreadsheet never runs it as a formula.
std::string WriteCsv(const Table& table, std::string_view lang);

}  // namespace smedash::dashboard::exports
