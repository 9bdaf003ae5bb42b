// The upload page and /api/v1/uploads: parse the request, call UploadService, shape JSON.
#include <fmt/format.h>

#include <boost/json.hpp>
#include <charconv>
#include <memory>

#include "core/errors.hpp"
#include "data_management/routes.hpp"
#include "data_management/upload_files.hpp"
#include "data_management/upload_json.hpp"
#include "data_management/upload_service.hpp"

namespace smedash::data_management {
namespace {

using http::Access;
using http::Kind;
using http::Method;
using http::RequestContext;
using http::Response;

// About the preview of the largest upload (100 MB: ~3 s) and a margin.
constexpr int kBusyRetrySeconds = 5;

// What every handler needs; shared by the route lambdas, alive as long as the router.
struct Handlers {
  ui::PageRenderer& pages;
  const core::Config& config;
  UploadService service;

  Translate TranslateFor(const RequestContext& context) const {
    return [this, lang = context.lang](std::string_view key,
                                       const std::map<std::string, std::string>& args) {
      return pages.Texts().Get(lang, key, args);
    };
  }

  std::string Text(const RequestContext& context, std::string_view key,
                   const std::map<std::string, std::string>& args = {}) const {
    return pages.Texts().Get(context.lang, key, args);
  }

  Response ProblemResponse(const RequestContext& context, const UploadProblem& problem) const {
    auto args = problem.args;
    if (problem.upload_status) {
      args["status"] = Text(context, "upload.status." + *problem.upload_status);
    }
    if (!problem.reason_key.empty()) {
      args["reason"] = ProblemText(problem.reason_key, problem.reason_args, TranslateFor(context));
    }
    boost::json::object error{{"code", problem.code},
                              {"message", Text(context, problem.key, args)}};
    if (problem.upload_status) error["status"] = *problem.upload_status;
    Response response = Response::Json(problem.status, boost::json::object{{"error", error}});
    // Busy: another file is being read for its preview, which takes seconds.
    if (problem.status == 503) response.SetHeader("Retry-After", std::to_string(kBusyRetrySeconds));
    return response;
  }

  // Route::admit of the upload: refuse before the body is sent while previews are busy.
  std::optional<Response> Admit(RequestContext& context) {
    if (!service.PreviewsBusy()) return std::nullopt;
    return ProblemResponse(context, UploadService::BusyProblem());
  }

  std::int64_t UploadId(const RequestContext& context) const {
    const std::string& text = context.params.at("id");
    std::int64_t id = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc() || end != text.data() + text.size() || id <= 0) {
      throw core::NotFound(Text(context, "upload.error.not_found"));
    }
    return id;
  }

  // A positive whole number from the query string, or `fallback` when absent.
  int IntQuery(const RequestContext& context, std::string_view name, int fallback) const {
    const auto text = context.request.Query(name);
    if (!text || text->empty()) return fallback;
    int value = 0;
    auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (ec != std::errc() || end != text->data() + text->size() || value < 1) {
      throw core::ClientError(Text(context, "upload.error.query", {{"name", std::string(name)}}));
    }
    return value;
  }

  IssueKind KindQuery(const RequestContext& context) const {
    const auto kind = ParseIssueKind(context.request.Query("kind").value_or("all"));
    if (!kind) throw core::ClientError(Text(context, "upload.error.query", {{"name", "kind"}}));
    return *kind;
  }

  Upload Existing(const RequestContext& context, std::int64_t id) {
    auto upload = service.Get(id);
    if (!upload) throw core::NotFound(Text(context, "upload.error.not_found"));
    return std::move(*upload);
  }

  Response UploadJson(const RequestContext& context, const Upload& upload, int status = 200) {
    return Response::Json(
        status, boost::json::object{{"upload", UploadToJson(upload, TranslateFor(context))}});
  }

  template <typename T>
  static const UploadProblem* ProblemOf(const UploadOutcome<T>& outcome) {
    return std::get_if<UploadProblem>(&outcome);
  }

  // ---- routes ----------------------------------------------------------------------

  Response Page(RequestContext& context) {
    return pages.RenderPage(context,
                            {"page.upload.title",
                             "pages/upload.html",
                             {{"upload_max_bytes", std::to_string(config.upload_max_bytes)},
                              {"upload_max_label", ByteSizeLabel(config.upload_max_bytes)}},
                             "/static/app/js/upload.mjs"});
  }

  Response Stage(RequestContext& context) {
    StageRequest request;
    request.body_file = context.request.body_file;
    request.file_name = context.request.Query("name").value_or("");
    request.number_style = context.request.Query("number_style").value_or("auto");
    request.notes = context.request.Query("notes").value_or("");
    accounts::Actor actor{context.User(), context.request.remote_address};
    auto outcome = service.Stage(actor, request);
    if (const auto* problem = ProblemOf(outcome)) return ProblemResponse(context, *problem);
    const auto& staged = std::get<Staged>(outcome);
    const auto translate = TranslateFor(context);
    boost::json::value same = nullptr;
    if (staged.same_file_as) same = SameFileToJson(*staged.same_file_as);
    return Response::Json(201, boost::json::object{
                                   {"upload", UploadToJson(staged.upload, translate)},
                                   {"preview", PreviewToJson(staged.preview, translate)},
                                   {"same_file_as", same},
                               });
  }

