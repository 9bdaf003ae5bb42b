#include "data_management/view_data_request.hpp"

#include <sodium.h>

#include <algorithm>
#include <boost/json.hpp>
#include <charconv>
#include <cstring>
#include <regex>
#include <vector>

#include "data_management/reference_data.hpp"
#include "ingest/source/text_encoding.hpp"
#include "ingest/validate/text_util.hpp"

namespace smedash::data_management::view_data {
namespace {

constexpr std::string_view kSegments[] = {"MEDIUM", "SMALL NCC", "CC", "KUR"};
// A cursor's text value: the longest cell the loader stores (1,000 characters) in UTF-8.
constexpr std::size_t kMaxCursorValueBytes = 4 * 1000;
constexpr std::size_t kMaxCursorBytes = 8 * 1024;

RequestProblem Problem(std::string field, std::string key,
                       std::map<std::string, std::string> args = {}) {
  return RequestProblem{std::move(field), std::move(key), std::move(args), "validation"};
}

bool HasControl(std::string_view text) {
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f) return true;
  }
  return false;
}

// Free text from the query string: valid UTF-8 without control characters, so it can be
// bound as a parameter without the database refusing it.
bool IsCleanText(std::string_view text) { return ingest::IsValidUtf8(text) && !HasControl(text); }

std::optional<std::string> Present(const QueryLookup& query, std::string_view name) {
  auto value = query(name);
  if (!value || ingest::Trim(*value).empty()) return std::nullopt;
  return std::string(ingest::Trim(*value));
}

std::optional<RequestProblem> ReadPosition(const QueryLookup& query, ViewFilters& filters) {
  const auto text = Present(query, "position");
  if (!text || *text == "latest") return std::nullopt;
  if (*text == "all") {
    filters.scope = ViewFilters::Scope::kAll;
    return std::nullopt;
  }
  const auto date = core::Date::ParseIso(*text);
  if (!date) return Problem("position", "view_data.error.position");
  filters.scope = ViewFilters::Scope::kDate;
  filters.position = date;
  return std::nullopt;
}

std::optional<RequestProblem> ReadCodes(const QueryLookup& query, ViewFilters& filters) {
  if (auto kanca = Present(query, "kanca")) {
    if (!IsCleanText(*kanca) || kanca->size() > kMaxCursorValueBytes) {
      return Problem("kanca", "view_data.error.kanca");
    }
    filters.kanca = std::move(kanca);
  }
  if (auto unit = Present(query, "unit")) {
    auto code = IsCleanText(*unit) ? NormalizeCodeText(*unit) : std::nullopt;
    if (!code) return Problem("unit", "view_data.error.unit");
    filters.unit = std::move(code);
  }
  return std::nullopt;
}

std::optional<RequestProblem> ReadSegmentAndGrade(const QueryLookup& query, ViewFilters& filters) {
  if (auto segment = Present(query, "segment")) {
    if (std::find(std::begin(kSegments), std::end(kSegments), *segment) == std::end(kSegments)) {
      return Problem("segment", "view_data.error.segment");
    }
    filters.segment = std::move(segment);
  }
  if (auto grade = Present(query, "grade")) {
    int value = 0;
    auto [end, ec] = std::from_chars(grade->data(), grade->data() + grade->size(), value);
    if (ec != std::errc() || end != grade->data() + grade->size() || value < 1 || value > 5) {
      return Problem("grade", "view_data.error.grade");
    }
    filters.grade = value;
  }
  return std::nullopt;
}

std::optional<RequestProblem> ReadSearch(const QueryLookup& query, ViewFilters& filters) {
  auto text = Present(query, "q");
  if (!text) return std::nullopt;
  if (!IsCleanText(*text)) return Problem("q", "view_data.error.search");
  if (ingest::CodePoints(*text) > kMaxSearchLength) {
    return Problem("q", "view_data.error.search_length",
                   {{"max", std::to_string(kMaxSearchLength)}});
  }
  filters.search = std::move(*text);
  return std::nullopt;
}

// A sort value as PostgreSQL writes the column's type, so casting it back cannot fail.
bool ValueFits(const ViewColumn& column, std::string_view value) {
  static const std::regex kDecimal(R"(-?[0-9]{1,30}(\.[0-9]{1,10})?)");
  static const std::regex kInteger(R"(-?[0-9]{1,10})");
  switch (column.type) {
    case ValueType::kDate:
      return core::Date::ParseIso(value).has_value();
    case ValueType::kAmount:
    case ValueType::kRate:
      return std::regex_match(value.begin(), value.end(), kDecimal);
    case ValueType::kInteger:
      return std::regex_match(value.begin(), value.end(), kInteger);
    case ValueType::kFlag:
      return value == "t" || value == "f";
    case ValueType::kText:
      return value.size() <= kMaxCursorValueBytes && ingest::IsValidUtf8(value) &&
             !ingest::ContainsNul(value);
  }
  return false;
}

