//! The upload fixture with the history routes added, and uploads written straight into the
//! table (any status, uploader and time) for the list's filter and paging tests.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "upload_fixture.hpp"

namespace smedash::testing {

struct UploadRow {
  std::optional<std::int64_t> uploaded_by;  // none: the command line
  std::string file_name;
  std::string status = "completed";
  std::string created_at = "2025-10-09 08:00:00+00";  // a timestamptz literal
};

class HistoryTest : public UploadTest {
 protected:
  void SetUp() override;

  std::int64_t InsertUpload(const UploadRow& row);
  std::int64_t UserId(const std::string& username);
  // GET /api/v1/uploads/history?<query> as the admin, expecting 200.
  boost::json::object History(const Client& client, const std::string& query);
  // The ids of a history answer's uploads, in order.
  static std::vector<std::int64_t> Ids(const boost::json::object& answer);
};

}  // namespace smedash::testing
