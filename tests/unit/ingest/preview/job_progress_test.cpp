// The progress a job worker stores for the upload page, and the signal that wakes workers.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <thread>

#include "ingest/jobs/job_queue.hpp"
#include "ingest/jobs/job_signal.hpp"

namespace smedash::ingest {
namespace {

TEST(ProgressJsonTest, GivesRowsPerSecondAndSecondsLeftFromTheBytes) {
  ImportProgress progress;
  progress.bytes_read = 25;
  progress.bytes_total = 100;
  progress.rows_read = 1000;
  progress.rows_rejected = 3;
  progress.phase = "reading";
  auto json = boost::json::parse(ProgressJson(progress, std::chrono::seconds(2))).as_object();
  EXPECT_EQ(json.at("bytes_read").as_int64(), 25);
  EXPECT_EQ(json.at("bytes_total").as_int64(), 100);
  EXPECT_EQ(json.at("rows_read").as_int64(), 1000);
  EXPECT_EQ(json.at("rows_rejected").as_int64(), 3);
  EXPECT_EQ(json.at("rows_per_second").as_double(), 500);
  EXPECT_EQ(json.at("eta_seconds").as_double(), 6);  // 75 bytes left at 12.5 bytes/s
  EXPECT_EQ(json.at("phase").as_string(), "reading");
}

TEST(ProgressJsonTest, HasNoEstimateTooEarlyOrAfterReading) {
  ImportProgress progress;
  progress.bytes_total = 100;
  progress.phase = "reading";
  auto json = boost::json::parse(ProgressJson(progress, std::chrono::seconds(3))).as_object();
  EXPECT_TRUE(json.at("rows_per_second").is_null());
  EXPECT_TRUE(json.at("eta_seconds").is_null());
  progress.bytes_read = 100;
  progress.rows_read = 10;
  progress.phase = "aggregating";
  json = boost::json::parse(ProgressJson(progress, std::chrono::seconds(3))).as_object();
  EXPECT_TRUE(json.at("eta_seconds").is_null());
  EXPECT_FALSE(json.at("rows_per_second").is_null());
}

TEST(JobSignalTest, ANotifyWakesAWaiterAtOnce) {
  JobSignal signal;
  const auto seen = signal.Generation();
  std::thread notifier([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    signal.Notify();
  });
  const auto start = std::chrono::steady_clock::now();
  signal.Wait(seen, std::chrono::seconds(30), [] { return false; });
  notifier.join();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
  EXPECT_EQ(signal.Generation(), seen + 1);
}

TEST(JobSignalTest, ANotifyBeforeTheWaitIsNotLost) {
  JobSignal signal;
  const auto seen = signal.Generation();
  signal.Notify();
  const auto start = std::chrono::steady_clock::now();
  signal.Wait(seen, std::chrono::seconds(30), [] { return false; });
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
}

TEST(JobSignalTest, WaitsNoLongerThanTheTimeout) {
  JobSignal signal;
  const auto start = std::chrono::steady_clock::now();
  signal.Wait(signal.Generation(), std::chrono::milliseconds(50), [] { return false; });
  EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(50));
}

}  // namespace
}  // namespace smedash::ingest
