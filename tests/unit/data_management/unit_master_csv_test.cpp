// Reading the unit master list file: headers matched like loan files', either delimiter,
// BOM and Windows-1252, RFC 4180 quotes with the lines they span, each invalid line named
// with its reason, refusals of unusable files, and the template read back unchanged.
#include "data_management/unit_master_csv.hpp"

#include <gtest/gtest.h>

namespace smedash::data_management {
namespace {

MasterCsv Parsed(std::string_view content) {
  auto result = ParseMasterCsv(content);
  if (auto* refusal = std::get_if<MasterCsvRefusal>(&result)) {
    ADD_FAILURE() << "refused: " << refusal->key;
    return {};
  }
  return std::get<MasterCsv>(result);
}

MasterCsvRefusal Refused(std::string_view content) {
  auto result = ParseMasterCsv(content);
  if (auto* refusal = std::get_if<MasterCsvRefusal>(&result)) return *refusal;
  ADD_FAILURE() << "not refused";
  return {};
}

std::string Reasons(const MasterCsv& csv) {
  std::string out;
  for (const auto& line : csv.invalid) {
    out += std::to_string(line.line) + ":" + line.reason_key;
    for (const auto& [name, value] : line.args) out += " " + name + "=" + value;
    out += "\n";
  }
  return out;
}

TEST(UnitMasterCsv, ReadsLooseHeadersInAnyOrderWithCommas) {
  const auto csv = Parsed(
      "Kanca, kode_kanca ,Uker,KODE-UKER,Catatan\n"
      "KC Garut,25,KC Garut,25,x\n"
      "KC  Garut ,025.0, KCP   Cikajang ,1346,\n");
  EXPECT_EQ(csv.delimiter, ',');
  EXPECT_FALSE(csv.windows_1252);
  EXPECT_EQ(csv.unknown_headers, std::vector<std::string>{"Catatan"});
  ASSERT_EQ(csv.lines.size(), 2u);
  EXPECT_EQ(csv.lines[0].line, 2u);
  EXPECT_EQ(csv.lines[0].values, (MasterValues{"25", "KC Garut", "25", "KC Garut"}));
  // Codes as the loader stores them, names trimmed with spaces collapsed.
  EXPECT_EQ(csv.lines[1].values, (MasterValues{"1346", "KCP Cikajang", "25", "KC Garut"}));
  EXPECT_TRUE(csv.invalid.empty());
}

TEST(UnitMasterCsv, ReadsSemicolonsQuotesBomAndCrLf) {
  const auto csv = Parsed(
      "\xEF\xBB\xBF"
      "KODE UKER;UKER;KODE KANCA;KANCA\r\n"
      "675;\"KCP \"\"Rajawali\"\"; Bandung\";5;KC Bandung AA\r\n"
      ";;;\r\n"
      "\r\n"
      "676;\"KCP Dua\r\nBaris\";5;KC Bandung AA\r\n"
      "677;KCP Tiga;5;KC Bandung AA");
  EXPECT_EQ(csv.delimiter, ';');
  ASSERT_EQ(csv.lines.size(), 3u);
  EXPECT_EQ(csv.lines[0].values.uker, "KCP \"Rajawali\"; Bandung");
  EXPECT_EQ(csv.lines[1].line, 5u);  // blank records are skipped, their lines still count
  EXPECT_EQ(csv.lines[1].values.uker, "KCP Dua Baris");
  EXPECT_EQ(csv.lines[2].line, 7u);  // the quoted line break moved it one line down
}

TEST(UnitMasterCsv, ReadsBytesThatAreNotUtf8AsWindows1252) {
  const auto csv = Parsed("KODE UKER,UKER,KODE KANCA,KANCA\n9,KCP Caf\xE9,9,KC Caf\xE9\n");
  EXPECT_TRUE(csv.windows_1252);
  ASSERT_EQ(csv.lines.size(), 1u);
  EXPECT_EQ(csv.lines[0].values.uker, "KCP Caf\xC3\xA9");
}

TEST(UnitMasterCsv, NamesEachInvalidLineAndKeepsTheOthers) {
  const auto csv = Parsed(
      "KODE UKER,UKER,KODE KANCA,KANCA\n"
      "5,KC Bandung AA,5,KC Bandung AA\n"  // 2 ok
      ",Tanpa Kode,5,KC Bandung AA\n"      // 3 no KODE UKER
      "675,,5,KC Bandung AA\n"             // 4 no UKER
      "676,KCP,5\n"                        // 5 no KANCA (short line)
      "0005,Lagi,5,KC Bandung AA\n"        // 6 KODE UKER 5 again
      "677,KCP,5,KC Lain\n"                // 7 code 5 has another name
      "678,KCP,6,kc bandung  aa\n"         // 8 the kanca has another code
      "679,KCP\x01,5,KC Bandung AA\n"      // 9 control character
      "680,KCP Baik,5,kc bandung aa\n");   // 10 ok: the same kanca, written loosely
  EXPECT_EQ(Reasons(csv),
            "3:units.import.invalid.missing column=KODE UKER\n"
            "4:units.import.invalid.missing column=UKER\n"
            "5:units.import.invalid.missing column=KANCA\n"
            "6:units.import.invalid.duplicate code=5 line=2\n"
            "7:units.import.invalid.kanca_name code=5 kanca=KC Bandung AA line=2\n"
            "8:units.import.invalid.kanca_code code=5 kanca=kc bandung aa line=2\n"
            "9:units.import.invalid.name column=UKER\n");
  ASSERT_EQ(csv.lines.size(), 2u);
  EXPECT_EQ(csv.lines[1].line, 10u);
  EXPECT_EQ(csv.invalid[0].kode_uker, "");
  EXPECT_EQ(csv.invalid[3].kode_uker, "0005");  // as written
}

TEST(UnitMasterCsv, RefusesFilesItCannotUse) {
  EXPECT_EQ(Refused("").key, "units.import.error.empty");
  EXPECT_EQ(Refused("\n\n").key, "units.import.error.empty");
  EXPECT_EQ(Refused("KODE UKER,UKER,KODE KANCA,KANCA\n").key, "units.import.error.no_lines");
  const auto missing = Refused("KODE UKER;UKER;NAMA\n1;a;b\n");
  EXPECT_EQ(missing.key, "units.import.error.missing_headers");
  EXPECT_EQ(missing.args.at("columns"), "KODE KANCA, KANCA");
  EXPECT_EQ(Refused("KODE UKER,UKER,KODE KANCA,KANCA,Kode_Uker\n").args.at("header"), "KODE UKER");
  EXPECT_EQ(Refused("KODE UKER,UKER,KODE KANCA,KANCA\n1,\"a,1,b\n").args.at("line"), "2");
  EXPECT_EQ(Refused(std::string_view("\xFF\xFEK\0", 4)).key, "units.import.error.utf16");
  EXPECT_EQ(Refused(std::string_view("KODE UKER,UKER,KODE KANCA,KANCA\n1,a\0,1,b\n", 41)).key,
            "units.import.error.binary");
}

TEST(UnitMasterCsv, TheTemplateReadsBackAsWritten) {
  const std::vector<MasterValues> units = {
      {"5", "KC Bandung AA", "5", "KC Bandung AA"},
      {"675", "KCP \"Rajawali\", Bandung", "5", "KC Bandung AA"},
      {"676", "=HYPERLINK(\"x\")", "5", "KC Bandung AA"},
  };
  const std::string text = MasterCsvText(units);
  EXPECT_TRUE(
      text.starts_with("\xEF\xBB\xBF"
                       "KODE UKER,UKER,KODE KANCA,KANCA\r\n"));
  EXPECT_NE(text.find("\"'=HYPERLINK(\"\"x\"\")\""), std::string::npos);  // never a formula
  const auto csv = Parsed(text);
  ASSERT_EQ(csv.lines.size(), 3u);
  for (std::size_t idx = 0; idx < units.size(); ++idx) EXPECT_EQ(csv.lines[idx].values, units[idx]);
}

}  // namespace
}  // namespace smedash::data_management
