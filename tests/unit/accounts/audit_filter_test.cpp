// The audit log's query string: each filter and cursor read, blanks ignored, and every
// malformed value named instead of silently widening or emptying the result.
#include "accounts/audit_filter.hpp"

#include <gtest/gtest.h>

namespace smedash::accounts {
namespace {

std::variant<AuditPageRequest, AuditQueryError> Parse(const std::string& query) {
  http::Request request;
  request.target = "/api/v1/audit?" + query;
  return ParseAuditQuery(request);
}

AuditPageRequest Valid(const std::string& query) {
  auto parsed = Parse(query);
  EXPECT_TRUE(std::holds_alternative<AuditPageRequest>(parsed)) << query;
  return std::holds_alternative<AuditPageRequest>(parsed) ? std::get<AuditPageRequest>(parsed)
                                                          : AuditPageRequest{};
}

std::string Refused(const std::string& query) {
  auto parsed = Parse(query);
  if (const auto* error = std::get_if<AuditQueryError>(&parsed)) return error->parameter;
  return "(accepted)";
}

TEST(AuditFilter, NothingGivenMeansEverythingNewestFirstFiftyAPage) {
  const auto page = Valid("");
  EXPECT_FALSE(page.filter.actor_id || page.filter.without_actor || page.filter.action ||
               page.filter.from || page.filter.to || page.filter.text);
  EXPECT_FALSE(page.before || page.after);
  EXPECT_EQ(page.limit, 50);
}

TEST(AuditFilter, BlankFieldsOfASubmittedFormAreAbsent) {
  const auto page = Valid("actor=&action=&from=&to=&q=+++&before=");
  EXPECT_FALSE(page.filter.actor_id || page.filter.action || page.filter.from || page.filter.text);
  EXPECT_FALSE(page.before);
}

TEST(AuditFilter, ReadsEveryFilter) {
  const auto page = Valid("actor=12&action=auth&from=2025-10-01&to=2025-10-09&q=%20192.0.2%20");
  EXPECT_EQ(page.filter.actor_id, 12);
  EXPECT_EQ(page.filter.action, "auth");
  EXPECT_EQ(page.filter.from->ToIso(), "2025-10-01");
  EXPECT_EQ(page.filter.to->ToIso(), "2025-10-09");
  EXPECT_EQ(page.filter.text, "192.0.2");  // trimmed
  EXPECT_EQ(Valid("action=segment_map.change").filter.action, "segment_map.change");
  EXPECT_EQ(Valid("from=2025-10-09&to=2025-10-09").filter.to->ToIso(), "2025-10-09");
}

TEST(AuditFilter, ActorNoneMeansEntriesWithoutAnAccount) {
  const auto page = Valid("actor=none");
  EXPECT_TRUE(page.filter.without_actor);
  EXPECT_FALSE(page.filter.actor_id);
}

TEST(AuditFilter, ReadsOneCursorAndTheLimit) {
  EXPECT_EQ(Valid("before=99").before, 99);
  EXPECT_EQ(Valid("after=7").after, 7);
  EXPECT_EQ(Valid("limit=200").limit, 200);
  EXPECT_EQ(Valid("limit=1").limit, 1);
}

TEST(AuditFilter, NamesTheParameterThatIsWrong) {
  EXPECT_EQ(Refused("actor=budi"), "actor");
  EXPECT_EQ(Refused("actor=0"), "actor");
  EXPECT_EQ(Refused("actor=-3"), "actor");
  EXPECT_EQ(Refused("action=AUTH"), "action");
  EXPECT_EQ(Refused("action=auth%25"), "action");  // no LIKE wildcards reach SQL
  EXPECT_EQ(Refused("action=.auth"), "action");
  EXPECT_EQ(Refused("action=auth..x"), "action");
  EXPECT_EQ(Refused("action=" + std::string(65, 'a')), "action");
  EXPECT_EQ(Refused("from=09/10/2025"), "from");
  EXPECT_EQ(Refused("to=2025-02-30"), "to");
  EXPECT_EQ(Refused("from=2025-10-09&to=2025-10-08"), "to");
  EXPECT_EQ(Refused("q=" + std::string(201, 'x')), "q");
  EXPECT_EQ(Refused("before=abc"), "before");
  EXPECT_EQ(Refused("after=1.5"), "after");
  EXPECT_EQ(Refused("before=5&after=3"), "after");
  EXPECT_EQ(Refused("limit=0"), "limit");
  EXPECT_EQ(Refused("limit=201"), "limit");
}

}  // namespace
}  // namespace smedash::accounts
