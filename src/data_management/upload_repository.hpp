//! SQL for the uploads table and its issues (data_management/sql/*.sql); no rules here.
#pragma once
#include <cstdint>
#include <optional>
#include <pqxx/transaction_base>
#include <string>
#include <vector>

#include "data_management/upload_types.hpp"

namespace smedash::data_management::upload_repository {

struct NewUpload {
  std::int64_t uploaded_by = 0;
  std::string file_name;
  std::int64_t file_size = 0;
  std::string sha256;
  std::string number_style;
  std::string notes;
  std::string status;  // "staged" or "failed"
  std::string error_key;
  std::string error_args_json = "{}";
  std::string error_log;
  std::string reader;
};

struct Inserted {
  std::int64_t id = 0;
  std::string day_folder;  // "yyyy/mm/dd"
};

Inserted Insert(pqxx::transaction_base& tx, const NewUpload& upload);
void SetStoredPath(pqxx::transaction_base& tx, std::int64_t id, const std::string& path);

std::optional<Upload> Find(pqxx::transaction_base& tx, std::int64_t id);  // with periodes
// One row with upload_rows' columns (migration 0009; history_page.sql adds its own after
// them); no periodes.
Upload RowToUpload(const pqxx::row& row);
// `statuses` empty = all; `staged_of` limits staged uploads to that user's.
std::vector<Upload> List(pqxx::transaction_base& tx, const std::vector<std::string>& statuses,
                         std::optional<std::int64_t> staged_of, int limit);
std::optional<SameFile> SameFileAs(pqxx::transaction_base& tx, const std::string& sha256,
                                   std::int64_t except_id);

struct Locked {
  std::string status;
  std::string stored_path;
  std::string file_name;
  std::string error_key;
  std::string error_args_json;
  bool never_started = true;
};
std::optional<Locked> Lock(pqxx::transaction_base& tx, std::int64_t id);  // FOR UPDATE
void MarkQueued(pqxx::transaction_base& tx, std::int64_t id);
void MarkCancelled(pqxx::transaction_base& tx, std::int64_t id);

std::int64_t CountIssues(pqxx::transaction_base& tx, std::int64_t id, IssueKind kind);
std::vector<UploadIssue> IssuesPage(pqxx::transaction_base& tx, std::int64_t id, IssueKind kind,
                                    int limit, std::int64_t offset);
std::vector<UploadIssue> IssuesAfter(pqxx::transaction_base& tx, std::int64_t id, IssueKind kind,
                                     std::int64_t after_seq, int limit);

}  // namespace smedash::data_management::upload_repository
