#include "data_management/segment_map_service.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <functional>
#include <pqxx/pqxx>
#include <unordered_map>

#include "accounts/audit_log.hpp"
#include "data_management/segment_map_repository.hpp"
#include "ingest/load/load_lock.hpp"
#include "metrics/aggregates.hpp"

namespace smedash::data_management {
namespace {

namespace repo = segment_map_repository;

ReferenceProblem Invalid(std::string field, std::string key) {
  return {400, "validation", std::move(key), {}, std::move(field)};
}

std::optional<ReferenceProblem> CheckSegment(std::string_view segment) {
  if (std::find(kSegments.begin(), kSegments.end(), segment) != kSegments.end()) {
    return std::nullopt;
  }
  return Invalid("segment", "segments.error.segment");
}

boost::json::value OrNull(const std::optional<std::string>& text) {
  if (!text) return nullptr;
  return boost::json::string(*text);
}

void Audit(pqxx::transaction_base& tx, const accounts::Actor& actor, std::string action,
           const SegmentChange& change) {
  accounts::AuditEntry entry;
  entry.actor_id = actor.principal.user_id;
  entry.actor_name = actor.principal.username;
  entry.action = std::move(action);
  entry.target = "segment_code:" + change.code;
  entry.detail = {
      {"code", change.code}, {"before", OrNull(change.before)}, {"after", OrNull(change.after)}};
  entry.ip_address = actor.ip_address;
  accounts::RecordAudit(tx, entry);
}

// What one change does with the code's current segment (nothing: unmapped): a problem, or
// the segment it gets (nothing: removed).
using Decision = std::variant<std::optional<std::string>, ReferenceProblem>;

// Runs one change under the loader's lock, so a load never classifies rows with a map
// half-edited: reads the code's segment, decides, writes, re-aggregates the positions that
// hold the code, audits, commits.
ReferenceOutcome<SegmentChange> Apply(
    db::Pool& pool, db::ChangeFeed& changes, const accounts::Actor& actor, const std::string& code,
    std::string action, const std::function<Decision(const std::optional<std::string>&)>& decide) {
  auto lease = pool.Acquire();
  pqxx::work tx(*lease);
  ingest::LockLoanData(tx);
  SegmentChange change{code, repo::LockCode(tx, code), std::nullopt, true};
  Decision decision = decide(change.before);
  if (auto* problem = std::get_if<ReferenceProblem>(&decision)) return std::move(*problem);
  change.after = std::get<std::optional<std::string>>(decision);
  change.changed = change.before != change.after;
  if (!change.changed) return change;
  if (!change.after) {
    repo::Delete(tx, code);
  } else if (!change.before) {
    repo::Insert(tx, code, *change.after);
  } else {
    repo::Update(tx, code, *change.after);
  }
  metrics::RefreshAfterSegmentMapChange(tx, {code});
  Audit(tx, actor, std::move(action), change);
  tx.commit();
  changes.Announce(db::ChangeTopic::kData);
  return change;
}

ReferenceProblem NotMapped(const std::string& code) {
  return {404, "not_found", "segments.error.not_found", {{"code", code}}, "code"};
}

}  // namespace

SegmentMapService::SegmentMapService(db::Pool& pool, db::ChangeFeed& changes)
    : pool_(pool), changes_(changes) {}

SegmentListing SegmentMapService::List() {
  auto lease = pool_.Acquire();
  pqxx::read_transaction tx(*lease);
  SegmentListing listing;
  listing.latest_position = repo::LatestPosition(tx);
  std::unordered_map<std::string, repo::CodeUsage> usage;
  if (listing.latest_position) {
    for (auto& used : repo::UsageAt(tx, *listing.latest_position)) {
      usage.emplace(used.code, std::move(used));
    }
  }
  for (auto& mapped : repo::List(tx)) {
    CodeEntry entry{mapped.code, std::move(mapped.segment), 0, "0"};
    if (auto it = usage.find(mapped.code); it != usage.end()) {
      entry.rows = it->second.rows;
      entry.os = it->second.os;
      usage.erase(it);
    }
    listing.mapped.push_back(std::move(entry));
  }
  // What is left of the latest position's codes is unknown to the map.
  for (auto& [code, used] : usage)
    listing.unknown.push_back({code, std::nullopt, used.rows, used.os});
  std::sort(listing.unknown.begin(), listing.unknown.end(), [](const auto& a, const auto& b) {
    return a.rows != b.rows ? a.rows > b.rows : a.code < b.code;
  });
  for (auto& code : repo::UnknownCodesOfUploads(tx)) {
    if (!usage.contains(code)) listing.unknown.push_back({std::move(code), std::nullopt, 0, "0"});
  }
  return listing;
}

ReferenceOutcome<SegmentChange> SegmentMapService::Add(const accounts::Actor& actor,
                                                       std::string_view code_text,
                                                       std::string_view segment) {
  const auto code = NormalizeCodeText(code_text);
  if (!code) return Invalid("code", "segments.error.code");
  if (auto problem = CheckSegment(segment)) return *problem;
  return Apply(pool_, changes_, actor, *code, "segment_map.add",
               [&](const std::optional<std::string>& before) -> Decision {
                 if (before) {
                   return ReferenceProblem{409,
                                           "conflict",
                                           "segments.error.exists",
                                           {{"code", *code}, {"segment", *before}},
                                           "code"};
                 }
                 return std::optional<std::string>(segment);
               });
}

ReferenceOutcome<SegmentChange> SegmentMapService::Change(const accounts::Actor& actor,
                                                          std::string_view code_text,
                                                          std::string_view segment) {
  const auto code = NormalizeCodeText(code_text);
  if (!code) return NotMapped(std::string(code_text));
  if (auto problem = CheckSegment(segment)) return *problem;
  return Apply(pool_, changes_, actor, *code, "segment_map.change",
               [&](const std::optional<std::string>& before) -> Decision {
                 if (!before) return NotMapped(*code);
                 return std::optional<std::string>(segment);
               });
}

ReferenceOutcome<SegmentChange> SegmentMapService::Remove(const accounts::Actor& actor,
                                                          std::string_view code_text) {
  const auto code = NormalizeCodeText(code_text);
  if (!code) return NotMapped(std::string(code_text));
  return Apply(pool_, changes_, actor, *code, "segment_map.remove",
               [&](const std::optional<std::string>& before) -> Decision {
                 if (!before) return NotMapped(*code);
                 return std::optional<std::string>();
               });
}

}  // namespace smedash::data_management
