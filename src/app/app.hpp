//! The composition root: builds the services and the router from the configuration, the
//! same way for `smedash serve` and for the integration tests.
#pragma once
#include <memory>
#include <string>

#include "accounts/auth_service.hpp"
#include "accounts/user_service.hpp"
#include "core/config.hpp"
#include "db/change_feed.hpp"
#include "db/pool.hpp"
#include "http/router.hpp"
#include "ingest/jobs/job_signal.hpp"
#include "metrics/figure_store.hpp"
#include "ui/page_renderer.hpp"

namespace smedash::app {

class App {
 public:
  App(const core::Config& config, const std::string& connection_string);

  const http::Router& Router() const { return router_; }
  accounts::UserService& Users() { return users_; }
  db::Pool& Pool() { return pool_; }
  // Every dashboard figure, cached per data_version.
  metrics::FigureStore& Figures() { return figures_; }
  // Hears when data changes (any process); this process's writers announce theirs.
  db::ChangeFeed& Changes() { return changes_; }
  // Wakes this process's upload job workers when an upload is queued.
  std::shared_ptr<ingest::JobSignal> JobSignal() { return jobs_; }

 private:
  void RegisterRoutes();

  const core::Config& config_;
  db::Pool pool_;
  db::ChangeFeed changes_;
  metrics::FigureStore figures_{pool_, &changes_};
  ui::PageRenderer pages_;
  std::shared_ptr<accounts::AuthService> auth_;
  accounts::UserService users_;
  std::shared_ptr<ingest::JobSignal> jobs_ = std::make_shared<ingest::JobSignal>();
  http::Router router_;
};

}  // namespace smedash::app
