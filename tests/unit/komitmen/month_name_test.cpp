// The month a komitmen file is for, from its name: Indonesian and English names, numbers,
// 2- and 4-digit years; nothing when the name holds no month or more than one.
#include "komitmen/month_name.hpp"

#include <gtest/gtest.h>

namespace smedash::komitmen {
namespace {

std::string Month(std::string_view name) {
  const auto month = MonthFromFileName(name);
  return month ? month->ToIso() : "none";
}

TEST(MonthFromFileName, IndonesianMonthNamesAndAbbreviations) {
  EXPECT_EQ(Month("KOMITMEN_NOV_2025.xlsx"), "2025-11-01");
  EXPECT_EQ(Month("Komitmen Mei 2025.xls"), "2025-05-01");
  EXPECT_EQ(Month("komitmen-agt-2025.csv"), "2025-08-01");
  EXPECT_EQ(Month("KOMITMEN AGU 2025.xlsx"), "2025-08-01");
  EXPECT_EQ(Month("Komitmen Agustus 2025.xlsx"), "2025-08-01");
  EXPECT_EQ(Month("Target Okt'25.xlsx"), "2025-10-01");
  EXPECT_EQ(Month("KOMITMEN DES2025.xlsx"), "2025-12-01");
  EXPECT_EQ(Month("Komitmen Maret 2026.xlsx"), "2026-03-01");
}

TEST(MonthFromFileName, EnglishMonthNames) {
  EXPECT_EQ(Month("Komitmen November 2025.xls"), "2025-11-01");
  EXPECT_EQ(Month("targets_may_2025.xlsx"), "2025-05-01");
  EXPECT_EQ(Month("Targets Oct 25.xlsx"), "2025-10-01");
  EXPECT_EQ(Month("targets-Dec-2024.csv"), "2024-12-01");
  EXPECT_EQ(Month("2025 August targets.xlsx"), "2025-08-01");
}

TEST(MonthFromFileName, NumericMonths) {
  EXPECT_EQ(Month("KOMITMEN_11_2025.xlsx"), "2025-11-01");
  EXPECT_EQ(Month("KOMITMEN_1_2026.xlsx"), "2026-01-01");
  EXPECT_EQ(Month("komitmen-2025-11.csv"), "2025-11-01");
  EXPECT_EQ(Month("/tmp/upload/komitmen 2025_03.xls"), "2025-03-01");
}

TEST(MonthFromFileName, NoMonthGivesNothing) {
  EXPECT_EQ(Month("KOMITMEN.xlsx"), "none");
  EXPECT_EQ(Month("KOMITMEN_2025.xlsx"), "none");
  EXPECT_EQ(Month("KOMITMEN_13_2025.xlsx"), "none");  // no month 13
  EXPECT_EQ(Month("KOMITMEN_11_25.xlsx"), "none");    // a number needs a 4-digit year
  EXPECT_EQ(Month("KOMITMEN_NOV.xlsx"), "none");      // no year
  EXPECT_EQ(Month("KOMITMEN_NOV_1999.xlsx"), "none");
  EXPECT_EQ(Month("Monthly targets 2025.xlsx"), "none");  // "Monthly" is no month
  EXPECT_EQ(Month(""), "none");
}

TEST(MonthFromFileName, AmbiguousNamesGiveNothing) {
  EXPECT_EQ(Month("KOMITMEN_10_2025_11_2025.xlsx"), "none");
  EXPECT_EQ(Month("KOMITMEN NOV DES 2025.xlsx"), "none");
  EXPECT_EQ(Month("KOMITMEN_OKT_2025 revisi NOV_2025.xlsx"), "none");
  // The same month twice is not ambiguous.
  EXPECT_EQ(Month("KOMITMEN_NOV_2025 (11-2025).xlsx"), "2025-11-01");
}

}  // namespace
}  // namespace smedash::komitmen
