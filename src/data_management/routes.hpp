//! The data management capability's routes: the admin's upload page and the upload API
//! (stage, preview, process, cancel, status, issues and their downloads), and the reference
//! data pages (segment map, unit hierarchy) with their APIs.
#pragma once
#include <memory>

#include "core/config.hpp"
#include "db/change_feed.hpp"
#include "db/pool.hpp"
#include "http/router.hpp"
#include "ingest/jobs/job_signal.hpp"
#include "ui/page_renderer.hpp"

namespace smedash::data_management {

struct UploadContext {
  db::Pool& pool;
  ui::PageRenderer& pages;
  const core::Config& config;
  // Notified when an upload is queued, to wake this process's JobWorkers at once (they
  // poll anyway, so null only delays jobs by the poll interval).
  std::shared_ptr<ingest::JobSignal> jobs;
};

void RegisterUploadRoutes(http::Router& router, const UploadContext& context);

// /data/history/ and /data/history/{id}/: every upload, paged and filtered, and one upload's
// whole report (issue 5), with their APIs under /api/v1/uploads.
void RegisterHistoryRoutes(http::Router& router, const UploadContext& context);

// What changes or reads loan data as a whole: deleting it (/data/delete/) and browsing it
// (/data/view/). `changes` is told after a delete commits, so this process's dashboards
// see it at once.
struct LoanDataContext {
  db::Pool& pool;
  ui::PageRenderer& pages;
  const core::Config& config;
  db::ChangeFeed& changes;
};
void RegisterDeleteRoutes(http::Router& router, const LoanDataContext& context);
void RegisterViewDataRoutes(http::Router& router, const LoanDataContext& context);

struct ReferenceDataContext {
  db::Pool& pool;
  ui::PageRenderer& pages;
  db::ChangeFeed& changes;  // told after a change re-aggregated
};

// /data/segments/ + /api/v1/segments, and /data/units/ + /api/v1/units (admin only).
void RegisterSegmentMapRoutes(http::Router& router, const ReferenceDataContext& context);
void RegisterUnitMasterRoutes(http::Router& router, const ReferenceDataContext& context);
// Both, segments first (their order in the sidebar).
inline void RegisterReferenceDataRoutes(http::Router& router, const ReferenceDataContext& context) {
  RegisterSegmentMapRoutes(router, context);
  RegisterUnitMasterRoutes(router, context);
}

}  // namespace smedash::data_management
