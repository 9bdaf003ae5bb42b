//! Reads a file's rows on a thread of its own, a few batches ahead of the importing thread,
//! so parsing (XLSX: inflate and XML) overlaps with validation and COPY instead of adding
//! to them. Part of ingest/load.
#pragma once
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include "ingest/sheet.hpp"

namespace smedash::ingest {

class ReadAhead {
 public:
  // Starts reading `reader` (header already read) on a new thread. `reader` must outlive
  // this object and is not to be used by anyone else until it is destroyed.
  explicit ReadAhead(RowReader& reader);
  ~ReadAhead();  // stops the thread and waits for it
  ReadAhead(const ReadAhead&) = delete;
  ReadAhead& operator=(const ReadAhead&) = delete;

  // The next row and its file line, valid until the next call; false at the end of the
  // file. Rethrows what the reader threw (FileError), once the rows before it are taken.
  bool Next(const Row*& row, std::uint64_t& line);
  // Bytes the reader had consumed after the row last returned (about; for progress).
  std::uint64_t BytesRead() const { return bytes_read_; }

 private:
  struct Batch {
    std::vector<Row> rows;  // reused: cells keep their capacity from batch to batch
    std::vector<std::uint64_t> lines;
    std::size_t size = 0;
    std::uint64_t bytes_read = 0;
  };

  void Run();

  RowReader& reader_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Batch*> free_;
  std::deque<Batch*> full_;
  bool finished_ = false;  // the thread read its last row (or failed)
  bool stop_ = false;
  std::exception_ptr error_;
  std::vector<Batch> batches_;
  Batch* current_ = nullptr;  // being consumed
  std::size_t next_ = 0;
  std::uint64_t bytes_read_ = 0;
  std::thread thread_;  // last: starts once everything it uses exists
};

}  // namespace smedash::ingest
