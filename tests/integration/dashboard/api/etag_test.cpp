// ETag and 304 on the dashboard API: a repeat with If-None-Match costs no figures, a new
// import changes the tag, and Home's tag also follows the last upload.
#include "dashboard_api_fixture.hpp"

namespace smedash::testing {
namespace {

// A one-row file of a new position: the data changes.
constexpr const char* kNextDay =
    "PERIODE,KANCA,KODE UKER,UKER,NOMOR REKENING,CIFNO,CODE,KOL_ADK,OS\n"
    "10/10/2025,KC Garut,25,KC Garut,100000000000009,C9,80065,1,700000000\n";

const std::vector<std::string> kEndpoints = {
    "/api/v1/positions",
    "/api/v1/dashboard/home",
    "/api/v1/dashboard/os?group=SME&metric=os",
    "/api/v1/dashboard/summary?tab=konsol&kanca=all",
    "/api/v1/dashboard/daily?view=daily",
};

class EtagTest : public DashboardApiTest {
 protected:
  void SetUp() override {
    DashboardApiTest::SetUp();
    ImportWorkedExample();
  }

  std::string TagOf(const std::string& target) {
    const auto response = Get(target);
    EXPECT_EQ(response.status, 200) << target << ": " << response.body;
    return response.Header("ETag").value_or("");
  }
  int StatusWith(const std::string& target, const std::string& if_none_match) {
    return Get(target, {{"if-none-match", if_none_match}}).status;
  }
};

TEST_F(EtagTest, EveryEndpointAnswersARepeatWith304) {
  for (const auto& target : kEndpoints) {
    const auto first = Get(target);
    ASSERT_EQ(first.status, 200) << target;
    const auto tag = first.Header("ETag");
    ASSERT_TRUE(tag.has_value()) << target;
    EXPECT_EQ(tag->front(), '"') << *tag;
    EXPECT_EQ(first.Header("Cache-Control"), "private, no-cache") << target;

    const auto repeat = Get(target, {{"if-none-match", *tag}});
    EXPECT_EQ(repeat.status, 304) << target;
    EXPECT_TRUE(repeat.body.empty()) << target;
    EXPECT_EQ(repeat.Header("ETag"), tag) << target;
    EXPECT_EQ(repeat.Header("Cache-Control"), "private, no-cache") << target;
  }
}

TEST_F(EtagTest, WeakAndListedTagsMatchOthersDoNot) {
  const std::string target = "/api/v1/dashboard/os?group=SME&metric=npl";
  const std::string tag = TagOf(target);
  EXPECT_EQ(StatusWith(target, "W/" + tag), 304);
  EXPECT_EQ(StatusWith(target, "\"other\", " + tag), 304);
  EXPECT_EQ(StatusWith(target, "*"), 304);
  EXPECT_EQ(StatusWith(target, "\"other\""), 200);
  EXPECT_EQ(StatusWith(target, tag.substr(0, tag.size() - 1) + "0\""), 200);
}

TEST_F(EtagTest, AnImportChangesTheTagAndTheFigures) {
  const std::string target = "/api/v1/dashboard/os?group=SME&metric=os";
  const std::string before = TagOf(target);
  Import("next.csv", kNextDay);
  const auto after = Get(target, {{"if-none-match", before}});
  ASSERT_EQ(after.status, 200);
  EXPECT_NE(after.Header("ETag"), before);
  const auto body = JsonOf(after);
  EXPECT_EQ(Text(body.at("position")), "2025-10-10");
  EXPECT_EQ(Text(body.at("columns").at("D")), "2025-10-09");
  EXPECT_EQ(StatusWith(target, after.Header("ETag").value_or("")), 304);
  for (const auto& endpoint : kEndpoints) {
    EXPECT_EQ(StatusWith(endpoint, before), 200) << endpoint;
  }
}

TEST_F(EtagTest, HomeTagFollowsTheLastUploadWhileFiguresStay) {
  const std::string home = "/api/v1/dashboard/home";
  const std::string os = "/api/v1/dashboard/os";
  const std::string home_tag = TagOf(home);
  const std::string os_tag = TagOf(os);
  Execute("INSERT INTO uploads (file_name, status) VALUES ('next.csv', 'queued')");
  EXPECT_EQ(StatusWith(os, os_tag), 304) << "no figure changed";
  EXPECT_EQ(StatusWith(home, home_tag), 200);
  const std::string queued_tag = TagOf(home);
  EXPECT_EQ(StatusWith(home, queued_tag), 304);
  Execute("UPDATE uploads SET status = 'failed' WHERE file_name = 'next.csv'");
  EXPECT_EQ(StatusWith(home, queued_tag), 200);
}

}  // namespace
}  // namespace smedash::testing
