// domain.md section 10's worked example, as a CSV reader hands it on (text cells, optional
// columns left out): every row loads, with the effective os the section states.
#include <gtest/gtest.h>

#include <sstream>

#include "validate_support.hpp"

namespace smedash::ingest {
namespace {

using namespace smedash::ingest::testing;

constexpr const char* kWorkedExample =
    R"(PERIODE,KANCA,KODE UKER,UKER,NOMOR REKENING,NAMA DEBITUR,CIFNO,FLAG RESTRUK,KOLEKTIBILITAS LANCAR,KOLEKTIBILITAS DPK,KOLEKTIBILITAS KURANG LANCAR,KOLEKTIBILITAS DIRAGUKAN,KOLEKTIBILITAS MACET,CODE,KOL_ADK,OS
31/12/2024,KC Bandung AA,5,KC Bandung AA,100000000000001,PT Satu,C1,N,9000000000,0,0,0,0,42210,1,9000000000
31/12/2024,KC Bandung AA,5,KC Bandung AA,100000000000003,CV Tiga,C3,Y,2500000000,0,0,0,0,42110,1,2500000000
30/09/2025,KC Bandung AA,5,KC Bandung AA,100000000000001,PT Satu,C1,N,9200000000,0,0,0,0,42210,1,9200000000
30/09/2025,KC Bandung AA,675,KCP Rajawali Bandung,100000000000002,UD Dua,C2,N,1800000000,0,0,0,0,43206,1,1800000000
30/09/2025,KC Bandung AA,5,KC Bandung AA,100000000000003,CV Tiga,C3,Y,2800000000,0,0,0,0,42110,1,2800000000
30/09/2025,KC Garut,25,KC Garut,100000000000004,Toko Empat,C4,N,450000000,0,0,0,0,80065,1,450000000
30/09/2025,KC Garut,25,KC Garut,100000000000006,UD Dua Garut,C2,N,1000000000,0,0,0,0,43207,1,1000000000
08/10/2025,KC Bandung AA,5,KC Bandung AA,100000000000001,PT Satu,C1,N,9500000000,0,0,0,0,42210,1,9500000000
08/10/2025,KC Bandung AA,675,KCP Rajawali Bandung,100000000000002,UD Dua,C2,N,2000000000,0,0,0,0,43206,1,2000000000
08/10/2025,KC Bandung AA,5,KC Bandung AA,100000000000003,CV Tiga,C3,Y,3000000000,0,0,0,0,42110,1,3000000000
08/10/2025,KC Garut,25,KC Garut,100000000000004,Toko Empat,C4,N,0,500000000,0,0,0,80065,2,500000000
08/10/2025,KC Garut,1346,KCP Cikajang,100000000000005,Bengkel Lima,C5,N,0,0,0,0,400000000,99999,5,
08/10/2025,KC Garut,25,KC Garut,100000000000006,UD Dua Garut,C2,N,1200000000,0,0,0,0,43207,1,1200000000
09/10/2025,KC Bandung AA,5,KC Bandung AA,100000000000001,PT Satu,C1,N,10000000000,0,0,0,0,42210,1,10000000000
09/10/2025,KC Bandung AA,675,KCP Rajawali Bandung,100000000000002,UD Dua,C2,N,0,2000000000,0,0,0,43206,2,2000000000
09/10/2025,KC Bandung AA,5,KC Bandung AA,100000000000003,CV Tiga,C3,Y,3000000000,0,0,0,0,42110,1,3000000000
09/10/2025,KC Garut,25,KC Garut,100000000000004,Toko Empat,C4,N,0,0,500000000,0,0,80065,3,500000000
09/10/2025,KC Garut,1346,KCP Cikajang,100000000000005,Bengkel Lima,C5,N,0,0,0,0,400000000,99999,5,
09/10/2025,KC Garut,25,KC Garut,100000000000006,UD Dua Garut,C2,N,1500000000,0,0,0,0,43207,1,1500000000
09/10/2025,KC Garut,25,KC Garut,100000000000007,Koperasi Tujuh,C7,N,0,0,0,0,0,43208,1,0
)";

// The example has no quotes, so splitting on ',' is how a CSV reader would see it.
std::vector<Row> ReadExample() {
  std::vector<Row> rows;
  std::istringstream in(kWorkedExample);
  for (std::string line; std::getline(in, line);) {
    Row row;
    std::size_t start = 0;
    for (;;) {
      const std::size_t comma = line.find(',', start);
      std::string text = line.substr(start, comma - start);
      row.push_back(text.empty() ? Cell{} : Cell{Cell::Kind::kText, text});
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

TEST(WorkedExample, HeaderMapsWithNothingMissingOrUnknown) {
  const ColumnMap map = MapHeader(ReadExample().front());
  EXPECT_TRUE(map.Usable());
  EXPECT_TRUE(map.HasOs());
  EXPECT_TRUE(map.unknown_headers.empty());
  EXPECT_TRUE(map.missing_required.empty());
}

TEST(WorkedExample, EveryRowLoadsWithTheStatedOs) {
  const std::vector<Row> rows = ReadExample();
  const ColumnMap map = MapHeader(rows.front());
  RowValidator validator(map, NumberStyle::kAuto, false);
  const std::vector<std::string> expected_os = {
      "9000000000.00", "2500000000.00", "9200000000.00", "1800000000.00",  "2800000000.00",
      "450000000.00",  "1000000000.00", "9500000000.00", "2000000000.00",  "3000000000.00",
      "500000000.00",  "400000000.00",  "1200000000.00", "10000000000.00", "2000000000.00",
      "3000000000.00", "500000000.00",  "400000000.00",  "1500000000.00",  "0.00"};
  ASSERT_EQ(rows.size(), expected_os.size() + 1);
  ValidatedRow out;
  std::vector<RowIssue> issues;
  std::map<std::string, int> rows_by_periode;
  for (std::size_t row_idx = 1; row_idx < rows.size(); ++row_idx) {
    SCOPED_TRACE("line " + std::to_string(row_idx + 1));
    ASSERT_TRUE(validator.Validate(rows[row_idx], row_idx + 1, out, issues));
    EXPECT_TRUE(issues.empty());
    EXPECT_EQ(out.os, expected_os[row_idx - 1]);
    ++rows_by_periode[out.periode];
    if (out.nomor_rekening == "100000000000005") {
      // No OS cell: os is the MACET amount; CODE 99999 is kept for the unknown-code report.
      EXPECT_EQ(out.os, "400000000.00");
      EXPECT_EQ(out.values[Idx(Column::kOs)], std::nullopt);
      EXPECT_EQ(out.code, "99999");
      EXPECT_EQ(out.values[Idx(Column::kKolAdk)], "5");
    }
  }
  EXPECT_EQ(rows_by_periode,
            (std::map<std::string, int>{
                {"2024-12-31", 2}, {"2025-09-30", 5}, {"2025-10-08", 6}, {"2025-10-09", 7}}));
  // Only plain amounts: nothing decided the number style, and nothing needed to.
  EXPECT_EQ(validator.Style(), NumberStyle::kAuto);
}

TEST(WorkedExample, FlagsAndCodesAsStored) {
  const std::vector<Row> rows = ReadExample();
  RowValidator validator(MapHeader(rows.front()), NumberStyle::kAuto, false);
  ValidatedRow out;
  std::vector<RowIssue> issues;
  ASSERT_TRUE(validator.Validate(rows[2], 3, out, issues));  // CV Tiga, restructured
  EXPECT_EQ(out.values[Idx(Column::kFlagRestruk)], "t");
  EXPECT_EQ(out.values[Idx(Column::kKodeUker)], "5");
  EXPECT_EQ(out.values[Idx(Column::kCode)], "42110");
  EXPECT_EQ(out.values[Idx(Column::kCifNo)], "C3");
  EXPECT_EQ(out.values[Idx(Column::kPlafon)], std::nullopt);  // not in this file
}

}  // namespace
}  // namespace smedash::ingest
