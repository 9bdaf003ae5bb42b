// The komitmen reader's rules for one row at a time: what makes a row bad (reported with
// line, column and value as found), what counts as no target, both number styles, and the
// Rp juta → rupiah conversion.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ingest/sheet.hpp"
#include "target_file_support.hpp"

namespace smedash::komitmen {
namespace {

using namespace testing;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr std::size_t kKurDeb = 0;  // E
constexpr std::size_t kKurOs = 1;   // F
constexpr std::size_t kKurPl = 2;   // G
constexpr std::size_t kCcDpk = 19;  // X

const std::vector<std::string> kBandung = {"5", "5", "KC Bandung AA", "KC Bandung AA"};
const std::vector<std::string> kRajawali = {"5", "675", "KC Bandung AA", "KCP Rajawali Bandung"};

TEST(TargetFileRows, AValidRowKeepsItsUnitAndTargetsWithTheLineTheAdminSees) {
  const TargetFile file = ReadCsv(File({Line({" 0005 ", "675.0", " KC  Bandung AA", "KCP Rajawali"},
                                             {{kKurDeb, "12"}, {kKurOs, "1500.5"}})}));
  ASSERT_EQ(file.rows.size(), 1u);
  const TargetRow& row = file.rows[0];
  EXPECT_EQ(row.line, 3u);  // rows 1-2 are the headers
  EXPECT_EQ(row.kode_kanca, "5");
  EXPECT_EQ(row.kode_uker, "675");
  EXPECT_EQ(row.kanca, "KC Bandung AA");
  EXPECT_EQ(row.uker, "KCP Rajawali");
  EXPECT_EQ(row.values[kKurDeb], Exact("12"));
  EXPECT_EQ(row.values[kKurOs], Exact("1500500000"));
  EXPECT_THAT(file.rejected, IsEmpty());
  EXPECT_THAT(file.describe, ::testing::HasSubstr("CSV"));
}

TEST(TargetFileRows, MissingCodesAndNameRejectTheRowAtTheirColumn) {
  const TargetFile file = ReadCsv(File({
      Line({"", "5", "KC Bandung AA", "KC Bandung AA"}),
      Line({"5", " ", "KC Bandung AA", "KC Bandung AA"}),
      Line({"5", "-", "KC Bandung AA", "KC Bandung AA"}),
      Line({"5", "675", "KC Bandung AA", ""}),
      Line({"5", "676", "KC Bandung AA", "KCP Baru"}),
  }));
  EXPECT_THAT(Rendered(file.rejected), ElementsAre("3 A '' komitmen.file.kode_kanca_missing",
                                                   "4 B ' ' komitmen.file.kode_uker_missing",
                                                   "5 B '-' komitmen.file.kode_uker_missing",
                                                   "6 D '' komitmen.file.nama_uker_missing"));
  ASSERT_EQ(file.rows.size(), 1u);
  EXPECT_EQ(file.rows[0].line, 7u);
}

TEST(TargetFileRows, ABadNumberIsReportedWithLineColumnValueAndTarget) {
  const TargetFile file =
      ReadCsv(File({Line(kBandung, {{kKurOs, "12O0"}}), Line(kRajawali, {{kCcDpk, "abc"}})}));
  ASSERT_EQ(file.rejected.size(), 2u);
  EXPECT_EQ(Render(file.rejected[0]), "3 F '12O0' komitmen.file.number");
  EXPECT_EQ(file.rejected[0].args.at("target"), "KUR RITEL OS");
  EXPECT_EQ(Render(file.rejected[1]), "4 X 'abc' komitmen.file.number");
  EXPECT_EQ(file.rejected[1].args.at("target"), "KECIL CC DPK");
  EXPECT_THAT(file.rows, IsEmpty());
}

TEST(TargetFileRows, OnlyTheRowsFirstFaultIsReported) {
  const TargetFile file = ReadCsv(File({Line({"5", "5", "", ""}, {{kKurDeb, "x"}}),
                                        Line(kBandung, {{kCcDpk, "-1"}, {kKurPl, "y"}})}));
  EXPECT_THAT(Rendered(file.rejected), ElementsAre("3 D '' komitmen.file.nama_uker_missing",
                                                   "4 G 'y' komitmen.file.number"));
}

TEST(TargetFileRows, NegativeTargetsAreRejectedInEveryNotation) {
  const TargetFile file =
      ReadCsv(File({Line(kBandung, {{kKurOs, "-5"}}), Line(kRajawali, {{kKurDeb, "(3)"}}),
                    Line({"25", "25", "KC Garut", "KC Garut"}, {{kKurOs, "-0"}})}));
  EXPECT_THAT(Rendered(file.rejected),
              ElementsAre("3 F '-5' komitmen.file.negative", "4 E '(3)' komitmen.file.negative"));
  ASSERT_EQ(file.rows.size(), 1u);  // "-0" is zero
  EXPECT_EQ(file.rows[0].values[kKurOs], Exact("0"));
}

TEST(TargetFileRows, ASecondRowOfTheSameUnitIsRejectedNamingTheFirstLine) {
  const TargetFile file = ReadCsv(File({Line(kBandung, {{kKurDeb, "1"}}), Line(kRajawali),
                                        Line({"5", "005", "KC Bandung AA", "KC Bandung"})}));
  ASSERT_EQ(file.rejected.size(), 1u);
  EXPECT_EQ(Render(file.rejected[0]), "5 B '005' komitmen.file.duplicate");
  EXPECT_EQ(file.rejected[0].args.at("first_line"), "3");
  ASSERT_EQ(file.rows.size(), 2u);
  EXPECT_EQ(file.rows[0].values[kKurDeb], Exact("1"));  // the first one stays
}

TEST(TargetFileRows, AUnitWhoseFirstRowWasRejectedLoadsFromItsNextRow) {
  const TargetFile file =
      ReadCsv(File({Line(kBandung, {{kKurDeb, "x"}}), Line(kBandung, {{kKurDeb, "2"}})}));
  ASSERT_EQ(file.rows.size(), 1u);
  EXPECT_EQ(file.rows[0].line, 4u);
  EXPECT_EQ(file.rejected.size(), 1u);
}

TEST(TargetFileRows, DashAndEmptyMeanNoTargetWhileZeroIsATarget) {
  const TargetFile file =
      ReadCsv(File({Line(kBandung, {{kKurDeb, "-"}, {kKurOs, " - "}, {kKurPl, "0"}, {3, "  "}})}));
  ASSERT_EQ(file.rows.size(), 1u);
  const TargetValues& values = file.rows[0].values;
  EXPECT_EQ(values[kKurDeb], std::nullopt);
  EXPECT_EQ(values[kKurOs], std::nullopt);
  EXPECT_EQ(values[kKurPl], Exact("0"));
  for (std::size_t index = 3; index < kTargetColumns; ++index) {
    EXPECT_EQ(values[index], std::nullopt) << index;
  }
}

TEST(TargetFileRows, AmountsInRpJutaBecomeExactRupiahRoundedHalfAwayFromZeroToTheCent) {
  const TargetFile file =
      ReadCsv(File({Line(kBandung, {{kKurDeb, "12.345"},      // DEB: debtors, rounded to 2 decimals
                                    {kKurOs, "0.000000005"},  // 0.005 rupiah → 0.01
                                    {kKurPl, "0.000000004"},  // 0.004 rupiah → 0.00
                                    {3, "1234.56789012"},     // 1,234,567,890.12 rupiah
                                    {4, "999999999.99999999"},  // just under 10^15 rupiah
                                    {6, "0.1"},        // 100,000 rupiah, no binary fraction
                                    {7, "Rp 7"}})}));  // "Rp" is allowed, as in loan files
  ASSERT_EQ(file.rows.size(), 1u) << Rendered(file.rejected)[0];
  const TargetValues& values = file.rows[0].values;
  EXPECT_EQ(values[kKurDeb], Exact("12.35"));
  EXPECT_EQ(values[kKurOs], Exact("0.01"));
  EXPECT_EQ(values[kKurPl], Exact("0.00"));
  EXPECT_EQ(values[3], Exact("1234567890.12"));
  EXPECT_EQ(values[4], Exact("999999999999999.99"));
  EXPECT_EQ(values[6], Exact("100000"));
  EXPECT_EQ(values[7], Exact("7000000"));
}

TEST(TargetFileRows, AnAmountBeyondTheStorableRangeIsRejected) {
  const TargetFile file = ReadCsv(File({Line(kBandung, {{kKurOs, "1000000000"}})}));
  EXPECT_THAT(Rendered(file.rejected), ElementsAre("3 F '1000000000' komitmen.file.too_large"));
}

TEST(TargetFileRows, IndonesianNumbersAreReadInACommaFile) {
  const TargetFile file = ReadCsv(
      File({Line(kBandung, {{kKurOs, "1.234.567,5"}, {kKurPl, "0,25"}, {kKurDeb, "1.234"}})}));
  ASSERT_EQ(file.rows.size(), 1u) << Rendered(file.rejected)[0];
  // "1.234" alone could be either; the row's unambiguous numbers settle the file's style.
  EXPECT_EQ(file.rows[0].values[kKurDeb], Exact("1234"));
  EXPECT_EQ(file.rows[0].values[kKurOs], Exact("1234567500000"));
  EXPECT_EQ(file.rows[0].values[kKurPl], Exact("250000"));
}

TEST(TargetFileRows, EnglishNumbersAreReadAndTheStyleHoldsForLaterRows) {
  const TargetFile file = ReadCsv(File({Line(kBandung, {{kKurOs, "1,234,567.5"}}),
                                        Line(kRajawali, {{kKurOs, "1,500"}, {kKurPl, "2,5"}})}));
  ASSERT_EQ(file.rows.size(), 1u);
  EXPECT_EQ(file.rows[0].values[kKurOs], Exact("1234567500000"));
  // Line 4: "1,500" is 1500 in this file, but "2,5" is Indonesian: the row is rejected.
  EXPECT_THAT(Rendered(file.rejected), ElementsAre("4 G '2,5' komitmen.file.number_not_en"));
}

TEST(TargetFileRows, ASemicolonFileIsIndonesian) {
  const TargetFile file = ReadCsv(File({Line(kBandung, {{kKurOs, "1.500"}, {kKurPl, "12,75"}}, ';'),
                                        Line(kRajawali, {{kKurOs, "1,500.5"}}, ';')},
                                       ';'));
  ASSERT_EQ(file.rows.size(), 1u);
  EXPECT_EQ(file.rows[0].values[kKurOs], Exact("1500000000"));
  EXPECT_EQ(file.rows[0].values[kKurPl], Exact("12750000"));
  EXPECT_THAT(Rendered(file.rejected), ElementsAre("4 F '1,500.5' komitmen.file.number_not_id"));
}

TEST(TargetFileRows, AnAmbiguousNumberInAnUndecidedFileIsRejectedNotGuessed) {
  const TargetFile file =
      ReadCsv(File({Line(kBandung, {{kKurOs, "1.500"}}), Line(kRajawali, {{kKurOs, "2.5"}}),
                    Line({"25", "25", "KC Garut", "KC Garut"}, {{kKurOs, "1.500"}})}));
  // Line 5 comes after line 4 decided the style (international): 1.5 juta.
  EXPECT_THAT(Rendered(file.rejected), ElementsAre("3 F '1.500' komitmen.file.number_ambiguous"));
  ASSERT_EQ(file.rows.size(), 2u);
  EXPECT_EQ(file.rows[1].values[kKurOs], Exact("1500000"));
}

// A reader over rows in memory, for cell kinds a CSV cannot carry.
class RowsReader final : public ingest::RowReader {
 public:
  explicit RowsReader(std::vector<ingest::Row> rows) : rows_(std::move(rows)) {}
  bool Next(ingest::Row& row) override {
    if (next_ == rows_.size()) return false;
    row = rows_[next_++];
    return true;
  }
  std::uint64_t Line() const override { return next_; }
  std::uint64_t BytesRead() const override { return 0; }
  std::string Describe() const override { return "rows"; }

