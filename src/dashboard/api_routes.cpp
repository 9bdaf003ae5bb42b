#include "dashboard/api_routes.hpp"

#include <string>

#include "dashboard/api_handlers.hpp"

namespace smedash::dashboard {

void RegisterApiRoutes(http::Router& router, const ApiContext& context) {
  using http::Access;
  using http::Kind;
  using http::Method;
  using Call = http::Response (*)(const ApiContext&, http::RequestContext&);
  auto bind = [&context](Call call) {
    return AnsweringApiErrors(context.texts, [context, call](http::RequestContext& request) {
      return call(context, request);
    });
  };
  auto export_of = [&context](std::string kind) {
    return AnsweringApiErrors(context.texts, [context, kind](http::RequestContext& request) {
      return ExportApi(context, request, kind);
    });
  };

  router.Add({Method::kGet, "/api/v1/positions", Access::kSignedIn, Kind::kApi,
              "dashboard.positions", bind(&PositionsApi)});
  router.Add({Method::kGet, "/api/v1/dashboard/home", Access::kSignedIn, Kind::kApi,
              "dashboard.home", bind(&HomeApi)});
  router.Add({Method::kGet, "/api/v1/dashboard/os", Access::kSignedIn, Kind::kApi, "dashboard.os",
              bind(&OsApi)});
  router.Add({Method::kGet, "/api/v1/dashboard/summary", Access::kSignedIn, Kind::kApi,
              "dashboard.summary", bind(&SummaryApi)});
  router.Add({Method::kGet, "/api/v1/dashboard/daily", Access::kSignedIn, Kind::kApi,
              "dashboard.daily", bind(&DailyApi)});
  router.Add({Method::kGet, "/api/v1/dashboard/os/export", Access::kSignedIn, Kind::kApi,
              "dashboard.os_export", export_of("os")});
  router.Add({Method::kGet, "/api/v1/dashboard/summary/export", Access::kSignedIn, Kind::kApi,
              "dashboard.summary_export", export_of("summary")});
  router.Add({Method::kGet, "/api/v1/dashboard/daily/export", Access::kSignedIn, Kind::kApi,
              "dashboard.daily_export", export_of("daily")});
}

}  // namespace smedash::dashboard
