//! Shared set-up of the ingest load tests: a fresh migrated database, a folder for the
//! files each test writes, an uploads row per import, and SQL one-liners for checks.
#pragma once
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "ingest/pipeline.hpp"
#include "support/temp_dir.hpp"

namespace smedash::ingest::testing {

// domain.md section 10, as written there (20 rows, 4 positions).
extern const char* const kWorkedExampleCsv;

class LoadTest : public ::testing::Test {
 protected:
  LoadTest();

  std::filesystem::path WriteFile(const std::string& name, const std::string& content);
  // An admin user; returns its id.
  std::int64_t CreateUser(const std::string& username);
  // A queued uploads row for `file`, uploaded by `user_id` (none: command line).
  std::int64_t CreateUpload(const std::filesystem::path& file,
                            std::optional<std::int64_t> user_id = std::nullopt);
  // CreateUpload + RunImport.
  ImportReport Import(const std::filesystem::path& file,
                      std::optional<std::int64_t> user_id = std::nullopt,
                      NumberStyle style = NumberStyle::kAuto);

  // The single value of `sql` as text ("" for NULL); parameters bound in order.
  template <typename... Args>
  std::string Value(const std::string& sql, Args&&... args) {
    pqxx::nontransaction tx(connection_);
    const auto field = tx.exec_params1(sql, std::forward<Args>(args)...)[0];
    return field.is_null() ? std::string() : std::string(field.c_str());
  }
  // First column of every row of `sql`.
  template <typename... Args>
  std::vector<std::string> Column(const std::string& sql, Args&&... args) {
    pqxx::nontransaction tx(connection_);
    std::vector<std::string> values;
    for (const auto& row : tx.exec_params(sql, std::forward<Args>(args)...)) {
      values.push_back(row[0].is_null() ? std::string() : std::string(row[0].c_str()));
    }
    return values;
  }

  std::string connection_string_;
  pqxx::connection connection_;
  smedash::testing::TempDir dir_{"smedash-load"};
  std::int64_t last_upload_id_ = 0;
};

}  // namespace smedash::ingest::testing
