#include "ingest/csv/csv_dialect.hpp"

#include <array>
#include <cstdint>
#include <vector>

#include "ingest/sheet.hpp"
#include "ingest/source/text_encoding.hpp"
#include "ingest/validate/reasons.hpp"

namespace smedash::ingest {
namespace {

constexpr std::size_t kSniffBytes = 64 * 1024;
constexpr std::size_t kSniffLines = 50;
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

using Counts = std::array<std::uint32_t, kCsvDelimiters.size()>;

// Candidate counts outside quotes, per non-blank line of `sample`. The last line counts
// only when the sample is the whole file (otherwise it may be cut short).
std::vector<Counts> CountPerLine(std::string_view sample, bool sample_is_whole_file) {
  std::vector<Counts> lines;
  Counts current{};
  bool in_quotes = false;
  bool line_has_bytes = false;
  for (const char c : sample) {
    if (c == '"') {
      in_quotes = !in_quotes;  // "" inside quotes toggles twice: still inside
      line_has_bytes = true;
      continue;
    }
    if (in_quotes) continue;
    if (c == '\n' || c == '\r') {
      if (line_has_bytes) {
        lines.push_back(current);
        if (lines.size() == kSniffLines) return lines;
      }
      current = {};
      line_has_bytes = false;
      continue;
    }
    line_has_bytes = true;
    const auto at = kCsvDelimiters.find(c);
    if (at != std::string_view::npos) ++current[at];
  }
  if (line_has_bytes && sample_is_whole_file && !in_quotes) lines.push_back(current);
  return lines;
}

}  // namespace

std::string CsvDialect::DelimiterName() const {
  if (delimiter == '\t') return "tab";
  return std::string("'") + delimiter + "'";
}

std::string CsvDialect::Describe() const {
  std::string text = "delimiter " + DelimiterName();
  text += delimiter_source == OptionSource::kDetected ? " (detected)"
                                                      : " (default: only one column found)";
  text += "; ";
  if (encoding == TextEncoding::kCp1252) {
    text += "Windows-1252 (not valid UTF-8)";
  } else {
    text += has_bom ? "UTF-8 with BOM" : "UTF-8";
  }
  return text;
}

CsvDialect SniffCsvDialect(std::string_view head, bool head_is_whole_file) {
  if (head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF") ||
      head.starts_with(std::string_view("\0\0\xFE\xFF", 4))) {
    throw FileError(reason::kFileUtf16, {},
                    "File CSV ini disimpan sebagai UTF-16 (\"Unicode Text\"), yang tidak didukung. "
                    "Simpan ulang dari Excel sebagai \"CSV UTF-8 (Comma delimited)\".");
  }
  CsvDialect dialect;
  if (head.starts_with(kUtf8Bom)) {
    dialect.has_bom = true;
    head.remove_prefix(kUtf8Bom.size());
  }
  const bool whole = head_is_whole_file;
  dialect.encoding = IsValidUtf8(head, /*allow_truncated_tail=*/!whole) ? TextEncoding::kUtf8
                                                                        : TextEncoding::kCp1252;

  const bool sample_is_whole = whole && head.size() <= kSniffBytes;
  const auto lines = CountPerLine(head.substr(0, kSniffBytes), sample_is_whole);
  if (lines.empty()) return dialect;
  std::size_t best = kCsvDelimiters.size();
  std::size_t best_agreeing = 0;
  std::uint32_t best_count = 0;
  for (std::size_t k = 0; k < kCsvDelimiters.size(); ++k) {
    const std::uint32_t first = lines.front()[k];
    if (first == 0) continue;
    std::size_t agreeing = 0;
    for (const auto& line : lines) agreeing += line[k] == first ? 1 : 0;
    if (agreeing > best_agreeing || (agreeing == best_agreeing && first > best_count)) {
      best = k;
      best_agreeing = agreeing;
      best_count = first;
    }
  }
  if (best < kCsvDelimiters.size()) {
    dialect.delimiter = kCsvDelimiters[best];
    dialect.delimiter_source = OptionSource::kDetected;
  }
  return dialect;
}

}  // namespace smedash::ingest
