// The units page and /api/v1/units: parse the request, call UnitMasterService, shape JSON.
// The master list file travels as the raw request body (text/csv), within the ordinary
// body limit: a list of every unit of a region is a few tens of kilobytes.
#include <boost/json.hpp>
#include <memory>

#include "core/json_fields.hpp"
#include "data_management/routes.hpp"
#include "data_management/unit_master_service.hpp"

namespace smedash::data_management {
namespace {

using http::Access;
using http::Kind;
using http::Method;
using http::RequestContext;
using http::Response;

boost::json::value Text(const std::optional<std::string>& text) {
  if (!text) return nullptr;
  return boost::json::string(*text);
}

std::string_view KindOf(bool office) { return office ? "office" : "kcp"; }

boost::json::value MasterJson(const std::optional<MasterEntry>& master) {
  if (!master) return nullptr;
  return boost::json::object{
      {"uker", master->values.uker},      {"kode_kanca", master->values.kode_kanca},
      {"kanca", master->values.kanca},    {"source", master->source},
      {"updated_at", master->updated_at}, {"updated_by", master->updated_by}};
}

boost::json::object UnitJson(const UnitRow& unit) {
  boost::json::value rows = nullptr;
  if (unit.rows_kanca)
    rows = boost::json::object{{"uker", Text(unit.rows_uker)}, {"kanca", *unit.rows_kanca}};
  return {{"kode_uker", unit.kode_uker},
          {"uker", unit.uker},
          {"kanca", unit.kanca},
          {"kanca_key", unit.kanca_key},
          {"kode_kanca", Text(unit.kode_kanca)},
          {"kind", KindOf(unit.is_office)},
          {"source", unit.master ? "master" : "rows"},
          {"last_position", Text(unit.last_position)},
          {"rows", rows},
          {"master", MasterJson(unit.master)}};
}

boost::json::object KancaJson(const KancaChoice& kanca) {
  return {{"name", kanca.name},
          {"key", kanca.key},
          {"code", Text(kanca.code)},
          {"office", Text(kanca.office)}};
}

boost::json::value ValuesJson(const std::optional<MasterValues>& values) {
  if (!values) return nullptr;
  return boost::json::object{{"kode_uker", values->kode_uker},
                             {"uker", values->uker},
                             {"kode_kanca", values->kode_kanca},
                             {"kanca", values->kanca},
                             {"kind", KindOf(values->kode_uker == values->kode_kanca)}};
}

std::string_view StatusName(ImportStatus status) {
  switch (status) {
    case ImportStatus::kAdded:
      return "added";
    case ImportStatus::kChanged:
      return "changed";
    case ImportStatus::kUnchanged:
      return "unchanged";
  }
  return "unchanged";
}

struct Handlers {
  ui::PageRenderer& pages;
  UnitMasterService service;

  template <typename T>
  const ReferenceProblem* ProblemOf(const ReferenceOutcome<T>& outcome) const {
    return std::get_if<ReferenceProblem>(&outcome);
  }

  Response Problem(const RequestContext& context, const ReferenceProblem& problem) const {
    return ProblemResponse(pages.Texts(), context.lang, problem);
  }

  boost::json::object PreviewJson(const RequestContext& context, const ImportPreview& preview,
                                  bool applied) const {
    boost::json::array lines;
    for (const auto& line : preview.lines) {
      auto json = ValuesJson(line.values).as_object();
      json["line"] = line.line;
      json["status"] = StatusName(line.status);
      json["before"] = ValuesJson(line.before);
      json["has_data"] = line.has_data;
      lines.push_back(std::move(json));
    }
    boost::json::array invalid;
    for (const auto& line : preview.invalid) {
      invalid.push_back({{"line", line.line},
                         {"kode_uker", line.kode_uker},
                         {"reason", pages.Texts().Get(context.lang, line.reason_key, line.args)}});
    }
    boost::json::array unknown;
    for (const auto& header : preview.unknown_headers) unknown.emplace_back(header);
    return {{"applied", applied},
            {"summary",
             {{"added", preview.added},
              {"changed", preview.changed},
              {"unchanged", preview.unchanged},
              {"invalid", preview.invalid.size()}}},
            {"delimiter", std::string(1, preview.delimiter)},
            {"encoding", preview.windows_1252 ? "windows-1252" : "utf-8"},
            {"unknown_headers", unknown},
            {"lines", lines},
            {"invalid", invalid}};
  }

