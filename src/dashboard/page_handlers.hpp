//! The dashboard pages (issue 4): Home (`/`), Dashboard OS (`/os/`), Dashboard Summary
//! (`/summary/`) and Grafik Harian (`/grafik-harian/`), for any signed-in user, with their
//! sidebar entries. Each page is a template plus an ES module that reads the JSON API
//! (api_routes.hpp); the server renders only the frame and the texts.
#pragma once
#include "accounts/user_service.hpp"
#include "core/config.hpp"
#include "http/router.hpp"
#include "ui/page_renderer.hpp"

namespace smedash::dashboard {

void RegisterPageRoutes(http::Router& router, ui::PageRenderer& pages, accounts::UserService& users,
                        const core::Config& config);

}  // namespace smedash::dashboard
