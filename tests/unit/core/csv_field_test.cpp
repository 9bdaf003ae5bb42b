// The one CSV field writer every export uses: quoted only when it must be, never a
// formula a spreadsheet would run.
#include "core/csv_field.hpp"

#include <gtest/gtest.h>

namespace smedash::core {
namespace {

TEST(CsvFieldTest, QuotesOnlyFieldsHoldingTheDelimiterAQuoteOrALineBreak) {
  EXPECT_EQ(CsvField("KC Garut"), "KC Garut");
  EXPECT_EQ(CsvField(""), "");
  EXPECT_EQ(CsvField("1,234.56"), "\"1,234.56\"");
  EXPECT_EQ(CsvField("a;b", ';'), "\"a;b\"");
  EXPECT_EQ(CsvField("a;b", ','), "a;b");
  EXPECT_EQ(CsvField("a,b", ';'), "a,b");
  EXPECT_EQ(CsvField("PT \"Satu\""), "\"PT \"\"Satu\"\"\"");
  EXPECT_EQ(CsvField(R"({"file":"x.csv"})"), R"("{""file"":""x.csv""}")");
  EXPECT_EQ(CsvField("two\nlines", ';'), "\"two\nlines\"");
  EXPECT_EQ(CsvField("cr\rhere", ';'), "\"cr\rhere\"");
}

TEST(CsvFieldTest, TextASpreadsheetWouldRunIsShownInstead) {
  EXPECT_EQ(CsvField("=SUM(A1:A2)"), "'=SUM(A1:A2)");
  EXPECT_EQ(CsvField("+62 812"), "'+62 812");
  EXPECT_EQ(CsvField("-1"), "'-1");
  EXPECT_EQ(CsvField("@cmd"), "'@cmd");
  EXPECT_EQ(CsvField("\tx"), "'\tx");
  EXPECT_EQ(CsvField("\rx", ';'), "\"'\rx\"");
  EXPECT_EQ(CsvField("a=b"), "a=b");
}

TEST(CsvFieldTest, ANeutralisedFormulaIsStillQuotedWhenItMustBe) {
  EXPECT_EQ(CsvField("=1;2", ';'), "\"'=1;2\"");
  EXPECT_EQ(CsvField("=HYPERLINK(\"http://x\",\"y\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
}

}  // namespace
}  // namespace smedash::core
