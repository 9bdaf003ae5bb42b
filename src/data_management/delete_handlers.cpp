// The delete data page and its API: GET /api/v1/data/delete/preview (what a selection
// removes) and POST /api/v1/data/delete (remove it). Parse the request, call
// DeleteService, shape JSON.
#include <boost/json.hpp>
#include <memory>

#include "core/json_fields.hpp"
#include "data_management/delete_rules.hpp"
#include "data_management/delete_service.hpp"
#include "data_management/routes.hpp"

namespace smedash::data_management {
namespace {

using http::Access;
using http::Kind;
using http::Method;
using http::RequestContext;
using http::Response;

// A JSON body's field as text: strings as they are, whole numbers written out (an upload
// id may come as 12 or "12"); any other value as its JSON text, which no field accepts, so
// the problem names the field.
FieldReader BodyFields(const boost::json::object& body) {
  return [&body](std::string_view name) -> std::optional<std::string> {
    const auto* value = body.if_contains(name);
    if (value == nullptr || value->is_null()) return std::nullopt;
    if (value->is_string()) {
      if (value->as_string().empty()) return std::nullopt;
      return std::string(value->as_string());
    }
    if (value->is_int64()) return std::to_string(value->as_int64());
    return boost::json::serialize(*value);
  };
}

boost::json::object SelectionToJson(const DeleteSelection& selection) {
  boost::json::object json{{"mode", ModeName(selection.mode)}};
  if (selection.position) json["position"] = selection.position->ToIso();
  if (selection.from) json["from"] = selection.from->ToIso();
  if (selection.to) json["to"] = selection.to->ToIso();
  if (selection.mode == DeleteMode::kUpload) json["upload"] = selection.upload_id;
  return json;
}

// positions, rows and os into `json`.
void AddAmounts(boost::json::object& json, const DeletedAmounts& amounts) {
  boost::json::array positions;
  for (const auto& position : amounts.positions) {
    positions.push_back(
        {{"position", position.position}, {"rows", position.rows}, {"os", position.os}});
  }
  json["positions"] = std::move(positions);
  json["rows"] = amounts.rows;
  json["os"] = amounts.os;
}

// "stored": the server's copy, removed with the upload; "missing": it should be there but
// is not; "outside": `smedash import` recorded the admin's own file, which stays.
std::string_view FileState(const UploadToDelete& upload) {
  if (!upload.owned_file) return "outside";
  return upload.owned_file_exists ? "stored" : "missing";
}

boost::json::object UploadToJson(const UploadToDelete& upload) {
  return {{"id", upload.id},
          {"file_name", upload.file_name},
          {"uploaded_by", upload.uploaded_by},
          {"created_at", upload.created_at},
          {"rows_accepted", upload.rows_accepted},
          {"positions_elsewhere", boost::json::array(upload.positions_elsewhere.begin(),
                                                     upload.positions_elsewhere.end())},
          {"file", FileState(upload)}};
}

struct Handlers {
  ui::PageRenderer& pages;
  DeleteService service;

  std::string Text(const RequestContext& context, std::string_view key,
                   const std::map<std::string, std::string>& args = {}) const {
    return pages.Texts().Get(context.lang, key, args);
  }

  Response ProblemJson(const RequestContext& context, ReferenceProblem problem) const {
    // An upload's state reads as the upload page names it ("Diproses"), not "processing".
    if (auto status = problem.args.find("status"); status != problem.args.end()) {
      status->second = Text(context, "upload.status." + status->second);
    }
    return ProblemResponse(pages.Texts(), context.lang, problem);
  }

  Response Page(RequestContext& context) {
    return pages.RenderPage(context, {"page.delete.title",
                                      "pages/delete.html",
                                      {{"confirm_text", std::string(kConfirmAllText)}},
                                      "/static/app/js/delete.mjs"});
  }

