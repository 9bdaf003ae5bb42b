// The audit CSV's text: separators per language, RFC 4180 quoting, formula injection
// neutralised, local times as each language's spreadsheets read them.
#include "accounts/audit_csv.hpp"

#include <gtest/gtest.h>

namespace smedash::accounts {
namespace {

TEST(AuditCsv, IndonesianUsesSemicolonsEnglishCommas) {
  EXPECT_EQ(AuditCsvDelimiter("id"), ';');
  EXPECT_EQ(AuditCsvDelimiter("en"), ',');
  EXPECT_EQ(AuditCsvLine({"1", "budi", "192.0.2.10"}, ';'), "1;budi;192.0.2.10\r\n");
}

TEST(AuditCsv, LocalTimesDayFirstInIndonesianUnchangedInEnglish) {
  EXPECT_EQ(AuditCsvTime("2025-10-09 08:02:03", "id"), "09/10/2025 08:02:03");
  EXPECT_EQ(AuditCsvTime("2025-10-09 08:02:03", "en"), "2025-10-09 08:02:03");
  EXPECT_EQ(AuditCsvTime("kemarin", "id"), "kemarin");
}

TEST(AuditCsv, IndonesianZonesHaveTheirShortNames) {
  EXPECT_EQ(ZoneLabel("Asia/Jakarta"), "WIB");
  EXPECT_EQ(ZoneLabel("Asia/Makassar"), "WITA");
  EXPECT_EQ(ZoneLabel("Asia/Jayapura"), "WIT");
  EXPECT_EQ(ZoneLabel("UTC"), "UTC");
}

}  // namespace
}  // namespace smedash::accounts
