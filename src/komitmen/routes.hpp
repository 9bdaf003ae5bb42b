//! The komitmen capability's routes (issue 6, admin only): /data/komitmen/ (upload with
//! preview, history) and /data/komitmen/{YYYY-MM}/ (a month's table, inline edit, delete),
//! with their API under /api/v1/komitmen and the empty template.
#pragma once
#include "core/config.hpp"
#include "db/change_feed.hpp"
#include "db/pool.hpp"
#include "http/router.hpp"
#include "ui/page_renderer.hpp"

namespace smedash::komitmen {

struct KomitmenContext {
  db::Pool& pool;
  ui::PageRenderer& pages;
  const core::Config& config;
  db::ChangeFeed& changes;  // told after a change committed, so dashboards refresh
};

void RegisterKomitmenRoutes(http::Router& router, const KomitmenContext& context);

}  // namespace smedash::komitmen
