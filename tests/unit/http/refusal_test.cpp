// The session's own answers (413, 431, 400...): JSON in the API's error shape for API
// requests, text for pages, in the lang cookie's language.
#include "http/refusal.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

namespace smedash::http {
namespace {

Request Make(std::string target, std::map<std::string, std::string> headers = {}) {
  Request request;
  request.method = Method::kPost;
  request.target = std::move(target);
  request.headers = std::move(headers);
  return request;
}

boost::json::object ErrorOf(const Response& response) {
  return boost::json::parse(response.body).as_object().at("error").as_object();
}

TEST(SessionRefusalTest, ApiPathsGetTheApiErrorShapeWithTheLimit) {
  const Response response = SessionRefusal(Make("/api/v1/uploads?name=a.csv"), 413, 100 << 20);
  EXPECT_EQ(response.status, 413);
  EXPECT_EQ(response.Header("Content-Type"), "application/json");
  const auto error = ErrorOf(response);
  EXPECT_EQ(error.at("code").as_string(), "too_large");
  EXPECT_EQ(error.at("message").as_string(), "Isi permintaan lebih besar dari batas 100 MB.");
  EXPECT_EQ(response.Header("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(response.Header("Cache-Control"), "no-store");
}

TEST(SessionRefusalTest, SpeaksTheLanguageOfTheLangCookie) {
  const Response response =
      SessionRefusal(Make("/api/v1/users", {{"cookie", "sessionid=x; lang=en"}}), 413, 1 << 20);
  EXPECT_EQ(ErrorOf(response).at("message").as_string(),
            "The request body is larger than the limit of 1 MB.");
  const Response header = SessionRefusal(Make("/api/v1/me", {{"cookie", "lang=en"}}), 431);
  EXPECT_EQ(ErrorOf(header).at("code").as_string(), "header_too_large");
  EXPECT_EQ(ErrorOf(header).at("message").as_string(),
            "The request headers are larger than the limit of 16 KB. Clear this site's cookies "
            "in the browser and try again.");
}

TEST(SessionRefusalTest, PagesGetText) {
  const Response response = SessionRefusal(Make("/accounts/users/"), 413, 1 << 20);
  EXPECT_EQ(response.Header("Content-Type"), "text/plain; charset=utf-8");
  EXPECT_EQ(response.body, "Isi permintaan lebih besar dari batas 1 MB.");
  // A page request that asks for JSON gets JSON.
  const Response json = SessionRefusal(Make("/x", {{"accept", "application/json"}}), 400);
  EXPECT_EQ(ErrorOf(json).at("code").as_string(), "bad_request");
  EXPECT_EQ(SessionRefusal(Make("/x"), 431).body,
            "Header permintaan lebih besar dari batas 16 KB. Hapus cookie situs ini di peramban "
            "lalu coba lagi.");
}

}  // namespace
}  // namespace smedash::http
