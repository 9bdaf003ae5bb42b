#include "data_management/reference_data.hpp"

#include <boost/json.hpp>

#include "core/limits.hpp"
#include "ingest/validate/cell_values.hpp"
#include "ingest/validate/text_util.hpp"

namespace smedash::data_management {
namespace {

bool IsControl(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte < 0x20 || byte == 0x7f;
}

bool TooLong(std::string_view text) {
  return ingest::CodePoints(text) > core::limits::kMaxTextField;
}

}  // namespace

http::Response ProblemResponse(const ui::Translations& texts, const std::string& lang,
                               const ReferenceProblem& problem) {
  boost::json::object error{{"code", problem.code},
                            {"message", texts.Get(lang, problem.key, problem.args)}};
  if (!problem.field.empty()) error["field"] = problem.field;
  return http::Response::Json(problem.status, boost::json::object{{"error", error}});
}

std::optional<std::string> NormalizeCodeText(std::string_view text) {
  const std::string_view trimmed = ingest::Trim(text);
  if (trimmed.empty() || TooLong(trimmed)) return std::nullopt;
  for (char c : trimmed) {
    if (IsControl(c)) return std::nullopt;
  }
  return std::string(ingest::NormalizeCode(trimmed));
}

std::optional<std::string> NormalizeNameText(std::string_view text) {
  const std::string_view trimmed = ingest::Trim(text);
  std::string out;
  out.reserve(trimmed.size());
  bool blank = false;
  for (char c : trimmed) {
    if (ingest::IsBlank(c)) {
      blank = true;
      continue;
    }
    if (IsControl(c)) return std::nullopt;
    if (blank) out += ' ';
    blank = false;
    out += c;
  }
  if (out.empty() || TooLong(out)) return std::nullopt;
  return out;
}

std::string KancaKey(std::string_view normalized_name) {
  std::string key(normalized_name);
  for (char& c : key) c = ingest::AsciiUpper(c);
  return key;
}

}  // namespace smedash::data_management
