//! The App with an admin signed in and data whose text an attacker chose: two loan files
//! loaded with `smedash import`'s pipeline, a plain one and one whose debtor, unit and kanca
//! names (and its own file name) are SQL, HTML or spreadsheet formulas, with one row of it
//! rejected so its upload has issues; and a failed sign-in under a formula as username, so
//! the audit log holds one. For the injection and export tests of issue 7.
#pragma once
#include <string>
#include <vector>

#include "../accounts/app_fixture.hpp"
#include "ingest/sheet.hpp"
#include "support/temp_dir.hpp"

namespace smedash::testing {

class HostileDataTest : public AppTest {
 public:
  static constexpr const char* kPlainPosition = "2025-10-08";
  static constexpr const char* kHostilePosition = "2025-10-09";
  // The hostile file's name, as the upload history shows it.
  static const std::string kHostileFileName;
  // Debtor names of the hostile file: every one of them is shown and exported literally.
  static const std::vector<std::string> kHostileDebtors;
  // Kanca and unit names of the hostile file.
  static const std::vector<std::string> kHostileUnitNames;
  // The raw OS value of the rejected row, and the username of the failed sign-in.
  static constexpr const char* kRejectedOs = "=1+2";
  static constexpr const char* kFormulaUsername = "=HYPERLINK(\"http://evil.example\",\"x\")";

 protected:
  void SetUp() override;

  // GET `target` as the admin.
  http::Response Get(const std::string& target);
  // The whole body: a streamed one drained, a file one read from disk.
  static std::string BodyOf(const http::Response& response);
  // The response's file (or body) written to disk and read back by the upload's own
  // reader: per row, its cells.
  std::vector<ingest::Row> ReadBack(const http::Response& response, const std::string& name);

  TempDir files_{"smedash-hostile"};
  Client admin_;
  std::int64_t hostile_upload_id_ = 0;
};

}  // namespace smedash::testing
