#include "dashboard/home_handlers.hpp"

namespace smedash::dashboard {

void RegisterHomeRoutes(http::Router& router, ui::PageRenderer& pages, accounts::UserService& users,
                        const core::Config& config) {
  router.Add({http::Method::kGet, "/", http::Access::kSignedIn, http::Kind::kPage, "home.page",
              [&pages, &users, &config](http::RequestContext& context) {
                const auto& user = context.User();
                ui::TemplateVars vars{
                    {"last_login",
                     users.PreviousSignIn(user.user_id, config.display_timezone).value_or("")}};
                return pages.RenderPage(context, {"page.home.title", "pages/home.html", vars, ""});
              }});
  pages.AddMenuItem({"nav.section.dashboard", "nav.home", "/", "house-door", false});
}

}  // namespace smedash::dashboard