std::string ToBase64Url(std::string_view bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING),
                  '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(std::strlen(out.c_str()));
  return out;
}

std::optional<std::string> FromBase64Url(std::string_view text) {
  std::string out(text.size(), '\0');
  std::size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), nullptr, &length, nullptr,
                        sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0) {
    return std::nullopt;
  }
  out.resize(length);
  return out;
}

std::optional<std::string> StringField(const boost::json::object& object, std::string_view key) {
  const auto* value = object.if_contains(key);
  if (value == nullptr || !value->is_string()) return std::nullopt;
  return std::string(value->as_string());
}

}  // namespace

Parsed<ViewFilters> ParseFilters(const QueryLookup& query) {
  ViewFilters filters;
  for (const auto& read : {ReadPosition, ReadCodes, ReadSegmentAndGrade, ReadSearch}) {
    if (auto problem = read(query, filters)) return std::move(*problem);
  }
  return filters;
}

Parsed<SortOrder> ParseSort(const QueryLookup& query) {
  SortOrder sort;
  const auto name = Present(query, "sort");
  sort.column = FindShownColumn(name.value_or(std::string(kPeriode)));
  if (sort.column == nullptr) return Problem("sort", "view_data.error.sort");
  const auto dir = Present(query, "dir");
  if (!dir) {
    // Newest position first; any other column from its smallest value.
    sort.descending = sort.column->name == kPeriode;
  } else if (*dir == "asc" || *dir == "desc") {
    sort.descending = *dir == "desc";
  } else {
    return Problem("dir", "view_data.error.sort");
  }
  return sort;
}

Parsed<PageRequest> ParsePageRequest(const QueryLookup& query) {
  PageRequest request;
  auto filters = ParseFilters(query);
  if (auto* problem = std::get_if<RequestProblem>(&filters)) return std::move(*problem);
  request.filters = std::move(std::get<ViewFilters>(filters));
  auto sort = ParseSort(query);
  if (auto* problem = std::get_if<RequestProblem>(&sort)) return std::move(*problem);
  request.sort = std::get<SortOrder>(sort);

  const auto after = Present(query, "after");
  const auto before = Present(query, "before");
  if (after && before) return Problem("before", "view_data.error.cursor");
  if (!after && !before) return request;
  const std::string field = after ? "after" : "before";
  auto cursor = DecodeCursor(after ? *after : *before);
  // A cursor is a place in one order: after a change of sort the page starts over.
  if (!cursor || cursor->sort != request.sort.column->name ||
      cursor->descending != request.sort.descending) {
    return Problem(field, "view_data.error.cursor");
  }
  request.direction = after ? PageDirection::kAfter : PageDirection::kBefore;
  request.cursor = std::move(cursor);
  return request;
}

std::string EncodeCursor(const Cursor& cursor) {
  boost::json::object object{{"s", cursor.sort},
                             {"d", cursor.descending ? "desc" : "asc"},
                             {"p", cursor.periode.ToIso()},
                             {"a", cursor.account}};
  if (cursor.value) {
    object["v"] = *cursor.value;
  } else {
    object["v"] = nullptr;
  }
  return ToBase64Url(boost::json::serialize(object));
}

std::optional<Cursor> DecodeCursor(std::string_view text) {
  if (text.empty() || text.size() > kMaxCursorBytes) return std::nullopt;
  const auto json = FromBase64Url(text);
  if (!json) return std::nullopt;
  boost::json::error_code error;
  const auto parsed = boost::json::parse(*json, error);
  if (error || !parsed.is_object()) return std::nullopt;
  const auto& object = parsed.as_object();
  Cursor cursor;
  const auto sort = StringField(object, "s");
  const auto dir = StringField(object, "d");
  const auto periode = StringField(object, "p");
  const auto account = StringField(object, "a");
  const auto* value = object.if_contains("v");
  if (!sort || !dir || !periode || !account || value == nullptr) return std::nullopt;
  const ViewColumn* column = FindShownColumn(*sort);
  const auto date = core::Date::ParseIso(*periode);
  if (column == nullptr || (*dir != "asc" && *dir != "desc") || !date) return std::nullopt;
  if (!ValueFits(ColumnNamed(kAccount), *account) || account->empty()) return std::nullopt;
  cursor.sort = *sort;
  cursor.descending = *dir == "desc";
  cursor.periode = *date;
  cursor.account = *account;
  if (value->is_string()) {
    cursor.value = std::string(value->as_string());
    if (!ValueFits(*column, *cursor.value)) return std::nullopt;
  } else if (!value->is_null() || !column->nullable) {
    return std::nullopt;
  }
  return cursor;
}

std::string EscapeLike(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (c == '\\' || c == '%' || c == '_') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace smedash::data_management::view_data
