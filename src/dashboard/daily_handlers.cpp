// GET /api/v1/dashboard/daily: Grafik Harian's daily, compare and monthly views.
#include "dashboard/api_handlers.hpp"
#include "dashboard/api_params.hpp"
#include "dashboard/daily_service.hpp"

namespace smedash::dashboard {

FiguresBuilder DailyBuilder(const http::Request& request) {
  return [query = DailyQueryFrom(request)](const metrics::Snapshot& snapshot,
                                           const boost::json::storage_ptr& storage) {
    return BuildDaily(snapshot, query, storage);
  };
}

http::Response DailyApi(const ApiContext& api, http::RequestContext& context) {
  return RespondWithFigures(api, context.request, DailyBuilder(context.request));
}

}  // namespace smedash::dashboard
