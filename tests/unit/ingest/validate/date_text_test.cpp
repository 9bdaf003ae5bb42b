// Date text forms and Excel serial numbers below the validator.
#include "ingest/validate/date_text.hpp"

#include <gtest/gtest.h>

namespace smedash::ingest {
namespace {

std::string Iso(std::optional<core::Date> date) { return date ? date->ToIso() : "none"; }

TEST(ParseDateText, MonthNamesInBothLanguagesShortAndFull) {
  const char* names[12][4] = {
      {"Jan", "Januari", "January", "JAN"},   {"Feb", "Februari", "February", "feb"},
      {"Mar", "Maret", "March", "MAR"},       {"Apr", "April", "april", "APR"},
      {"Mei", "May", "MEI", "mei"},           {"Jun", "Juni", "June", "JUN"},
      {"Jul", "Juli", "July", "jul"},         {"Agu", "Agt", "Agustus", "August"},
      {"Sep", "Sept", "September", "SEP"},    {"Okt", "Oktober", "Oct", "October"},
      {"Nov", "November", "nov", "NOVEMBER"}, {"Des", "Desember", "Dec", "December"},
  };
  for (int month = 1; month <= 12; ++month) {
    for (const char* name : names[month - 1]) {
      for (const char* separator : {" ", "-", "  "}) {
        const std::string text = std::string("5") + separator + name + separator + "2025";
        SCOPED_TRACE(text);
        auto date = ParseDateText(text);
        ASSERT_TRUE(date);
        EXPECT_EQ(date->Month(), month);
        EXPECT_EQ(date->Day(), 5);
      }
    }
  }
}

TEST(ParseDateText, DayAlwaysFirst) {
  EXPECT_EQ(Iso(ParseDateText("10/9/2025")), "2025-09-10");
  EXPECT_EQ(Iso(ParseDateText("1/12/2025")), "2025-12-01");
  EXPECT_EQ(Iso(ParseDateText("10/13/2025")), "none");
}

TEST(ParseDateText, RejectedForms) {
  for (const char* bad :
       {"", "2025", "2025-10", "2025-10-09x", "09/10-2025", "09.10.2025", "123/10/2025",
        "09/10/20250", "09 Okt", "Okt 09 2025", "09 Okt 25", "1899-12-31", "0000-01-01",
        "2025-10-09 25:00", "2025-10-09T", "09/10/2025 pagi"}) {
    SCOPED_TRACE(bad);
    EXPECT_FALSE(ParseDateText(bad));
  }
}

TEST(ParseDateText, TimeOfDayDropped) {
  EXPECT_EQ(Iso(ParseDateText("2025-10-09 13:45")), "2025-10-09");
  EXPECT_EQ(Iso(ParseDateText("2025-10-09T13:45:10.250Z")), "2025-10-09");
  EXPECT_EQ(Iso(ParseDateText("09/10/2025 0:00")), "2025-10-09");
}

TEST(DateFromExcelSerial, KnownSerials) {
  struct Case {
    const char* serial;
    const char* iso;
  };
  for (const Case& c :
       {Case{"1", "1900-01-01"}, Case{"59", "1900-02-28"}, Case{"60", "none"},
        Case{"61", "1900-03-01"}, Case{"36526", "2000-01-01"}, Case{"45658", "2025-01-01"},
        Case{"45939", "2025-10-09"}, Case{"45939.999", "2025-10-09"}, Case{"2958465", "9999-12-31"},
        Case{"2958466", "none"}, Case{"0", "none"}, Case{"-1", "none"}, Case{"1E5", "none"},
        Case{"45939.5x", "none"}}) {
    SCOPED_TRACE(c.serial);
    EXPECT_EQ(Iso(DateFromExcelSerial(c.serial)), c.iso);
  }
}

TEST(IsNoDate, ZeroForms) {
  for (const char* yes : {"0", "00/00/0000", "0000-00-00", "00-00-0000", "0/0/0"}) {
    EXPECT_TRUE(IsNoDate(yes)) << yes;
  }
  for (const char* no : {"", "-", "/", "01/00/0000", "O"}) EXPECT_FALSE(IsNoDate(no)) << no;
}

}  // namespace
}  // namespace smedash::ingest
