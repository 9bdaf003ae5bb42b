#include "dashboard/response_cache.hpp"

#include <gtest/gtest.h>

namespace smedash::dashboard {
namespace {

TEST(ResponseCacheTest, AnswersOnlyForTheTagTheBodyWasBuiltFor) {
  ResponseCache cache;
  cache.Store("/api/v1/dashboard/os?group=SME", "\"d7\"", "{\"a\":1}");
  EXPECT_EQ(cache.Find("/api/v1/dashboard/os?group=SME", "\"d7\""), "{\"a\":1}");
  EXPECT_EQ(cache.Find("/api/v1/dashboard/os?group=SME", "\"d8\""), std::nullopt);
  EXPECT_EQ(cache.Find("/api/v1/dashboard/os?group=KUR", "\"d7\""), std::nullopt);
}

TEST(ResponseCacheTest, ANewerBodyReplacesTheOldOne) {
  ResponseCache cache;
  cache.Store("/x", "\"d1\"", "old");
  cache.Store("/x", "\"d2\"", "new");
  EXPECT_EQ(cache.Find("/x", "\"d1\""), std::nullopt);
  EXPECT_EQ(cache.Find("/x", "\"d2\""), "new");
}

TEST(ResponseCacheTest, EvictsTheLeastRecentlyUsedBeyondTheEntryLimit) {
  ResponseCache cache(2, 1 << 20);
  cache.Store("/a", "t", "A");
  cache.Store("/b", "t", "B");
  ASSERT_EQ(cache.Find("/a", "t"), "A");  // /a is now the most recently used
  cache.Store("/c", "t", "C");
  EXPECT_EQ(cache.Find("/a", "t"), "A");
  EXPECT_EQ(cache.Find("/b", "t"), std::nullopt);
  EXPECT_EQ(cache.Find("/c", "t"), "C");
}

TEST(ResponseCacheTest, EvictsBeyondTheByteLimitAndSkipsABodyLargerThanIt) {
  ResponseCache cache(100, 10);
  cache.Store("/a", "t", "123456");
  cache.Store("/b", "t", "123456");  // 12 bytes > 10: /a goes
  EXPECT_EQ(cache.Find("/a", "t"), std::nullopt);
  EXPECT_EQ(cache.Find("/b", "t"), "123456");
  cache.Store("/huge", "t", std::string(11, 'x'));
  EXPECT_EQ(cache.Find("/huge", "t"), std::nullopt);
  EXPECT_EQ(cache.Find("/b", "t"), "123456");
}

}  // namespace
}  // namespace smedash::dashboard
