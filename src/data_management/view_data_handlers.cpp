// /data/view/ and /api/v1/loan-data: parse the request, call ViewDataService, shape JSON
// or start an export stream.
#include <fmt/format.h>

#include <boost/json.hpp>
#include <memory>

#include "data_management/upload_files.hpp"
#include "data_management/view_data_json.hpp"
#include "data_management/view_data_routes.hpp"
#include "data_management/view_data_streams.hpp"

namespace smedash::data_management {
namespace {

using http::Access;
using http::Kind;
using http::Method;
using http::RequestContext;
using http::Response;
using namespace view_data;

constexpr std::string_view kCsvType = "text/csv; charset=utf-8";
constexpr std::string_view kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
// An XLSX export's folder left by a server stopped mid-export is removed by a later one.
constexpr auto kStaleExport = std::chrono::hours(24);

QueryLookup LookupIn(const RequestContext& context) {
  return [&context](std::string_view name) { return context.request.Query(name); };
}

void RemoveStaleFolders(const std::filesystem::path& folder) {
  std::error_code error;
  const auto cutoff = std::filesystem::file_time_type::clock::now() - kStaleExport;
  for (std::filesystem::directory_iterator it(folder, error), end; !error && it != end;
       it.increment(error)) {
    std::error_code ignored;
    if (it->is_directory(ignored) && it->path().filename().string().starts_with("view-data-") &&
        it->last_write_time(ignored) < cutoff) {
      std::filesystem::remove_all(it->path(), ignored);
    }
  }
}

// "1048575" → "1.048.575" (or "1,048,575").
std::string GroupDigits(const std::string& digits, char separator) {
  std::string out;
  for (std::size_t index = 0; index < digits.size(); ++index) {
    if (index > 0 && (digits.size() - index) % 3 == 0) out += separator;
    out += digits[index];
  }
  return out;
}

struct Handlers {
  ui::PageRenderer& pages;
  const core::Config& config;
  std::shared_ptr<ViewDataService> service;

  std::string Text(const RequestContext& context, std::string_view key,
                   const std::map<std::string, std::string>& args = {}) const {
    return pages.Texts().Get(context.lang, key, args);
  }

  // A problem's message; a limit in it ({max}) grouped as the UI language writes numbers.
  std::string Message(const RequestContext& context, const RequestProblem& problem) const {
    auto args = problem.args;
    if (auto found = args.find("max"); found != args.end()) {
      found->second = GroupDigits(found->second, context.lang == "en" ? ',' : '.');
    }
    return Text(context, problem.key, args);
  }

  Response Problem(const RequestContext& context, const RequestProblem& problem) const {
    const std::string message = Message(context, problem);
    boost::json::object error{{"code", problem.code}, {"message", message}};
    if (!problem.field.empty()) error["field"] = problem.field;
    return Response::Json(400, boost::json::object{{"error", error}});
  }

  template <typename T>
  const T* Ok(const Parsed<T>& parsed) const {
    return std::get_if<T>(&parsed);
  }

  Response Page(RequestContext& context) {
    return pages.RenderPage(
        context,
        {"page.view_data.title", "pages/view_data.html", {}, "/static/app/js/view_data.mjs"});
  }

  Response Rows(RequestContext& context) {
    const auto request = ParsePageRequest(LookupIn(context));
    if (!Ok(request)) return Problem(context, std::get<RequestProblem>(request));
    const auto& page_request = std::get<PageRequest>(request);
    const auto page = service->Page(page_request);
    if (!Ok(page)) return Problem(context, std::get<RequestProblem>(page));
    return Response::Json(
        200, PageToJson(std::get<RowPage>(page), page_request.sort, service->Limits().page_rows));
  }

  Response Count(RequestContext& context) {
    const auto filters = ParseFilters(LookupIn(context));
    if (!Ok(filters)) return Problem(context, std::get<RequestProblem>(filters));
    const auto count = service->Count(std::get<ViewFilters>(filters));
    if (!Ok(count)) return Problem(context, std::get<RequestProblem>(count));
    return Response::Json(200, CountToJson(std::get<RowCount>(count)));
  }

