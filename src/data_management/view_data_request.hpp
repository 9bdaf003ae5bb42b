//! A View data request as the API receives it, checked once at the edge: the filters, the
//! search text, the sort and the page cursor. Everything deeper takes these types, never
//! the raw query string; a value that does not fit is a RequestProblem naming its field.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "core/date.hpp"
#include "data_management/view_data_columns.hpp"

namespace smedash::data_management::view_data {

struct ViewFilters {
  enum class Scope { kLatest, kAll, kDate };
  Scope scope = Scope::kLatest;        // default: the latest loaded position
  std::optional<core::Date> position;  // set for kDate
  std::optional<std::string> kanca;    // a kanca's id as the dashboards name it (code or "k:…")
  std::optional<std::string> unit;     // KODE UKER, normalised as the loader stores it
  std::optional<std::string> segment;  // MEDIUM, SMALL NCC, CC or KUR
  std::optional<int> grade;            // KOL_ADK 1..5
  std::string search;                  // trimmed; empty = no search
};

struct SortOrder {
  const ViewColumn* column = nullptr;
  bool descending = false;
};

// Where a page starts: the last row of the page before it (or the first row of the page
// after it), by the sort's value and the primary key, so the database seeks to it instead
// of counting rows (OFFSET). Opaque to clients: base64url JSON, checked when read back.
struct Cursor {
  std::string sort;  // the sort column it was made for
  bool descending = false;
  std::optional<std::string> value;  // the row's sort value as PostgreSQL writes it; none = NULL
  core::Date periode;
  std::string account;
};

enum class PageDirection { kFirst, kAfter, kBefore };

struct PageRequest {
  ViewFilters filters;
  SortOrder sort;
  PageDirection direction = PageDirection::kFirst;
  std::optional<Cursor> cursor;  // set unless kFirst
};

struct RequestProblem {
  std::string field;  // the query parameter at fault
  std::string key;    // translation key of the message
  std::map<std::string, std::string> args;
  std::string code = "validation";  // the API's error code
};

template <typename T>
using Parsed = std::variant<T, RequestProblem>;

// Reads one query parameter (decoded), nothing when absent.
using QueryLookup = std::function<std::optional<std::string>(std::string_view name)>;

inline constexpr std::size_t kMaxSearchLength = 100;  // characters

// position=yyyy-mm-dd|all (absent: the latest), kanca, unit, segment, grade, q.
Parsed<ViewFilters> ParseFilters(const QueryLookup& query);
// sort=<shown column> (default periode), dir=asc|desc (default desc for periode, else asc).
Parsed<SortOrder> ParseSort(const QueryLookup& query);
// The filters and sort, plus after=CURSOR (the next page) or before=CURSOR (the previous).
Parsed<PageRequest> ParsePageRequest(const QueryLookup& query);

std::string EncodeCursor(const Cursor& cursor);
// Nothing unless `text` is a cursor this code wrote: valid JSON, a known sort column, a
// date, and a value of the column's type (so binding it can never fail in the database).
std::optional<Cursor> DecodeCursor(std::string_view text);

// `text` escaped for LIKE/ILIKE (\ % _ taken literally).
std::string EscapeLike(std::string_view text);

}  // namespace smedash::data_management::view_data
