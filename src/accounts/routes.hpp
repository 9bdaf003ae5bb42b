//! The accounts capability's routes: sign-in/out pages and API, own password, language,
//! and user management (admin).
#pragma once
#include "accounts/auth_service.hpp"
#include "accounts/user_service.hpp"
#include "core/config.hpp"
#include "db/pool.hpp"
#include "http/router.hpp"
#include "ui/page_renderer.hpp"

namespace smedash::accounts {

struct AccountsContext {
  AuthService& auth;
  UserService& users;
  ui::PageRenderer& pages;
  const core::Config& config;
  db::Pool& pool;  // the audit log's reader
};

void RegisterAuthRoutes(http::Router& router, const AccountsContext& accounts);
void RegisterUserRoutes(http::Router& router, const AccountsContext& accounts);
// /accounts/audit/ and /api/v1/audit (admin only): the audit log, filtered, paged, exported.
void RegisterAuditRoutes(http::Router& router, const AccountsContext& accounts);

}  // namespace smedash::accounts
