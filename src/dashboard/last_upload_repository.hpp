//! The one thing dashboard reads outside metrics: the latest upload, for Home's status box
//! and ETag. It is the uploads table's own state (queued, processing, failed), which no
//! figure in metrics carries, so a single read-only query here beats a cross-capability
//! dependency on data_management (which links ingest, which dashboard must not).
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "db/pool.hpp"

namespace smedash::dashboard {

struct LastUpload {
  std::int64_t id = 0;
  std::string file_name;
  std::string status;                       // queued, processing, completed, failed
  std::string created_at;                   // ISO-8601 UTC
  std::optional<std::string> completed_at;  // ISO-8601 UTC
  std::int64_t rows_accepted = 0;
  std::int64_t rows_rejected = 0;
};

// The newest upload sent to processing (staged and cancelled ones left out); nullopt when
// there is none.
std::optional<LastUpload> FindLastUpload(db::Pool& pool);

}  // namespace smedash::dashboard
