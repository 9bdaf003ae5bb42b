#include "metrics/sql.hpp"

namespace smedash::metrics::sql {
namespace {

// Always quoted: an element could be empty, "NULL", or hold commas and braces.
void AppendElement(std::string& out, const std::string& value) {
  out += '"';
  for (char c : value) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  out += '"';
}

}  // namespace

std::string ArrayLiteral(const std::vector<std::string>& values) {
  std::string out = "{";
  for (std::size_t value_idx = 0; value_idx < values.size(); ++value_idx) {
    if (value_idx > 0) out += ',';
    AppendElement(out, values[value_idx]);
  }
  out += '}';
  return out;
}

std::string ArrayLiteral(const std::vector<std::optional<std::string>>& values) {
  std::string out = "{";
  for (std::size_t value_idx = 0; value_idx < values.size(); ++value_idx) {
    if (value_idx > 0) out += ',';
    if (values[value_idx]) {
      AppendElement(out, *values[value_idx]);
    } else {
      out += "NULL";
    }
  }
  out += '}';
  return out;
}

}  // namespace smedash::metrics::sql
