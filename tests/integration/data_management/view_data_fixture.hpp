//! The upload fixture plus the View data routes with small limits (7 rows a page, an XLSX
//! of at most 40 rows, searches counted up to 30, exports read 5 rows a step), two
//! positions of generated loans loaded with `smedash import`'s pipeline, and helpers to
//! read pages, follow cursors and read a streamed export whole.
#pragma once
#include <boost/json.hpp>
#include <memory>
#include <string>
#include <vector>

#include "data_management/view_data_service.hpp"
#include "db/change_feed.hpp"
#include "upload_fixture.hpp"

namespace smedash::testing {

// A row's key: "yyyy-mm-dd/account".
using RowKeys = std::vector<std::string>;

class ViewDataTest : public UploadTest {
 protected:
  void SetUp() override;

  static data_management::view_data::ViewDataLimits Limits();
  static constexpr const char* kOlder = "2025-10-08";   // 37 loans, with FLAG RESTRUK
  static constexpr const char* kLatest = "2025-10-09";  // 41 loans, no FLAG RESTRUK column

  // GET /api/v1/loan-data?<query> as the admin, expecting 200.
  boost::json::object Page(const std::string& query);
  // Every page from the first, following "next": the rows' keys in order. Fails the test
  // when a page (but the last) is not full.
  RowKeys WalkForward(const std::string& query);
  // From the last page back to the first, following "prev": keys in the shown order.
  RowKeys WalkBackward(const std::string& query);
  // Keys of loan_data rows, in the order of `order_by`, where `where` holds (SQL written by
  // the test, the reference the API is checked against).
  RowKeys KeysFromSql(const std::string& where, const std::string& order_by = "1, 2");
  // The response body, draining a streamed one piece by piece.
  static std::string BodyOf(const http::Response& response);
  static RowKeys KeysOf(const boost::json::array& rows);

  http::Response SendAccepting(const std::string& target, const Client* client,
                               const std::string& accept);

  std::unique_ptr<db::ChangeFeed> changes_;
  Client admin_;
};

}  // namespace smedash::testing
