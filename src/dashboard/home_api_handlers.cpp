// GET /api/v1/dashboard/home: Home's cards, trend, last upload and missing days.
#include <string>

#include "dashboard/api_handlers.hpp"
#include "dashboard/home_service.hpp"
#include "dashboard/last_upload_repository.hpp"

namespace smedash::dashboard {

http::Response HomeApi(const ApiContext& api, http::RequestContext& context) {
  // Home shows the last upload too, so its tag moves when that upload does (queued →
  // processing → failed changes no data_version).
  const auto upload = FindLastUpload(api.pool);
  const std::string suffix =
      upload ? "u" + std::to_string(upload->id) + "-" + upload->status : "u0";
  return RespondWithFigures(
      api, context.request,
      [&upload](const metrics::Snapshot& snapshot, const boost::json::storage_ptr& storage) {
        return BuildHome(snapshot, upload, storage);
      },
      suffix);
}

}  // namespace smedash::dashboard