  Response Preview(RequestContext& context) {
    const FieldReader query = [&context](std::string_view name) -> std::optional<std::string> {
      auto value = context.request.Query(name);
      if (!value || value->empty()) return std::nullopt;
      return value;
    };
    auto selection = ParseDeleteSelection(query);
    if (auto* problem = std::get_if<ReferenceProblem>(&selection)) {
      return ProblemJson(context, *problem);
    }
    auto outcome = service.Preview(std::get<DeleteSelection>(selection));
    if (auto* problem = std::get_if<ReferenceProblem>(&outcome)) {
      return ProblemJson(context, *problem);
    }
    const auto& preview = std::get<DeletePreview>(outcome);
    boost::json::object json{{"selection", SelectionToJson(preview.selection)}};
    AddAmounts(json, preview.amounts);
    json["data_version"] = preview.data_version;
    json["can_delete"] = preview.CanDelete();
    json["message"] = nullptr;
    if (!preview.CanDelete()) {
      const auto nothing = NothingToDelete(preview.selection);
      json["message"] = Text(context, nothing.key, nothing.args);
    }
    json["upload"] = nullptr;
    if (preview.upload) json["upload"] = UploadToJson(*preview.upload);
    boost::json::array loading;
    for (const auto& upload : preview.loading) {
      loading.push_back({{"id", upload.id}, {"file_name", upload.file_name}});
    }
    json["loading"] = std::move(loading);
    json["lock_wait_seconds"] = DeleteService::kLockWait.count();
    return Response::Json(200, json);
  }

  Response Delete(RequestContext& context) {
    const auto body = core::ParseJsonObject(context.request.body);
    auto selection = ParseDeleteSelection(BodyFields(body));
    if (auto* problem = std::get_if<ReferenceProblem>(&selection)) {
      return ProblemJson(context, *problem);
    }
    DeleteRequest request;
    request.selection = std::get<DeleteSelection>(selection);
    if (const auto* typed = body.if_contains("confirmation"); typed && typed->is_string()) {
      request.confirmation = std::string(typed->as_string());
    }
    if (const auto* version = body.if_contains("data_version"); version && !version->is_null()) {
      if (!version->is_int64()) {
        return ProblemJson(context,
                           {400, "validation", "delete.error.data_version", {}, "data_version"});
      }
      request.data_version = version->as_int64();
    }
    accounts::Actor actor{context.User(), context.request.remote_address};
    auto outcome = service.Delete(actor, request);
    if (auto* problem = std::get_if<ReferenceProblem>(&outcome)) {
      return ProblemJson(context, *problem);
    }
    const auto& done = std::get<DeleteDone>(outcome);
    boost::json::object deleted{{"selection", SelectionToJson(done.selection)}};
    AddAmounts(deleted, done.amounts);
    deleted["upload_id"] = nullptr;
    if (done.upload_id) deleted["upload_id"] = *done.upload_id;
    deleted["file_removed"] = done.file_removed;
    return Response::Json(
        200, boost::json::object{{"deleted", deleted}, {"data_version", done.data_version}});
  }
};

}  // namespace

void RegisterDeleteRoutes(http::Router& router, const LoanDataContext& context) {
  auto handlers = std::make_shared<Handlers>(
      Handlers{context.pages, DeleteService(context.pool, context.config, context.changes)});
  router.Add({Method::kGet, "/data/delete/", Access::kAdmin, Kind::kPage, "delete.page",
              http::Bound(handlers, &Handlers::Page)});
  router.Add({Method::kGet, "/api/v1/data/delete/preview", Access::kAdmin, Kind::kApi,
              "delete.preview", http::Bound(handlers, &Handlers::Preview)});
  router.Add({Method::kPost, "/api/v1/data/delete", Access::kAdmin, Kind::kApi, "delete.run",
              http::Bound(handlers, &Handlers::Delete)});

  context.pages.AddMenuItem({"nav.section.data", "nav.delete", "/data/delete/", "trash3", true});
}

}  // namespace smedash::data_management
