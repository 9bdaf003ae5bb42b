// The komitmen pages and /api/v1/komitmen: parse the request, call KomitmenService, shape
// JSON. A target file travels as the raw request body: one row per unit of a region, a
// few hundred kilobytes at most, so it is held in memory up to kMaxTargetFileBytes and
// written to a temporary file only for the reader.
#include <boost/json.hpp>
#include <memory>

#include "core/errors.hpp"
#include "core/json_fields.hpp"
#include "komitmen/komitmen_json.hpp"
#include "komitmen/komitmen_service.hpp"
#include "komitmen/routes.hpp"
#include "komitmen/target_template.hpp"

namespace smedash::komitmen {
namespace {

using http::Access;
using http::Kind;
using http::Method;
using http::RequestContext;
using http::Response;

constexpr std::size_t kMaxTargetFileBytes = 16 * 1024 * 1024;

struct Handlers {
  ui::PageRenderer& pages;
  KomitmenService service;

  Response Problem(const RequestContext& context, const ReferenceProblem& problem) const {
    return data_management::ProblemResponse(pages.Texts(), context.lang, problem);
  }

  std::string Text(const RequestContext& context, std::string_view key,
                   const std::map<std::string, std::string>& args = {}) const {
    return pages.Texts().Get(context.lang, key, args);
  }

  // The {month} of the path; a month that cannot be is not found.
  core::Date MonthParam(const RequestContext& context) const {
    const auto& text = context.params.at("month");
    if (auto month = ParseMonthText(text)) return *month;
    throw core::NotFound(Text(context, "komitmen.error.no_month", {{"month", text}}));
  }

  FileUpload UploadOf(const RequestContext& context) const {
    return {context.request.Query("name").value_or(""), context.request.Query("month"),
            context.request.body};
  }

  static accounts::Actor ActorOf(const RequestContext& context) {
    return {context.User(), context.request.remote_address};
  }

  Response PreviewAnswer(const RequestContext& context,
                         const Outcome<KomitmenPreview>& outcome) const {
    if (const auto* problem = std::get_if<ReferenceProblem>(&outcome)) {
      return Problem(context, *problem);
    }
    return Response::Json(
        200, PreviewJson(std::get<KomitmenPreview>(outcome), pages.Texts(), context.lang));
  }

  // ---- pages -----------------------------------------------------------------------

  Response Page(RequestContext& context) {
    return pages.RenderPage(context, {"page.komitmen.title",
                                      "pages/komitmen.html",
                                      {{"max_bytes", std::to_string(kMaxTargetFileBytes)}},
                                      "/static/app/js/komitmen.mjs"});
  }

  Response MonthPage(RequestContext& context) {
    const core::Date month = MonthParam(context);
    return pages.RenderPage(
        context, {"page.komitmen_month.title",
                  "pages/komitmen_month.html",
                  {{"month", MonthText(month)}, {"max_bytes", std::to_string(kMaxTargetFileBytes)}},
                  "/static/app/js/komitmen_month.mjs"});
  }

  // ---- API -------------------------------------------------------------------------

  Response Preview(RequestContext& context) {
    return PreviewAnswer(context, service.Preview(UploadOf(context)));
  }

  Response Apply(RequestContext& context) {
    return PreviewAnswer(context, service.Apply(ActorOf(context), UploadOf(context)));
  }

  Response List(RequestContext&) {
    boost::json::array uploads;
    for (const auto& upload : service.Uploads()) uploads.push_back(UploadJson(upload));
    return Response::Json(200, boost::json::object{{"uploads", std::move(uploads)}});
  }

  Response Month(RequestContext& context) {
    const core::Date month = MonthParam(context);
    const auto view = service.Month(month);
    if (!view)
      throw core::NotFound(Text(context, "komitmen.error.no_month", {{"month", MonthText(month)}}));
    return Response::Json(200, MonthJson(*view, pages.Texts(), context.lang));
  }

