//! The data management capability's routes: the admin's upload page and the upload API
//! (stage, preview, process, cancel, status, issues and their downloads), and the reference
//! data pages (segment map, unit hierarchy) with their APIs.
#pragma once
#include <memory>

#include "core/config.hpp"
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

struct ReferenceDataContext {
  db::Pool& pool;
  ui::PageRenderer& pages;
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
