// GET /api/v1/positions: what the dashboards' filters offer.
#include "dashboard/api_handlers.hpp"
#include "dashboard/positions_service.hpp"

namespace smedash::dashboard {

http::Response PositionsApi(const ApiContext& api, http::RequestContext& context) {
  return RespondWithFigures(api, context.request, BuildPositions);
}

}  // namespace smedash::dashboard
