#include "http/request.hpp"

#include <gtest/gtest.h>

namespace smedash::http {
namespace {

Request WithTarget(std::string target) {
  Request request;
  request.target = std::move(target);
  return request;
}

TEST(RequestTest, MethodNamesAndStateChange) {
  EXPECT_EQ(MethodName(Method::kGet), "GET");
  EXPECT_EQ(MethodName(Method::kDelete), "DELETE");
  EXPECT_EQ(MethodName(Method::kOther), "OTHER");
  EXPECT_FALSE(IsStateChanging(Method::kGet));
  EXPECT_FALSE(IsStateChanging(Method::kHead));
  EXPECT_FALSE(IsStateChanging(Method::kOptions));
  EXPECT_TRUE(IsStateChanging(Method::kPost));
  EXPECT_TRUE(IsStateChanging(Method::kPut));
  EXPECT_TRUE(IsStateChanging(Method::kPatch));
  EXPECT_TRUE(IsStateChanging(Method::kDelete));
  EXPECT_TRUE(IsStateChanging(Method::kOther));  // unknown verbs get the CSRF check
}

TEST(RequestTest, PathIsDecodedWithoutQuery) {
  EXPECT_EQ(WithTarget("/a/b%20c/?x=1").Path(), "/a/b c/");
  EXPECT_EQ(WithTarget("/a+b").Path(), "/a+b");  // '+' is only a space in queries
  EXPECT_EQ(WithTarget("/x#frag").Path(), "/x");
  EXPECT_EQ(WithTarget("/bad%zz%4").Path(), "/bad%zz%4");
}

TEST(RequestTest, HeaderLookupUsesLowerCaseNames) {
  Request request;
  request.headers["x-csrf-token"] = "abc";
  EXPECT_EQ(request.Header("x-csrf-token"), "abc");
  EXPECT_EQ(request.Header("X-CSRF-Token"), "abc");
  EXPECT_EQ(request.Header("accept"), std::nullopt);
}

TEST(RequestTest, CookieParsing) {
  Request request;
  request.headers["cookie"] = "xlang=fr;lang=en ; sessionid=\"tok123\";  empty=; lang=id";
  EXPECT_EQ(request.Cookie("lang"), "en");  // the first of repeated names
  EXPECT_EQ(request.Cookie("xlang"), "fr");
  EXPECT_EQ(request.Cookie("sessionid"), "tok123");
  EXPECT_EQ(request.Cookie("empty"), "");
  EXPECT_EQ(request.Cookie("missing"), std::nullopt);
  EXPECT_EQ(request.Cookie("ang"), std::nullopt);
  EXPECT_EQ(Request{}.Cookie("lang"), std::nullopt);
}

TEST(RequestTest, QueryDecoding) {
  const Request request = WithTarget("/search?q=Rp+1.000%2C50&kanca=&flag&q=second&%6Be%79=v");
  EXPECT_EQ(request.Query("q"), "Rp 1.000,50");
  EXPECT_EQ(request.Query("kanca"), "");
  EXPECT_EQ(request.Query("flag"), "");
  EXPECT_EQ(request.Query("key"), "v");  // names are decoded too
  EXPECT_EQ(request.Query("missing"), std::nullopt);
  EXPECT_EQ(WithTarget("/no-query").Query("q"), std::nullopt);
}

TEST(RequestTest, QueryIsTextOnlyWhenEveryNameAndValueIsUtf8WithoutNul) {
  EXPECT_TRUE(
      WithTarget("/a?q=%27%20OR%201%3D1&n=%C3%9C%E6%97%A5%F0%9F%99%82&x=%0A%09&e").QueryIsText());
  EXPECT_TRUE(WithTarget("/a?q=%&r=%zz").QueryIsText());  // malformed escapes stay as written
  EXPECT_TRUE(WithTarget("/a").QueryIsText());
  for (const char* bad : {"q=%FF", "q=%C3", "q=%C0%AF", "q=%ED%A0%80", "q=%F4%90%80%80", "q=a%00b",
                          "%FF=1", "%00", "ok=1&q=%FE"}) {
    EXPECT_FALSE(WithTarget(std::string("/a?") + bad).QueryIsText()) << bad;
  }
  EXPECT_TRUE(IsText("KC Garut \xe6\x97\xa5"));
  EXPECT_FALSE(IsText(std::string("a\0b", 3)));
  EXPECT_FALSE(IsText("\xc0\xaf"));  // an overlong '/'
}

TEST(RequestTest, FormFieldsFromUrlEncodedBody) {
  Request request;
  request.headers["content-type"] = "application/x-www-form-urlencoded; charset=UTF-8";
  request.body = "username=budi+s&password=p%26ss%3D1&csrf_token=t0k&username=second";
  const auto fields = request.FormFields();
  EXPECT_EQ(fields.at("username"), "budi s");
  EXPECT_EQ(fields.at("password"), "p&ss=1");
  EXPECT_EQ(fields.at("csrf_token"), "t0k");
  EXPECT_EQ(fields.size(), 3U);
}

TEST(RequestTest, FormFieldsIgnoreOtherContentTypes) {
  Request request;
  request.headers["content-type"] = "application/json";
  request.body = "csrf_token=t0k";
  EXPECT_TRUE(request.FormFields().empty());
}

TEST(RequestTest, WantsJson) {
  EXPECT_TRUE(WithTarget("/api/v1/os?x=1").WantsJson());
  EXPECT_FALSE(WithTarget("/apix").WantsJson());
  Request page = WithTarget("/dashboard/");
  EXPECT_FALSE(page.WantsJson());
  page.headers["accept"] = "text/html, Application/JSON;q=0.9";
  EXPECT_TRUE(page.WantsJson());
}

TEST(RequestTest, UrlEncodeRoundTrips) {
  EXPECT_EQ(UrlEncode("/dashboard/?periode=2024-01&k=a b"),
            "%2Fdashboard%2F%3Fperiode%3D2024-01%26k%3Da%20b");
  EXPECT_EQ(UrlEncode("AZaz09-._~"), "AZaz09-._~");
  const std::string raw = "é/ü?&=+ %\n";
  EXPECT_EQ(UrlDecode(UrlEncode(raw), false), raw);
  EXPECT_EQ(UrlDecode("a+b%2B", true), "a b+");
  EXPECT_EQ(UrlDecode("a+b", false), "a+b");
}

}  // namespace
}  // namespace smedash::http
