#include "komitmen/komitmen_issues.hpp"

#include <boost/json.hpp>

namespace smedash::komitmen {
namespace {

boost::json::object IssueJson(std::string_view kind, const TargetIssue& issue) {
  boost::json::object args;
  for (const auto& [name, value] : issue.args) args[name] = value;
  return {{"kind", kind},         {"line", issue.line}, {"column", issue.column},
          {"value", issue.value}, {"key", issue.key},   {"args", std::move(args)}};
}

std::string Text(const boost::json::object& object, std::string_view name) {
  const auto* value = object.if_contains(name);
  return value != nullptr && value->is_string() ? std::string(value->as_string()) : std::string();
}

std::uint64_t Line(const boost::json::object& object) {
  const auto* value = object.if_contains("line");
  if (value == nullptr) return 0;
  if (value->is_uint64()) return value->as_uint64();
  if (value->is_int64() && value->as_int64() >= 0)
    return static_cast<std::uint64_t>(value->as_int64());
  return 0;
}

TargetIssue IssueOf(const boost::json::object& object) {
  TargetIssue issue{
      Line(object), Text(object, "column"), Text(object, "value"), Text(object, "key"), {}};
  if (const auto* args = object.if_contains("args"); args != nullptr && args->is_object()) {
    for (const auto& [name, value] : args->as_object()) {
      if (value.is_string()) issue.args[std::string(name)] = std::string(value.as_string());
    }
  }
  return issue;
}

}  // namespace

std::string StoreIssues(const UploadIssues& issues) {
  boost::json::array stored;
  for (const auto& issue : issues.rejected) stored.push_back(IssueJson("rejected", issue));
  for (const auto& issue : issues.warnings) stored.push_back(IssueJson("warning", issue));
  for (const auto& unit : issues.unknown_units) {
    stored.push_back({{"kind", "unknown_unit"},
                      {"line", unit.line},
                      {"kode_uker", unit.kode_uker},
                      {"uker", unit.uker}});
  }
  return boost::json::serialize(stored);
}

UploadIssues LoadIssues(std::string_view json) {
  UploadIssues issues;
  boost::system::error_code error;
  const auto parsed = boost::json::parse(json, error);
  if (error || !parsed.is_array()) return issues;
  for (const auto& entry : parsed.as_array()) {
    if (!entry.is_object()) continue;
    const auto& object = entry.as_object();
    const auto kind = Text(object, "kind");
    if (kind == "rejected") issues.rejected.push_back(IssueOf(object));
    if (kind == "warning") issues.warnings.push_back(IssueOf(object));
    if (kind == "unknown_unit") {
      issues.unknown_units.push_back(
          {Line(object), Text(object, "kode_uker"), Text(object, "uker")});
    }
  }
  return issues;
}

}  // namespace smedash::komitmen
