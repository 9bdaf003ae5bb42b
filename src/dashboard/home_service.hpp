//! Dashboard Home's data (domain.md section 7): the latest position's cards with DtD and
//! MtD, the OS trend, the last upload and the business days without data.
#pragma once
#include <boost/json/object.hpp>
#include <boost/json/storage_ptr.hpp>
#include <optional>

#include "dashboard/last_upload_repository.hpp"
#include "metrics/figure_store.hpp"

namespace smedash::dashboard {

boost::json::object BuildHome(const metrics::Snapshot& snapshot,
                              const std::optional<LastUpload>& last_upload,
                              const boost::json::storage_ptr& storage);

}  // namespace smedash::dashboard
