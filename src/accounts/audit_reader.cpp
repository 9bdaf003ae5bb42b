#include "accounts/audit_reader.hpp"

#include <algorithm>
#include <pqxx/pqxx>

namespace smedash::accounts {
namespace {

// A page and its neighbours' cursors are read from one snapshot.
using Snapshot = pqxx::transaction<pqxx::repeatable_read, pqxx::read_only>;

}  // namespace

AuditReader::AuditReader(db::Pool& pool, std::string timezone)
    : pool_(pool), timezone_(std::move(timezone)) {}

AuditPage AuditReader::Page(const AuditPageRequest& request) {
  auto lease = pool_.Acquire();
  Snapshot tx(*lease);
  const auto& filter = request.filter;
  // One entry more than the page shows tells whether another page follows.
  const auto wanted = static_cast<std::size_t>(request.limit);
  AuditPage page;
  if (request.after) {
    page.entries =
        audit_repository::Newer(tx, filter, timezone_, *request.after, request.limit + 1);
    if (page.entries.size() > wanted) {
      page.entries.resize(wanted);
      page.newer = page.entries.back().id;
    }
    std::reverse(page.entries.begin(), page.entries.end());
    const auto oldest = page.entries.empty() ? *request.after + 1 : page.entries.back().id;
    if (!audit_repository::Older(tx, filter, timezone_, oldest, 1).empty()) page.older = oldest;
  } else {
    page.entries =
        audit_repository::Older(tx, filter, timezone_, request.before, request.limit + 1);
    if (page.entries.size() > wanted) {
      page.entries.resize(wanted);
      page.older = page.entries.back().id;
    }
    // Nothing newer than the first page; otherwise look past the newest entry shown (or
    // the cursor, when this page came out empty).
    if (request.before) {
      const auto newest = page.entries.empty() ? *request.before - 1 : page.entries.front().id;
      if (!audit_repository::Newer(tx, filter, timezone_, newest, 1).empty()) page.newer = newest;
    }
  }
  return page;
}

std::optional<AuditRecord> AuditReader::Get(std::int64_t id) {
  auto lease = pool_.Acquire();
  pqxx::read_transaction tx(*lease);
  return audit_repository::Find(tx, id, timezone_);
}

std::vector<AuditRecord> AuditReader::Chunk(const AuditFilter& filter,
                                            std::optional<std::int64_t> before, int limit) {
  auto lease = pool_.Acquire();
  pqxx::read_transaction tx(*lease);
  return audit_repository::Older(tx, filter, timezone_, before, limit);
}

}  // namespace smedash::accounts
