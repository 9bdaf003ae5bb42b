#include "core/csv_field.hpp"

namespace smedash::core {

std::string CsvField(std::string_view text, char delimiter) {
  std::string field;
  if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) {
    field += '\'';
  }
  field += text;
  if (field.find_first_of(std::string{delimiter, '"', '\r', '\n'}) == std::string::npos) {
    return field;
  }
  std::string quoted = "\"";
  for (const char c : field) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

}  // namespace smedash::core
