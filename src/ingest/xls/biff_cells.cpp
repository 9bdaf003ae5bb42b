#include "ingest/xls/biff_cells.hpp"

#include <algorithm>
#include <cstring>
#include <string_view>
#include <unordered_map>

#include "ingest/source/date_formats.hpp"
#include "ingest/source/excel_date.hpp"
#include "ingest/source/number_text.hpp"
#include "ingest/source/text_encoding.hpp"
#include "ingest/xls/biff_records.hpp"

namespace smedash::ingest {
namespace {

using biff::kBiff8;
using biff::kBof;
using biff::kEof;
using biff::Record;
using biff::Records;
using biff::U16;
using biff::U32;

using biff::kBoolErr;
using biff::kBoundSheet;
using biff::kDateMode;
using biff::kFormat;
using biff::kXf;

// BIFF8 record types (MS-XLS 2.3) only the cell reader looks at.
constexpr std::uint16_t kFormula = 0x0006;
constexpr std::uint16_t kString = 0x0207;

// A BIFF8 string of `count` characters at `at`: a flags byte (bit 0: two bytes per
// character), then the characters. Appends UTF-8 to `out`; false when it runs past `data`.
bool AppendBiffString(std::string_view data, std::size_t at, std::size_t count, std::string& out) {
  if (at >= data.size()) return count == 0;
  const bool wide = (data[at] & 0x01) != 0;
  ++at;
  if (at + count * (wide ? 2 : 1) > data.size()) return false;
  for (std::size_t i = 0; i < count; ++i) {
    if (!wide) {
      const auto byte = static_cast<unsigned char>(data[at + i]);
      if (byte != 0) AppendUtf8(byte, out);  // no NUL in cell text (PostgreSQL refuses it)
      continue;
    }
    char32_t unit = U16(data, at + i * 2);
    if (unit >= 0xD800 && unit <= 0xDBFF && i + 1 < count) {
      const char32_t low = U16(data, at + (i + 1) * 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
        ++i;
      }
    }
    if (unit != 0) AppendUtf8(unit, out);
  }
  return true;
}

const char* ErrorText(unsigned char code) {
  switch (code) {
    case 0x00:
      return "#NULL!";
    case 0x07:
      return "#DIV/0!";
    case 0x0F:
      return "#VALUE!";
    case 0x17:
      return "#REF!";
    case 0x1D:
      return "#NAME?";
    case 0x24:
      return "#NUM!";
    case 0x2A:
      return "#N/A";
    default:
      return "#ERROR";
  }
}

struct SheetEntry {
  std::string name;
  std::uint32_t offset = 0;  // of the sheet's BOF record in the stream
  bool worksheet = false;    // not a chart, macro or VBA sheet
};

struct Globals {
  bool date1904 = false;
  std::unordered_map<std::uint16_t, bool> custom_is_date;  // FORMAT id → date?
  std::vector<std::uint16_t> xf_formats;                   // XF index → FORMAT id
  std::vector<SheetEntry> sheets;                          // in workbook order
};

bool IsDateXf(const Globals& globals, std::uint16_t xf) {
  if (xf >= globals.xf_formats.size()) return false;
  const std::uint16_t format = globals.xf_formats[xf];
  const auto custom = globals.custom_is_date.find(format);
  return custom != globals.custom_is_date.end() ? custom->second : IsBuiltinDateFormat(format);
}

Globals ReadGlobals(std::string_view stream) {
  Globals globals;
  Records records(stream, 0);
  Record record;
  records.Next(record);  // the BOF, checked by the caller
  while (records.Next(record) && record.type != kEof) {
    const std::string_view data = record.data;
    if (record.type == kBoundSheet && data.size() >= 8) {
      SheetEntry sheet;
      if (AppendBiffString(data, 7, static_cast<unsigned char>(data[6]), sheet.name)) {
        sheet.offset = U32(data, 0);
        sheet.worksheet = data[5] == 0;
        globals.sheets.push_back(std::move(sheet));
      }
    } else if (record.type == kFormat && data.size() >= 5) {
      std::string code;
      if (AppendBiffString(data, 4, U16(data, 2), code)) {
        globals.custom_is_date[U16(data, 0)] = IsDateFormatCode(code);
      }
    } else if (record.type == kXf && data.size() >= 4) {
      globals.xf_formats.push_back(U16(data, 2));
    } else if (record.type == kDateMode && data.size() >= 2) {
      globals.date1904 = U16(data, 0) == 1;
    }
  }
  return globals;
}

}  // namespace

BiffCells BiffCells::Read(std::string_view stream, std::size_t max_field_bytes) {
  BiffCells cells;
  Records first(stream, 0);
  Record bof;
  if (!first.Next(bof) || bof.type != kBof || bof.data.size() < 4 || U16(bof.data, 0) != kBiff8) {
    return cells;
  }
  cells.biff8_ = true;
  const Globals globals = ReadGlobals(stream);
  const auto sheet = std::find_if(globals.sheets.begin(), globals.sheets.end(),
                                  [](const SheetEntry& entry) { return entry.worksheet; });
  if (sheet == globals.sheets.end()) return cells;
  cells.sheet_name_ = sheet->name;

  Records records(stream, sheet->offset);
  Record record;
  if (!records.Next(record) || record.type != kBof) return cells;
  int depth = 1;  // charts embedded in a sheet have BOF..EOF blocks of their own
  bool string_pending = false;
  std::uint32_t pending_row = 0;
  std::uint32_t pending_column = 0;
  while (depth > 0 && records.Next(record)) {
    const std::string_view data = record.data;
    if (record.type == kBof) {
      ++depth;
      continue;
    }
    if (record.type == kEof) {
      --depth;
      continue;
    }
    if (depth != 1) continue;
    if (record.type == kFormula && data.size() >= 14) {
      string_pending = false;
      Entry entry{U16(data, 0), U16(data, 2), Cell{}};
      if (U16(data, 12) == 0xFFFF) {  // not a number: the type is in the first byte
        switch (static_cast<unsigned char>(data[6])) {
          case 0:  // text, in the STRING record that follows
            string_pending = true;
            pending_row = entry.row;
            pending_column = entry.column;
            continue;
          case 1:
            entry.cell = {Cell::Kind::kBool, data[8] != 0 ? "TRUE" : "FALSE"};
            break;
          case 2:
            entry.cell = {Cell::Kind::kText, ErrorText(static_cast<unsigned char>(data[8]))};
            break;
          default:  // an empty string
            continue;
        }
      } else {
        double value;
        std::memcpy(&value, data.data() + 6, 8);
        if (IsDateXf(globals, U16(data, 4)) &&
            ExcelSerialToIsoDate(value, globals.date1904, entry.cell.text)) {
          entry.cell.kind = Cell::Kind::kDate;
        } else if (PlainDecimalFromDouble(value, entry.cell.text)) {
          entry.cell.kind = Cell::Kind::kNumber;
        } else {
          continue;
        }
      }
      cells.entries_.push_back(std::move(entry));
    } else if (record.type == kString && string_pending && data.size() >= 3) {
      string_pending = false;
      Entry entry{pending_row, pending_column, Cell{Cell::Kind::kText, {}}};
      if (!AppendBiffString(data, 2, U16(data, 0), entry.cell.text)) continue;
      if (entry.cell.text.size() > max_field_bytes) {
        throw FileError("Baris " + std::to_string(pending_row + 1) + ": isi satu sel lebih dari " +
                        std::to_string(max_field_bytes / 1024) + " KiB.");
      }
      if (!entry.cell.text.empty()) cells.entries_.push_back(std::move(entry));
    } else if (record.type == kBoolErr && data.size() >= 8) {
      const auto value = static_cast<unsigned char>(data[6]);
      Entry entry{U16(data, 0), U16(data, 2), Cell{}};
      entry.cell = data[7] != 0 ? Cell{Cell::Kind::kText, ErrorText(value)}
                                : Cell{Cell::Kind::kBool, value != 0 ? "TRUE" : "FALSE"};
      cells.entries_.push_back(std::move(entry));
    }
  }
  std::sort(cells.entries_.begin(), cells.entries_.end(), [](const Entry& a, const Entry& b) {
    return a.row != b.row ? a.row < b.row : a.column < b.column;
  });
  return cells;
}

const Cell* BiffCells::Next(std::uint32_t row, std::uint32_t column) {
  while (cursor_ < entries_.size() &&
         (entries_[cursor_].row < row ||
          (entries_[cursor_].row == row && entries_[cursor_].column < column))) {
    ++cursor_;
  }
  if (cursor_ < entries_.size() && entries_[cursor_].row == row &&
      entries_[cursor_].column == column) {
    return &entries_[cursor_].cell;
  }
  return nullptr;
}

}  // namespace smedash::ingest
