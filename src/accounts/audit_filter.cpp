#include "accounts/audit_filter.hpp"

#include <charconv>

namespace smedash::accounts {
namespace {

constexpr std::size_t kMaxActionLength = 64;

std::optional<std::int64_t> PositiveId(const std::string& text) {
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value <= 0) return std::nullopt;
  return value;
}

// Actions are written by our code as "category.verb" in lower case; anything else cannot
// match an entry, so it is a mistake in the URL rather than an empty result.
bool IsActionName(const std::string& text) {
  if (text.empty() || text.size() > kMaxActionLength) return false;
  if (text.front() == '.' || text.back() == '.') return false;
  char previous = 0;
  for (const char c : text) {
    const bool allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
    if (!allowed || (c == '.' && previous == '.')) return false;
    previous = c;
  }
  return true;
}

std::string Trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

// The parameter's trimmed value, or nothing when it is absent or blank.
std::optional<std::string> Param(const http::Request& request, std::string_view name) {
  auto value = request.Query(name);
  if (!value) return std::nullopt;
  std::string text = Trimmed(*value);
  if (text.empty()) return std::nullopt;
  return text;
}

std::optional<AuditQueryError> ReadFilter(const http::Request& request, AuditFilter& filter) {
  if (auto actor = Param(request, "actor")) {
    if (*actor == "none") {
      filter.without_actor = true;
    } else if (!(filter.actor_id = PositiveId(*actor))) {
      return AuditQueryError{"actor"};
    }
  }
  if (auto action = Param(request, "action")) {
    if (!IsActionName(*action)) return AuditQueryError{"action"};
    filter.action = std::move(action);
  }
  for (auto [name, date] : {std::pair{"from", &filter.from}, std::pair{"to", &filter.to}}) {
    if (auto text = Param(request, name)) {
      if (!(*date = core::Date::ParseIso(*text))) return AuditQueryError{name};
    }
  }
  if (filter.from && filter.to && *filter.from > *filter.to) return AuditQueryError{"to"};
  if (auto text = Param(request, "q")) {
    if (text->size() > kAuditMaxTextFilter) return AuditQueryError{"q"};
    filter.text = std::move(text);
  }
  return std::nullopt;
}

}  // namespace

std::variant<AuditPageRequest, AuditQueryError> ParseAuditQuery(const http::Request& request) {
  AuditPageRequest page;
  if (auto error = ReadFilter(request, page.filter)) return *error;
  for (auto [name, cursor] : {std::pair{"before", &page.before}, std::pair{"after", &page.after}}) {
    if (auto text = Param(request, name)) {
      if (!(*cursor = PositiveId(*text))) return AuditQueryError{name};
    }
  }
  if (page.before && page.after) return AuditQueryError{"after"};
  if (auto text = Param(request, "limit")) {
    const auto limit = PositiveId(*text);
    if (!limit || *limit > kAuditMaxPageSize) return AuditQueryError{"limit"};
    page.limit = static_cast<int>(*limit);
  }
  return page;
}

}  // namespace smedash::accounts
