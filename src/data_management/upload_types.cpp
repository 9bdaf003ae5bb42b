#include "data_management/upload_types.hpp"

#include <boost/json.hpp>

namespace smedash::data_management {

std::optional<IssueKind> ParseIssueKind(std::string_view text) {
  if (text == "all") return IssueKind::kAll;
  if (text == "rejected") return IssueKind::kRejected;
  if (text == "warning") return IssueKind::kWarning;
  return std::nullopt;
}

std::string_view IssueKindCode(IssueKind kind) {
  switch (kind) {
    case IssueKind::kRejected:
      return "rejected";
    case IssueKind::kWarning:
      return "warning";
    case IssueKind::kAll:
      break;
  }
  return "all";
}

std::map<std::string, std::string> JsonArgs(const std::string& json_object_text) {
  std::map<std::string, std::string> args;
  boost::system::error_code error;
  const auto value = boost::json::parse(json_object_text, error);
  if (error || !value.is_object()) return args;
  for (const auto& [key, member] : value.as_object()) {
    if (member.is_string()) {
      args.emplace(key, std::string(member.as_string()));
    } else if (!member.is_null()) {
      args.emplace(key, boost::json::serialize(member));
    }
  }
  return args;
}

}  // namespace smedash::data_management
