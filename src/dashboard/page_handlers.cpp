#include "dashboard/page_handlers.hpp"

#include <string>
#include <utility>

namespace smedash::dashboard {
namespace {

struct DashboardPage {
  std::string path;        // "/os/"
  std::string route_name;  // "dashboard.os_page"
  std::string title_key;   // "page.os.title"
  std::string label_key;   // "nav.os"
  std::string icon;        // Bootstrap Icons name
  std::string name;        // template "pages/<name>.html", module "<name>.mjs"
};

// Every page but Home needs no server-side value: the module reads the API.
void AddPage(http::Router& router, ui::PageRenderer& pages, DashboardPage page) {
  ui::Page view{
      page.title_key, "pages/" + page.name + ".html", {}, "/static/app/js/" + page.name + ".mjs"};
  router.Add({http::Method::kGet, page.path, http::Access::kSignedIn, http::Kind::kPage,
              page.route_name, [&pages, view = std::move(view)](http::RequestContext& context) {
                return pages.RenderPage(context, view);
              }});
  pages.AddMenuItem({"nav.section.dashboard", page.label_key, page.path, page.icon, false});
}

}  // namespace

void RegisterPageRoutes(http::Router& router, ui::PageRenderer& pages, accounts::UserService& users,
                        const core::Config& config) {
  router.Add({http::Method::kGet, "/", http::Access::kSignedIn, http::Kind::kPage, "home.page",
              [&pages, &users, &config](http::RequestContext& context) {
                const auto& user = context.User();
                ui::TemplateVars vars{
                    {"last_login",
                     users.PreviousSignIn(user.user_id, config.display_timezone).value_or("")}};
                return pages.RenderPage(context, {"page.home.title", "pages/home.html", vars,
                                                  "/static/app/js/home.mjs"});
              }});
  pages.AddMenuItem({"nav.section.dashboard", "nav.home", "/", "house-door", false});
  AddPage(router, pages,
          {"/os/", "dashboard.os_page", "page.os.title", "nav.os", "bar-chart-line", "os"});
  AddPage(router, pages,
          {"/summary/", "dashboard.summary_page", "page.summary.title", "nav.summary",
           "clipboard-data", "summary"});
  AddPage(router, pages,
          {"/grafik-harian/", "dashboard.grafik_harian_page", "page.grafik_harian.title",
           "nav.grafik_harian", "graph-up", "grafik_harian"});
}

}  // namespace smedash::dashboard
