//! The empty komitmen file admins download and fill in: the bank's layout
//! (target_layout.hpp), one row per unit the dashboards know, every target cell empty.
#pragma once
#include <string>
#include <vector>

namespace smedash::komitmen {

struct TemplateUnit {
  std::string kode_kanca, kode_uker, kanca, uker;
};

// Row 1: the group labels over E, J, O and T (each merged over its five columns); row 2:
// KODE KANCA, KODE UKER, NAMA KANCA, NAMA UKER, then DEB OS PL NPL DPK four times; then the
// units in the order given, codes and names as text. Throws std::runtime_error when
// libxlsxwriter fails.
std::string TemplateXlsx(const std::vector<TemplateUnit>& units);
// The same rows as CSV: ',' delimited (core::CsvField), CRLF line ends.
std::string TemplateCsv(const std::vector<TemplateUnit>& units);

}  // namespace smedash::komitmen
