#include "ingest/load/copy_text.hpp"

#include <array>

namespace smedash::ingest {
namespace {

// Bytes COPY text format cannot take as they are.
constexpr std::array<bool, 256> kNeedsEscape = [] {
  std::array<bool, 256> table{};
  for (unsigned char c : {'\\', '\t', '\n', '\r', '\0'}) table[c] = true;
  return table;
}();

}  // namespace

void AppendCopyValue(std::string& out, std::string_view value) {
  // Almost every value needs no escaping: append it whole, which is what makes COPY text
  // cheap to produce.
  std::size_t clean = 0;
  while (clean < value.size() && !kNeedsEscape[static_cast<unsigned char>(value[clean])]) ++clean;
  out.append(value.data(), clean);
  for (char c : value.substr(clean)) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\0':
        break;
      default:
        out += c;
    }
  }
}

}  // namespace smedash::ingest
