//! The neutral table an export is laid out as: what the builders make from the API's JSON
//! and what the CSV and XLSX writers turn into bytes. Numbers stay exact decimal text here.
#pragma once
#include <string>
#include <utility>
#include <vector>

namespace smedash::dashboard::exports {

enum class CellKind {
  kMissing,  // no value: shown as "–" (domain.md 6: never 0)
  kText,
  kNumber,  // `text` is an exact decimal ("-1234.5"), already in the export's unit
  kDate,    // `text` is "yyyy-mm-dd"
};

// Decides the display format of a number (domain.md 8).
enum class NumberKind {
  kAmount,   // rupiah in the chosen unit, 2 decimals shown
  kPercent,  // a percentage metric or a change in percentage points, 2 decimals shown
  kCount,    // NSB, no decimals
  kGrowth,   // a change % (change / |base| × 100), 1 decimal shown
};

struct Cell {
  CellKind kind = CellKind::kMissing;
  std::string text;
  NumberKind number = NumberKind::kAmount;
  bool change = false;  // a change column: negatives shown in parentheses (XLSX)

  static Cell Missing() { return {}; }
  static Cell Text(std::string text) { return {CellKind::kText, std::move(text)}; }
  static Cell Date(std::string iso) { return {CellKind::kDate, std::move(iso)}; }
  static Cell Number(std::string decimal, NumberKind number, bool change = false) {
    return {CellKind::kNumber, std::move(decimal), number, change};
  }
};

struct Row {
  std::vector<Cell> cells;
  bool emphasis = false;  // a total or section header row: bold in XLSX
};

// One label/value line above the table: a filter or a compared date.
struct HeaderLine {
  std::string label;
  Cell value;
};

struct Table {
  std::string sheet_name;  // XLSX sheet: at most 31 characters, none of []:*?/\ .
  std::string title;
  std::vector<HeaderLine> header;
  std::vector<std::string> columns;
  std::vector<Row> rows;
  int label_columns = 1;  // leading text columns kept in view when scrolling right
};

}  // namespace smedash::dashboard::exports
