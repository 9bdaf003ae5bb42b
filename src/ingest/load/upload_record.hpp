//! The uploads row of an import: marked processing at the start, given its verdict and
//! counts at the end, with the positions it loaded (upload_periodes). Part of ingest/load.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <pqxx/connection>
#include <pqxx/transaction_base>
#include <string>

#include "ingest/load/loan_loader.hpp"
#include "ingest/pipeline.hpp"

namespace smedash::ingest {

struct Uploader {
  std::optional<std::int64_t> user_id;  // none: the command line
  std::string username;                 // "" for the command line
};

// Sets status 'processing' (and started_at, unless a job worker already did) in its own
// committed transaction, so the admin sees it at once; returns who uploaded the file.
// Throws std::invalid_argument when the row does not exist.
Uploader StartUpload(pqxx::connection& connection, std::int64_t upload_id);

// Writes the report's status, counts and error into the row.
void FinishUpload(pqxx::transaction_base& tx, std::int64_t upload_id, const ImportReport& report);

void RecordUploadPeriodes(pqxx::transaction_base& tx, std::int64_t upload_id,
                          const std::map<std::string, PeriodeLoad>& periodes);

}  // namespace smedash::ingest
