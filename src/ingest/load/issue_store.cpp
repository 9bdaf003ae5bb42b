#include "ingest/load/issue_store.hpp"

#include <boost/json.hpp>

#include "ingest/load/copy_stream.hpp"
#include "ingest/load/copy_text.hpp"

namespace smedash::ingest {

IssueStore::IssueStore(std::int64_t upload_id, std::size_t max_stored)
    : upload_id_(upload_id), max_stored_(max_stored) {}

void IssueStore::Add(RowIssue issue) {
  if (kept_ >= max_stored_) return;
  ++kept_;
  pending_.push_back(std::move(issue));
}

void IssueStore::Flush(pqxx::transaction_base& tx) {
  if (pending_.empty()) return;
  static const std::vector<std::string> kColumns = {
      "upload_id", "seq", "line", "column_name", "raw_value", "reason_key", "args", "rejects_row"};
  const std::string upload_id = std::to_string(upload_id_);
  std::size_t seq = kept_ - pending_.size();
  std::string lines;
  for (const auto& issue : pending_) {
    boost::json::object args;
    for (const auto& [name, value] : issue.args) args[name] = value;
    lines += upload_id;
    lines += '\t';
    lines += std::to_string(++seq);
    lines += '\t';
    lines += std::to_string(issue.line);
    lines += '\t';
    AppendCopyValue(lines, issue.column);
    lines += '\t';
    AppendCopyValue(lines, issue.raw_value);
    lines += '\t';
    AppendCopyValue(lines, issue.reason_key);
    lines += '\t';
    AppendCopyValue(lines, boost::json::serialize(args));
    lines += issue.rejects_row ? "\tt\n" : "\tf\n";
  }
  CopyStream copy(tx, "upload_issues", kColumns);
  copy.Write(lines);
  copy.Complete();
  pending_.clear();
}

}  // namespace smedash::ingest
