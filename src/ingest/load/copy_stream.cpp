#include "ingest/load/copy_stream.hpp"

// libpqxx 6 hands raw COPY lines to the server only through tablewriter (deprecated in
// favour of stream_to, whose raw-line writer is private until libpqxx 7). Raw lines are
// what lets us send megabyte chunks instead of one libpq call per row.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#include <pqxx/tablewriter>

namespace smedash::ingest {

CopyStream::CopyStream(pqxx::transaction_base& tx, const std::string& table,
                       const std::vector<std::string>& columns)
    : writer_(std::make_unique<pqxx::tablewriter>(tx, table, columns.begin(), columns.end())) {}

CopyStream::~CopyStream() = default;

void CopyStream::Write(const std::string& lines) {
  if (!lines.empty()) writer_->write_raw_line(lines);
}

void CopyStream::Complete() { writer_->complete(); }

}  // namespace smedash::ingest
#pragma GCC diagnostic pop
