// GET /api/v1/dashboard/summary: the Performance Highlights SME tabs.
#include "dashboard/api_handlers.hpp"
#include "dashboard/api_params.hpp"
#include "dashboard/summary_service.hpp"

namespace smedash::dashboard {

FiguresBuilder SummaryBuilder(const http::Request& request) {
  return [query = SummaryQueryFrom(request)](const metrics::Snapshot& snapshot,
                                             const boost::json::storage_ptr& storage) {
    return BuildSummary(snapshot, query, storage);
  };
}

http::Response SummaryApi(const ApiContext& api, http::RequestContext& context) {
  return RespondWithFigures(api, context.request, SummaryBuilder(context.request));
}

}  // namespace smedash::dashboard