  Response Edit(RequestContext& context) {
    const core::Date month = MonthParam(context);
    const auto body = core::ParseJsonObject(context.request.body);
    TargetEdit edit;
    edit.kode_uker = core::StringField(body, "kode_uker").value_or("");
    edit.group = core::StringField(body, "group").value_or("");
    edit.measure = core::StringField(body, "measure").value_or("");
    edit.value = core::StringField(body, "value").value_or("");  // null: no target
    auto outcome = service.Edit(ActorOf(context), month, edit);
    if (const auto* problem = std::get_if<ReferenceProblem>(&outcome)) {
      return Problem(context, *problem);
    }
    return Response::Json(200, EditJson(std::get<EditResult>(outcome)));
  }

  Response Delete(RequestContext& context) {
    auto outcome = service.Delete(ActorOf(context), MonthParam(context));
    if (const auto* problem = std::get_if<ReferenceProblem>(&outcome)) {
      return Problem(context, *problem);
    }
    return Response::Json(
        200, boost::json::object{{"deleted", true},
                                 {"upload", UploadJson(std::get<UploadRecord>(outcome))}});
  }

  Response TemplateXlsxFile(RequestContext&) {
    return Download(TemplateXlsx(service.TemplateUnits()),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    "komitmen_template.xlsx");
  }

  Response TemplateCsvFile(RequestContext&) {
    return Download(TemplateCsv(service.TemplateUnits()), "text/csv; charset=utf-8",
                    "komitmen_template.csv");
  }

  static Response Download(std::string content, std::string type, const std::string& name) {
    Response response = Response::Text(200, std::move(content));
    response.SetHeader("Content-Type", std::move(type));
    response.SetHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
    return response;
  }
};

}  // namespace

void RegisterKomitmenRoutes(http::Router& router, const KomitmenContext& context) {
  auto handlers = std::make_shared<Handlers>(
      Handlers{context.pages, KomitmenService(context.pool, context.changes)});
  auto add = [&](Method method, std::string pattern, Kind kind, std::string name,
                 Response (Handlers::*method_of)(RequestContext&), std::size_t max_body = 0) {
    http::Route route{method, std::move(pattern), Access::kAdmin,
                      kind,   std::move(name),    http::Bound(handlers, method_of)};
    if (max_body > 0) route.max_body_bytes = max_body;
    router.Add(std::move(route));
  };
  add(Method::kGet, "/data/komitmen/", Kind::kPage, "komitmen.page", &Handlers::Page);
  add(Method::kGet, "/data/komitmen/{month}/", Kind::kPage, "komitmen.month_page",
      &Handlers::MonthPage);
  add(Method::kPost, "/api/v1/komitmen/preview", Kind::kApi, "komitmen.preview", &Handlers::Preview,
      kMaxTargetFileBytes);
  add(Method::kPost, "/api/v1/komitmen", Kind::kApi, "komitmen.apply", &Handlers::Apply,
      kMaxTargetFileBytes);
  add(Method::kGet, "/api/v1/komitmen", Kind::kApi, "komitmen.list", &Handlers::List);
  add(Method::kGet, "/api/v1/komitmen/{month}", Kind::kApi, "komitmen.month", &Handlers::Month);
  add(Method::kPatch, "/api/v1/komitmen/{month}/targets", Kind::kApi, "komitmen.edit",
      &Handlers::Edit);
  add(Method::kDelete, "/api/v1/komitmen/{month}", Kind::kApi, "komitmen.delete",
      &Handlers::Delete);
  add(Method::kGet, "/api/v1/komitmen/template.xlsx", Kind::kApi, "komitmen.template_xlsx",
      &Handlers::TemplateXlsxFile);
  add(Method::kGet, "/api/v1/komitmen/template.csv", Kind::kApi, "komitmen.template_csv",
      &Handlers::TemplateCsvFile);

  context.pages.AddMenuItem(
      {"nav.section.admin", "nav.komitmen", "/data/komitmen/", "bullseye", true});
}

}  // namespace smedash::komitmen
