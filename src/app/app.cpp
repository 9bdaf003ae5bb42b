#include "app/app.hpp"

#include "accounts/routes.hpp"
#include "dashboard/api_routes.hpp"
#include "dashboard/page_handlers.hpp"
#include "data_management/routes.hpp"
#include "db/connection_lost.hpp"
#include "http/static_files.hpp"
#include "komitmen/routes.hpp"

namespace smedash::app {

App::App(const core::Config& config, const std::string& connection_string)
    : config_(config),
      pool_(connection_string, config.worker_threads + 2),
      changes_(connection_string),
      pages_(config.web_root),
      auth_(std::make_shared<accounts::AuthService>(
          pool_, accounts::SessionLimits{config.session_idle_timeout, config.session_max_lifetime},
          accounts::ThrottlePolicy{config.login_max_failures, config.login_lock_duration},
          &changes_)),
      users_(pool_, &changes_) {
  router_.SetGatekeeper(auth_);
  router_.SetDatabaseDownTest(db::IsConnectionLost);  // PostgreSQL stopped: 503, not 500
  router_.SetErrorPageRenderer(
      [this](const http::RequestContext& context, int status, const std::string& message) {
        return pages_.RenderError(context, status, message);
      });
  RegisterRoutes();
  figures_.WarmUp();  // the dashboards' figures load in the background, newest first
}

void App::RegisterRoutes() {
  // Order matters for the sidebar: menu entries appear as their capability registers.
  dashboard::RegisterPageRoutes(router_, pages_, users_, config_);
  accounts::AccountsContext accounts{*auth_, users_, pages_, config_, pool_};
  data_management::RegisterUploadRoutes(router_, {pool_, pages_, config_, jobs_});
  data_management::RegisterHistoryRoutes(router_, {pool_, pages_, config_, jobs_});
  data_management::RegisterViewDataRoutes(router_, {pool_, pages_, config_, changes_});
  data_management::RegisterDeleteRoutes(router_, {pool_, pages_, config_, changes_});
  data_management::RegisterReferenceDataRoutes(router_, {pool_, pages_, changes_});
  komitmen::RegisterKomitmenRoutes(router_, {pool_, pages_, config_, changes_});
  accounts::RegisterUserRoutes(router_, accounts);
  accounts::RegisterAuditRoutes(router_, accounts);
  accounts::RegisterAuthRoutes(router_, accounts);
  dashboard::RegisterApiRoutes(router_, {pool_, figures_, pages_.Texts()});

  const auto& web = config_.web_root;
  router_.Add({http::Method::kGet, "/static/{path*}", http::Access::kPublic, http::Kind::kPage,
               "static",
               http::StaticFiles(
                   {{"/static/app/", web / "static"},
                    {"/static/vendor/bootstrap/", web / "node_modules/bootstrap/dist"},
                    {"/static/vendor/bootstrap-icons/", web / "node_modules/bootstrap-icons/font"},
                    {"/static/vendor/chart.js/", web / "node_modules/chart.js/dist"}})});
  router_.Add({http::Method::kGet, "/favicon.ico", http::Access::kPublic, http::Kind::kPage,
               "favicon", [](http::RequestContext&) {
                 return http::Response::Redirect("/static/app/img/favicon.svg", 301);
               }});
  router_.Add({http::Method::kGet, "/healthz", http::Access::kPublic, http::Kind::kApi, "healthz",
               [this](http::RequestContext&) {
                 bool up = pool_.Healthy();
                 return http::Response::Json(
                     up ? 200 : 503, boost::json::object{{"status", up ? "ok" : "unavailable"},
                                                         {"database", up ? "up" : "down"}});
               }});
}

}  // namespace smedash::app
