//! Export tables as one XLSX workbook (libxlsxwriter), one sheet per table.
#pragma once
#include <string>
#include <vector>

#include "dashboard/export/export_table.hpp"

namespace smedash::dashboard::exports {

// Each sheet: the title (bold), the header block (bold labels; dates as dates shown
// dd/mm/yyyy), an empty row, the column titles (bold, frozen with the label columns), then
// the rows (totals and section headers bold). Numbers are numbers with their display
// format (#,##0.00, 0.00, #,##0, change % 0.0; negative changes in parentheses); text is
// always written as text, so "=..." is never a formula. Throws std::runtime_error when
// libxlsxwriter fails.
std::string WriteXlsx(const std::vector<Table>& tables);

}  // namespace smedash::dashboard::exports
