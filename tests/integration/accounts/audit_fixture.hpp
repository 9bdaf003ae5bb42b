//! The App fixture for the audit log's tests: a data folder of its own (uploads and CSV
//! exports), the upload job workers, and helpers that read the log through its API.
#pragma once
#include <boost/json.hpp>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "app_fixture.hpp"
#include "ingest/jobs/job_workers.hpp"
#include "support/temp_dir.hpp"

namespace smedash::testing {

// Three rows of one position (domain.md section 10's accounts), a file the upload takes.
extern const char* const kSmallLoanFile;

class AuditTest : public AppTest {
 protected:
  void SetUp() override;
  void TearDown() override;

  // GET /api/v1/audit?<query>, expecting 200.
  boost::json::object Page(const Client& client, const std::string& query);
  // Every entry of `query`, page by page (`limit` a page), following the older cursors
  // from the newest page; with `backwards`, first to the oldest page, then following the
  // newer cursors back, returned newest first as well.
  std::vector<boost::json::object> Walk(const Client& client, const std::string& query, int limit,
                                        bool backwards = false);
  // The newest entry with exactly this action; fails the test when there is none.
  boost::json::object Newest(const Client& client, const std::string& action);
  // The ids of entries matching `where` (SQL over audit_log), newest first: the tests'
  // independent account of what a filter should return.
  std::vector<std::int64_t> IdsWhere(const std::string& where);
  static std::vector<std::int64_t> IdsOf(const std::vector<boost::json::object>& entries);

  // POST /api/v1/uploads with `content` as the streamed body; returns the upload id.
  std::int64_t StageUpload(const Client& client, const std::string& name,
                           const std::string& content);
  // POST /api/v1/uploads/{id}/process, then waits until the job workers finished it.
  std::string ProcessUpload(const Client& client, std::int64_t id);

  TempDir data_dir_{"smedash-audit-test"};
  std::unique_ptr<ingest::JobWorkers> workers_;
};

}  // namespace smedash::testing
