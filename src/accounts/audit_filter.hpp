//! The audit log's filters and page position as the URL carries them: who (actor), what
//! (an action or its category), when (local dates), free text, and the keyset cursor.
//! Pure: read from the query string, checked, no database.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <variant>

#include "core/date.hpp"
#include "http/request.hpp"

namespace smedash::accounts {

constexpr int kAuditPageSize = 50;
constexpr int kAuditMaxPageSize = 200;
constexpr std::size_t kAuditMaxTextFilter = 200;

struct AuditFilter {
  std::optional<std::int64_t> actor_id;  // ?actor=12
  // ?actor=none: entries no signed-in user made (the command line, failed sign-ins of
  // unknown usernames).
  bool without_actor = false;
  // ?action=auth (a category: every "auth.*") or ?action=auth.sign_in (one action).
  std::optional<std::string> action;
  std::optional<core::Date> from;  // ?from=yyyy-mm-dd, a day in the display time zone
  std::optional<core::Date> to;    // ?to=yyyy-mm-dd, inclusive
  // ?q=: found in the actor's name, the target, the detail or the address, any case.
  std::optional<std::string> text;
};

struct AuditPageRequest {
  AuditFilter filter;
  std::optional<std::int64_t> before;  // ?before=id: the page of entries older than id
  std::optional<std::int64_t> after;   // ?after=id: the page of entries newer than id
  int limit = kAuditPageSize;          // ?limit=1..200
};

// The query parameter that is wrong ("actor", "from", ...).
struct AuditQueryError {
  std::string parameter;
};

// Empty parameters count as absent, so a form submitted with blank fields means "all".
std::variant<AuditPageRequest, AuditQueryError> ParseAuditQuery(const http::Request& request);

}  // namespace smedash::accounts
