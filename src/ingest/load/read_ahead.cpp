#include "ingest/load/read_ahead.hpp"

namespace smedash::ingest {
namespace {

// Rows per hand-over: enough that locking costs nothing per row, few enough that the
// batches in flight stay small in memory.
constexpr std::size_t kBatchRows = 512;
constexpr std::size_t kBatches = 4;

}  // namespace

ReadAhead::ReadAhead(RowReader& reader) : reader_(reader), batches_(kBatches) {
  for (auto& batch : batches_) {
    batch.rows.resize(kBatchRows);
    batch.lines.resize(kBatchRows);
    free_.push_back(&batch);
  }
  thread_ = std::thread([this] { Run(); });
}

ReadAhead::~ReadAhead() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

void ReadAhead::Run() {
  try {
    for (;;) {
      Batch* batch = nullptr;
      {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [this] { return stop_ || !free_.empty(); });
        if (stop_) return;
        batch = free_.front();
        free_.pop_front();
      }
      batch->size = 0;
      bool more = true;
      while (batch->size < kBatchRows && (more = reader_.Next(batch->rows[batch->size]))) {
        batch->lines[batch->size++] = reader_.Line();
      }
      batch->bytes_read = reader_.BytesRead();
      {
        std::lock_guard lock(mutex_);
        full_.push_back(batch);
        finished_ = !more;
      }
      changed_.notify_all();
      if (!more) return;
    }
  } catch (...) {
    {
      std::lock_guard lock(mutex_);
      error_ = std::current_exception();
      finished_ = true;
    }
    changed_.notify_all();
  }
}

bool ReadAhead::Next(const Row*& row, std::uint64_t& line) {
  while (current_ == nullptr || next_ == current_->size) {
    std::unique_lock lock(mutex_);
    if (current_ != nullptr) {
      free_.push_back(current_);
      current_ = nullptr;
      changed_.notify_all();
    }
    changed_.wait(lock, [this] { return !full_.empty() || finished_; });
    if (full_.empty()) {
      if (error_) std::rethrow_exception(error_);
      return false;
    }
    current_ = full_.front();
    full_.pop_front();
    next_ = 0;
    bytes_read_ = current_->bytes_read;
  }
  row = &current_->rows[next_];
  line = current_->lines[next_];
  ++next_;
  return true;
}

}  // namespace smedash::ingest