  Response PreviewAgain(RequestContext& context) {
    auto outcome = service.PreviewOf(UploadId(context));
    if (const auto* problem = ProblemOf(outcome)) return ProblemResponse(context, *problem);
    return Response::Json(
        200, boost::json::object{{"preview", PreviewToJson(std::get<ingest::Preview>(outcome),
                                                           TranslateFor(context))}});
  }

  Response Process(RequestContext& context) {
    accounts::Actor actor{context.User(), context.request.remote_address};
    auto outcome = service.Process(actor, UploadId(context));
    if (const auto* problem = ProblemOf(outcome)) return ProblemResponse(context, *problem);
    return UploadJson(context, std::get<Upload>(outcome), 202);
  }

  Response Cancel(RequestContext& context) {
    accounts::Actor actor{context.User(), context.request.remote_address};
    auto outcome = service.Cancel(actor, UploadId(context));
    if (const auto* problem = ProblemOf(outcome)) return ProblemResponse(context, *problem);
    return UploadJson(context, std::get<Upload>(outcome));
  }

  Response Get(RequestContext& context) {
    return UploadJson(context, Existing(context, UploadId(context)));
  }

  Response List(RequestContext& context) {
    const std::string filter = context.request.Query("status").value_or("active");
    auto uploads = service.List(filter, context.User().user_id, IntQuery(context, "limit", 20));
    if (!uploads)
      throw core::ClientError(Text(context, "upload.error.query", {{"name", "status"}}));
    const auto translate = TranslateFor(context);
    boost::json::array items;
    for (const auto& upload : *uploads) items.push_back(UploadToJson(upload, translate));
    return Response::Json(200, boost::json::object{{"uploads", items}});
  }

  Response Issues(RequestContext& context) {
    const auto id = UploadId(context);
    auto page = service.Issues(id, KindQuery(context), IntQuery(context, "page", 1),
                               IntQuery(context, "per_page", 50));
    if (!page) throw core::NotFound(Text(context, "upload.error.not_found"));
    const auto translate = TranslateFor(context);
    boost::json::array items;
    for (const auto& issue : page->items) items.push_back(IssueToJson(issue, translate));
    return Response::Json(200, boost::json::object{{"items", items},
                                                   {"total", page->total},
                                                   {"page", page->page},
                                                   {"per_page", page->per_page}});
  }

  Response Export(RequestContext& context, ExportFormat format) {
    const auto id = UploadId(context);
    auto exported = service.ExportIssues(id, KindQuery(context), format, context.lang);
    if (!exported) throw core::NotFound(Text(context, "upload.error.not_found"));
    Response response = Response::File(
        exported->path, format == ExportFormat::kCsv
                            ? "text/csv; charset=utf-8"
                            : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    response.SetHeader("Content-Disposition",
                       fmt::format("attachment; filename=\"{}\"", exported->download_name));
    return response;
  }
};

}  // namespace

void RegisterUploadRoutes(http::Router& router, const UploadContext& context) {
  auto handlers = std::make_shared<Handlers>(
      Handlers{context.pages, context.config,
               UploadService(context.pool, context.config, context.pages.Texts(), context.jobs)});
  auto export_as = [handlers](ExportFormat format) {
    return
        [handlers, format](RequestContext& request) { return handlers->Export(request, format); };
  };

  router.Add({Method::kGet, "/data/upload/", Access::kAdmin, Kind::kPage, "uploads.page",
              http::Bound(handlers, &Handlers::Page)});
  http::Route stage{Method::kPost, "/api/v1/uploads", Access::kAdmin,
                    Kind::kApi,    "uploads.stage",   http::Bound(handlers, &Handlers::Stage)};
  stage.body_to_file = true;
  stage.max_body_bytes = context.config.upload_max_bytes;
  stage.admit = [handlers](RequestContext& request) { return handlers->Admit(request); };
  router.Add(std::move(stage));
  router.Add({Method::kGet, "/api/v1/uploads", Access::kAdmin, Kind::kApi, "uploads.list",
              http::Bound(handlers, &Handlers::List)});
  router.Add({Method::kGet, "/api/v1/uploads/{id}", Access::kAdmin, Kind::kApi, "uploads.get",
              http::Bound(handlers, &Handlers::Get)});
  router.Add({Method::kDelete, "/api/v1/uploads/{id}", Access::kAdmin, Kind::kApi, "uploads.cancel",
              http::Bound(handlers, &Handlers::Cancel)});
  router.Add({Method::kGet, "/api/v1/uploads/{id}/preview", Access::kAdmin, Kind::kApi,
              "uploads.preview", http::Bound(handlers, &Handlers::PreviewAgain)});
  router.Add({Method::kPost, "/api/v1/uploads/{id}/process", Access::kAdmin, Kind::kApi,
              "uploads.process", http::Bound(handlers, &Handlers::Process)});
  router.Add({Method::kGet, "/api/v1/uploads/{id}/issues", Access::kAdmin, Kind::kApi,
              "uploads.issues", http::Bound(handlers, &Handlers::Issues)});
  router.Add({Method::kGet, "/api/v1/uploads/{id}/issues.csv", Access::kAdmin, Kind::kApi,
              "uploads.issues_csv", export_as(ExportFormat::kCsv)});
  router.Add({Method::kGet, "/api/v1/uploads/{id}/issues.xlsx", Access::kAdmin, Kind::kApi,
              "uploads.issues_xlsx", export_as(ExportFormat::kXlsx)});

  context.pages.AddMenuItem(
      {"nav.section.data", "nav.upload", "/data/upload/", "cloud-arrow-up", true});
}

}  // namespace smedash::data_management
