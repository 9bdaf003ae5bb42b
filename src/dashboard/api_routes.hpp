//! The dashboards' JSON API and its exports (docs/dashboard-api.md), for any signed-in
//! user. The pages that call it register themselves (page_handlers).
#pragma once
#include "dashboard/api_support.hpp"
#include "http/router.hpp"

namespace smedash::dashboard {

// `context`'s pool, figure store and translations must outlive the router.
void RegisterApiRoutes(http::Router& router, const ApiContext& context);

}  // namespace smedash::dashboard
