// GET /api/v1/dashboard/os: the Dashboard OS tables and charts.
#include "dashboard/api_handlers.hpp"
#include "dashboard/api_params.hpp"
#include "dashboard/os_service.hpp"

namespace smedash::dashboard {

FiguresBuilder OsBuilder(const http::Request& request) {
  return [query = OsQueryFrom(request)](const metrics::Snapshot& snapshot,
                                        const boost::json::storage_ptr& storage) {
    return BuildOsDashboard(snapshot, query, storage);
  };
}

http::Response OsApi(const ApiContext& api, http::RequestContext& context) {
  return RespondWithFigures(api, context.request, OsBuilder(context.request));
}

}  // namespace smedash::dashboard
