//! Streams accepted rows into loan_data with COPY, replacing each position the file holds
//! as its first row arrives (domain.md section 2, "re-uploads"). Part of ingest/load; runs
//! inside the import's single transaction, so a failure leaves nothing of the file.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <pqxx/transaction_base>
#include <string>

#include "ingest/load/copy_stream.hpp"
#include "ingest/validate/row_validator.hpp"

namespace smedash::ingest {

struct PeriodeLoad {
  std::uint64_t rows_loaded = 0;
  std::uint64_t rows_replaced = 0;  // rows of this position deleted by this load
};

class LoanLoader {
 public:
  // The caller holds LockLoanData(tx): replacing a position is empty-then-insert.
  LoanLoader(pqxx::transaction_base& tx, std::int64_t upload_id);
  LoanLoader(const LoanLoader&) = delete;
  LoanLoader& operator=(const LoanLoader&) = delete;

  // Queues `row` for COPY. The first row of a position new to this file first ends the
  // running COPY and empties the position's partition (creating it when missing; the rows
  // it held are counted as replaced); then COPY resumes. Rows must be unique per (periode,
  // nomor_rekening) within the file (DuplicateFilter): a repeat fails the transaction.
  void Add(const ValidatedRow& row);

  // Sends all queued rows and ends the COPY, so the transaction can run other statements
  // (the next Add starts a new COPY). Throws the server's error if a row was refused.
  void Pause();

  // Per position ("yyyy-mm-dd") of the file: rows loaded and rows replaced.
  const std::map<std::string, PeriodeLoad>& Periodes() const { return periodes_; }

 private:
  void BeginPeriode(const std::string& periode);
  void Flush();

  pqxx::transaction_base& tx_;
  std::string upload_id_text_;
  std::string chunk_;  // COPY text lines not yet sent
  std::unique_ptr<CopyStream> copy_;
  std::map<std::string, PeriodeLoad> periodes_;
  const std::string* current_periode_ = nullptr;  // key in periodes_ of the last row
  PeriodeLoad* current_ = nullptr;
};

}  // namespace smedash::ingest