  Response Options(RequestContext&) {
    return Response::Json(200, OptionsToJson(service->Options(), service->Limits()));
  }

  // A refused export: an error page when a browser followed the download link (the admin
  // reads it), the API's JSON error otherwise.
  Response ExportProblem(const RequestContext& context, const RequestProblem& problem) const {
    const auto accept = context.request.Header("accept").value_or("");
    if (accept.find("text/html") == std::string::npos) return Problem(context, problem);
    return pages.RenderError(context, 400, Message(context, problem));
  }

  Response Export(RequestContext& context) {
    const auto lookup = LookupIn(context);
    const std::string format = context.request.Query("format").value_or("csv");
    if (format != "csv" && format != "xlsx") {
      return ExportProblem(context, {"format", "view_data.error.format", {}, "validation"});
    }
    const auto filters = ParseFilters(lookup);
    if (!Ok(filters)) return ExportProblem(context, std::get<RequestProblem>(filters));
    const auto sort = ParseSort(lookup);
    if (!Ok(sort)) return ExportProblem(context, std::get<RequestProblem>(sort));
    auto plan = service->PlanExport(std::get<ViewFilters>(filters), std::get<SortOrder>(sort),
                                    format == "xlsx");
    if (!Ok(plan)) return ExportProblem(context, std::get<RequestProblem>(plan));
    auto& export_plan = std::get<ExportPlan>(plan);
    const std::string name = DownloadName(std::get<ViewFilters>(filters), export_plan, format);

    Response response;
    if (format == "csv") {
      response = Response::Stream(
          CsvExportStream(service, std::move(export_plan), CsvStyleFor(context.lang)),
          std::string(kCsvType));
    } else {
      const auto folder = config.data_dir / "tmp" / "exports";
      std::filesystem::create_directories(folder);
      RemoveStaleFolders(folder);
      response = Response::Stream(
          XlsxExportStream(service, std::move(export_plan), folder / ("view-data-" + RandomHex(8)),
                           Text(context, "view_data.export.sheet")),
          std::string(kXlsxType));
    }
    response.SetHeader("Content-Disposition", fmt::format("attachment; filename=\"{}\"", name));
    return response;
  }

  static std::string DownloadName(const ViewFilters& filters, const ExportPlan& plan,
                                  const std::string& extension) {
    std::string scope = "semua-posisi";
    if (filters.scope != ViewFilters::Scope::kAll && plan.positions.size() == 1) {
      scope = plan.positions.front().ToIso();
    }
    return fmt::format("data-pinjaman-{}.{}", scope, extension);
  }
};

}  // namespace

void RegisterViewDataRoutes(http::Router& router, const LoanDataContext& context,
                            const ViewDataLimits& limits) {
  auto handlers = std::make_shared<Handlers>(Handlers{
      context.pages, context.config, std::make_shared<ViewDataService>(context.pool, limits)});
  router.Add({Method::kGet, "/data/view/", Access::kAdmin, Kind::kPage, "view_data.page",
              http::Bound(handlers, &Handlers::Page)});
  router.Add({Method::kGet, "/api/v1/loan-data", Access::kAdmin, Kind::kApi, "view_data.rows",
              http::Bound(handlers, &Handlers::Rows)});
  router.Add({Method::kGet, "/api/v1/loan-data/count", Access::kAdmin, Kind::kApi,
              "view_data.count", http::Bound(handlers, &Handlers::Count)});
  router.Add({Method::kGet, "/api/v1/loan-data/options", Access::kAdmin, Kind::kApi,
              "view_data.options", http::Bound(handlers, &Handlers::Options)});
  router.Add({Method::kGet, "/api/v1/loan-data/export", Access::kAdmin, Kind::kApi,
              "view_data.export", http::Bound(handlers, &Handlers::Export)});
  context.pages.AddMenuItem({"nav.section.data", "nav.view_data", "/data/view/", "table", true});
}

void RegisterViewDataRoutes(http::Router& router, const LoanDataContext& context) {
  RegisterViewDataRoutes(router, context, ViewDataLimits{});
}

}  // namespace smedash::data_management
