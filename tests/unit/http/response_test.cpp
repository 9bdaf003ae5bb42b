#include "http/response.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <stdexcept>

namespace smedash::http {
namespace {

TEST(ResponseTest, SetHeaderReplacesCaseInsensitively) {
  Response response;
  response.SetHeader("Cache-Control", "no-store");
  response.SetHeader("cache-control", "public, max-age=60");
  ASSERT_EQ(response.headers.size(), 1U);
  EXPECT_EQ(response.Header("CACHE-CONTROL"), "public, max-age=60");
  EXPECT_EQ(response.Header("missing"), std::nullopt);
}

TEST(ResponseTest, HeadersRefuseLineBreaks) {
  Response response;
  EXPECT_THROW(response.SetHeader("Location", "/x\r\nSet-Cookie: a=b"), std::invalid_argument);
  EXPECT_THROW(response.SetHeader("Bad Name", "x"), std::invalid_argument);
  EXPECT_THROW(Response::Redirect("/next\n"), std::invalid_argument);
}

TEST(ResponseTest, SetCookieDefaults) {
  Response response;
  response.SetCookie("sessionid", "abc123", CookieOptions{});
  EXPECT_EQ(response.Header("Set-Cookie"), "sessionid=abc123; Path=/; HttpOnly; SameSite=Lax");
}

TEST(ResponseTest, SetCookieSecureMaxAgeAndSeveralCookies) {
  Response response;
  CookieOptions options;
  options.secure = true;
  options.max_age_seconds = 0;
  response.SetCookie("sessionid", "", options);
  CookieOptions lang;
  lang.http_only = false;
  lang.max_age_seconds = 31536000;
  response.SetCookie("lang", "en", lang);
  ASSERT_EQ(response.headers.size(), 2U);
  EXPECT_EQ(response.headers[0].second,
            "sessionid=; Path=/; HttpOnly; SameSite=Lax; Secure; Max-Age=0");
  EXPECT_EQ(response.headers[1].second, "lang=en; Path=/; SameSite=Lax; Max-Age=31536000");
}

TEST(ResponseTest, SetCookieRejectsUnsafeValues) {
  Response response;
  EXPECT_THROW(response.SetCookie("a", "x; Domain=evil", {}), std::invalid_argument);
  EXPECT_THROW(response.SetCookie("a", "with space", {}), std::invalid_argument);
  EXPECT_THROW(response.SetCookie("a", "quote\"", {}), std::invalid_argument);
  EXPECT_THROW(response.SetCookie("a=b", "x", {}), std::invalid_argument);
  CookieOptions bad_same_site;
  bad_same_site.same_site = "Lax; Secure";
  EXPECT_THROW(response.SetCookie("a", "x", bad_same_site), std::invalid_argument);
  EXPECT_TRUE(response.headers.empty());
}

TEST(ResponseTest, Builders) {
  const Response html = Response::Html(201, "<p>x</p>");
  EXPECT_EQ(html.status, 201);
  EXPECT_EQ(html.Header("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(html.body, "<p>x</p>");

  const Response json = Response::Json(200, boost::json::value{{"n", 1}});
  EXPECT_EQ(json.Header("Content-Type"), "application/json");
  EXPECT_EQ(json.body, R"({"n":1})");

  const Response error = Response::JsonError(409, "conflict", "Periode \"2024-01\" exists");
  EXPECT_EQ(error.status, 409);
  EXPECT_EQ(boost::json::parse(error.body),
            boost::json::parse(
                R"({"error":{"code":"conflict","message":"Periode \"2024-01\" exists"}})"));

  const Response redirect = Response::Redirect("/accounts/login/");
  EXPECT_EQ(redirect.status, 303);
  EXPECT_EQ(redirect.Header("Location"), "/accounts/login/");

  const Response file = Response::File("/tmp/a.css", "text/css");
  EXPECT_EQ(file.file, std::filesystem::path("/tmp/a.css"));
  EXPECT_EQ(file.Header("content-type"), "text/css");
}

}  // namespace
}  // namespace smedash::http
