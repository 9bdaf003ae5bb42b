//! Turns the SAX events of one worksheet part into rows of cells: places sparse cells by
//! their r= reference, resolves shared strings, tells date cells from number cells by
//! style, and pauses the parser after each non-empty row so rows stream one at a time.
#pragma once
#include <cstdint>
#include <string>

#include "ingest/sheet.hpp"
#include "ingest/source/reader_limits.hpp"
#include "ingest/xlsx/date_styles.hpp"
#include "ingest/xlsx/shared_strings.hpp"
#include "ingest/xlsx/xml_events.hpp"

namespace smedash::ingest {

// Cell rules: t="s" and t="inlineStr" and t="str" (a formula's text) are kText; t="b" is
// kBool; t="e" is kText holding the error ("#N/A"); t="d" (ISO date text) is kDate; a
// number is kDate when its style is a date style and it is a real day (ExcelSerialToIsoDate),
// otherwise kNumber as PlainDecimal text (kText with the stored text if that is no number).
// Empty text is kEmpty. Trailing empty cells are dropped and wholly empty rows skipped.
// Cell text that is not valid UTF-8 is a FileError (the fast scanner passes bytes through),
// and so is a formula stored without its result (<f> with no or an empty <v>, unless it is
// a text formula).
class SheetRows final : public XmlHandler {
 public:
  SheetRows(const SharedStrings& shared_strings, const DateStyles& date_styles, bool date1904,
            const ReaderLimits& limits)
      : shared_strings_(shared_strings),
        date_styles_(date_styles),
        date1904_(date1904),
        limits_(limits) {}

  void SetParser(XmlEventSource* parser) { parser_ = parser; }
  // A complete row is waiting in Current(); the caller takes it and calls ClearReady().
  bool RowReady() const { return ready_; }
  void ClearReady() { ready_ = false; }
  Row& Current() { return current_; }
  std::uint32_t RowNumber() const { return row_number_; }

  void OnStart(std::string_view name, const char** attributes) override;
  void OnEnd(std::string_view name) override;
  void OnText(std::string_view text) override;

 private:
  enum class ValueType {
    kNumber,
    kSharedString,
    kInlineString,
    kFormulaString,
    kBool,
    kError,
    kIsoDate
  };

  void StartRow(const char** attributes);
  void StartCell(const char** attributes);
  void FinishCell();
  void FinishRow();
  Cell& Place(std::uint32_t column);
  std::string CellName() const;

  const SharedStrings& shared_strings_;
  const DateStyles& date_styles_;
  const bool date1904_;
  const ReaderLimits& limits_;
  XmlEventSource* parser_ = nullptr;

  Row current_;
  std::size_t used_ = 0;    // cells of current_ in use (initialised) for this row
  std::size_t filled_ = 0;  // 1 + the last column with a non-empty cell
  std::uint32_t row_number_ = 0;
  std::uint32_t next_column_ = 0;
  bool ready_ = false;

  bool in_cell_ = false;
  bool in_inline_ = false;    // inside <is>
  bool in_phonetic_ = false;  // inside <rPh>: reading aids, not cell text
  bool capture_ = false;      // inside a <v> or an inline <t>
  bool has_formula_ = false;  // the cell has an <f>...
  bool has_value_ = false;    // ...and a <v> with its stored result
  std::uint32_t column_ = 0;
  std::uint32_t style_ = 0;
  ValueType type_ = ValueType::kNumber;
  std::string value_;

  double last_serial_ = -1;  // the last date serial converted, and its result
  bool last_date_valid_ = false;
  std::string last_date_;
};

}  // namespace smedash::ingest