 private:
  std::vector<ingest::Row> rows_;
  std::size_t next_ = 0;
};

ingest::Cell Text(std::string text) { return {ingest::Cell::Kind::kText, std::move(text)}; }
ingest::Cell Number(std::string text) { return {ingest::Cell::Kind::kNumber, std::move(text)}; }

TEST(TargetFileRows, NumberCellsAreExactAndDateOrBoolCellsAreNoNumbers) {
  RowsReader reader(
      {{Text("header")},
       {Text("header")},
       {Number("5"), Number("675"), Text("KC Bandung AA"), Text("KCP Rajawali"), Number("12"),
        Number("1234.56"), Number("-0.000000001")},
       {Number("25"),
        Number("25"),
        Text("KC Garut"),
        Text("KC Garut"),
        {ingest::Cell::Kind::kDate, "2025-11-01"}},
       {Number("25"), {ingest::Cell::Kind::kBool, "TRUE"}, Text("KC Garut"), Text("KCP X")},
       {Number("25"),
        Text("bad\x01"
             "code"),
        Text("KC Garut"), Text("KCP Y")}});
  const TargetFile file = ReadTargetFile(reader);
  ASSERT_EQ(file.rows.size(), 1u);
  EXPECT_EQ(file.rows[0].kode_uker, "675");
  EXPECT_EQ(file.rows[0].values[kKurOs], Exact("1234560000"));
  // -0.000000001 juta is -0.001 rupiah: zero at the cent, so not a negative target.
  EXPECT_EQ(file.rows[0].values[kKurPl], Exact("0"));
  EXPECT_THAT(Rendered(file.rejected), ElementsAre("4 E '2025-11-01' komitmen.file.number",
                                                   "5 B 'TRUE' komitmen.file.kode_uker_invalid",
                                                   "6 B 'bad\x01"
                                                   "code' komitmen.file.kode_uker_invalid"));
}

TEST(TargetFileRows, AFileWithoutADataRowIsRefusedWithAKey) {
  try {
    ReadCsv(File({}));
    ADD_FAILURE() << "no FileError for a file of headers only";
  } catch (const ingest::FileError& error) {
    EXPECT_EQ(error.Key(), file_key::kNoRows);
  }
  EXPECT_THROW(ReadCsv(""), ingest::FileError);
}

}  // namespace
}  // namespace smedash::komitmen
