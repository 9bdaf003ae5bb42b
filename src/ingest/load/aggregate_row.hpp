//! What the aggregates need of a validated row (metrics::AggregateRow), read from the
//! ValidatedRow without copying its strings. Part of ingest/load.
#pragma once
#include "ingest/validate/row_validator.hpp"
#include "metrics/position_aggregator.hpp"

namespace smedash::ingest {

// Valid while `row` is unchanged. Throws std::logic_error when the row lacks what the
// validator guarantees for accepted rows (a grade 1..5, an os in numeric text form).
metrics::AggregateRow AggregateView(const ValidatedRow& row);

}  // namespace smedash::ingest
