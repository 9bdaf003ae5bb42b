#include "data_management/upload_repository.hpp"

#include <boost/json.hpp>
#include <pqxx/pqxx>

#include "data_management/sql.hpp"

namespace smedash::data_management::upload_repository {
namespace {

constexpr const char* kNull = nullptr;  // binds SQL NULL

template <typename T>
std::optional<T> Optional(const pqxx::field& field) {
  if (field.is_null()) return std::nullopt;
  return field.as<T>();
}

std::vector<std::string> JsonStrings(const std::string& json_array_text) {
  std::vector<std::string> items;
  boost::system::error_code error;
  const auto value = boost::json::parse(json_array_text, error);
  if (error || !value.is_array()) return items;
  for (const auto& item : value.as_array()) {
    if (item.is_string()) items.emplace_back(item.as_string());
  }
  return items;
}

// libpqxx 6 has no array parameters: a text[] literal, each element quoted and escaped.
std::string TextArrayLiteral(const std::vector<std::string>& items) {
  std::string literal = "{";
  for (const auto& item : items) {
    if (literal.size() > 1) literal += ',';
    literal += '"';
    for (const char c : item) {
      if (c == '"' || c == '\\') literal += '\\';
      literal += c;
    }
    literal += '"';
  }
  return literal + "}";
}

// One row of upload_rows (migration 0009), by column name: queries add their own columns
// after the view's.
Upload ToUpload(const pqxx::row& row) {
  Upload upload;
  upload.id = row["id"].as<std::int64_t>();
  upload.uploaded_by = Optional<std::int64_t>(row["uploaded_by"]);
  upload.uploaded_by_name = row["uploaded_by_name"].as<std::string>();
  upload.file_name = row["file_name"].as<std::string>();
  upload.stored_path = row["stored_path"].as<std::string>();
  upload.file_size = row["file_size"].as<std::int64_t>();
  upload.sha256 = row["sha256"].as<std::string>();
  upload.number_style = row["number_style"].as<std::string>();
  upload.notes = row["notes"].as<std::string>();
  upload.status = row["status"].as<std::string>();
  upload.rows_total = Optional<std::int64_t>(row["rows_total"]);
  upload.rows_accepted = Optional<std::int64_t>(row["rows_accepted"]);
  upload.rows_rejected = Optional<std::int64_t>(row["rows_rejected"]);
  upload.warnings = Optional<std::int64_t>(row["warnings"]);
  upload.rows_replaced = Optional<std::int64_t>(row["rows_replaced"]);
  upload.unknown_codes = JsonStrings(row["unknown_codes"].as<std::string>());
  upload.unknown_headers = JsonStrings(row["unknown_headers"].as<std::string>());
  upload.reader = Optional<std::string>(row["reader"]);
  upload.decided_number_style = Optional<std::string>(row["decided_number_style"]);
  upload.error_key = Optional<std::string>(row["error_key"]);
  upload.error_args = JsonArgs(row["error_args"].as<std::string>());
  upload.error_log = Optional<std::string>(row["error_log"]);
  upload.progress_json = row["progress"].as<std::string>();
  upload.attempts = row["attempts"].as<int>();
  upload.created_at = row["created_at"].as<std::string>();
  upload.queued_at = Optional<std::string>(row["queued_at"]);
  upload.started_at = Optional<std::string>(row["started_at"]);
  upload.completed_at = Optional<std::string>(row["completed_at"]);
  upload.duration_seconds = Optional<std::string>(row["duration_seconds"]);
  return upload;
}

UploadIssue ToIssue(const pqxx::row& row) {
  UploadIssue issue;
  issue.seq = row[0].as<std::int64_t>();
  issue.line = row[1].as<std::int64_t>();
  issue.column = row[2].as<std::string>();
  issue.raw_value = row[3].as<std::string>();
  issue.reason_key = row[4].as<std::string>();
  issue.args = JsonArgs(row[5].as<std::string>());
  issue.rejects_row = row[6].as<bool>();
  return issue;
}

std::vector<UploadIssue> ToIssues(const pqxx::result& result) {
  std::vector<UploadIssue> issues;
  issues.reserve(result.size());
  for (const auto& row : result) issues.push_back(ToIssue(row));
  return issues;
}

}  // namespace

Inserted Insert(pqxx::transaction_base& tx, const NewUpload& upload) {
  static const std::string kSql = sql::Query("upload_insert.sql");
  const auto row =
      tx.exec_params1(kSql, upload.uploaded_by, upload.file_name, upload.file_size, upload.sha256,
                      upload.number_style, upload.notes, upload.status, upload.error_key,
                      upload.error_args_json, upload.error_log, upload.reader);
  return {row[0].as<std::int64_t>(), row[1].as<std::string>()};
}

void SetStoredPath(pqxx::transaction_base& tx, std::int64_t id, const std::string& path) {
  static const std::string kSql = sql::Query("upload_set_path.sql");
  tx.exec_params0(kSql, id, path);
}

Upload RowToUpload(const pqxx::row& row) { return ToUpload(row); }

std::optional<Upload> Find(pqxx::transaction_base& tx, std::int64_t id) {
  static const std::string kSql = sql::Query("uploads_select.sql");
  static const std::string kPeriodes = sql::Query("upload_periodes.sql");
  const auto result = tx.exec_params(kSql, id, kNull, kNull, 1);
  if (result.empty()) return std::nullopt;
  Upload upload = ToUpload(result[0]);
  for (const auto& row : tx.exec_params(kPeriodes, id)) {
    upload.periodes.push_back(
        {row[0].as<std::string>(), row[1].as<std::int64_t>(), row[2].as<std::int64_t>()});
  }
  return upload;
}

std::vector<Upload> List(pqxx::transaction_base& tx, const std::vector<std::string>& statuses,
                         std::optional<std::int64_t> staged_of, int limit) {
  static const std::string kSql = sql::Query("uploads_select.sql");
  std::optional<std::string> status_array;
  if (!statuses.empty()) status_array = TextArrayLiteral(statuses);
  std::optional<std::string> user;
  if (staged_of) user = std::to_string(*staged_of);
  std::vector<Upload> uploads;
  for (const auto& row :
       tx.exec_params(kSql, kNull, sql::OrNull(status_array), sql::OrNull(user), limit)) {
    uploads.push_back(ToUpload(row));
  }
  return uploads;
}

std::optional<SameFile> SameFileAs(pqxx::transaction_base& tx, const std::string& sha256,
                                   std::int64_t except_id) {
  static const std::string kSql = sql::Query("upload_same_file.sql");
  const auto result = tx.exec_params(kSql, sha256, except_id);
  if (result.empty()) return std::nullopt;
  return SameFile{result[0][0].as<std::int64_t>(), result[0][1].as<std::string>(),
                  result[0][2].as<std::string>()};
}

std::optional<Locked> Lock(pqxx::transaction_base& tx, std::int64_t id) {
  static const std::string kSql = sql::Query("upload_lock.sql");
  const auto result = tx.exec_params(kSql, id);
  if (result.empty()) return std::nullopt;
  const auto& row = result[0];
  return Locked{row[0].as<std::string>(), row[1].as<std::string>(), row[2].as<std::string>(),
                row[3].as<std::string>(), row[4].as<std::string>(), row[5].as<bool>()};
}

void MarkQueued(pqxx::transaction_base& tx, std::int64_t id) {
  static const std::string kSql = sql::Query("upload_queue.sql");
  tx.exec_params0(kSql, id);
}

void MarkCancelled(pqxx::transaction_base& tx, std::int64_t id) {
  static const std::string kSql = sql::Query("upload_cancel.sql");
  tx.exec_params0(kSql, id);
}

std::int64_t CountIssues(pqxx::transaction_base& tx, std::int64_t id, IssueKind kind) {
  static const std::string kSql = sql::Query("upload_issues_count.sql");
  return tx.exec_params1(kSql, id, std::string(IssueKindCode(kind)))[0].as<std::int64_t>();
}

std::vector<UploadIssue> IssuesPage(pqxx::transaction_base& tx, std::int64_t id, IssueKind kind,
                                    int limit, std::int64_t offset) {
  static const std::string kSql = sql::Query("upload_issues_page.sql");
  return ToIssues(tx.exec_params(kSql, id, std::string(IssueKindCode(kind)), limit, offset));
}

std::vector<UploadIssue> IssuesAfter(pqxx::transaction_base& tx, std::int64_t id, IssueKind kind,
                                     std::int64_t after_seq, int limit) {
  static const std::string kSql = sql::Query("upload_issues_after.sql");
  return ToIssues(tx.exec_params(kSql, id, std::string(IssueKindCode(kind)), after_seq, limit));
}

}  // namespace smedash::data_management::upload_repository
