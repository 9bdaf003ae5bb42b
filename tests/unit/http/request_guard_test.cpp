#include "http/request_guard.hpp"

#include <gtest/gtest.h>

namespace smedash::http {
namespace {

Request WithHeaders(std::map<std::string, std::string> headers) {
  Request request;
  request.method = Method::kPost;
  request.target = "/accounts/login/";
  request.headers = std::move(headers);
  return request;
}

TEST(RequestGuardTest, LanguageDefaultsToIndonesian) {
  EXPECT_EQ(LanguageOf(WithHeaders({})), "id");
  EXPECT_EQ(LanguageOf(WithHeaders({{"cookie", "lang=en"}})), "en");
  EXPECT_EQ(LanguageOf(WithHeaders({{"cookie", "lang=fr"}})), "id");
  EXPECT_EQ(LanguageOf(WithHeaders({{"cookie", "lang=EN"}})), "id");
}

TEST(RequestGuardTest, CsrfTokenFromHeaderOrForm) {
  EXPECT_EQ(SubmittedCsrfToken(WithHeaders({{"x-csrf-token", "h"}})), "h");
  Request form = WithHeaders({{"content-type", "application/x-www-form-urlencoded"}});
  form.body = "a=1&csrf_token=f%2B";
  EXPECT_EQ(SubmittedCsrfToken(form), "f+");
  form.headers["x-csrf-token"] = "h";
  EXPECT_EQ(SubmittedCsrfToken(form), "h");  // the header wins

  Request json = WithHeaders({{"content-type", "application/json"}});
  json.body = "csrf_token=f";
  EXPECT_EQ(SubmittedCsrfToken(json), std::nullopt);
  Request untyped = WithHeaders({});
  untyped.body = "csrf_token=f";
  EXPECT_EQ(SubmittedCsrfToken(untyped), std::nullopt);
}

TEST(RequestGuardTest, CsrfComparison) {
  EXPECT_TRUE(CsrfTokensEqual("abc", "abc"));
  EXPECT_FALSE(CsrfTokensEqual("abd", "abc"));
  EXPECT_FALSE(CsrfTokensEqual("ab", "abc"));
  EXPECT_FALSE(CsrfTokensEqual("abcd", "abc"));
  EXPECT_FALSE(CsrfTokensEqual("", ""));  // a session without a token accepts nothing
}

TEST(RequestGuardTest, SameOrigin) {
  EXPECT_TRUE(SameOrigin(WithHeaders({{"host", "127.0.0.1:8000"}})));
  EXPECT_TRUE(
      SameOrigin(WithHeaders({{"host", "127.0.0.1:8000"}, {"origin", "http://127.0.0.1:8000"}})));
  EXPECT_TRUE(SameOrigin(
      WithHeaders({{"host", "Dash.Bank.co.id"}, {"origin", "https://dash.bank.co.id"}})));
  EXPECT_TRUE(SameOrigin(WithHeaders({{"host", "dash:443"}, {"origin", "https://dash"}})));
  EXPECT_TRUE(SameOrigin(WithHeaders({{"host", "dash"}, {"origin", "https://dash"}})));
  EXPECT_TRUE(SameOrigin(WithHeaders({{"host", "[::1]:8000"}, {"origin", "http://[::1]:8000"}})));

  EXPECT_FALSE(
      SameOrigin(WithHeaders({{"host", "127.0.0.1:8000"}, {"origin", "http://127.0.0.1:9000"}})));
  EXPECT_FALSE(
      SameOrigin(WithHeaders({{"host", "127.0.0.1:8000"}, {"origin", "http://evil.test"}})));
  EXPECT_FALSE(SameOrigin(WithHeaders({{"host", "dash:80"}, {"origin", "https://dash"}})));
  EXPECT_FALSE(SameOrigin(WithHeaders({{"host", "127.0.0.1:8000"}, {"origin", "null"}})));
  EXPECT_FALSE(SameOrigin(WithHeaders({{"origin", "http://127.0.0.1:8000"}})));  // no Host
  EXPECT_FALSE(SameOrigin(WithHeaders({{"host", "a"}, {"sec-fetch-site", "cross-site"}})));
  EXPECT_TRUE(SameOrigin(WithHeaders({{"host", "a"}, {"sec-fetch-site", "same-origin"}})));
}

}  // namespace
}  // namespace smedash::http
