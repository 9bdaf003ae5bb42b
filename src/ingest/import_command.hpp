//! `smedash import FILE... [--number-format auto|id|en] [--user NAME]`: the upload pipeline
//! from the command line (backfills, benchmarks), one JSON line per file on stdout.
#pragma once
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "ingest/preview.hpp"  // ParseNumberStyle for the --number-format flag
#include "ingest/validate/row_validator.hpp"

namespace smedash::ingest {

// Imports each of `files` in turn on a connection to `connection_string` (migrated): an
// uploads row per file (uploaded_by = `username`'s id, or none for the command line), then
// RunImport. Prints per file {"file", "upload_id", "status", "rows_total", "rows_accepted",
// "rows_rejected", "warnings", "periodes", "rows_replaced", "unknown_codes", "seconds"}
// (+ "error_key", "error" when the file was refused) on `out`, and the first rejected rows
// on `err`. Returns 0 when every file completed, 1 when any was refused as a whole, 2 when
// `username` does not exist (nothing imported).
int ImportCommand(const std::string& connection_string, const std::vector<std::string>& files,
                  NumberStyle number_style, const std::optional<std::string>& username,
                  std::ostream& out, std::ostream& err);

}  // namespace smedash::ingest
