//! What every dashboard API handler shares: the services they read, the ETag / 304 path
//! (docs/dashboard-api.md: the tag comes from data_version, checked before any figure is
//! computed), and the documented JSON errors for ApiError.
#pragma once
#include <boost/json/object.hpp>
#include <boost/json/storage_ptr.hpp>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "dashboard/api_error.hpp"
#include "dashboard/response_cache.hpp"
#include "db/pool.hpp"
#include "http/router.hpp"
#include "metrics/figure_store.hpp"
#include "ui/i18n.hpp"

namespace smedash::dashboard {

struct ApiContext {
  db::Pool& pool;
  metrics::FigureStore& figures;
  const ui::Translations& texts;
  // Shared by every route's copy of the context.
  std::shared_ptr<ResponseCache> responses = std::make_shared<ResponseCache>();
};

// Builds an endpoint's JSON from a snapshot, every value in `storage` (the response's arena).
using FiguresBuilder = std::function<boost::json::object(const metrics::Snapshot& snapshot,
                                                         const boost::json::storage_ptr& storage)>;

// "\"d42\"", or "\"d42-<suffix>\"" (Home adds its last upload).
std::string FiguresTag(std::int64_t version, std::string_view suffix);
// True when the request's If-None-Match lists `tag` (weak or strong) or is "*".
bool IfNoneMatchHas(const http::Request& request, std::string_view tag);

// 304 (with the tag, no body) when If-None-Match holds the current tag: nothing is
// computed. Otherwise the JSON `build` makes from the current snapshot, tagged with that
// snapshot's version, and Cache-Control: private, no-cache; an answer already built for
// the same request target and tag is sent again from api.responses.
http::Response RespondWithFigures(const ApiContext& api, const http::Request& request,
                                  const FiguresBuilder& build, std::string_view tag_suffix = {});

// The documented error: 400 {"error": {"code": "bad_parameter", "field", "message"}} or
// 404 position_not_loaded, the message in `lang`.
http::Response ApiErrorResponse(const ui::Translations& texts, const std::string& lang,
                                const ApiError& error);

// `handler` with ApiError answered as ApiErrorResponse. The router's own ClientError and
// NotFound carry neither a field nor these codes, so the dashboard API maps its own error
// here, once, for all its routes.
http::Handler AnsweringApiErrors(const ui::Translations& texts, http::Handler handler);

}  // namespace smedash::dashboard
