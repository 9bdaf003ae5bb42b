// One row per accepted and rejected value form of each kind (domain.md section 2, "Values"):
// a valid base row with one cell replaced, and the stored text or the reason expected.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "ingest/validate/reasons.hpp"
#include "validate_support.hpp"

namespace smedash::ingest {
namespace {

using namespace smedash::ingest::testing;

struct ValueCase {
  std::string column;  // canonical header of the cell replaced
  Cell cell;
  std::optional<std::string> stored;  // loan_data text; nullopt = NULL
  std::string_view reason = {};       // expected issue key; empty = none
  NumberStyle style = NumberStyle::kAuto;
};

std::string Describe(const ValueCase& c) {
  static const char* kKinds[] = {"empty", "text", "number", "date", "bool"};
  return c.column + " <- " + kKinds[static_cast<int>(c.cell.kind)] + " '" + c.cell.text + "'";
}

void RunCases(const std::vector<ValueCase>& cases) {
  for (const auto& c : cases) {
    SCOPED_TRACE(Describe(c));
    RowFixture fixture(AllColumns(), c.style);
    const bool accepted = fixture.Run(fixture.With({{c.column, c.cell}}));
    const auto column = ColumnForHeader(c.column);
    ASSERT_TRUE(column);
    if (c.reason.empty()) {
      EXPECT_TRUE(accepted);
      EXPECT_TRUE(fixture.issues.empty()) << fixture.issues.front().reason_key;
      EXPECT_EQ(fixture.out.values[Idx(*column)], c.stored);
      continue;
    }
    ASSERT_EQ(fixture.issues.size(), 1u);
    const RowIssue& issue = fixture.issues.front();
    EXPECT_EQ(issue.reason_key, c.reason);
    EXPECT_EQ(issue.column, c.column);
    EXPECT_EQ(issue.raw_value, c.cell.text.substr(0, 200));  // cut for the report
    EXPECT_EQ(issue.line, 2u);
    ExpectCompleteMessage(issue);
    const bool warning = c.reason.starts_with("ingest.warn.");
    EXPECT_EQ(issue.rejects_row, !warning);
    EXPECT_EQ(accepted, warning);
    if (warning) {
      EXPECT_EQ(fixture.out.values[Idx(*column)], std::nullopt);
    }
  }
}

constexpr auto kId = NumberStyle::kIndonesian;
constexpr auto kEn = NumberStyle::kInternational;

TEST(ValueForms, PositionDate) {
  const std::string p = "PERIODE";
  RunCases({
      {p, Text("09/10/2025"), "2025-10-09"},
      {p, Text("9/1/2025"), "2025-01-09"},
      {p, Text("2025-10-09"), "2025-10-09"},
      {p, Text("09-10-2025"), "2025-10-09"},
      {p, Text("09 Okt 2025"), "2025-10-09"},
      {p, Text("09-Oct-2025"), "2025-10-09"},
      {p, Text("9 Oktober 2025"), "2025-10-09"},
      {p, Text("09 october 2025"), "2025-10-09"},
      {p, Text("1 Mei 2025"), "2025-05-01"},
      {p, Text("1-May-2025"), "2025-05-01"},
      {p, Text("17 Agu 2025"), "2025-08-17"},
      {p, Text("17 Agt 2025"), "2025-08-17"},
      {p, Text("17-Aug-2025"), "2025-08-17"},
      {p, Text("17 Agustus 2025"), "2025-08-17"},
      {p, Text("31 Des 2024"), "2024-12-31"},
      {p, Text("31-Dec-2024"), "2024-12-31"},
      {p, Text("31 Desember 2024"), "2024-12-31"},
      {p, Text("29 Feb 2024"), "2024-02-29"},
      {p, Text(" 09/10/2025 "), "2025-10-09"},
      {p, Text("2025-10-09 00:00:00"), "2025-10-09"},
      {p, DateCell("2025-10-09"), "2025-10-09"},
      {p, Number("45939"), "2025-10-09"},
      {p, Number("45939.75"), "2025-10-09"},
      {p, Number("61"), "1900-03-01"},
      {p, Empty(), std::nullopt, reason::kPositionDateEmpty},
      {p, Text("   "), std::nullopt, reason::kPositionDateEmpty},
      {p, Text("10/13/2025"), std::nullopt, reason::kPositionDate},
      {p, Text("31/02/2025"), std::nullopt, reason::kPositionDate},
      {p, Text("29 Feb 2025"), std::nullopt, reason::kPositionDate},
      {p, Text("09/10/25"), std::nullopt, reason::kPositionDate},
      {p, Text("2025/10/09"), std::nullopt, reason::kPositionDate},
      {p, Text("20251009"), std::nullopt, reason::kPositionDate},
      {p, Text("45939"), std::nullopt, reason::kPositionDate},
      {p, Text("09 Okto 2025"), std::nullopt, reason::kPositionDate},
      {p, Text("0"), std::nullopt, reason::kPositionDate},
      {p, Text("00/00/0000"), std::nullopt, reason::kPositionDate},
      {p, Text("kemarin"), std::nullopt, reason::kPositionDate},
      {p, Number("0"), std::nullopt, reason::kPositionDate},
      {p, Number("60"), std::nullopt, reason::kPositionDate},
      {p, Number("-5"), std::nullopt, reason::kPositionDate},
      {p, Bool(true), std::nullopt, reason::kPositionDate},
  });
}

TEST(ValueForms, OptionalDate) {
  const std::string t = "TGL REALISASI";
  RunCases({
      {t, Text("01/02/2020"), "2020-02-01"},
      {t, Text("1 Jan 2020"), "2020-01-01"},
      {t, DateCell("2031-12-31"), "2031-12-31"},
      {t, Number("43862"), "2020-02-01"},
      {"NEXT PMT DATE", Text("15/11/2025"), "2025-11-15"},
      {"NEXT INT PMT DATE", Text("2025-11-15"), "2025-11-15"},
      {"TGL MENUNGGAK", Text("05-09-2025"), "2025-09-05"},
      {"TGL JATUH TEMPO", Text("31-Dec-2030"), "2030-12-31"},
      {t, Empty(), std::nullopt},
      {t, Text("0"), std::nullopt},
      {t, Text("00/00/0000"), std::nullopt},
      {t, Text("0000-00-00"), std::nullopt},
      {t, Text("00-00-0000"), std::nullopt},
      {t, Number("0"), std::nullopt},
      {t, Text("31/02/2025"), std::nullopt, reason::kWarnDate},
      {t, Text("belum ada"), std::nullopt, reason::kWarnDate},
      {t, Text("43862"), std::nullopt, reason::kWarnDate},
      {t, Bool(false), std::nullopt, reason::kWarnDate},
      {"TGL JATUH TEMPO", Text("13/13/2030"), std::nullopt, reason::kWarnDate},
  });
}

TEST(ValueForms, AmountInternational) {
  const std::string a = "PLAFON";
  RunCases({
      {a, Text("1234567.89"), "1234567.89", {}, kEn},
      {a, Text("1,234,567.89"), "1234567.89", {}, kEn},
      {a, Text("1,234,567"), "1234567.00", {}, kEn},
      {a, Text("1234567"), "1234567.00", {}, kEn},
      {a, Text("1234.5"), "1234.50", {}, kEn},
      {a, Text("0.005"), "0.01", {}, kEn},
      {a, Text("1.234"), "1.23", {}, kEn},
      {a, Text("1,234"), "1234.00", {}, kEn},
      {a, Text("Rp 1,234,567.89"), "1234567.89", {}, kEn},
      {a, Text("Rp.1,234.50"), "1234.50", {}, kEn},
      {a, Text("rp1000"), "1000.00", {}, kEn},
      {a, Text("-1"), "-1.00", {}, kEn},
      {a, Text("(1)"), "-1.00", {}, kEn},
      {a, Text("(1,234.50)"), "-1234.50", {}, kEn},
      {a, Text("(Rp 1,000.00)"), "-1000.00", {}, kEn},
      {a, Text("-Rp 5"), "-5.00", {}, kEn},
      {a, Text("Rp -5"), "-5.00", {}, kEn},
      {a, Text("0"), "0.00", {}, kEn},
      {a, Text("999999999999999.99"), "999999999999999.99", {}, kEn},
      {a, Empty(), std::nullopt, {}, kEn},
      {a, Text("1.234.567,89"), std::nullopt, reason::kAmountNotInternational, kEn},
      {a, Text("1234,5"), std::nullopt, reason::kAmountNotInternational, kEn},
      {a, Text("1000000000000000"), std::nullopt, reason::kAmountTooLarge, kEn},
      {a, Text("abc"), std::nullopt, reason::kAmount, kEn},
      {a, Text("1,23,456"), std::nullopt, reason::kAmount, kEn},
      {a, Text("1234,567.89"), std::nullopt, reason::kAmount, kEn},
      {a, Text("1.234.567.89"), std::nullopt, reason::kAmount, kEn},
      {a, Text("--1"), std::nullopt, reason::kAmount, kEn},
      {a, Text("(-1)"), std::nullopt, reason::kAmount, kEn},
      {a, Text("1e5"), std::nullopt, reason::kAmount, kEn},
      {a, Text("-"), std::nullopt, reason::kAmount, kEn},
      {a, Text("Rp"), std::nullopt, reason::kAmount, kEn},
      {a, Text("1 234"), std::nullopt, reason::kAmount, kEn},
      {a, Text("5."), std::nullopt, reason::kAmount, kEn},
      {a, Text("USD 5"), std::nullopt, reason::kAmount, kEn},
      {a, DateCell("2025-10-09"), std::nullopt, reason::kAmount, kEn},
      {a, Bool(true), std::nullopt, reason::kAmount, kEn},
  });
}

TEST(ValueForms, AmountIndonesian) {
  const std::string a = "KOLEKTIBILITAS LANCAR";
  RunCases({
      {a, Text("1.234.567,89"), "1234567.89", {}, kId},
      {a, Text("1.234.567"), "1234567.00", {}, kId},
      {a, Text("1234567,89"), "1234567.89", {}, kId},
      {a, Text("1234,5"), "1234.50", {}, kId},
      {a, Text("1.234"), "1234.00", {}, kId},
      {a, Text("1,234"), "1.23", {}, kId},
      {a, Text("0,125"), "0.13", {}, kId},
      {a, Text("Rp 1.234.567,89"), "1234567.89", {}, kId},
      {a, Text("Rp. 1.000"), "1000.00", {}, kId},
      {a, Text("(1.000,50)"), "-1000.50", {}, kId},
      {a, Text("-1.000"), "-1000.00", {}, kId},
      {a, Text("1,234,567.89"), std::nullopt, reason::kAmountNotIndonesian, kId},
      {a, Text("1234.5"), std::nullopt, reason::kAmountNotIndonesian, kId},
      {a, Text("1.23.456"), std::nullopt, reason::kAmount, kId},
  });
}

TEST(ValueForms, AmountNumberCellsAreExactToTheCent) {
  const std::string a = "TUNGGAKAN POKOK";
  RunCases({
      {a, Number("1234567.89"), "1234567.89"},
      {a, Number("1234567.885"), "1234567.89"},
      {a, Number("1234567.8849999"), "1234567.88"},
      {a, Number("-0.005"), "-0.01"},
      {a, Number("42"), "42.00"},
      {a, Number("0.1"), "0.10"},
      {a, Number("1234.5"), "1234.50", {}, kId},  // a number cell carries no style
      {a, Number("1E+20"), std::nullopt, reason::kAmount},
      {a, Number("1,234"), std::nullopt, reason::kAmount},
      {a, Number("1000000000000000"), std::nullopt, reason::kAmountTooLarge},
      {"TUNGGAKAN BUNGA", Number("12.5"), "12.50"},
      {"TUNGGAKAN PINALTI", Number("0"), "0.00"},
      {"OS", Number("400000000"), "400000000.00"},
  });
}

TEST(ValueForms, Rate) {
  const std::string r = "RATE";
  RunCases({
      {r, Text("7.5"), "7.5000"},
      {r, Text("7,5"), "7.5000"},
      {r, Text("7,5"), "7.5000", {}, kEn},  // rates have no thousands: read by their form
      {r, Text("7.5"), "7.5000", {}, kId},
      {r, Text("7.5%"), "7.5000"},
      {r, Text("7,5 %"), "7.5000"},
      {r, Text("7.12345"), "7.1235"},
      {r, Text("12"), "12.0000"},
      {r, Text("0.0725"), "0.0725"},
      {r, Text("-1.5"), "-1.5000"},
      {r, Number("0.075"), "0.0750"},
      {r, Number("11.99999"), "12.0000"},
      {r, Text("7.500"), "7.5000", {}, kEn},
      {r, Text("7.500"), "7500.0000", {}, kId},
      {r, Empty(), std::nullopt},
      {r, Text("7.500"), std::nullopt, reason::kRateAmbiguous},
      {r, Text("tujuh"), std::nullopt, reason::kRate},
      {r, Text("Rp 7"), std::nullopt, reason::kRate},
      {r, Text("7.5.1"), std::nullopt, reason::kRate},
      {r, Text("100000"), std::nullopt, reason::kRateTooLarge},
      {r, Bool(true), std::nullopt, reason::kRate},
  });
}

TEST(ValueForms, WholeNumber) {
  const std::string j = "JANGKA WAKTU";
  RunCases({
      {j, Text("106"), "106"},
      {j, Text("106M"), "106"},
      {j, Text("106 M"), "106"},
      {j, Text("106 BLN"), "106"},
      {j, Text("106 bln"), "106"},
      {j, Text("106 Bulan"), "106"},
      {j, Text("106.0"), "106"},
      {j, Text("106,0"), "106"},
      {j, Text("0"), "0"},
      {j, Number("106"), "106"},
      {j, Number("106.0"), "106"},
      {j, Empty(), std::nullopt},
      {"NASABAH", Text("1"), "1"},
      {"NASABAH", Number("3"), "3"},
      {j, Text("106.5"), std::nullopt, reason::kWarnWholeNumber},
      {j, Number("106.5"), std::nullopt, reason::kWarnWholeNumber},
      {j, Text("1.000"), std::nullopt, reason::kWarnWholeNumber},
      {j, Text("-1"), std::nullopt, reason::kWarnWholeNumber},
      {j, Text("106 hari"), std::nullopt, reason::kWarnWholeNumber},
      {j, Text("BLN"), std::nullopt, reason::kWarnWholeNumber},
      {j, Text("99999999999"), std::nullopt, reason::kWarnWholeNumber},
      {j, DateCell("2025-01-01"), std::nullopt, reason::kWarnWholeNumber},
      {"NASABAH", Text("satu"), std::nullopt, reason::kWarnWholeNumber},
  });
}

TEST(ValueForms, Grade) {
  const std::string k = "KOL_ADK";
  RunCases({
      {k, Text("1"), "1"},
      {k, Text("2"), "2"},
      {k, Text("2.0"), "2"},
      {k, Text("02"), "2"},
      {k, Text(" 5 "), "5"},
      {k, Number("3"), "3"},
      {k, Number("4.0"), "4"},
      {k, Empty(), std::nullopt, reason::kGradeEmpty},
      {k, Text("0"), std::nullopt, reason::kGrade},
      {k, Text("6"), std::nullopt, reason::kGrade},
      {k, Text("2.5"), std::nullopt, reason::kGrade},
      {k, Text("DPK"), std::nullopt, reason::kGrade},
      {k, Number("2.5"), std::nullopt, reason::kGrade},
      {k, Bool(true), std::nullopt, reason::kGrade},
  });
}

TEST(ValueForms, Flag) {
  const std::string f = "FLAG RESTRUK";
  RunCases({
      {f, Text("Y"), "t"},
      {f, Text("y"), "t"},
      {f, Text("YA"), "t"},
      {f, Text("Ya"), "t"},
      {f, Text("TRUE"), "t"},
      {f, Text("true"), "t"},
      {f, Text("1"), "t"},
      {f, Bool(true), "t"},
      {f, Number("1"), "t"},
      {f, Text("N"), "f"},
      {f, Text("n"), "f"},
      {f, Text("TIDAK"), "f"},
      {f, Text("tidak"), "f"},
      {f, Text("FALSE"), "f"},
      {f, Text("False"), "f"},
      {f, Text("0"), "f"},
      {f, Bool(false), "f"},
      {f, Number("0"), "f"},
      {f, Empty(), "f"},
      {f, Text(" "), "f"},
      {"DUB NASABAH", Text("Y"), "t"},
      {"DUB NASABAH", Empty(), "f"},
      {f, Text("X"), std::nullopt, reason::kFlag},
      {f, Text("yes"), std::nullopt, reason::kFlag},
      {f, Text("T"), std::nullopt, reason::kFlag},
      {f, Text("2"), std::nullopt, reason::kFlag},
      {f, Number("2"), std::nullopt, reason::kFlag},
      {f, DateCell("2025-01-01"), std::nullopt, reason::kFlag},
  });
}

TEST(ValueForms, Code) {
  RunCases({
      {"CODE", Text("42210"), "42210"},
      {"CODE", Number("42210"), "42210"},
      {"CODE", Text("42210.0"), "42210"},
      {"CODE", Number("42210.00"), "42210"},
      {"CODE", Text(" 80065 "), "80065"},
      {"CODE", Text("42210.5"), "42210.5"},
      {"CODE", Text("K-01"), "K-01"},
      {"KODE UKER", Text("0005"), "5"},
      {"KODE UKER", Text("0005.0"), "5"},
      {"KODE UKER", Text("000"), "0"},
      {"KODE UKER", Number("675"), "675"},
      {"KODE UKER", Text("0A1"), "0A1"},
      {"CODE", Empty(), std::nullopt, reason::kCodeEmpty},
      {"KODE UKER", Text(" "), std::nullopt, reason::kCodeEmpty},
  });
}

TEST(ValueForms, Identifier) {
  const std::string n = "NOMOR REKENING";
  RunCases({
      {n, Text("0012345678901234"), "0012345678901234"},
      {n, Text(" 100000000000001 "), "100000000000001"},
      {n, Text("ABC-001/2025"), "ABC-001/2025"},
      {n, Number("100000000000001"), "100000000000001"},
      {n, Number("100000000000001.0"), "100000000000001"},
      {"CIFNO", Text("C1"), "C1"},
      {"CIFNO", Number("98765"), "98765"},
      {n, Empty(), std::nullopt, reason::kIdentifierEmpty},
      {"CIFNO", Text(""), std::nullopt, reason::kIdentifierEmpty},
      {n, Number("1234.5"), std::nullopt, reason::kIdentifierNotWhole},
      {n, Number("-5"), std::nullopt, reason::kIdentifierNotWhole},
      {n, Text("1.23E+15"), std::nullopt, reason::kIdentifierExponent},
      {"CIFNO", Text("9e10"), std::nullopt, reason::kIdentifierExponent},
      {n, Text(std::string(1001, '7')), std::nullopt, reason::kTextTooLong},
  });
}

TEST(ValueForms, Text) {
  const std::string d = "NAMA DEBITUR";
  std::string thousand_e_acute;
  for (int i = 0; i < 1000; ++i) thousand_e_acute += "\xC3\xA9";
  RunCases({
      {d, Text("  PT Satu  "), "PT Satu"},
      {d,
       Text("\xC2\xA0"
            "CV Tiga\t"),
       "CV Tiga"},
      {d, Text("Koperasi \"Tujuh\", Garut"), "Koperasi \"Tujuh\", Garut"},
      {d, Number("12345"), "12345"},
      {d, DateCell("2025-10-09"), "2025-10-09"},
      {d, Bool(true), "TRUE"},
      {d, Text(thousand_e_acute), thousand_e_acute},  // 1,000 characters, 2,000 bytes
      {d, Empty(), std::nullopt},
      {"PN RM", Text("00123"), "00123"},
      {"DESCRIPTION", Text("KUR MIKRO"), "KUR MIKRO"},
      {d, Text(std::string(1001, 'x')), std::nullopt, reason::kTextTooLong},
      {d, Text(std::string("PT\0Satu", 7)), std::nullopt, reason::kTextNul},
      {"KANCA", Empty(), std::nullopt, reason::kRequiredEmpty},
  });
}

TEST(ValueForms, TooLongTextNamesLimitAndLength) {
  RowFixture fixture;
  ASSERT_FALSE(fixture.Run(fixture.With({{"UKER", Text(std::string(1200, 'u'))}})));
  ASSERT_EQ(fixture.issues.size(), 1u);
  EXPECT_EQ(fixture.issues[0].args.at("max"), "1000");
  EXPECT_EQ(fixture.issues[0].args.at("length"), "1200");
  EXPECT_EQ(fixture.issues[0].raw_value.size(), 200u);  // raw values are cut for the report
}

TEST(ValueForms, EveryRejectOfARowIsReportedOnce) {
  RowFixture fixture;
  const bool accepted = fixture.Run(fixture.With({
      {"PLAFON", Text("banyak")},
      {"KOL_ADK", Text("9")},
      {"CIFNO", Empty()},
      {"TGL REALISASI", Text("kemarin")},  // a warning rides along
  }));
  EXPECT_FALSE(accepted);
  ASSERT_EQ(fixture.issues.size(), 4u);
  std::vector<std::string> seen;
  for (const auto& issue : fixture.issues) {
    seen.push_back(issue.column + "=" + issue.reason_key);
    ExpectCompleteMessage(issue);
  }
  EXPECT_EQ(seen, (std::vector<std::string>{
                      "PLAFON=ingest.reject.amount", "TGL REALISASI=ingest.warn.date",
                      "CIFNO=ingest.reject.identifier_empty", "KOL_ADK=ingest.reject.grade"}));
}

TEST(ValueForms, PositionDateOfEachRowIsReadAfresh) {
  // The validator remembers the last PERIODE it read; every row must still be judged alone.
  RowFixture fixture;
  struct Step {
    Cell cell;
    const char* stored;  // nullptr: rejected
  };
  for (const Step& step :
       {Step{Text("09/10/2025"), "2025-10-09"}, Step{Text("09/10/2025"), "2025-10-09"},
        Step{Text("31/02/2025"), nullptr}, Step{Text("09/10/2025"), "2025-10-09"},
        Step{Number("45939"), "2025-10-09"}, Step{Text("45939"), nullptr},
        Step{DateCell("2025-10-08"), "2025-10-08"}, Step{Text("2025-10-08"), "2025-10-08"},
        Step{Empty(), nullptr}, Step{Text("08/10/2025"), "2025-10-08"}}) {
    SCOPED_TRACE(step.cell.text);
    const bool accepted = fixture.Run(fixture.With({{"PERIODE", step.cell}}));
    EXPECT_EQ(accepted, step.stored != nullptr);
    if (step.stored != nullptr) {
      EXPECT_EQ(fixture.out.periode, step.stored);
      EXPECT_EQ(fixture.out.values[Idx(Column::kPeriode)], step.stored);
    }
  }
}

TEST(ValueForms, ShortRowsReadMissingCellsAsEmpty) {
  RowFixture fixture(Layout38());
  Row row = fixture.Base();
  row.resize(28);  // trailing empties omitted, as readers do
  EXPECT_TRUE(fixture.Run(row));
  EXPECT_EQ(fixture.out.values[Idx(Column::kPnRmCrr)], std::nullopt);
  EXPECT_EQ(fixture.out.values[Idx(Column::kOs)], std::nullopt);  // not in the layout
}

TEST(ValueForms, SummaryFieldsMirrorTheirColumns) {
  RowFixture fixture;
  ASSERT_TRUE(fixture.Run(fixture.With({{"PERIODE", Text("31 Des 2024")},
                                        {"NOMOR REKENING", Number("100000000000003")},
                                        {"CODE", Text("043206.0")}})));
  EXPECT_EQ(fixture.out.periode, "2024-12-31");
  EXPECT_EQ(fixture.out.nomor_rekening, "100000000000003");
  EXPECT_EQ(fixture.out.code, "43206");
}

}  // namespace
}  // namespace smedash::ingest