  Response ChangeResponse(const UnitChange& change) const {
    boost::json::array writes;
    for (const auto& write : change.writes) {
      writes.push_back({{"kode_uker", write.kode_uker},
                        {"before", ValuesJson(write.before)},
                        {"after", ValuesJson(write.after)}});
    }
    return Response::Json(
        200, boost::json::object{{"changed", !change.writes.empty()}, {"writes", writes}});
  }

  // ---- routes ----------------------------------------------------------------------

  Response Page(RequestContext& context) {
    return pages.RenderPage(
        context, {"page.units.title", "pages/units.html", {}, "/static/app/js/units.mjs"});
  }

  Response List(RequestContext&) {
    const UnitListing listing = service.List();
    boost::json::array units;
    for (const auto& unit : listing.units) units.push_back(UnitJson(unit));
    boost::json::array kancas;
    for (const auto& kanca : listing.kancas) kancas.push_back(KancaJson(kanca));
    return Response::Json(200, boost::json::object{{"units", units}, {"kancas", kancas}});
  }

  Response Edit(RequestContext& context) {
    const auto body = core::ParseJsonObject(context.request.body);
    UnitEditRequest request;
    request.uker = core::StringField(body, "uker").value_or("");
    request.kanca = core::StringField(body, "kanca").value_or("");
    request.kode_kanca = core::StringField(body, "kode_kanca").value_or("");
    request.kind = core::StringField(body, "kind").value_or("");
    accounts::Actor actor{context.User(), context.request.remote_address};
    auto outcome = service.Edit(actor, context.params.at("code"), request);
    if (const auto* problem = ProblemOf(outcome)) return Problem(context, *problem);
    return ChangeResponse(std::get<UnitChange>(outcome));
  }

  Response Remove(RequestContext& context) {
    accounts::Actor actor{context.User(), context.request.remote_address};
    auto outcome = service.Remove(actor, context.params.at("code"));
    if (const auto* problem = ProblemOf(outcome)) return Problem(context, *problem);
    return ChangeResponse(std::get<UnitChange>(outcome));
  }

  Response PreviewImport(RequestContext& context) {
    auto outcome = service.PreviewImport(context.request.body);
    if (const auto* problem = ProblemOf(outcome)) return Problem(context, *problem);
    return Response::Json(200, PreviewJson(context, std::get<ImportPreview>(outcome), false));
  }

  Response Import(RequestContext& context) {
    accounts::Actor actor{context.User(), context.request.remote_address};
    auto outcome = service.Import(actor, context.request.body);
    if (const auto* problem = ProblemOf(outcome)) return Problem(context, *problem);
    return Response::Json(200, PreviewJson(context, std::get<ImportPreview>(outcome), true));
  }

  Response Template(RequestContext&) {
    Response response = Response::Text(200, service.TemplateCsv());
    response.SetHeader("Content-Type", "text/csv; charset=utf-8");
    response.SetHeader("Content-Disposition", "attachment; filename=\"master_unit.csv\"");
    return response;
  }
};

}  // namespace

void RegisterUnitMasterRoutes(http::Router& router, const ReferenceDataContext& context) {
  auto handlers = std::make_shared<Handlers>(
      Handlers{context.pages, UnitMasterService(context.pool, context.changes)});
  router.Add({Method::kGet, "/data/units/", Access::kAdmin, Kind::kPage, "units.page",
              http::Bound(handlers, &Handlers::Page)});
  router.Add({Method::kGet, "/api/v1/units", Access::kAdmin, Kind::kApi, "units.list",
              http::Bound(handlers, &Handlers::List)});
  router.Add({Method::kPut, "/api/v1/units/{code}/master", Access::kAdmin, Kind::kApi, "units.edit",
              http::Bound(handlers, &Handlers::Edit)});
  router.Add({Method::kDelete, "/api/v1/units/{code}/master", Access::kAdmin, Kind::kApi,
              "units.remove_master", http::Bound(handlers, &Handlers::Remove)});
  router.Add({Method::kPost, "/api/v1/units/import/preview", Access::kAdmin, Kind::kApi,
              "units.import_preview", http::Bound(handlers, &Handlers::PreviewImport)});
  router.Add({Method::kPost, "/api/v1/units/import", Access::kAdmin, Kind::kApi, "units.import",
              http::Bound(handlers, &Handlers::Import)});
  router.Add({Method::kGet, "/api/v1/units/template.csv", Access::kAdmin, Kind::kApi,
              "units.template", http::Bound(handlers, &Handlers::Template)});

  context.pages.AddMenuItem({"nav.section.admin", "nav.units", "/data/units/", "diagram-3", true});
}

}  // namespace smedash::data_management
