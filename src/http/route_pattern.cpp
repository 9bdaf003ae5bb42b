#include "http/route_pattern.hpp"

#include <fmt/format.h>

#include <set>
#include <stdexcept>

#include "http/request.hpp"

namespace smedash::http {

RoutePattern RoutePattern::Parse(std::string_view pattern) {
  if (!pattern.starts_with('/')) {
    throw std::invalid_argument(fmt::format("route pattern '{}' must start with '/'", pattern));
  }
  RoutePattern compiled;
  std::set<std::string, std::less<>> names;
  for (const std::string_view segment : SplitPath(pattern)) {
    if (!compiled.segments_.empty() && compiled.segments_.back().kind == SegmentKind::kRest) {
      throw std::invalid_argument(
          fmt::format("route pattern '{}': a {{name*}} segment must be last", pattern));
    }
    if (!segment.starts_with('{')) {
      if (segment.find_first_of("{}") != std::string_view::npos) {
        throw std::invalid_argument(
            fmt::format("route pattern '{}': braces must enclose a whole segment", pattern));
      }
      compiled.segments_.push_back({SegmentKind::kLiteral, std::string(segment)});
      continue;
    }
    if (!segment.ends_with('}')) {
      throw std::invalid_argument(fmt::format("route pattern '{}': unclosed '{{'", pattern));
    }
    std::string_view name = segment.substr(1, segment.size() - 2);
    SegmentKind kind = SegmentKind::kParam;
    if (name.ends_with('*')) {
      kind = SegmentKind::kRest;
      name.remove_suffix(1);
    }
    if (name.empty() || name.find_first_of("{}*") != std::string_view::npos ||
        !names.emplace(name).second) {
      throw std::invalid_argument(
          fmt::format("route pattern '{}': bad or repeated parameter name", pattern));
    }
    compiled.segments_.push_back({kind, std::string(name)});
  }
  return compiled;
}

std::vector<std::string_view> RoutePattern::SplitPath(std::string_view raw_path) {
  std::vector<std::string_view> segments;
  if (!raw_path.starts_with('/')) return segments;  // "*" or absolute-form: matches nothing
  raw_path.remove_prefix(1);
  for (;;) {
    const auto slash = raw_path.find('/');
    segments.push_back(raw_path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    raw_path.remove_prefix(slash + 1);
  }
  return segments;
}

std::optional<std::map<std::string, std::string>> RoutePattern::Match(
    const std::vector<std::string_view>& segments) const {
  std::map<std::string, std::string> params;
  for (std::size_t index = 0; index < segments_.size(); ++index) {
    const Segment& segment = segments_[index];
    // Every pattern segment, "{name*}" included, needs a path segment (possibly empty):
    // "/static/{path*}" matches "/static/" but not "/static".
    if (index >= segments.size()) return std::nullopt;
    if (segment.kind == SegmentKind::kRest) {
      // The rest is decoded as one string, so it keeps its slashes.
      const std::string_view first = segments[index];
      const std::string_view last = segments.back();
      const std::string_view rest(
          first.data(), static_cast<std::size_t>(last.data() + last.size() - first.data()));
      params[segment.text] = UrlDecode(rest, false);
      return params;
    }
    std::string decoded = UrlDecode(segments[index], false);
    if (segment.kind == SegmentKind::kLiteral) {
      if (decoded != segment.text) return std::nullopt;
    } else {
      if (decoded.empty()) return std::nullopt;  // "/users/" is not "/users/{id}"
      params[segment.text] = std::move(decoded);
    }
  }
  if (segments.size() != segments_.size()) return std::nullopt;
  return params;
}

bool RoutePattern::MoreSpecificThan(const RoutePattern& other) const {
  const std::size_t common = std::min(segments_.size(), other.segments_.size());
  for (std::size_t index = 0; index < common; ++index) {
    if (segments_[index].kind != other.segments_[index].kind) {
      return segments_[index].kind < other.segments_[index].kind;
    }
  }
  return false;
}

}  // namespace smedash::http
