// The upload history pages (/data/history/, /data/history/{id}/) and their API: the
// filtered list, an upload's original file and "process again". Parse the request, call
// HistoryService, shape JSON; one upload's report is GET /api/v1/uploads/{id} (uploads).
#include <boost/json.hpp>
#include <charconv>
#include <memory>

#include "core/errors.hpp"
#include "data_management/history_files.hpp"
#include "data_management/history_filter.hpp"
#include "data_management/history_service.hpp"
#include "data_management/routes.hpp"
#include "data_management/upload_json.hpp"

namespace smedash::data_management {
namespace {

using http::Access;
using http::Kind;
using http::Method;
using http::RequestContext;
using http::Response;

boost::json::object UploaderToJson(const Uploader& uploader) {
  return {{"id", *uploader.id}, {"name", uploader.name}};
}

struct Handlers {
  ui::PageRenderer& pages;
  HistoryService service;

  std::string Text(const RequestContext& context, std::string_view key,
                   const std::map<std::string, std::string>& args = {}) const {
    return pages.Texts().Get(context.lang, key, args);
  }

  Translate TranslateFor(const RequestContext& context) const {
    return [this, lang = context.lang](std::string_view key,
                                       const std::map<std::string, std::string>& args) {
      return pages.Texts().Get(lang, key, args);
    };
  }

  static Response Error(int status, boost::json::object error) {
    return Response::Json(status, boost::json::object{{"error", std::move(error)}});
  }

  Response ProblemResponse(const RequestContext& context, const UploadProblem& problem) const {
    auto args = problem.args;
    if (problem.upload_status) {
      args["status"] = Text(context, "upload.status." + *problem.upload_status);
    }
    boost::json::object error{{"code", problem.code},
                              {"message", Text(context, problem.key, args)}};
    if (problem.upload_status) error["status"] = *problem.upload_status;
    return Error(problem.status, std::move(error));
  }

  // The {id} of the path; a malformed one names no upload.
  std::int64_t UploadId(const RequestContext& context) const {
    const std::string& text = context.params.at("id");
    std::int64_t id = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc() || end != text.data() + text.size() || id <= 0) {
      throw core::NotFound(Text(context, "upload.error.not_found"));
    }
    return id;
  }

  // ---- pages -----------------------------------------------------------------------

  Response Page(RequestContext& context) {
    return pages.RenderPage(
        context, {"page.history.title", "pages/history.html", {}, "/static/app/js/history.mjs"});
  }

  Response DetailPage(RequestContext& context) {
    const auto id = UploadId(context);
    const auto original = service.Original(id);
    const auto* problem = std::get_if<UploadProblem>(&original);
    if (problem && problem->status == 404 && problem->code == "not_found") {
      throw core::NotFound(Text(context, "upload.error.not_found"));
    }
    // Whether the download and "process again" can work; the API checks again on use.
    const std::string file_kept = problem ? "" : "1";
    return pages.RenderPage(context, {"page.history_detail.title",
                                      "pages/history_detail.html",
                                      {{"upload_id", std::to_string(id)}, {"file_kept", file_kept}},
                                      "/static/app/js/history_detail.mjs"});
  }

  // ---- API -------------------------------------------------------------------------

  Response List(RequestContext& context) {
    const auto parsed = ParseHistoryFilter(
        [&context](std::string_view name) { return context.request.Query(name); });
    if (const auto* problem = std::get_if<FilterProblem>(&parsed)) {
      return Error(400, {{"code", "bad_request"},
                         {"message", Text(context, problem->key, problem->args)},
                         {"field", problem->field}});
    }
    const HistoryPage page = service.List(std::get<HistoryFilter>(parsed));
    const auto translate = TranslateFor(context);
    boost::json::array uploads;
    for (const auto& upload : page.uploads) uploads.push_back(UploadToJson(upload, translate));
    boost::json::array uploaders;
    bool command_line = false;
    for (const auto& uploader : page.uploaders) {
      if (uploader.id) {
        uploaders.push_back(UploaderToJson(uploader));
      } else {
        command_line = true;
      }
    }
    return Response::Json(200, boost::json::object{{"uploads", uploads},
                                                   {"total", page.total},
                                                   {"page", page.page},
                                                   {"per_page", page.per_page},
                                                   {"uploaders", uploaders},
                                                   {"command_line", command_line}});
  }

  Response File(RequestContext& context) {
    auto outcome = service.Original(UploadId(context));
    if (const auto* problem = std::get_if<UploadProblem>(&outcome)) {
      return ProblemResponse(context, *problem);
    }
    const auto& original = std::get<OriginalFile>(outcome);
    Response response = Response::File(original.path, ContentTypeOf(original.file_name));
    response.SetHeader("Content-Disposition", AttachmentDisposition(original.file_name));
    return response;
  }

  Response Retry(RequestContext& context) {
    accounts::Actor actor{context.User(), context.request.remote_address};
    auto outcome = service.Retry(actor, UploadId(context));
    if (const auto* problem = std::get_if<UploadProblem>(&outcome)) {
      return ProblemResponse(context, *problem);
    }
    return Response::Json(
        202, boost::json::object{
                 {"upload", UploadToJson(std::get<Upload>(outcome), TranslateFor(context))}});
  }
};

}  // namespace

void RegisterHistoryRoutes(http::Router& router, const UploadContext& context) {
  auto handlers = std::make_shared<Handlers>(
      Handlers{context.pages, HistoryService(context.pool, context.config, context.jobs)});
  router.Add({Method::kGet, "/data/history/", Access::kAdmin, Kind::kPage, "history.page",
              http::Bound(handlers, &Handlers::Page)});
  router.Add({Method::kGet, "/data/history/{id}/", Access::kAdmin, Kind::kPage,
              "history.detail_page", http::Bound(handlers, &Handlers::DetailPage)});
  router.Add({Method::kGet, "/api/v1/uploads/history", Access::kAdmin, Kind::kApi, "history.list",
              http::Bound(handlers, &Handlers::List)});
  router.Add({Method::kGet, "/api/v1/uploads/{id}/file", Access::kAdmin, Kind::kApi, "history.file",
              http::Bound(handlers, &Handlers::File)});
  router.Add({Method::kPost, "/api/v1/uploads/{id}/retry", Access::kAdmin, Kind::kApi,
              "history.retry", http::Bound(handlers, &Handlers::Retry)});

  context.pages.AddMenuItem(
      {"nav.section.data", "nav.history", "/data/history/", "clock-history", true});
}

}  // namespace smedash::data_management
