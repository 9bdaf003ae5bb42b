#include "dashboard/api_support.hpp"

#include <boost/json/monotonic_resource.hpp>
#include <boost/json/value.hpp>
#include <utility>

namespace smedash::dashboard {
namespace {

// A Dashboard OS answer is some tens of KiB of JSON; its DOM fits in a few blocks.
constexpr std::size_t kArenaFirstBlockBytes = 64 * 1024;

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

void SetCacheHeaders(http::Response& response, const std::string& tag) {
  response.SetHeader("ETag", tag);
  response.SetHeader("Cache-Control", "private, no-cache");
}

}  // namespace

std::string FiguresTag(std::int64_t version, std::string_view suffix) {
  std::string tag = "\"d" + std::to_string(version);
  if (!suffix.empty()) {
    tag += '-';
    tag += suffix;
  }
  tag += '"';
  return tag;
}

bool IfNoneMatchHas(const http::Request& request, std::string_view tag) {
  const auto header = request.Header("if-none-match");
  if (!header) return false;
  std::string_view rest = *header;
  while (!rest.empty()) {
    const auto comma = rest.find(',');
    std::string_view candidate = Trim(rest.substr(0, comma));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    if (candidate == "*") return true;
    if (candidate.starts_with("W/")) candidate.remove_prefix(2);
    if (candidate == tag) return true;
  }
  return false;
}

http::Response RespondWithFigures(const ApiContext& api, const http::Request& request,
                                  const FiguresBuilder& build, std::string_view tag_suffix) {
  const std::string current = FiguresTag(api.figures.CurrentVersion(), tag_suffix);
  if (IfNoneMatchHas(request, current)) {
    http::Response response;
    response.status = 304;
    SetCacheHeaders(response, current);
    return response;
  }
  if (auto body = api.responses->Find(request.target, current)) {
    http::Response response = http::Response::Json(200, boost::json::value());
    response.body = std::move(*body);
    SetCacheHeaders(response, current);
    return response;
  }
  // One arena per response: the DOM's many small objects cost no malloc each, and all of
  // it goes at once after serialisation.
  boost::json::monotonic_resource arena(kArenaFirstBlockBytes);
  const boost::json::storage_ptr storage(&arena);
  auto [body, version] = api.figures.Read([&](const metrics::Snapshot& snapshot) {
    return std::pair{boost::json::value(build(snapshot, storage)), snapshot.Version()};
  });
  http::Response response = http::Response::Json(200, body);
  // The snapshot may be newer than the version checked above; tag what was sent.
  const std::string sent = FiguresTag(version, tag_suffix);
  SetCacheHeaders(response, sent);
  api.responses->Store(request.target, sent, response.body);
  return response;
}

http::Response ApiErrorResponse(const ui::Translations& texts, const std::string& lang,
                                const ApiError& error) {
  boost::json::object body;
  if (error.ErrorKind() == ApiError::Kind::kPositionNotLoaded) {
    body["code"] = "position_not_loaded";
    body["field"] = error.Field();
    body["message"] =
        texts.Get(lang, "dashboard.api.position_not_loaded", {{"position", error.Detail()}});
    return http::Response::Json(404, boost::json::object{{"error", std::move(body)}});
  }
  body["code"] = "bad_parameter";
  body["field"] = error.Field();
  body["message"] = texts.Get(lang, "dashboard.api.bad_parameter",
                              {{"field", error.Field()}, {"accepted", error.Detail()}});
  return http::Response::Json(400, boost::json::object{{"error", std::move(body)}});
}

http::Handler AnsweringApiErrors(const ui::Translations& texts, http::Handler handler) {
  return [&texts, handler = std::move(handler)](http::RequestContext& context) {
    try {
      return handler(context);
    } catch (const ApiError& error) {
      return ApiErrorResponse(texts, context.lang, error);
    }
  };
}

}  // namespace smedash::dashboard
