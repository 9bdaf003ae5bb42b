// The audit log for admins: the page and the read-only /api/v1/audit API (a page of
// entries, one entry, the CSV of a filter). Every route is a GET; entries are written
// only by the changes they record (audit_log.hpp), and a trigger refuses any other write.
#include <boost/json.hpp>
#include <charconv>
#include <memory>

#include "accounts/audit_csv.hpp"
#include "accounts/audit_export.hpp"
#include "accounts/audit_reader.hpp"
#include "accounts/routes.hpp"
#include "core/errors.hpp"

namespace smedash::accounts {
namespace {

using http::Access;
using http::Kind;
using http::Method;
using http::RequestContext;
using http::Response;

boost::json::value Cursor(const std::optional<std::int64_t>& id) {
  return id ? boost::json::value(*id) : boost::json::value(nullptr);
}

boost::json::object RecordJson(const AuditRecord& record) {
  boost::json::value detail;
  try {
    detail = boost::json::parse(record.detail_json);
  } catch (const std::exception&) {
    detail = record.detail_json;  // jsonb always parses; kept as text if it ever would not
  }
  return {{"id", record.id},
          {"at", record.at},
          {"actor_id", Cursor(record.actor_id)},
          {"actor_name", record.actor_name},
          {"action", record.action},
          {"target", record.target},
          {"detail", std::move(detail)},
          {"ip_address", record.ip_address}};
}

// What every handler needs; shared by the route lambdas, alive as long as the router.
struct Handlers {
  ui::PageRenderer& pages;
  const core::Config& config;
  AuditReader reader;

  std::string Text(const RequestContext& context, std::string_view key,
                   const std::map<std::string, std::string>& args = {}) const {
    return pages.Texts().Get(context.lang, key, args);
  }

  AuditPageRequest Query(const RequestContext& context) const {
    auto parsed = ParseAuditQuery(context.request);
    if (const auto* error = std::get_if<AuditQueryError>(&parsed)) {
      throw core::ClientError(Text(context, "audit.error.query", {{"name", error->parameter}}));
    }
    return std::get<AuditPageRequest>(std::move(parsed));
  }

  Response Page(RequestContext& context) {
    return pages.RenderPage(context, {"page.audit.title",
                                      "pages/audit.html",
                                      {{"timezone", config.display_timezone},
                                       {"zone_label", ZoneLabel(config.display_timezone)}},
                                      "/static/app/js/audit.mjs"});
  }

  Response List(RequestContext& context) {
    const AuditPageRequest request = Query(context);
    const AuditPage page = reader.Page(request);
    boost::json::array entries;
    for (const auto& record : page.entries) entries.push_back(RecordJson(record));
    return Response::Json(200, boost::json::object{{"entries", std::move(entries)},
                                                   {"older", Cursor(page.older)},
                                                   {"newer", Cursor(page.newer)},
                                                   {"limit", request.limit}});
  }

  Response Get(RequestContext& context) {
    const std::string& text = context.params.at("id");
    std::int64_t id = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    std::optional<AuditRecord> record;
    if (ec == std::errc() && end == text.data() + text.size() && id > 0) record = reader.Get(id);
    if (!record) throw core::NotFound(Text(context, "audit.error.not_found"));
    return Response::Json(200, boost::json::object{{"entry", RecordJson(*record)}});
  }

  Response Export(RequestContext& context) {
    AuditExportLanguage language{pages.Texts(), context.lang, ZoneLabel(config.display_timezone)};
    Response response =
        Response::Stream(AuditCsvStream(reader, Query(context).filter, std::move(language)),
                         "text/csv; charset=utf-8");
    response.SetHeader("Content-Disposition", context.lang == "en"
                                                  ? "attachment; filename=\"audit-log.csv\""
                                                  : "attachment; filename=\"log-audit.csv\"");
    return response;
  }
};

}  // namespace

void RegisterAuditRoutes(http::Router& router, const AccountsContext& accounts) {
  auto handlers = std::make_shared<Handlers>(
      Handlers{accounts.pages, accounts.config,
               AuditReader(accounts.pool, accounts.config.display_timezone)});
  router.Add({Method::kGet, "/accounts/audit/", Access::kAdmin, Kind::kPage, "audit.page",
              http::Bound(handlers, &Handlers::Page)});
  router.Add({Method::kGet, "/api/v1/audit", Access::kAdmin, Kind::kApi, "audit.list",
              http::Bound(handlers, &Handlers::List)});
  router.Add({Method::kGet, "/api/v1/audit.csv", Access::kAdmin, Kind::kApi, "audit.export",
              http::Bound(handlers, &Handlers::Export)});
  router.Add({Method::kGet, "/api/v1/audit/{id}", Access::kAdmin, Kind::kApi, "audit.get",
              http::Bound(handlers, &Handlers::Get)});

  accounts.pages.AddMenuItem(
      {"nav.section.admin", "nav.audit", "/accounts/audit/", "journal-text", true});
}

}  // namespace smedash::accounts
