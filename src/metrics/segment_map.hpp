//! The CODE → segment map and the UI's segment groups (tables segment_map and
//! segment_groups, domain.md section 4), as the rest of the program asks about them.
#pragma once
#include <cstdint>
#include <pqxx/transaction_base>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace smedash::metrics {

// Segment of a CODE that segment_map does not list.
inline constexpr std::string_view kFallbackSegment = "SMALL NCC";

// The codes among `codes` that segment_map does not list, sorted and distinct: they count
// as kFallbackSegment and the upload report names them.
std::vector<std::string> UnknownCodes(pqxx::transaction_base& tx,
                                      const std::vector<std::string>& codes);

// Both tables read once, for classifying many rows in memory. Segments are numbered
// 0..Segments().size()-1; a group is a bit mask over those numbers.
class SegmentCatalog {
 public:
  static constexpr std::size_t kMaxSegments = 8;  // a mask fits in a byte

  static SegmentCatalog Load(pqxx::transaction_base& tx);

  // Number of the segment of `code`, or nullopt-like kUnknown when the map lacks it (the
  // caller then uses FallbackSegment() and reports the code).
  static constexpr std::uint8_t kUnknown = 0xff;
  std::uint8_t SegmentOf(const std::string& code) const;
  std::uint8_t FallbackSegment() const { return fallback_; }

  const std::vector<std::string>& Segments() const { return segments_; }
  struct Group {
    std::string code;   // "SME", "SMALL_KUR", ...
    std::uint8_t mask;  // bit n set: segment n belongs to the group
  };
  const std::vector<Group>& Groups() const { return groups_; }

 private:
  std::uint8_t Number(const std::string& segment);

  std::vector<std::string> segments_;
  std::unordered_map<std::string, std::uint8_t> by_code_;
  std::vector<Group> groups_;
  std::uint8_t fallback_ = 0;
};

}  // namespace smedash::metrics
