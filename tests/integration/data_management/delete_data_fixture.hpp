//! The App (every route, as `smedash serve` builds it) on a fresh database for the delete
//! data tests: an admin and a `user`, loan files loaded through the import path
//! (`smedash import`) or the upload API with the job workers (stored under a data folder of
//! the test's own), and readers of what a delete must change: rows per position, the
//! dashboards' positions and figures, their ETag, the audit log.
#pragma once
#include <boost/json.hpp>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "dashboard/api/dashboard_api_fixture.hpp"
#include "ingest/jobs/job_workers.hpp"

namespace smedash::testing {

class DeleteDataTest : public DashboardApiTest {
 protected:
  void SetUp() override;
  void TearDown() override;

  // POST /api/v1/uploads as the admin: staged (previewed, not processed); the upload id.
  std::int64_t StageThroughWeb(const std::string& name, const std::string& csv);
  // Through the upload API (stage, process) and the job workers, as an admin does on the
  // upload page; the file is stored under the test's data folder. Returns the upload id
  // once completed.
  std::int64_t UploadThroughWeb(const std::string& name, const std::string& csv);
  // The id of the upload the last Import (command line) made.
  std::int64_t LastUploadId();

  // GET /api/v1/data/delete/preview?<query> as the admin.
  http::Response Preview(const std::string& query, const Client* client = nullptr);
  // POST /api/v1/data/delete with `body` as the admin.
  http::Response Delete(const boost::json::object& body, const Client* client = nullptr);
  // Preview(query) expecting 200, then Delete(body + the preview's data_version) expecting
  // 200; the delete's answer.
  boost::json::object PreviewAndDelete(const std::string& query, boost::json::object body);

  // The dashboards' answers a delete may change, for `positions` (each: OS and NSB tables,
  // Summary Konsol) and the positions list, as one text: equal texts, equal figures.
  std::string Figures(const std::vector<std::string>& positions);

  // loan_data rows per position ("yyyy-mm-dd" → rows), counted in loan_data itself.
  std::map<std::string, long> RowsPerPosition();
  // GET /api/v1/positions as the `user`: the loaded positions, newest first.
  std::vector<std::string> DashboardPositions();
  // The ETag of /api/v1/positions (the data version).
  std::string PositionsTag();
  // GET /api/v1/dashboard/os as the `user` for `query` ("group=SME&metric=os&position=…").
  boost::json::object Os(const std::string& query);
  // The number of audit_log rows with action 'data.delete'.
  long DeleteAuditCount();
  // The newest 'data.delete' audit row: actor_name, target, ip_address and detail (JSON).
  boost::json::object LastDeleteAudit();

  Client admin_;
  TempDir data_dir_{"smedash-delete-data"};
  std::unique_ptr<ingest::JobWorkers> workers_;
  int body_files_ = 0;
};

// domain.md's worked example, only the rows of `dates` ("dd/mm/yyyy"), with its header.
std::string WorkedExampleRows(const std::vector<std::string>& dates);

// The rows of table `id` ("konsol", "kanca_only", "kcp_only") of an OS answer.
const boost::json::value& OsTable(const boost::json::object& os, const std::string& id);
// Its total row's value in column `column` ("A".."E", "Y").
std::string OsTotal(const boost::json::object& os, const std::string& id,
                    const std::string& column);

}  // namespace smedash::testing
