//! The rules for the CODE → segment map (domain.md section 4): list the codes with what
//! the latest position holds of each, and add, change or remove a code. Every change takes
//! the loader's lock, re-aggregates the positions holding the code and is audited, all in
//! one transaction. No HTTP types.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/user_service.hpp"
#include "data_management/reference_data.hpp"
#include "db/change_feed.hpp"
#include "db/pool.hpp"

namespace smedash::data_management {

// The segments a code may have (segment_map's CHECK), in the order pages list them.
inline constexpr std::array<std::string_view, 4> kSegments = {"MEDIUM", "SMALL NCC", "CC", "KUR"};

struct CodeEntry {
  std::string code;
  std::optional<std::string> segment;  // nothing: not in the map (counts as SMALL NCC)
  std::int64_t rows = 0;               // accounts at the latest position
  std::string os = "0";                // their OS, exact decimal
};

struct SegmentListing {
  std::optional<std::string> latest_position;  // "yyyy-mm-dd"; nothing without data
  std::vector<CodeEntry> mapped;               // every mapped code, by code
  // Codes in data but not in the map: those at the latest position (most rows first),
  // then those earlier uploads reported (0 rows at the latest position).
  std::vector<CodeEntry> unknown;
};

struct SegmentChange {
  std::string code;
  std::optional<std::string> before;  // nothing: was not mapped
  std::optional<std::string> after;   // nothing: removed
  bool changed = true;                // false: the code already had that segment
};

class SegmentMapService {
 public:
  // `changes` hears of each change once committed (the dashboards' data moved).
  SegmentMapService(db::Pool& pool, db::ChangeFeed& changes);

  SegmentListing List();
  ReferenceOutcome<SegmentChange> Add(const accounts::Actor& actor, std::string_view code,
                                      std::string_view segment);
  ReferenceOutcome<SegmentChange> Change(const accounts::Actor& actor, std::string_view code,
                                         std::string_view segment);
  ReferenceOutcome<SegmentChange> Remove(const accounts::Actor& actor, std::string_view code);

 private:
  db::Pool& pool_;
  db::ChangeFeed& changes_;
};

}  // namespace smedash::data_management
