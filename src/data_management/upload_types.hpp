//! Uploads as rows (what the repository reads), and the problems an upload request can
//! meet, each with the HTTP status and translation key the handlers answer with.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace smedash::data_management {

struct UploadPeriode {
  std::string periode;  // "yyyy-mm-dd"
  std::int64_t rows_loaded = 0;
  std::int64_t rows_replaced = 0;
};

struct Upload {
  std::int64_t id = 0;
  std::optional<std::int64_t> uploaded_by;
  std::string uploaded_by_name;
  std::string file_name;
  std::string stored_path;  // relative to the data directory
  std::int64_t file_size = 0;
  std::string sha256;
  std::string number_style;  // "auto", "id", "en"
  std::string notes;
  std::string status;  // staged, queued, processing, completed, failed, cancelled
  std::optional<std::int64_t> rows_total, rows_accepted, rows_rejected, warnings, rows_replaced;
  std::vector<std::string> unknown_codes;
  std::vector<std::string> unknown_headers;
  std::optional<std::string> reader;
  std::optional<std::string> decided_number_style;
  std::optional<std::string> error_key;
  std::map<std::string, std::string> error_args;
  std::optional<std::string> error_log;
  std::string progress_json;  // "{}" until a worker reports
  int attempts = 0;
  std::string created_at;  // ISO-8601 UTC
  std::optional<std::string> queued_at, started_at, completed_at;
  std::optional<std::string> duration_seconds;  // numeric text, "61.25"
  std::vector<UploadPeriode> periodes;          // filled for a single upload only
};

struct SameFile {  // an earlier completed upload of the same bytes
  std::int64_t id = 0;
  std::string created_at;
  std::string file_name;
};

struct UploadIssue {
  std::int64_t seq = 0;
  std::int64_t line = 0;
  std::string column;
  std::string raw_value;
  std::string reason_key;
  std::map<std::string, std::string> args;
  bool rejects_row = true;
};

enum class IssueKind { kAll, kRejected, kWarning };
std::optional<IssueKind> ParseIssueKind(std::string_view text);
std::string_view IssueKindCode(IssueKind kind);  // "all", "rejected", "warning"

// Why a request about an upload cannot be done: the status to answer, a machine code, and
// the message as a translation key with its placeholders.
struct UploadProblem {
  int status = 400;
  std::string code;  // "bad_request", "too_large", "conflict", "not_found"
  std::string key;
  std::map<std::string, std::string> args;
  std::optional<std::string> upload_status;  // for a 409: the upload's status now
  // A message the main one quotes as {reason} (why a refused file was refused).
  std::string reason_key;
  std::map<std::string, std::string> reason_args;
};

template <typename T>
using UploadOutcome = std::variant<T, UploadProblem>;

// A JSON object's members as text ({"a": 1} → {"a": "1"}), for translation placeholders.
std::map<std::string, std::string> JsonArgs(const std::string& json_object_text);

}  // namespace smedash::data_management
