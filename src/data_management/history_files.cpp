#include "data_management/history_files.hpp"

#include <fmt/format.h>

#include "data_management/upload_files.hpp"

namespace smedash::data_management {
namespace {

constexpr std::string_view kFallbackName = "upload";

std::string_view LastComponent(std::string_view name) {
  if (const auto slash = name.find_last_of("/\\"); slash != std::string_view::npos) {
    name.remove_prefix(slash + 1);
  }
  return name.empty() ? kFallbackName : name;
}

bool IsUtf8Continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

std::string AsciiStandIn(std::string_view name) {
  std::string ascii;
  for (const char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    if (IsUtf8Continuation(byte)) continue;  // one '_' per multi-byte character
    const bool plain = byte >= 0x20 && byte < 0x7F && c != '"' && c != '\\' && c != '%';
    ascii += plain ? c : '_';
  }
  return ascii;
}

// RFC 8187 attr-char: ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "." / "^" / "_" /
// "`" / "|" / "~".
bool IsAttrChar(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$&+-.^_`|~").find(c) != std::string_view::npos;
}

std::string PercentEncoded(std::string_view name) {
  std::string encoded;
  for (const char c : name) {
    if (IsAttrChar(c)) {
      encoded += c;
    } else {
      encoded += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    }
  }
  return encoded;
}

}  // namespace

std::string AttachmentDisposition(std::string_view file_name) {
  const auto name = LastComponent(file_name);
  return fmt::format("attachment; filename=\"{}\"; filename*=UTF-8''{}", AsciiStandIn(name),
                     PercentEncoded(name));
}

std::string ContentTypeOf(std::string_view file_name) {
  if (EndsWithIgnoringCase(file_name, ".csv")) return "text/csv";
  if (EndsWithIgnoringCase(file_name, ".xlsx")) {
    return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  }
  if (EndsWithIgnoringCase(file_name, ".xls")) return "application/vnd.ms-excel";
  return "application/octet-stream";
}

}  // namespace smedash::data_management
