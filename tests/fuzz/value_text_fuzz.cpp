// The cell value parsers of validate/ and source/: numbers in both styles, spreadsheet
// number text, dates, flags, grades, whole numbers, codes and identifiers, each on the
// trimmed input, read as every cell kind. Where two parsers read the same text, they must
// agree (the canonical fast path and the general one; a date and its ISO form).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "ingest/source/number_text.hpp"
#include "ingest/validate/cell_values.hpp"
#include "ingest/validate/date_text.hpp"
#include "ingest/validate/decimal_text.hpp"
#include "ingest/validate/text_util.hpp"

namespace smedash::fuzz {
namespace {

[[noreturn]] void Disagree(const char* what, std::string_view text) {
  std::fprintf(stderr, "%s disagree on \"%.*s\"\n", what, static_cast<int>(text.size()),
               text.data());
  std::abort();
}

void Numbers(std::string_view text) {
  for (const bool currency : {false, true}) {
    const ingest::NumberText number = ingest::ClassifyNumber(text, currency);
    for (const char separator : {'.', ','}) {
      for (const auto& [scale, limit] : {std::pair{ingest::kAmountScale, ingest::kAmountLimit},
                                         std::pair{ingest::kRateScale, ingest::kRateLimit},
                                         std::pair{8, ingest::kAmountLimit}}) {
        std::int64_t value = 0;
        if (ingest::ReadScaled(number, separator, scale, limit, value) ==
                ingest::ScaledStatus::kOk &&
            (value >= limit || value <= -limit)) {
          Disagree("ReadScaled and its limit", text);
        }
      }
    }
  }
  std::int64_t cell_value = 0;
  (void)ingest::ReadNumberCell(text, ingest::kAmountScale, ingest::kAmountLimit, cell_value);

  // The fast path for what exports write must read what the general path reads.
  std::int64_t cents = 0;
  bool international = false;
  if (ingest::ReadCanonicalAmount(text, cents, international)) {
    const ingest::NumberText number = ingest::ClassifyNumber(text, false);
    std::int64_t general = 0;
    if (ingest::ReadScaled(number, '.', ingest::kAmountScale, ingest::kAmountLimit, general) !=
            ingest::ScaledStatus::kOk ||
        general != cents) {
      Disagree("ReadCanonicalAmount and ReadScaled", text);
    }
  }
  std::string plain;
  if (ingest::PlainDecimal(text, plain)) {
    (void)ingest::ReadNumberCell(plain, ingest::kAmountScale, ingest::kAmountLimit, cell_value);
  }
}

void Dates(std::string_view text) {
  if (const auto date = ingest::ParseDateText(text)) {
    const auto again = ingest::ParseDateText(date->ToIso());
    if (!again || *again != *date) Disagree("ParseDateText and its ISO form", text);
  }
  (void)ingest::DateFromExcelSerial(text);
  (void)ingest::IsNoDate(text);
  (void)ingest::MonthFromName(text);
}

void SmallValues(std::string_view text) {
  using Kind = ingest::Cell::Kind;
  for (const Kind kind : {Kind::kText, Kind::kNumber, Kind::kDate, Kind::kBool}) {
    (void)ingest::ReadFlag(kind, text);
    (void)ingest::ReadGrade(kind, text);
    (void)ingest::ReadWholeNumber(kind, text);
    std::string_view identifier;
    (void)ingest::ReadIdentifier(kind, text, identifier);
  }
  const std::string_view code = ingest::NormalizeCode(text);
  if (!code.empty() &&
      (code.data() < text.data() || code.data() + code.size() > text.data() + text.size())) {
    Disagree("NormalizeCode and its input", text);
  }
}

}  // namespace
}  // namespace smedash::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // The parsers take a cell's trimmed, non-empty text; a copy makes ASan see the end.
  const std::string cell(reinterpret_cast<const char*>(data), size);
  const std::string_view text = smedash::ingest::Trim(cell);
  if (text.empty()) return 0;
  smedash::fuzz::Numbers(text);
  smedash::fuzz::Dates(text);
  smedash::fuzz::SmallValues(text);
  return 0;
}
