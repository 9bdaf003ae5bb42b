#include "ingest/xlsx/ooxml_text.hpp"

#include "ingest/source/text_encoding.hpp"

namespace smedash::ingest {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The code unit of "_xHHHH_" starting at `at`, or -1.
long EscapeAt(const std::string& text, std::size_t at) {
  if (at + 7 > text.size() || text[at] != '_' || text[at + 1] != 'x' || text[at + 6] != '_') {
    return -1;
  }
  long value = 0;
  for (std::size_t i = at + 2; i < at + 6; ++i) {
    const int digit = HexValue(text[i]);
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

}  // namespace

void DecodeOoxmlEscapes(std::string& text) {
  std::size_t at = text.find("_x");
  if (at == std::string::npos) return;  // the common case: nothing to do, no copy
  std::string out(text, 0, at);
  while (at < text.size()) {
    const long unit = EscapeAt(text, at);
    if (unit < 0) {
      out.push_back(text[at++]);
      continue;
    }
    at += 7;
    char32_t code_point = static_cast<char32_t>(unit);
    // A UTF-16 surrogate pair is written as two escapes.
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      const long low = EscapeAt(text, at);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        code_point = 0x10000 + ((static_cast<char32_t>(unit) - 0xD800) << 10) +
                     (static_cast<char32_t>(low) - 0xDC00);
        at += 7;
      }
    }
    // A NUL is dropped: no cell text may carry one (PostgreSQL text cannot).
    if (code_point != 0) AppendUtf8(code_point, out);
  }
  text.swap(out);
}

}  // namespace smedash::ingest
