//! One COPY ... FROM STDIN into a table, fed large chunks of ready-made COPY text lines.
//! Part of ingest/load; the only place that knows how libpqxx exposes raw COPY data.
#pragma once
#include <memory>
#include <pqxx/transaction_base>
#include <string>
#include <vector>

namespace pqxx {
class tablewriter;
}

namespace smedash::ingest {

class CopyStream {
 public:
  // Starts COPY `table` (`columns`) FROM STDIN in `tx`; until Complete(), `tx` runs no
  // other statement.
  CopyStream(pqxx::transaction_base& tx, const std::string& table,
             const std::vector<std::string>& columns);
  ~CopyStream();  // without Complete(): the COPY is abandoned and `tx` must roll back
  CopyStream(const CopyStream&) = delete;
  CopyStream& operator=(const CopyStream&) = delete;

  // `lines`: whole lines, each ending in '\n'. Large chunks (about a megabyte) keep the
  // per-call cost negligible.
  void Write(const std::string& lines);
  // Ends the COPY; throws the server's error when a row was refused.
  void Complete();

 private:
  std::unique_ptr<pqxx::tablewriter> writer_;
};

}  // namespace smedash::ingest
