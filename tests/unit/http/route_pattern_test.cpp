#include "http/route_pattern.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace smedash::http {
namespace {

std::optional<std::map<std::string, std::string>> MatchPath(std::string_view pattern,
                                                            std::string_view path) {
  return RoutePattern::Parse(pattern).Match(RoutePattern::SplitPath(path));
}

TEST(RoutePatternTest, RejectsMalformedPatterns) {
  EXPECT_THROW(RoutePattern::Parse("users"), std::invalid_argument);
  EXPECT_THROW(RoutePattern::Parse("/users/{}"), std::invalid_argument);
  EXPECT_THROW(RoutePattern::Parse("/users/{id"), std::invalid_argument);
  EXPECT_THROW(RoutePattern::Parse("/users/x{id}"), std::invalid_argument);
  EXPECT_THROW(RoutePattern::Parse("/{id}/{id}"), std::invalid_argument);
  EXPECT_THROW(RoutePattern::Parse("/{rest*}/x"), std::invalid_argument);
  EXPECT_NO_THROW(RoutePattern::Parse("/"));
  EXPECT_NO_THROW(RoutePattern::Parse("/static/{path*}"));
}

TEST(RoutePatternTest, LiteralsAndTrailingSlash) {
  EXPECT_TRUE(MatchPath("/", "/"));
  EXPECT_FALSE(MatchPath("/", "/x"));
  EXPECT_TRUE(MatchPath("/accounts/users/", "/accounts/users/"));
  EXPECT_FALSE(MatchPath("/accounts/users/", "/accounts/users"));
  EXPECT_FALSE(MatchPath("/accounts/users", "/accounts/users/"));
  EXPECT_TRUE(MatchPath("/a b", "/a%20b"));  // literals are compared with the decoded path
  EXPECT_FALSE(MatchPath("/a", "a"));
  EXPECT_FALSE(MatchPath("/a", "*"));
}

TEST(RoutePatternTest, ParametersAreOneDecodedSegment) {
  const auto params = MatchPath("/api/v1/users/{id}/edit", "/api/v1/users/4%2F2/edit");
  ASSERT_TRUE(params);
  EXPECT_EQ(params->at("id"), "4/2");  // an encoded slash stays inside its segment
  EXPECT_FALSE(MatchPath("/users/{id}", "/users/"));
  EXPECT_FALSE(MatchPath("/users/{id}", "/users/1/2"));
}

TEST(RoutePatternTest, RestTakesTheRemainingPath) {
  auto params = MatchPath("/static/{path*}", "/static/vendor/bootstrap/css/a%20b.css");
  ASSERT_TRUE(params);
  EXPECT_EQ(params->at("path"), "vendor/bootstrap/css/a b.css");
  params = MatchPath("/static/{path*}", "/static/");
  ASSERT_TRUE(params);
  EXPECT_EQ(params->at("path"), "");
  EXPECT_FALSE(MatchPath("/static/{path*}", "/static"));
  EXPECT_FALSE(MatchPath("/static/{path*}", "/other/x"));
}

TEST(RoutePatternTest, SpecificityOrder) {
  const auto literal = RoutePattern::Parse("/users/me");
  const auto param = RoutePattern::Parse("/users/{id}");
  const auto rest = RoutePattern::Parse("/users/{rest*}");
  EXPECT_TRUE(literal.MoreSpecificThan(param));
  EXPECT_TRUE(param.MoreSpecificThan(rest));
  EXPECT_FALSE(param.MoreSpecificThan(literal));
  EXPECT_FALSE(param.MoreSpecificThan(param));
}

}  // namespace
}  // namespace smedash::http
