// The segment map page and /api/v1/segments: parse the request, call SegmentMapService,
// shape JSON.
#include <boost/json.hpp>
#include <memory>

#include "core/json_fields.hpp"
#include "data_management/routes.hpp"
#include "data_management/segment_map_service.hpp"
#include "metrics/segment_map.hpp"

namespace smedash::data_management {
namespace {

using http::Access;
using http::Kind;
using http::Method;
using http::RequestContext;
using http::Response;

boost::json::object EntryToJson(const CodeEntry& entry) {
  boost::json::object json{{"code", entry.code}, {"rows", entry.rows}, {"os", entry.os}};
  json["segment"] = entry.segment ? boost::json::value(*entry.segment) : nullptr;
  return json;
}

boost::json::object ChangeToJson(const SegmentChange& change) {
  auto text = [](const std::optional<std::string>& value) -> boost::json::value {
    if (!value) return nullptr;
    return boost::json::string(*value);
  };
  return {{"code", change.code},
          {"before", text(change.before)},
          {"after", text(change.after)},
          {"changed", change.changed}};
}

struct Handlers {
  ui::PageRenderer& pages;
  SegmentMapService service;

  Response Outcome(const RequestContext& context, const ReferenceOutcome<SegmentChange>& outcome,
                   int status) const {
    if (const auto* problem = std::get_if<ReferenceProblem>(&outcome)) {
      return ProblemResponse(pages.Texts(), context.lang, *problem);
    }
    return Response::Json(
        status, boost::json::object{{"change", ChangeToJson(std::get<SegmentChange>(outcome))}});
  }

  static std::string Field(const boost::json::object& body, std::string_view name) {
    return core::StringField(body, name).value_or("");
  }

  Response Page(RequestContext& context) {
    return pages.RenderPage(
        context, {"page.segments.title", "pages/segments.html", {}, "/static/app/js/segments.mjs"});
  }

  Response List(RequestContext&) {
    const SegmentListing listing = service.List();
    boost::json::array segments;
    for (auto segment : kSegments) segments.emplace_back(segment);
    boost::json::array mapped;
    for (const auto& entry : listing.mapped) mapped.push_back(EntryToJson(entry));
    boost::json::array unknown;
    for (const auto& entry : listing.unknown) unknown.push_back(EntryToJson(entry));
    boost::json::value latest = nullptr;
    if (listing.latest_position) latest = boost::json::string(*listing.latest_position);
    return Response::Json(200, boost::json::object{
                                   {"segments", segments},
                                   {"fallback_segment", metrics::kFallbackSegment},
                                   {"latest_position", latest},
                                   {"codes", mapped},
                                   {"unknown", unknown},
                               });
  }

  Response Add(RequestContext& context) {
    const auto body = core::ParseJsonObject(context.request.body);
    accounts::Actor actor{context.User(), context.request.remote_address};
    return Outcome(context, service.Add(actor, Field(body, "code"), Field(body, "segment")), 201);
  }

  Response Change(RequestContext& context) {
    const auto body = core::ParseJsonObject(context.request.body);
    accounts::Actor actor{context.User(), context.request.remote_address};
    return Outcome(context,
                   service.Change(actor, context.params.at("code"), Field(body, "segment")), 200);
  }

  Response Remove(RequestContext& context) {
    accounts::Actor actor{context.User(), context.request.remote_address};
    return Outcome(context, service.Remove(actor, context.params.at("code")), 200);
  }
};

}  // namespace

void RegisterSegmentMapRoutes(http::Router& router, const ReferenceDataContext& context) {
  auto handlers = std::make_shared<Handlers>(
      Handlers{context.pages, SegmentMapService(context.pool, context.changes)});
  router.Add({Method::kGet, "/data/segments/", Access::kAdmin, Kind::kPage, "segments.page",
              http::Bound(handlers, &Handlers::Page)});
  router.Add({Method::kGet, "/api/v1/segments", Access::kAdmin, Kind::kApi, "segments.list",
              http::Bound(handlers, &Handlers::List)});
  router.Add({Method::kPost, "/api/v1/segments", Access::kAdmin, Kind::kApi, "segments.add",
              http::Bound(handlers, &Handlers::Add)});
  router.Add({Method::kPut, "/api/v1/segments/{code}", Access::kAdmin, Kind::kApi,
              "segments.change", http::Bound(handlers, &Handlers::Change)});
  router.Add({Method::kDelete, "/api/v1/segments/{code}", Access::kAdmin, Kind::kApi,
              "segments.remove", http::Bound(handlers, &Handlers::Remove)});

  context.pages.AddMenuItem({"nav.section.admin", "nav.segments", "/data/segments/", "tags", true});
}

}  // namespace smedash::data_management
