//! Keeps a running upload job visibly alive: a thread of its own writes heartbeat_at (and
//! the latest progress) on its own connection, so a long phase that reports no progress
//! still beats and the recovery sweep leaves the job alone.
#pragma once
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <pqxx/connection>
#include <string>
#include <thread>

#include "ingest/pipeline.hpp"

namespace smedash::ingest {

struct HeartbeatTiming {
  std::chrono::milliseconds progress_interval{1000};  // at most one progress write per this
  std::chrono::milliseconds beat_interval{10000};     // a write at least this often
};

class Heartbeat {
 public:
  Heartbeat(std::string connection_string, std::int64_t upload_id, HeartbeatTiming timing);
  ~Heartbeat();  // stops the thread and waits for it
  Heartbeat(const Heartbeat&) = delete;
  Heartbeat& operator=(const Heartbeat&) = delete;

  // Called on the importing thread; only stores the values, never waits on the database.
  void Report(const ImportProgress& progress);

 private:
  void Run();
  void Write(const std::optional<std::string>& progress_json);

  const std::string connection_string_;
  const std::int64_t upload_id_;
  const HeartbeatTiming timing_;
  const std::chrono::steady_clock::time_point started_;
  std::unique_ptr<pqxx::connection> connection_;  // used by the thread only

  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::optional<ImportProgress> pending_;
  std::thread thread_;  // last: starts after everything it uses exists
};

}  // namespace smedash::ingest
