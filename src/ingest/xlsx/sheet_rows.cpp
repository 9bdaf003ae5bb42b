#include "ingest/xlsx/sheet_rows.hpp"

#include <charconv>

#include "ingest/source/excel_date.hpp"
#include "ingest/source/number_text.hpp"
#include "ingest/source/text_encoding.hpp"
#include "ingest/validate/reasons.hpp"
#include "ingest/xlsx/cell_ref.hpp"
#include "ingest/xlsx/ooxml_text.hpp"

namespace smedash::ingest {
namespace {

// Three-letter names compared by hand: these run for every row of the sheet.
bool IsRow(std::string_view name) { return name[0] == 'r' && name[1] == 'o' && name[2] == 'w'; }
bool IsPhonetic(std::string_view name) {
  return name[0] == 'r' && name[1] == 'P' && name[2] == 'h';
}

bool LooksLikeIsoDate(std::string_view text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return false;
  for (const std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  return true;
}

std::string ColumnName(std::uint32_t column) {
  std::string name;
  for (std::uint32_t n = column + 1; n > 0; n = (n - 1) / 26) {
    name.insert(name.begin(), static_cast<char>('A' + (n - 1) % 26));
  }
  return name;
}

}  // namespace

std::string SheetRows::CellName() const {
  return ColumnName(column_) + std::to_string(row_number_);
}

void SheetRows::OnStart(std::string_view name, const char** attributes) {
  // Dispatch on length first: this runs for every element of a sheet that may hold
  // millions of cells.
  switch (name.size()) {
    case 1:
      if (name[0] == 'c') {
        StartCell(attributes);
      } else if (name[0] == 'v') {
        capture_ = in_cell_;
        has_value_ = true;
      } else if (name[0] == 'f') {
        has_formula_ = in_cell_;
      } else if (name[0] == 't') {
        capture_ = in_inline_ && !in_phonetic_;
      }
      break;
    case 2:
      if (name[0] == 'i' && name[1] == 's') in_inline_ = in_cell_;
      break;
    case 3:
      if (IsRow(name)) {
        StartRow(attributes);
      } else if (IsPhonetic(name)) {
        in_phonetic_ = true;
      }
      break;
    default:
      break;
  }
}

void SheetRows::OnEnd(std::string_view name) {
  switch (name.size()) {
    case 1:
      if (name[0] == 'c') {
        FinishCell();
      } else if (name[0] == 'v' || name[0] == 't') {
        capture_ = false;
      }
      break;
    case 2:
      if (name[0] == 'i' && name[1] == 's') in_inline_ = false;
      break;
    case 3:
      if (IsRow(name)) {
        FinishRow();
      } else if (IsPhonetic(name)) {
        in_phonetic_ = false;
      }
      break;
    default:
      break;
  }
}

void SheetRows::OnText(std::string_view text) {
  if (!capture_) return;
  value_.append(text);
  if (value_.size() > limits_.max_field_bytes) {
    const std::string max_kib = std::to_string(limits_.max_field_bytes / 1024);
    throw FileError(reason::kFileCellTooLarge, {{"cell", CellName()}, {"max_kib", max_kib}},
                    "Sel " + CellName() + ": isinya lebih dari " + max_kib + " KiB.");
  }
}

void SheetRows::StartRow(const char** attributes) {
  if (const char* r = FindAttribute(attributes, "r")) {
    const std::string_view text(r);
    std::uint32_t number = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (ec != std::errc() || end != text.data() + text.size() || number == 0 ||
        number > kMaxSheetRows) {
      throw FileError(reason::kFileRowNumber, {{"row", std::string(text)}},
                      "File XLSX rusak: nomor baris '" + std::string(text) +
                          "' di luar batas Excel (1 sampai 1.048.576).");
    }
    row_number_ = number;
  } else {
    if (row_number_ >= kMaxSheetRows) {
      throw FileError(reason::kFileTooManyRows, {}, "File XLSX rusak: lebih dari 1.048.576 baris.");
    }
    ++row_number_;
  }
  used_ = 0;
  filled_ = 0;
  next_column_ = 0;
}

void SheetRows::StartCell(const char** attributes) {
  const char* reference = nullptr;
  const char* type = nullptr;
  const char* style = nullptr;
  for (const char** attribute = attributes; *attribute != nullptr; attribute += 2) {
    // Almost always the one-letter names r, t and s without a prefix: test that first.
    const char* name = attribute[0];
    const std::string_view local =
        name[0] != '\0' && name[1] == '\0' ? std::string_view(name, 1) : LocalName(name);
    if (local.size() != 1) continue;
    const char letter = local[0];
    if (letter == 'r') {
      reference = attribute[1];
    } else if (letter == 't') {
      type = attribute[1];
    } else if (letter == 's') {
      style = attribute[1];
    }
  }
  if (reference != nullptr) {
    const auto parsed = ParseCellRef(reference);
    if (!parsed) {
      throw FileError(reason::kFileCellReference, {{"cell", reference}},
                      "File XLSX rusak: alamat sel '" + std::string(reference) +
                          "' di luar batas Excel (kolom A sampai XFD, baris 1 sampai 1.048.576).");
    }
    column_ = parsed->column;
  } else {
    if (next_column_ >= kMaxSheetColumns) {
      const std::string row = std::to_string(row_number_);
      throw FileError(reason::kFileTooManyColumns, {{"row", row}},
                      "File XLSX rusak: baris " + row + " punya lebih dari 16.384 kolom.");
    }
    column_ = next_column_;
  }
  next_column_ = column_ + 1;

  type_ = ValueType::kNumber;
  if (type != nullptr) {
    const std::string_view t(type);
    if (t == "s") {
      type_ = ValueType::kSharedString;
    } else if (t == "inlineStr") {
      type_ = ValueType::kInlineString;
    } else if (t == "str") {
      type_ = ValueType::kFormulaString;
    } else if (t == "b") {
      type_ = ValueType::kBool;
    } else if (t == "e") {
      type_ = ValueType::kError;
    } else if (t == "d") {
      type_ = ValueType::kIsoDate;
    }
  }
  style_ = 0;
  if (style != nullptr) {
    const std::string_view s(style);
    std::from_chars(s.data(), s.data() + s.size(), style_);
  }
  value_.clear();
  in_cell_ = true;
  has_formula_ = false;
  has_value_ = false;
}

Cell& SheetRows::Place(std::uint32_t column) {
  // Columns skipped by a sparse row become kEmpty; strings already allocated in current_
  // from earlier rows are reused, not freed.
  while (used_ <= column) {
    if (used_ == current_.size()) {
      current_.emplace_back();
    } else {
      current_[used_].kind = Cell::Kind::kEmpty;
      current_[used_].text.clear();
    }
    ++used_;
  }
  return current_[column];
}

void SheetRows::FinishCell() {
  in_cell_ = false;
  capture_ = false;
  in_inline_ = false;
  if (has_formula_ && (!has_value_ || value_.empty()) && type_ != ValueType::kFormulaString) {
    // Excel always stores a formula's result (an empty text result as t="str"); a writer
    // that does not (openpyxl writes <v></v>) leaves the value unknown, and reading it as
    // empty would silently lose data.
    throw FileError(reason::kFileFormulaWithoutValue, {{"cell", CellName()}},
                    "Sel " + CellName() +
                        " berisi rumus tanpa nilai tersimpan (file dibuat oleh program yang tidak "
                        "menghitung rumus). Buka file di Excel, simpan, lalu unggah lagi.");
  }
  if (value_.empty()) return;  // no value: the cell stays kEmpty (or is never placed)

  if (!IsAscii(value_) && !IsValidUtf8(value_)) {
    throw FileError(reason::kFileCellUtf8, {{"cell", CellName()}},
                    "File XLSX rusak: teks sel " + CellName() + " bukan UTF-8 yang benar.");
  }
  Cell& cell = Place(column_);
  switch (type_) {
    case ValueType::kNumber: {
      if (date_styles_.IsDate(style_)) {
        double serial = 0;
        const auto [end, ec] =
            std::from_chars(value_.data(), value_.data() + value_.size(), serial);
        if (ec == std::errc() && end == value_.data() + value_.size()) {
          // A loan file repeats the same few dates (PERIODE) on every row.
          if (serial != last_serial_) {
            last_serial_ = serial;
            last_date_valid_ = ExcelSerialToIsoDate(serial, date1904_, last_date_);
          }
          if (last_date_valid_) {
            cell.text = last_date_;
            cell.kind = Cell::Kind::kDate;
            break;
          }
        }
      }
      if (PlainDecimal(value_, cell.text)) {
        cell.kind = Cell::Kind::kNumber;
      } else {
        cell.kind = Cell::Kind::kText;
        cell.text = value_;
      }
      break;
    }
    case ValueType::kSharedString: {
      std::size_t index = 0;
      const auto [end, ec] = std::from_chars(value_.data(), value_.data() + value_.size(), index);
      if (ec != std::errc() || end != value_.data() + value_.size() ||
          index >= shared_strings_.Size()) {
        throw FileError(reason::kFileSharedStringIndex, {{"cell", CellName()}, {"index", value_}},
                        "File XLSX rusak: sel " + CellName() + " merujuk teks bersama nomor '" +
                            value_ + "' yang tidak ada. Simpan ulang dari Excel lalu unggah lagi.");
      }
      cell.text.assign(shared_strings_.At(index));
      cell.kind = cell.text.empty() ? Cell::Kind::kEmpty : Cell::Kind::kText;
      break;
    }
    case ValueType::kInlineString:
    case ValueType::kFormulaString:
      DecodeOoxmlEscapes(value_);
      cell.text = value_;
      cell.kind = Cell::Kind::kText;
      break;
    case ValueType::kBool:
      cell.text = value_ == "1" || value_ == "true" ? "TRUE" : "FALSE";
      cell.kind = Cell::Kind::kBool;
      break;
    case ValueType::kError:
      cell.text = value_;
      cell.kind = Cell::Kind::kText;
      break;
    case ValueType::kIsoDate:
      if (LooksLikeIsoDate(value_)) {
        cell.text.assign(value_, 0, 10);
        cell.kind = Cell::Kind::kDate;
      } else {
        cell.text = value_;
        cell.kind = Cell::Kind::kText;
      }
      break;
  }
  if (cell.kind != Cell::Kind::kEmpty && column_ + 1 > filled_) filled_ = column_ + 1;
}

void SheetRows::FinishRow() {
  if (filled_ == 0) return;  // wholly empty (or only styled, valueless cells): skipped
  current_.resize(filled_);
  ready_ = true;
  parser_->Suspend();  // hand this row out before parsing the next
}

}  // namespace smedash::ingest
