//! View data's routes with limits of the caller's choosing (tests use a small XLSX limit);
//! RegisterViewDataRoutes (routes.hpp) registers them with the defaults.
#pragma once
#include "data_management/routes.hpp"
#include "data_management/view_data_service.hpp"

namespace smedash::data_management {

void RegisterViewDataRoutes(http::Router& router, const LoanDataContext& context,
                            const view_data::ViewDataLimits& limits);

}  // namespace smedash::data_management
