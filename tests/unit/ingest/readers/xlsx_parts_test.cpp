// Tests for the pure parts of src/ingest/xlsx: cell references, date serials, date
// format codes, OOXML string escapes and relationship paths.
#include <gtest/gtest.h>

#include "ingest/sheet.hpp"
#include "ingest/source/date_formats.hpp"
#include "ingest/source/excel_date.hpp"
#include "ingest/xlsx/cell_ref.hpp"
#include "ingest/xlsx/date_styles.hpp"
#include "ingest/xlsx/ooxml_text.hpp"
#include "ingest/xlsx/workbook_parts.hpp"

namespace smedash::ingest {
namespace {

TEST(CellRefTest, ParsesReferencesWithinTheGrid) {
  const struct {
    const char* text;
    std::uint32_t column;
    std::uint32_t row;
  } cases[] = {
      {"A1", 0, 1}, {"C12", 2, 12}, {"Z9", 25, 9}, {"AA1", 26, 1}, {"XFD1048576", 16383, 1048576},
      {"b7", 1, 7}, {"D", 3, 0}};
  for (const auto& test_case : cases) {
    SCOPED_TRACE(test_case.text);
    const auto ref = ParseCellRef(test_case.text);
    ASSERT_TRUE(ref.has_value());
    EXPECT_EQ(ref->column, test_case.column);
    EXPECT_EQ(ref->row, test_case.row);
  }
  for (const char* bad :
       {"", "1", "XFE1", "A1048577", "A0", "AAAAA1", "A1B", "A-1", "A123456789"}) {
    SCOPED_TRACE(bad);
    EXPECT_FALSE(ParseCellRef(bad).has_value());
  }
}

TEST(ExcelDateTest, ConvertsSerialsInBothDateSystems) {
  const struct {
    double serial;
    bool date1904;
    const char* expected;  // nullptr: not a real day
  } cases[] = {
      {1, false, "1900-01-01"},
      {59, false, "1900-02-28"},
      {60, false, nullptr},  // Lotus 1-2-3's 29 February 1900
      {61, false, "1900-03-01"},
      {45000, false, "2023-03-15"},
      {45930, false, "2025-09-30"},
      {45930.999, false, "2025-09-30"},  // time of day dropped
      {2958465, false, "9999-12-31"},
      {2958466, false, nullptr},
      {0, false, nullptr},  // Excel's "0 January 1900"
      {0.5, false, nullptr},
      {-1, false, nullptr},
      {0, true, "1904-01-01"},
      {44468, true, "2025-09-30"},
      {-1, true, nullptr},
  };
  for (const auto& test_case : cases) {
    SCOPED_TRACE(std::to_string(test_case.serial) + (test_case.date1904 ? " 1904" : " 1900"));
    std::string out;
    const bool ok = ExcelSerialToIsoDate(test_case.serial, test_case.date1904, out);
    if (test_case.expected == nullptr) {
      EXPECT_FALSE(ok);
    } else {
      ASSERT_TRUE(ok);
      EXPECT_EQ(out, test_case.expected);
    }
  }
}

TEST(DateFormatTest, TellsDateFormatsFromOthers) {
  const std::pair<const char*, bool> cases[] = {
      {"yyyy-mm-dd", true},
      {"dd/mm/yyyy", true},
      {"yyyy\\-mm\\-dd", true},
      {"[$-421]dd mmmm yyyy;@", true},
      {"d-mmm-yy", true},
      {"mmm yyyy", true},
      {"mmmm", true},  // a month name alone
      {"dd/mm/yyyy hh:mm", true},
      {"\"Tgl \"dd\\/mm\\/yyyy", true},
      {"General", false},
      {"0.00", false},
      {"#,##0.00_);[Red](#,##0.00)", false},
      {"_-[$Rp-421]* #,##0_-;-[$Rp-421]* #,##0_-", false},
      {"h:mm", false},  // m means minutes here
      {"mm:ss", false},
      {"[h]:mm:ss", false},
      {"h:mm AM/PM", false},
      {"0 \"days\"", false},  // quoted letters are text
      {"#,##0 \\d", false},   // escaped letter
      {"@", false},
  };
  for (const auto& [code, is_date] : cases) {
    SCOPED_TRACE(code);
    EXPECT_EQ(IsDateFormatCode(code), is_date);
  }
  for (const std::uint32_t id : {14u, 15u, 17u, 22u, 45u, 47u})
    EXPECT_TRUE(IsBuiltinDateFormat(id));
  for (const std::uint32_t id : {0u, 1u, 4u, 13u, 23u, 44u, 48u, 49u}) {
    EXPECT_FALSE(IsBuiltinDateFormat(id));
  }
}

TEST(OoxmlTextTest, DecodesEscapedCharacters) {
  const std::pair<const char*, const char*> cases[] = {
      {"plain", "plain"},
      {"a_x000D_b", "a\rb"},
      {"_x000D__x000A_", "\r\n"},
      {"_x005F_x000D_", "_x000D_"},  // an escaped underscore keeps the rest literal
      {"_x00E9_", "\xC3\xA9"},
      {"_xD83D__xDE00_", "\xF0\x9F\x98\x80"},  // surrogate pair
      {"_x12_", "_x12_"},
      {"_xGGGG_", "_xGGGG_"},
      {"snake_x_case_", "snake_x_case_"},
      {"nul_x0000_dropped", "nuldropped"},
  };
  for (const auto& [escaped, decoded] : cases) {
    SCOPED_TRACE(escaped);
    std::string text = escaped;
    DecodeOoxmlEscapes(text);
    EXPECT_EQ(text, decoded);
  }
}

TEST(WorkbookPartsTest, ResolvesRelationshipTargets) {
  EXPECT_EQ(ResolvePartPath("xl/", "worksheets/sheet1.xml"), "xl/worksheets/sheet1.xml");
  EXPECT_EQ(ResolvePartPath("xl/", "/xl/worksheets/sheet1.xml"), "xl/worksheets/sheet1.xml");
  EXPECT_EQ(ResolvePartPath("xl/", "./worksheets//sheet1.xml"), "xl/worksheets/sheet1.xml");
  EXPECT_EQ(ResolvePartPath("xl/sub/", "../styles.xml"), "xl/styles.xml");
  EXPECT_EQ(ResolvePartPath("", "xl/workbook.xml"), "xl/workbook.xml");
  EXPECT_THROW(ResolvePartPath("xl/", "../../etc/passwd"), FileError);
  EXPECT_THROW(ResolvePartPath("", "/../x.xml"), FileError);
}

}  // namespace
}  // namespace smedash::ingest
