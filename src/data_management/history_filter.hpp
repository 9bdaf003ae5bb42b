//! Reads the upload history's filters from a query string: status, uploader ("cli" for the
//! command line), from/to (yyyy-mm-dd), name, page, per_page. No HTTP types, so the rules
//! stay apart from the handler.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "data_management/history_types.hpp"

namespace smedash::data_management {

// A query parameter's decoded value, or nothing when absent.
using QueryLookup = std::function<std::optional<std::string>(std::string_view name)>;

// Absent and empty parameters mean "no filter"; anything else must be valid, or the first
// parameter at fault is named (history.error.* keys).
std::variant<HistoryFilter, FilterProblem> ParseHistoryFilter(const QueryLookup& query);

}  // namespace smedash::data_management
