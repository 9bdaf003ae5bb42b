//! Dashboard Home (`/`), the page every user lands on after signing in.
#pragma once
#include "accounts/user_service.hpp"
#include "core/config.hpp"
#include "http/router.hpp"
#include "ui/page_renderer.hpp"

namespace smedash::dashboard {

void RegisterHomeRoutes(http::Router& router, ui::PageRenderer& pages, accounts::UserService& users,
                        const core::Config& config);

}  // namespace smedash::dashboard
