//! The comparison block every dashboard table shares (docs/dashboard-api.md): the compared
//! dates A..E and Y, the value columns A..E and the changes DtD, MoM, MtD, YtD, YoY with
//! their % (domain.md 6-7), as column titles, row cells and header-block lines.
#pragma once
#include <boost/json/object.hpp>
#include <string>
#include <vector>

#include "dashboard/export/export_context.hpp"
#include "dashboard/export/export_table.hpp"

namespace smedash::dashboard::exports {

// "09-Okt-25" for each of A..E ("–" when not loaded), then DtD, %, MoM, %, MtD, %, YtD, %,
// YoY, %. `columns` may be nullptr (nothing loaded).
std::vector<std::string> ComparisonTitles(const boost::json::object* columns,
                                          const ExportContext& context);

// The row's "values" A..E and its "changes", each change as its value (in the metric's
// kind: amount, percentage points or count) and its % (a growth, 1 decimal shown).
std::vector<Cell> ComparisonCells(const boost::json::object& row, NumberKind kind,
                                  const ExportContext& context);

// One header line per compared position, A..E and Y: what it is and its date.
void AddComparedDates(std::vector<HeaderLine>& header, const boost::json::object* columns,
                      const ExportContext& context);

}  // namespace smedash::dashboard::exports
