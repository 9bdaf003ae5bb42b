#include "ingest/validate/row_validator.hpp"

#include <charconv>

#include "core/date.hpp"
#include "core/limits.hpp"
#include "core/money.hpp"
#include "ingest/validate/cell_values.hpp"
#include "ingest/validate/date_text.hpp"
#include "ingest/validate/decimal_text.hpp"
#include "ingest/validate/reasons.hpp"
#include "ingest/validate/text_util.hpp"

namespace smedash::ingest {
namespace {

constexpr std::size_t kMaxRawValue = 200;  // code points of a raw value kept in a RowIssue

std::size_t Index(Column column) { return static_cast<std::size_t>(column); }

// Assigns without giving up the string's buffer, so a reused ValidatedRow stops allocating.
void Put(std::optional<std::string>& slot, std::string_view value) {
  if (slot) {
    slot->assign(value.data(), value.size());
  } else {
    slot.emplace(value);
  }
}

void Put(std::string& slot, std::string_view value) { slot.assign(value.data(), value.size()); }

RowIssue& AddIssue(std::vector<RowIssue>& issues, std::uint64_t line, Column column,
                   std::string_view raw, std::string_view key, bool rejects_row) {
  RowIssue& issue = issues.emplace_back();
  issue.line = line;
  issue.column = std::string(Spec(column).header);
  issue.raw_value = std::string(CutCodePoints(raw, kMaxRawValue));
  issue.reason_key = std::string(key);
  issue.args.emplace("column", issue.column);
  issue.rejects_row = rejects_row;
  return issue;
}

std::optional<core::Date> ReadDate(Cell::Kind kind, std::string_view text) {
  switch (kind) {
    case Cell::Kind::kDate:
      return core::Date::ParseIso(text);
    case Cell::Kind::kNumber:
      return DateFromExcelSerial(text);
    case Cell::Kind::kText:
      return ParseDateText(text);
    default:
      return std::nullopt;
  }
}

// Text columns, codes and identifiers: the key of what makes `text` unstorable, or empty.
std::string_view CheckText(std::string_view text) {
  // PostgreSQL text cannot hold a NUL byte, and COPY would fail the whole file on it.
  if (ContainsNul(text)) return reason::kTextNul;
  if (text.size() > core::limits::kMaxTextField && CodePoints(text) > core::limits::kMaxTextField) {
    return reason::kTextTooLong;
  }
  return {};
}

NumberStyle StyleOf(NumberForm form) {
  return form == NumberForm::kIndonesian ? NumberStyle::kIndonesian : NumberStyle::kInternational;
}

}  // namespace

RowValidator::RowValidator(const ColumnMap& map, NumberStyle style, bool semicolon_delimited)
    : has_os_(map.HasOs()), style_(style) {
  // A ';' delimiter is how Indonesian-locale spreadsheets write CSV, because ',' is their
  // decimal separator.
  if (style_ == NumberStyle::kAuto && semicolon_delimited) style_ = NumberStyle::kIndonesian;
  for (const auto& spec : Columns()) {
    if (auto cell_idx = map.IndexOf(spec.column)) {
      fields_.push_back({spec.column, *cell_idx, spec.kind});
    } else {
      absent_.push_back(spec.column);
    }
  }
  deferred_.reserve(fields_.size());
}

NumberStyle RowValidator::Style() const { return style_; }

RowValidator::Outcome RowValidator::ReadNumber(const Field& field, const Cell& cell,
                                               std::string_view text, bool deferred,
                                               std::int64_t& value, std::string_view& canonical,
                                               std::uint64_t line, std::vector<RowIssue>& issues) {
  const bool amount = field.kind == ValueKind::kAmount;
  // Most files write amounts as "1234567.89": settle those without the general reader.
  bool international = false;
  if (amount && cell.kind == Cell::Kind::kText && style_ != NumberStyle::kIndonesian &&
      ReadCanonicalAmount(text, value, international)) {
    if (international) {
      style_ = NumberStyle::kInternational;  // ".dd" is unambiguous: it decides
      // Already the stored form unless a leading zero needs dropping ("007.50").
      if (text[0] != '0' || text.size() == 4) canonical = text;
    }
    return Outcome::kOk;
  }
  const int scale = amount ? kAmountScale : kRateScale;
  const std::int64_t limit = amount ? kAmountLimit : kRateLimit;
  auto reject = [&](std::string_view key) {
    AddIssue(issues, line, field.column, cell.text, key, true);
    return Outcome::kRejected;
  };
  const std::string_view bad = amount ? reason::kAmount : reason::kRate;
  const std::string_view too_large = amount ? reason::kAmountTooLarge : reason::kRateTooLarge;

  ScaledStatus status = ScaledStatus::kInvalid;
  if (cell.kind == Cell::Kind::kNumber) {
    // Spreadsheet numbers carry no style: exact decimal text, rounded to the scale.
    status = ReadNumberCell(text, scale, limit, value);
  } else if (cell.kind == Cell::Kind::kText) {
    // "7.5%" is how a rate is often written; the column is a percent anyway.
    if (!amount && !text.empty() && text.back() == '%') {
      text = Trim(text.substr(0, text.size() - 1));
    }
    const NumberText number = ClassifyNumber(text, amount);
    switch (number.form) {
      case NumberForm::kInvalid:
        return reject(bad);
      case NumberForm::kPlain:
        status = ReadScaled(number, '.', scale, limit, value);
        break;
      case NumberForm::kAmbiguous:
        if (style_ == NumberStyle::kAuto) {
          // Never guessed: wait for the rest of the row, which may settle the file's style.
          if (!deferred) return Outcome::kDeferred;
          return reject(amount ? reason::kAmountAmbiguous : reason::kRateAmbiguous);
        }
        status = ReadScaled(number, DecimalSeparator(style_), scale, limit, value);
        break;
      case NumberForm::kInternational:
      case NumberForm::kIndonesian: {
        const NumberStyle form_style = StyleOf(number.form);
        status = ReadScaled(number, DecimalSeparator(form_style), scale, limit, value);
        if (status != ScaledStatus::kOk || !amount) break;
        // A file's amounts share one style. Rates are read by their own form: they have
        // no thousands, so "7,5" and "7.5" are plain in any file.
        if (style_ == NumberStyle::kAuto) {
          style_ = form_style;  // the file's first unambiguous amount decides
        } else if (style_ != form_style) {
          return reject(style_ == NumberStyle::kIndonesian ? reason::kAmountNotIndonesian
                                                           : reason::kAmountNotInternational);
        }
        break;
      }
    }
  }
  switch (status) {
    case ScaledStatus::kOk:
      return Outcome::kOk;
    case ScaledStatus::kOutOfRange:
      return reject(too_large);
    case ScaledStatus::kInvalid:
      break;
  }
  return reject(bad);
}

bool RowValidator::Validate(const Row& cells, std::uint64_t line, ValidatedRow& out,
                            std::vector<RowIssue>& issues) {
  static const Cell kEmptyCell;
  bool rejected = false;
  deferred_.clear();
  // Scaled amounts of this row, for the effective os; absent or empty = none.
  std::array<std::int64_t, kColumnCount> numbers{};
  std::array<bool, kColumnCount> has_number{};
  char buffer[32];
  for (Column column : absent_) out.values[Index(column)].reset();

  auto reject = [&](const Field& field, const Cell& cell, std::string_view key) {
    RowIssue& issue = AddIssue(issues, line, field.column, cell.text, key, true);
    if (key == reason::kTextTooLong) {
      issue.args.emplace("max", std::to_string(core::limits::kMaxTextField));
      issue.args.emplace("length", std::to_string(CodePoints(Trim(cell.text))));
    }
    rejected = true;
  };
  auto put_number = [&](const Field& field, std::int64_t value, std::string_view canonical) {
    const std::size_t column = Index(field.column);
    numbers[column] = value;
    has_number[column] = true;
    if (!canonical.empty()) {
      Put(out.values[column], canonical);
      return;
    }
    const int scale = field.kind == ValueKind::kAmount ? kAmountScale : kRateScale;
    Put(out.values[column], std::string_view(buffer, core::FormatScaled(value, scale, buffer)));
  };

  for (std::size_t field_idx = 0; field_idx < fields_.size(); ++field_idx) {
    const Field& field = fields_[field_idx];
    const Cell& cell = field.cell_idx < cells.size() ? cells[field.cell_idx] : kEmptyCell;
    const std::string_view text = Trim(cell.text);
    const bool empty = cell.kind == Cell::Kind::kEmpty || text.empty();
    std::optional<std::string>& slot = out.values[Index(field.column)];

    switch (field.kind) {
      case ValueKind::kPositionDate: {
        if (empty) {
          reject(field, cell, reason::kPositionDateEmpty);
          break;
        }
        if (cell.kind != last_periode_kind_ || text != last_periode_raw_) {
          const auto date = ReadDate(cell.kind, text);
          if (!date) {
            reject(field, cell, reason::kPositionDate);
            break;
          }
          last_periode_iso_ = date->ToIso();
          last_periode_raw_.assign(text.data(), text.size());
          last_periode_kind_ = cell.kind;
        }
        Put(slot, last_periode_iso_);
        Put(out.periode, last_periode_iso_);
        break;
      }
      case ValueKind::kDate: {
        if (empty || (cell.kind != Cell::Kind::kDate && IsNoDate(text))) {
          slot.reset();
          break;
        }
        const auto date = ReadDate(cell.kind, text);
        if (!date) {
          slot.reset();
          AddIssue(issues, line, field.column, cell.text, reason::kWarnDate, false);
          break;
        }
        date->FormatIso(buffer);
        Put(slot, std::string_view(buffer, core::Date::kIsoSize));
        break;
      }
      case ValueKind::kAmount:
      case ValueKind::kRate: {
        if (empty) {
          slot.reset();
          break;
        }
        std::int64_t value = 0;
        std::string_view canonical;
        switch (ReadNumber(field, cell, text, false, value, canonical, line, issues)) {
          case Outcome::kOk:
            put_number(field, value, canonical);
            break;
          case Outcome::kDeferred:
            deferred_.push_back(field_idx);
            break;
          case Outcome::kRejected:
            rejected = true;
            break;
        }
        break;
      }
      case ValueKind::kWholeNumber: {
        if (empty) {
          slot.reset();
          break;
        }
        const auto value = ReadWholeNumber(cell.kind, text);
        if (!value) {
          slot.reset();
          AddIssue(issues, line, field.column, cell.text, reason::kWarnWholeNumber, false);
          break;
        }
        Put(slot,
            std::string_view(buffer, std::to_chars(buffer, buffer + sizeof buffer, *value).ptr));
        break;
      }
      case ValueKind::kGrade: {
        if (empty) {
          reject(field, cell, reason::kGradeEmpty);
          break;
        }
        const auto grade = ReadGrade(cell.kind, text);
        if (!grade) {
          reject(field, cell, reason::kGrade);
          break;
        }
        buffer[0] = static_cast<char>('0' + *grade);
        Put(slot, std::string_view(buffer, 1));
        break;
      }
      case ValueKind::kFlag: {
        std::optional<bool> flag = false;  // empty = N
        if (!empty) flag = ReadFlag(cell.kind, text);
        if (!flag) {
          reject(field, cell, reason::kFlag);
          break;
        }
        Put(slot, *flag ? "t" : "f");
        break;
      }
      case ValueKind::kCode: {
        if (empty) {
          reject(field, cell, reason::kCodeEmpty);
          break;
        }
        const std::string_view code = NormalizeCode(text);
        if (auto problem = CheckText(code); !problem.empty()) {
          reject(field, cell, problem);
          break;
        }
        Put(slot, code);
        if (field.column == Column::kCode) Put(out.code, code);
        break;
      }
      case ValueKind::kIdentifier: {
        if (empty) {
          reject(field, cell, reason::kIdentifierEmpty);
          break;
        }
        std::string_view identifier;
        switch (ReadIdentifier(cell.kind, text, identifier)) {
          case IdentifierStatus::kOk:
            break;
          case IdentifierStatus::kNotWhole:
            reject(field, cell, reason::kIdentifierNotWhole);
            continue;
          case IdentifierStatus::kExponent:
            reject(field, cell, reason::kIdentifierExponent);
            continue;
        }
        if (auto problem = CheckText(identifier); !problem.empty()) {
          reject(field, cell, problem);
          break;
        }
        Put(slot, identifier);
        if (field.column == Column::kNomorRekening) Put(out.nomor_rekening, identifier);
        break;
      }
      case ValueKind::kText: {
        if (empty) {
          // KANCA places the row in the hierarchy (domain.md section 3); loan_data needs it.
          if (Spec(field.column).always_required) reject(field, cell, reason::kRequiredEmpty);
          slot.reset();
          break;
        }
        if (auto problem = CheckText(text); !problem.empty()) {
          reject(field, cell, problem);
          break;
        }
        Put(slot, text);
        break;
      }
    }
  }

  // Ambiguous numbers: read now if a later cell of this row decided the style.
  for (std::size_t field_idx : deferred_) {
    const Field& field = fields_[field_idx];
    const Cell& cell = field.cell_idx < cells.size() ? cells[field.cell_idx] : kEmptyCell;
    std::int64_t value = 0;
    std::string_view canonical;
    if (ReadNumber(field, cell, Trim(cell.text), true, value, canonical, line, issues) ==
        Outcome::kOk) {
      put_number(field, value, canonical);
    } else {
      rejected = true;
    }
  }
  if (rejected) return false;

  // Effective os (domain.md section 5): the OS cell when the file has one and it is
  // filled, else the sum of the five KOLEKTIBILITAS amounts, empty counting as 0.
  core::Money os;
  if (has_os_ && has_number[Index(Column::kOs)]) {
    os = core::Money::FromCents(numbers[Index(Column::kOs)]);
  } else {
    for (Column column : kKolektibilitasColumns) {
      if (!has_number[Index(column)]) continue;
      // Each amount is below 10^17 cents, so five of them cannot overflow.
      os = *os.CheckedAdd(core::Money::FromCents(numbers[Index(column)]));
    }
  }
  Put(out.os, std::string_view(buffer, os.Format(buffer)));
  return true;
}

}  // namespace smedash::ingest
