// GET /api/v1/dashboard/{os,summary,daily}/export: the endpoint's JSON, laid out as a file
// by the export module.
#include <boost/json/monotonic_resource.hpp>
#include <stdexcept>

#include "dashboard/api_handlers.hpp"
#include "dashboard/api_params.hpp"
#include "dashboard/export/dashboard_export.hpp"

namespace smedash::dashboard {
namespace {

FiguresBuilder BuilderFor(std::string_view kind, const http::Request& request) {
  if (kind == "os") return OsBuilder(request);
  if (kind == "summary") return SummaryBuilder(request);
  if (kind == "daily") return DailyBuilder(request);
  throw std::logic_error("unknown dashboard export");
}

}  // namespace

http::Response ExportApi(const ApiContext& api, http::RequestContext& context,
                         std::string_view kind) {
  const ExportOptions options = ExportOptionsFrom(context.request, kind);
  const FiguresBuilder build = BuilderFor(kind, context.request);
  boost::json::monotonic_resource arena;
  const boost::json::storage_ptr storage(&arena);
  const boost::json::object data =
      api.figures.Read([&](const metrics::Snapshot& snapshot) { return build(snapshot, storage); });

  ExportRequest request;
  request.kind = std::string(kind);
  request.format = options.format;
  request.unit = options.unit;
  request.lang = context.lang;
  request.table = options.table;
  ExportFile file = ExportDashboard(data, request, api.texts);

  http::Response response;
  response.body = std::move(file.body);
  response.SetHeader("Content-Type", file.content_type);
  response.SetHeader("Content-Disposition", "attachment; filename=\"" + file.file_name + "\"");
  return response;
}

}  // namespace smedash::dashboard
