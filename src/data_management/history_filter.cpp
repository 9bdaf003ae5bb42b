#include "data_management/history_filter.hpp"

#include <array>
#include <charconv>
#include <cstdint>

#include "core/limits.hpp"
#include "ingest/validate/text_util.hpp"

namespace smedash::data_management {
namespace {

// Every status the uploads table allows (migrations/0002_loan_data.sql).
constexpr std::array<std::string_view, 6> kStatuses = {"staged",    "queued", "processing",
                                                       "completed", "failed", "cancelled"};

// The parameter trimmed, or nothing when it is absent or blank.
std::optional<std::string> Value(const QueryLookup& query, std::string_view name) {
  const auto raw = query(name);
  if (!raw) return std::nullopt;
  const auto trimmed = ingest::Trim(*raw);
  if (trimmed.empty()) return std::nullopt;
  return std::string(trimmed);
}

template <typename T>
std::optional<T> WholeNumber(const std::string& text) {
  T value{};
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

FilterProblem Problem(std::string field, std::string key,
                      std::map<std::string, std::string> args = {}) {
  return {std::move(field), std::move(key), std::move(args)};
}

std::optional<FilterProblem> ReadStatus(const QueryLookup& query, HistoryFilter& filter) {
  filter.status = Value(query, "status");
  if (!filter.status) return std::nullopt;
  for (const auto status : kStatuses) {
    if (*filter.status == status) return std::nullopt;
  }
  return Problem("status", "history.error.status");
}

std::optional<FilterProblem> ReadUploader(const QueryLookup& query, HistoryFilter& filter) {
  const auto uploader = Value(query, "uploader");
  if (!uploader) return std::nullopt;
  if (*uploader == "cli") {
    filter.command_line = true;
    return std::nullopt;
  }
  filter.uploader_id = WholeNumber<std::int64_t>(*uploader);
  if (!filter.uploader_id || *filter.uploader_id <= 0) {
    return Problem("uploader", "history.error.uploader");
  }
  return std::nullopt;
}

std::optional<FilterProblem> ReadDate(const QueryLookup& query, std::string_view name,
                                      std::optional<core::Date>& date) {
  const auto text = Value(query, name);
  if (!text) return std::nullopt;
  date = core::Date::ParseIso(*text);
  if (!date) return Problem(std::string(name), "history.error.date");
  return std::nullopt;
}

std::optional<FilterProblem> ReadName(const QueryLookup& query, HistoryFilter& filter) {
  filter.name = Value(query, "name");
  if (filter.name && filter.name->size() > core::limits::kMaxTextField) {
    return Problem("name", "history.error.name",
                   {{"max", std::to_string(core::limits::kMaxTextField)}});
  }
  return std::nullopt;
}

std::optional<FilterProblem> ReadPaging(const QueryLookup& query, HistoryFilter& filter) {
  if (const auto page = Value(query, "page")) {
    const auto number = WholeNumber<int>(*page);
    if (!number || *number < 1) return Problem("page", "history.error.page");
    filter.page = *number;
  }
  if (const auto per_page = Value(query, "per_page")) {
    const auto number = WholeNumber<int>(*per_page);
    if (!number || *number < 1 || *number > HistoryFilter::kMaxPerPage) {
      return Problem("per_page", "history.error.per_page",
                     {{"max", std::to_string(HistoryFilter::kMaxPerPage)}});
    }
    filter.per_page = *number;
  }
  return std::nullopt;
}

}  // namespace

std::variant<HistoryFilter, FilterProblem> ParseHistoryFilter(const QueryLookup& query) {
  HistoryFilter filter;
  if (auto problem = ReadStatus(query, filter)) return *problem;
  if (auto problem = ReadUploader(query, filter)) return *problem;
  if (auto problem = ReadDate(query, "from", filter.from)) return *problem;
  if (auto problem = ReadDate(query, "to", filter.to)) return *problem;
  if (filter.from && filter.to && *filter.to < *filter.from) {
    return Problem("to", "history.error.range");
  }
  if (auto problem = ReadName(query, filter)) return *problem;
  if (auto problem = ReadPaging(query, filter)) return *problem;
  return filter;
}

}  // namespace smedash::data_management
