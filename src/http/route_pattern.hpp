//! A compiled route pattern ("/api/v1/users/{id}", "/static/{path*}"): matches request
//! paths segment by segment and ranks patterns so the most specific one wins.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace smedash::http {

class RoutePattern {
 public:
  // Throws std::invalid_argument for a pattern that is not "/"-rooted, has an empty or
  // repeated "{name}", or a "{name*}" that is not the last segment.
  static RoutePattern Parse(std::string_view pattern);

  // The raw (still percent-encoded) path split at '/', without the leading '/'; segments
  // are split before decoding so an encoded "%2F" stays inside its segment.
  static std::vector<std::string_view> SplitPath(std::string_view raw_path);

  // Decoded "{name}" values when `segments` match, else nothing.
  std::optional<std::map<std::string, std::string>> Match(
      const std::vector<std::string_view>& segments) const;

  // True when this pattern should win over `other` for a path both match: a literal
  // segment beats "{name}", which beats "{name*}", compared left to right.
  bool MoreSpecificThan(const RoutePattern& other) const;

 private:
  enum class SegmentKind { kLiteral, kParam, kRest };
  struct Segment {
    SegmentKind kind;
    std::string text;  // the literal, or the parameter name
  };
  std::vector<Segment> segments_;
};

}  // namespace smedash::http
