// Header row → column map (domain.md section 2, "Columns"): spelling variants, both layouts,
// unknown and duplicate headers, and the list of missing required columns.
#include "ingest/mapping/column_map.hpp"

#include <gtest/gtest.h>

#include <set>

#include "../validate/validate_support.hpp"

namespace smedash::ingest {
namespace {

using namespace smedash::ingest::testing;

TEST(NormalizeHeader, IgnoresCaseSpacesUnderscoresHyphensDots) {
  EXPECT_EQ(NormalizeHeader("Kode_Uker"), "KODEUKER");
  EXPECT_EQ(NormalizeHeader(" kol adk "), "KOLADK");
  EXPECT_EQ(NormalizeHeader("CIF NO"), "CIFNO");
  EXPECT_EQ(NormalizeHeader("next-pmt.date"), "NEXTPMTDATE");
  EXPECT_EQ(NormalizeHeader("\xEF\xBB\xBFPERIODE"), "PERIODE");
  EXPECT_EQ(NormalizeHeader("KODE\xC2\xA0UKER\t"), "KODEUKER");
  EXPECT_EQ(NormalizeHeader("Nama Débitur"), "NAMADéBITUR");  // non-ASCII left alone
}

TEST(ColumnForHeader, Variants) {
  struct Case {
    const char* header;
    std::optional<Column> column;
  };
  for (const Case& c : {
           Case{"Kode_Uker", Column::kKodeUker},
           Case{" kol adk ", Column::kKolAdk},
           Case{"CIF NO", Column::kCifNo},
           Case{"cifno", Column::kCifNo},
           Case{"KOL_ADK", Column::kKolAdk},
           Case{"Nomor-Rekening", Column::kNomorRekening},
           Case{"periode", Column::kPeriode},
           Case{"os", Column::kOs},
           Case{"PN_RM", Column::kPnRm},
           Case{"pn rm crr", Column::kPnRmCrr},
           Case{"Kolektibilitas Kurang_Lancar", Column::kKolKurangLancar},
           Case{"Dub.Nasabah", Column::kDubNasabah},
           Case{"TGL  JATUH  TEMPO", Column::kTglJatuhTempo},
           Case{"POSISI", std::nullopt},
           Case{"KODE", std::nullopt},
           Case{"", std::nullopt},
       }) {
    EXPECT_EQ(ColumnForHeader(c.header), c.column) << c.header;
  }
}

TEST(ColumnForHeader, EveryCanonicalHeaderIsItsOwnAndDistinct) {
  std::set<std::string> normalized;
  for (const auto& spec : Columns()) {
    EXPECT_EQ(ColumnForHeader(spec.header), spec.column) << spec.header;
    EXPECT_TRUE(normalized.insert(NormalizeHeader(spec.header)).second) << spec.header;
  }
}

TEST(MapHeader, SeedLayoutOf38Columns) {
  const auto names = Layout38();
  ASSERT_EQ(names.size(), 38u);
  const ColumnMap map = MapHeader(HeaderRow(names));
  EXPECT_TRUE(map.Usable());
  EXPECT_FALSE(map.HasOs());
  EXPECT_TRUE(map.unknown_headers.empty());
  EXPECT_EQ(map.IndexOf(Column::kPeriode), 0u);
  EXPECT_EQ(map.IndexOf(Column::kKolMacet), 21u);
  EXPECT_EQ(map.IndexOf(Column::kPnRmCrr), 37u);
  EXPECT_FALSE(map.IndexOf(Column::kNasabah));
  EXPECT_EQ(map.headers, names);
}

TEST(MapHeader, LaterLayoutOf33Columns) {
  const auto names = Layout33();
  ASSERT_EQ(names.size(), 33u);
  EXPECT_EQ(names[28], "PN RM");
  EXPECT_EQ(names[32], "DUB NASABAH");
  const ColumnMap map = MapHeader(HeaderRow(names));
  EXPECT_TRUE(map.Usable());
  EXPECT_TRUE(map.HasOs());
  EXPECT_EQ(map.IndexOf(Column::kOs), 30u);
  EXPECT_FALSE(map.IndexOf(Column::kPnCrm));
}

TEST(MapHeader, ColumnOrderDoesNotMatterAndVariantsMatch) {
  const ColumnMap map = MapHeader(HeaderRow(
      {"OS", "cif no", "Kode_Uker", " kol adk ", "CODE", "nomor rekening", "Kanca", "Periode"}));
  EXPECT_TRUE(map.Usable()) << ::testing::PrintToString(map.missing_required);
  EXPECT_EQ(map.IndexOf(Column::kKodeUker), 2u);
  EXPECT_EQ(map.IndexOf(Column::kKolAdk), 3u);
  EXPECT_EQ(map.IndexOf(Column::kCifNo), 1u);
}

TEST(MapHeader, UnknownHeadersAreListedAsWrittenInFileOrder) {
  const auto names = Layout33();
  auto with_extra = names;
  with_extra.insert(with_extra.begin() + 3, "Keterangan Tambahan");
  with_extra.push_back("segmen");
  with_extra.push_back("");  // a blank header column is ignored silently
  const ColumnMap map = MapHeader(HeaderRow(with_extra));
  EXPECT_TRUE(map.Usable());
  EXPECT_EQ(map.unknown_headers, (std::vector<std::string>{"Keterangan Tambahan", "segmen"}));
  EXPECT_EQ(map.IndexOf(Column::kUker), 4u);
}

TEST(MapHeader, AColumnNamedTwiceMakesTheFileUnusable) {
  auto names = Layout38();
  names.push_back("Kode_Uker");
  names.push_back("KODE UKER");
  const ColumnMap map = MapHeader(HeaderRow(names));
  EXPECT_FALSE(map.Usable());
  EXPECT_EQ(map.duplicate_headers, (std::vector<std::string>{"KODE UKER"}));
  EXPECT_EQ(map.IndexOf(Column::kKodeUker), 2u);  // the first one is kept
}

TEST(MapHeader, MissingRequiredColumnsAreListed) {
  struct Case {
    std::vector<std::string> headers;
    std::vector<std::string> missing;
  };
  const std::vector<std::string> always = {"PERIODE", "KANCA", "KODE UKER", "NOMOR REKENING",
                                           "CIFNO",   "CODE",  "KOL_ADK"};
  auto without = [](std::vector<std::string> names, std::set<std::string> drop) {
    std::erase_if(names, [&](const std::string& name) { return drop.count(name) > 0; });
    return names;
  };
  for (const Case& c : {
           Case{always,
                {"KOLEKTIBILITAS LANCAR", "KOLEKTIBILITAS DPK", "KOLEKTIBILITAS KURANG LANCAR",
                 "KOLEKTIBILITAS DIRAGUKAN", "KOLEKTIBILITAS MACET", "OS"}},
           Case{without(Layout38(), {"CIFNO", "KOLEKTIBILITAS MACET"}),
                {"CIFNO", "KOLEKTIBILITAS MACET", "OS"}},
           Case{without(Layout33(), {"PERIODE", "KOL_ADK"}), {"PERIODE", "KOL_ADK"}},
           Case{without(Layout33(), {"KOLEKTIBILITAS LANCAR"}), {}},  // OS is enough
           Case{without(Layout38(), {"OS"}), {}},                     // the five are enough
           Case{{},
                {"PERIODE", "KANCA", "KODE UKER", "NOMOR REKENING", "CIFNO", "CODE", "KOL_ADK",
                 "KOLEKTIBILITAS LANCAR", "KOLEKTIBILITAS DPK", "KOLEKTIBILITAS KURANG LANCAR",
                 "KOLEKTIBILITAS DIRAGUKAN", "KOLEKTIBILITAS MACET", "OS"}},
       }) {
    SCOPED_TRACE(::testing::PrintToString(c.headers));
    const ColumnMap map = MapHeader(HeaderRow(c.headers));
    EXPECT_EQ(map.missing_required, c.missing);
    EXPECT_EQ(map.Usable(), c.missing.empty());
  }
}

TEST(MapHeader, NumberCellsAsHeadersAreReadAsText) {
  Row header = HeaderRow(Layout33());
  header.push_back(Number("2025"));
  const ColumnMap map = MapHeader(header);
  EXPECT_EQ(map.unknown_headers, (std::vector<std::string>{"2025"}));
}

}  // namespace
}  // namespace smedash::ingest
