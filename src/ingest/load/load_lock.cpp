#include "ingest/load/load_lock.hpp"

#include <cstdint>
#include <pqxx/pqxx>

#include "ingest/sql.hpp"

namespace smedash::ingest {
namespace {

// Any number nothing else in the database uses; "loandata" in ASCII (the migrations'
// lock spells "smedash").
constexpr std::int64_t kLoanDataLockKey = 0x6c6f616e64617461;

}  // namespace

void LockLoanData(pqxx::transaction_base& tx) {
  static const std::string kSql = sql::Query("load_lock.sql");
  tx.exec_params(kSql, kLoanDataLockKey);
}

}  // namespace smedash::ingest
