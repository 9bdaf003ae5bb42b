//! The dashboard API's handlers: each parses its parameters into a typed query, then
//! answers through RespondWithFigures (ETag, 304) with the JSON its service builds.
#pragma once
#include <string_view>

#include "dashboard/api_support.hpp"
#include "http/router.hpp"

namespace smedash::dashboard {

// The JSON of each figures endpoint for the request's parameters (ApiError when they do
// not parse); the export routes build the same.
FiguresBuilder OsBuilder(const http::Request& request);
FiguresBuilder SummaryBuilder(const http::Request& request);
FiguresBuilder DailyBuilder(const http::Request& request);

http::Response PositionsApi(const ApiContext& api, http::RequestContext& context);
http::Response HomeApi(const ApiContext& api, http::RequestContext& context);
http::Response OsApi(const ApiContext& api, http::RequestContext& context);
http::Response SummaryApi(const ApiContext& api, http::RequestContext& context);
http::Response DailyApi(const ApiContext& api, http::RequestContext& context);
// `kind`: "os", "summary" or "daily".
http::Response ExportApi(const ApiContext& api, http::RequestContext& context,
                         std::string_view kind);

}  // namespace smedash::dashboard
