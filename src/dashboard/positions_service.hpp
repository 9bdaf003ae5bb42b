//! What the dashboards' filters offer: the loaded positions, the groups and the kancas
//! (GET /api/v1/positions).
#pragma once
#include <boost/json/object.hpp>
#include <boost/json/storage_ptr.hpp>

#include "metrics/figure_store.hpp"

namespace smedash::dashboard {

boost::json::object BuildPositions(const metrics::Snapshot& snapshot,
                                   const boost::json::storage_ptr& storage);

}  // namespace smedash::dashboard
