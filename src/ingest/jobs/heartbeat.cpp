#include "ingest/jobs/heartbeat.hpp"

#include <spdlog/spdlog.h>

#include <pqxx/pqxx>

#include "ingest/jobs/job_queue.hpp"

namespace smedash::ingest {

Heartbeat::Heartbeat(std::string connection_string, std::int64_t upload_id, HeartbeatTiming timing)
    : connection_string_(std::move(connection_string)),
      upload_id_(upload_id),
      timing_(timing),
      started_(std::chrono::steady_clock::now()),
      thread_([this] { Run(); }) {}

Heartbeat::~Heartbeat() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void Heartbeat::Report(const ImportProgress& progress) {
  std::lock_guard lock(mutex_);
  pending_ = progress;
}

void Heartbeat::Run() {
  auto last_write = std::chrono::steady_clock::now();
  std::unique_lock lock(mutex_);
  while (!stop_) {
    wake_.wait_for(lock, timing_.progress_interval, [this] { return stop_; });
    if (stop_) break;
    const auto now = std::chrono::steady_clock::now();
    if (!pending_ && now - last_write < timing_.beat_interval) continue;
    std::optional<std::string> json;
    if (pending_) json = ProgressJson(*pending_, now - started_);
    pending_.reset();
    lock.unlock();
    Write(json);
    last_write = std::chrono::steady_clock::now();
    lock.lock();
  }
}

void Heartbeat::Write(const std::optional<std::string>& progress_json) {
  try {
    if (!connection_) {
      connection_ = std::make_unique<pqxx::connection>(connection_string_);
      // If the import's transaction holds the uploads row, skip this beat rather than
      // queue behind it; the next one will try again.
      pqxx::nontransaction setup(*connection_);
      setup.exec0("SET lock_timeout = '2s'");
    }
    WriteHeartbeat(*connection_, upload_id_, progress_json);
  } catch (const std::exception& error) {
    spdlog::warn("upload {}: heartbeat not written: {}", upload_id_, error.what());
    connection_.reset();  // reconnect next time; a failed statement may have broken it
  }
}

}  // namespace smedash::ingest
