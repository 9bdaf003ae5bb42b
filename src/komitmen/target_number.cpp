#include "komitmen/target_number.hpp"

#include <cstdint>
#include <string>

#include "ingest/validate/decimal_text.hpp"
#include "ingest/validate/text_util.hpp"

namespace smedash::komitmen {
namespace {

// Amounts are Rp juta in the file: read with 8 decimals, a value is already in cents of
// rupiah (× 10^6 × 10^2), so the rounding to the cent is ReadScaled's, half away from zero.
constexpr int kAmountFileScale = 8;
constexpr int kJutaDigits = 6;  // rupiah per juta: 10^6

// "-" is how the bank's sheets write "no target"; "–" and "—" are what a word processor
// makes of it.
bool IsNoTarget(std::string_view trimmed) {
  return trimmed.empty() || trimmed == "-" || trimmed == "\xE2\x80\x93" ||
         trimmed == "\xE2\x80\x94";
}

ingest::NumberStyle StyleOf(ingest::NumberForm form) {
  return form == ingest::NumberForm::kIndonesian ? ingest::NumberStyle::kIndonesian
                                                 : ingest::NumberStyle::kInternational;
}

TargetNumber FromScaled(ingest::ScaledStatus status, std::int64_t value) {
  switch (status) {
    case ingest::ScaledStatus::kOk:
      if (value < 0) return {TargetStatus::kNegative, {}};
      return {TargetStatus::kValue, core::Money::FromCents(value)};
    case ingest::ScaledStatus::kOutOfRange:
      return {TargetStatus::kTooLarge, {}};
    case ingest::ScaledStatus::kInvalid:
      break;
  }
  return {TargetStatus::kInvalid, {}};
}

}  // namespace

TargetNumberReader::TargetNumberReader(bool semicolon_delimited) {
  // A ';' delimiter is how Indonesian-locale spreadsheets write CSV (',' is their decimal).
  if (semicolon_delimited) style_ = ingest::NumberStyle::kIndonesian;
}

TargetNumber TargetNumberReader::Read(const ingest::Cell& cell, Measure measure) {
  const int scale = IsAmount(measure) ? kAmountFileScale : ingest::kAmountScale;
  const std::int64_t limit = ingest::kAmountLimit;
  std::int64_t value = 0;
  switch (cell.kind) {
    case ingest::Cell::Kind::kEmpty:
      return {};
    case ingest::Cell::Kind::kNumber: {
      // Spreadsheet numbers carry no style: exact decimal text.
      const auto status = ingest::ReadNumberCell(cell.text, scale, limit, value);
      return FromScaled(status, value);
    }
    case ingest::Cell::Kind::kDate:
    case ingest::Cell::Kind::kBool:
      return {TargetStatus::kInvalid, {}};
    case ingest::Cell::Kind::kText:
      break;
  }
  const std::string_view trimmed = ingest::Trim(cell.text);
  if (IsNoTarget(trimmed)) return {};
  const ingest::NumberText number = ingest::ClassifyNumber(trimmed, /*allow_currency=*/true);
  char separator = '.';
  switch (number.form) {
    case ingest::NumberForm::kInvalid:
      return {TargetStatus::kInvalid, {}};
    case ingest::NumberForm::kPlain:
      break;
    case ingest::NumberForm::kAmbiguous:
      if (style_ == ingest::NumberStyle::kAuto) return {TargetStatus::kAmbiguous, {}};
      separator = ingest::DecimalSeparator(style_);
      break;
    case ingest::NumberForm::kInternational:
    case ingest::NumberForm::kIndonesian: {
      const ingest::NumberStyle form_style = StyleOf(number.form);
      if (style_ != ingest::NumberStyle::kAuto && style_ != form_style) {
        return {TargetStatus::kWrongStyle, {}};
      }
      separator = ingest::DecimalSeparator(form_style);
      style_ = form_style;  // the file's first unambiguous number decides
      break;
    }
  }
  const auto status = ingest::ReadScaled(number, separator, scale, limit, value);
  return FromScaled(status, value);
}

std::string TargetName(std::size_t target_index) {
  return std::string(GroupLabel(GroupAt(target_index))) + " " +
         std::string(MeasureCode(MeasureAt(target_index)));
}

std::string FileUnitText(core::Money value, Measure measure) {
  // Cents to the file's unit: debtors keep the 2 decimals, juta gain 6 more.
  const int scale = core::Money::kScale + (IsAmount(measure) ? kJutaDigits : 0);
  char buffer[32];
  std::string text(buffer, core::FormatScaled(value.Cents(), scale, buffer));
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text;
}

}  // namespace smedash::komitmen
