#include "data_management/upload_json.hpp"

#include <boost/json.hpp>

namespace smedash::data_management {
namespace {

template <typename T>
boost::json::value OrNull(const std::optional<T>& value) {
  if (!value) return nullptr;
  return boost::json::value_from(*value);
}

boost::json::array Strings(const std::vector<std::string>& items) {
  boost::json::array array;
  for (const auto& item : items) array.emplace_back(item);
  return array;
}

boost::json::object Message(const std::string& key, const std::map<std::string, std::string>& args,
                            const Translate& translate) {
  return {{"key", key}, {"message", ProblemText(key, args, translate)}};
}

boost::json::object ParseObject(const std::string& text) {
  boost::system::error_code error;
  auto value = boost::json::parse(text, error);
  if (error || !value.is_object()) return {};
  return std::move(value.as_object());
}

// How the page formats a column's stored value (dd/mm/yyyy dates, grouped amounts).
std::string_view KindCode(ingest::ValueKind kind) {
  switch (kind) {
    case ingest::ValueKind::kPositionDate:
    case ingest::ValueKind::kDate:
      return "date";
    case ingest::ValueKind::kAmount:
      return "amount";
    case ingest::ValueKind::kRate:
      return "rate";
    case ingest::ValueKind::kWholeNumber:
    case ingest::ValueKind::kGrade:
      return "number";
    case ingest::ValueKind::kFlag:
      return "flag";
    case ingest::ValueKind::kCode:
    case ingest::ValueKind::kIdentifier:
    case ingest::ValueKind::kText:
      break;
  }
  return "text";
}

std::string_view HeaderStatus(const ingest::PreviewHeader& header) {
  if (!header.column) return "unknown";
  return header.duplicate ? "duplicate" : "mapped";
}

boost::json::object RowIssueToJson(const ingest::RowIssue& issue, const Translate& translate) {
  return {{"line", issue.line},
          {"column", issue.column},
          {"raw_value", issue.raw_value},
          {"reason", translate(issue.reason_key, issue.args)},
          {"rejects_row", issue.rejects_row}};
}

}  // namespace

std::string ProblemText(const std::string& key, const std::map<std::string, std::string>& args,
                        const Translate& translate) {
  std::string message = translate(key, args);
  if (message == key) {
    if (const auto detail = args.find("detail"); detail != args.end()) message = detail->second;
  }
  return message;
}

boost::json::object UploadToJson(const Upload& upload, const Translate& translate) {
  boost::json::array periodes;
  for (const auto& periode : upload.periodes) {
    periodes.push_back({{"periode", periode.periode},
                        {"rows_loaded", periode.rows_loaded},
                        {"rows_replaced", periode.rows_replaced}});
  }
  boost::json::value error = nullptr;
  if (upload.error_key) {
    std::string message = ProblemText(*upload.error_key, upload.error_args, translate);
    // Still untranslated: the pipeline's own message (Indonesian) is better than the key.
    if (message == *upload.error_key && upload.error_log) message = *upload.error_log;
    error = boost::json::object{{"key", *upload.error_key}, {"message", message}};
  }
  boost::json::value uploaded_by = nullptr;
  if (upload.uploaded_by) {
    uploaded_by =
        boost::json::object{{"id", *upload.uploaded_by}, {"name", upload.uploaded_by_name}};
  }
  return {
      {"id", upload.id},
      {"file_name", upload.file_name},
      {"file_size", upload.file_size},
      {"sha256", upload.sha256},
      {"number_style", upload.number_style},
      {"notes", upload.notes},
      {"status", upload.status},
      {"uploaded_by", uploaded_by},
      {"created_at", upload.created_at},
      {"queued_at", OrNull(upload.queued_at)},
      {"started_at", OrNull(upload.started_at)},
      {"completed_at", OrNull(upload.completed_at)},
      {"duration_seconds", OrNull(upload.duration_seconds)},
      {"rows_total", OrNull(upload.rows_total)},
      {"rows_accepted", OrNull(upload.rows_accepted)},
      {"rows_rejected", OrNull(upload.rows_rejected)},
      {"warnings", OrNull(upload.warnings)},
      {"rows_replaced", OrNull(upload.rows_replaced)},
      {"periodes", periodes},
      {"unknown_codes", Strings(upload.unknown_codes)},
      {"unknown_headers", Strings(upload.unknown_headers)},
      {"reader", OrNull(upload.reader)},
      {"decided_number_style", OrNull(upload.decided_number_style)},
      {"attempts", upload.attempts},
      {"progress", ParseObject(upload.progress_json)},
      {"error", error},
      {"error_log", OrNull(upload.error_log)},
  };
}

boost::json::object SameFileToJson(const SameFile& same) {
  return {{"id", same.id}, {"created_at", same.created_at}, {"file_name", same.file_name}};
}

boost::json::object PreviewToJson(const ingest::Preview& preview, const Translate& translate) {
  boost::json::array headers;
  for (const auto& header : preview.headers) {
    boost::json::value column = nullptr;
    boost::json::value kind = nullptr;
    if (header.column) {
      column = boost::json::string(ingest::Spec(*header.column).header);
      kind = boost::json::string(KindCode(ingest::Spec(*header.column).kind));
    }
    headers.push_back({{"header", header.header},
                       {"column", column},
                       {"kind", kind},
                       {"status", HeaderStatus(header)}});
  }
  boost::json::array periodes;
  for (const auto& [periode, rows] : preview.periodes) {
    periodes.push_back({{"periode", periode}, {"rows", rows}});
  }
  boost::json::array rows;
  for (const auto& row : preview.rows) {
    boost::json::array cells;
    for (std::size_t index = 0; index < row.raw.size(); ++index) {
      cells.push_back({{"raw", row.raw[index]}, {"value", OrNull(row.values[index])}});
    }
    boost::json::array issues;
    for (const auto& issue : row.issues) issues.push_back(RowIssueToJson(issue, translate));
    rows.push_back(
        {{"line", row.line}, {"rejected", row.rejected}, {"cells", cells}, {"issues", issues}});
  }
  boost::json::value problem = nullptr;
  if (!preview.can_process) problem = Message(preview.problem_key, preview.problem_args, translate);
  boost::json::value format = nullptr;
  if (preview.format) format = boost::json::string(ingest::FormatName(*preview.format));
  return {
      {"can_process", preview.can_process},
      {"problem", problem},
      {"format", format},
      {"reader", preview.reader},
      {"headers", headers},
      {"missing_required", Strings(preview.missing_required)},
      {"unknown_headers", Strings(preview.unknown_headers)},
      {"duplicate_headers", Strings(preview.duplicate_headers)},
      {"periodes_scanned", preview.periodes_scanned},
      {"periodes", periodes},
      {"data_rows", preview.data_rows},
      {"rows_without_periode", preview.rows_without_periode},
      {"number_style", ingest::NumberStyleCode(preview.number_style)},
      {"rows", rows},
  };
}

boost::json::object IssueToJson(const UploadIssue& issue, const Translate& translate) {
  return {{"line", issue.line},
          {"column", issue.column},
          {"raw_value", issue.raw_value},
          {"reason", translate(issue.reason_key, issue.args)},
          {"rejects_row", issue.rejects_row}};
}

}  // namespace smedash::data_management
