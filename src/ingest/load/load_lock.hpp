//! The lock that serialises every change to loan_data (loads, deletes of positions), held
//! until the caller's transaction ends. Part of ingest/load; data deletes take it too.
#pragma once
#include <pqxx/transaction_base>

namespace smedash::ingest {

// Waits until no other transaction holds it, then holds it until `tx` ends.
void LockLoanData(pqxx::transaction_base& tx);

}  // namespace smedash::ingest
