//! The komitmen (target) columns of the OS and Summary exports (issue 6,
//! docs/dashboard-api.md): present only when the answer's top-level "komitmen" is not null,
//! as on the pages; after the comparison block.
#pragma once
#include <boost/json/object.hpp>
#include <string>
#include <vector>

#include "dashboard/export/export_context.hpp"
#include "dashboard/export/export_table.hpp"

namespace smedash::dashboard::exports {

// Whether the answer has targets to show (its "komitmen" is an object).
bool HasKomitmen(const boost::json::object& data);

// "Komitmen Okt'25", "% Ach", "Gap" (the month of data's "komitmen").
std::vector<std::string> KomitmenTitles(const boost::json::object& data,
                                        const ExportContext& context);

// The row's target and gap (in the metric's kind, the gap a change) and % Ach; missing
// when the row has no target.
std::vector<Cell> KomitmenCells(const boost::json::object& row, NumberKind kind,
                                const ExportContext& context);

}  // namespace smedash::dashboard::exports
