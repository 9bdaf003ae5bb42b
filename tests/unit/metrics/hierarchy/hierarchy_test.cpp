#include "metrics/hierarchy.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace smedash::metrics {
namespace {

HierarchyKanca Kanca(std::string name, std::string key, std::optional<std::string> code) {
  HierarchyKanca kanca;
  kanca.name = std::move(name);
  kanca.key = std::move(key);
  kanca.code = std::move(code);
  return kanca;
}

HierarchyUnit Unit(std::string code, std::string name, std::size_t kanca, bool is_office) {
  return HierarchyUnit{
      .code = std::move(code), .name = std::move(name), .kanca = kanca, .is_office = is_office};
}

std::vector<std::string> KancaIds(const Hierarchy& hierarchy) {
  std::vector<std::string> ids;
  for (const auto& kanca : hierarchy.Kancas()) ids.push_back(kanca.id);
  return ids;
}

std::vector<std::string> Codes(const Hierarchy& hierarchy, const std::vector<std::size_t>& units) {
  std::vector<std::string> codes;
  for (const std::size_t unit : units) codes.push_back(hierarchy.Units().at(unit).code);
  return codes;
}

std::vector<std::string> UnitCodes(const Hierarchy& hierarchy) {
  std::vector<std::string> codes;
  for (const auto& unit : hierarchy.Units()) codes.push_back(unit.code);
  return codes;
}

// Four kanca given out of order: two with codes (25 and 5, so text order would be wrong),
// two without (listed last, by name).
class HierarchyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    hierarchy_ = Hierarchy::Build(
        {
            Unit("1346", "KCP Cikajang", 0, false),
            Unit("900", "KCP Tanpa Kantor", 2, false),
            Unit("25", "KC Garut", 0, true),
            Unit("675", "KCP Rajawali Bandung", 1, false),
            Unit("A7", "Unit A7", 3, false),
            Unit("5", "KC Bandung AA", 1, true),
            Unit("100", "KCP Seratus", 1, false),
            Unit("88", "Unit 88", 3, false),
        },
        {
            Kanca("KC Garut", "KC GARUT", "25"),
            Kanca("KC Bandung AA", "KC BANDUNG AA", "5"),
            Kanca("KC Zeta", "KC ZETA", std::nullopt),
            Kanca("KC Alpha", "KC ALPHA", std::nullopt),
        });
  }

  Hierarchy hierarchy_ = Hierarchy::Build({}, {});
};

TEST_F(HierarchyTest, KancaByCodeNumericallyThenThoseWithoutByName) {
  EXPECT_EQ(KancaIds(hierarchy_), (std::vector<std::string>{"5", "25", "k:KC ALPHA", "k:KC ZETA"}));
  EXPECT_EQ(hierarchy_.Kancas()[0].name, "KC Bandung AA");
  EXPECT_EQ(hierarchy_.Kancas()[0].code, "5");
  EXPECT_FALSE(hierarchy_.Kancas()[2].code.has_value());
}

TEST_F(HierarchyTest, UnitsGoKancaByKancaOfficeFirstThenKcpsByCode) {
  EXPECT_EQ(UnitCodes(hierarchy_),
            (std::vector<std::string>{"5", "100", "675", "25", "1346", "88", "A7", "900"}));
  for (const auto& unit : hierarchy_.Units()) {
    const auto& kanca = hierarchy_.Kancas().at(unit.kanca);
    const bool listed = unit.is_office ? kanca.office.has_value() : !kanca.kcps.empty();
    EXPECT_TRUE(listed) << unit.code << " is listed under its remapped kanca";
  }
  EXPECT_EQ(hierarchy_.Units()[hierarchy_.Kancas()[1].office.value()].name, "KC Garut");
}

TEST_F(HierarchyTest, EachKancaHasItsOfficeAndItsKcpsByCode) {
  const auto& bandung = hierarchy_.Kancas()[0];
  ASSERT_TRUE(bandung.office.has_value());
  EXPECT_EQ(hierarchy_.Units()[*bandung.office].code, "5");
  EXPECT_EQ(Codes(hierarchy_, bandung.kcps), (std::vector<std::string>{"100", "675"}));
  const auto& alpha = hierarchy_.Kancas()[2];
  EXPECT_FALSE(alpha.office.has_value());
  EXPECT_EQ(Codes(hierarchy_, alpha.kcps), (std::vector<std::string>{"88", "A7"}));
}

TEST_F(HierarchyTest, KcpsInOrderFollowTheKancaOrderThenCode) {
  EXPECT_EQ(Codes(hierarchy_, hierarchy_.KcpsInOrder()),
            (std::vector<std::string>{"100", "675", "1346", "88", "A7", "900"}));
}

TEST_F(HierarchyTest, FindsKancaByIdAndUnitByCode) {
  EXPECT_EQ(hierarchy_.FindKanca("25"), 1u);
  EXPECT_EQ(hierarchy_.FindKanca("k:KC ZETA"), 3u);
  EXPECT_FALSE(hierarchy_.FindKanca("KC Zeta").has_value()) << "by id, not by name";
  EXPECT_FALSE(hierarchy_.FindKanca("k:KC Zeta").has_value()) << "the key is upper case";
  EXPECT_FALSE(hierarchy_.FindKanca("675").has_value()) << "a KCP's code names no kanca";
  const auto cikajang = hierarchy_.FindUnit("1346");
  ASSERT_TRUE(cikajang.has_value());
  EXPECT_EQ(hierarchy_.Units()[*cikajang].name, "KCP Cikajang");
  EXPECT_EQ(hierarchy_.Units()[*cikajang].kanca, 1u);
  EXPECT_FALSE(hierarchy_.FindUnit("01346").has_value());
  EXPECT_FALSE(hierarchy_.FindUnit("").has_value());
}

TEST(HierarchyBuildTest, SecondOfficeOfAKancaCountsAsKcp) {
  const Hierarchy hierarchy = Hierarchy::Build(
      {Unit("30", "KC Dua", 0, true), Unit("7", "KC Dua", 0, true), Unit("8", "KCP", 0, false)},
      {Kanca("KC Dua", "KC DUA", "7")});
  const auto& kanca = hierarchy.Kancas()[0];
  ASSERT_TRUE(kanca.office.has_value());
  EXPECT_EQ(hierarchy.Units()[*kanca.office].code, "7");
  EXPECT_EQ(Codes(hierarchy, kanca.kcps), (std::vector<std::string>{"8", "30"}));
  EXPECT_FALSE(hierarchy.Units()[hierarchy.FindUnit("30").value()].is_office);
}

TEST(HierarchyBuildTest, ACodeClaimedTwiceStaysWithTheKancaWhoseOfficeHasIt) {
  // A master entry can give a kanca without an office the code of another's office.
  const Hierarchy hierarchy = Hierarchy::Build(
      {Unit("77", "KCP Lain", 0, false), Unit("5", "KC Bandung AA", 1, true)},
      {Kanca("KC Bandung", "KC BANDUNG", "5"), Kanca("KC Bandung AA", "KC BANDUNG AA", "5")});
  EXPECT_EQ(hierarchy.Kancas()[hierarchy.FindKanca("5").value()].key, "KC BANDUNG AA");
  EXPECT_EQ(hierarchy.Kancas()[hierarchy.FindKanca("k:KC BANDUNG").value()].key, "KC BANDUNG");
}

TEST(HierarchyBuildTest, RefusesUnitsWithoutKancaOrListedTwice) {
  EXPECT_THROW(Hierarchy::Build({Unit("5", "KC", 1, true)}, {Kanca("KC", "KC", "5")}),
               std::invalid_argument);
  EXPECT_THROW(Hierarchy::Build({Unit("5", "KC", 0, true), Unit("5", "KC", 0, false)},
                                {Kanca("KC", "KC", "5")}),
               std::invalid_argument);
}

TEST(HierarchyBuildTest, EmptyHierarchyHasNothing) {
  const Hierarchy hierarchy = Hierarchy::Build({}, {});
  EXPECT_TRUE(hierarchy.Kancas().empty());
  EXPECT_TRUE(hierarchy.Units().empty());
  EXPECT_TRUE(hierarchy.KcpsInOrder().empty());
  EXPECT_FALSE(hierarchy.FindKanca("5").has_value());
}

TEST(CodeLessTest, DigitsByNumberOthersAfterByText) {
  EXPECT_TRUE(CodeLess("5", "25"));
  EXPECT_TRUE(CodeLess("25", "100"));
  EXPECT_FALSE(CodeLess("100", "25"));
  EXPECT_TRUE(CodeLess("99999", "A1"));
  EXPECT_TRUE(CodeLess("A1", "B"));
  EXPECT_TRUE(CodeLess("1000", "10A")) << "10A is not a number";
  EXPECT_TRUE(CodeLess("5", "")) << "empty is not a number";
}

TEST(CodeLessTest, IsAStrictOrder) {
  EXPECT_FALSE(CodeLess("5", "5"));
  EXPECT_FALSE(CodeLess("A", "A"));
  // Same number written twice: still ordered one way only, by text.
  EXPECT_NE(CodeLess("05", "5"), CodeLess("5", "05"));
  EXPECT_TRUE(CodeLess("05", "6"));
  EXPECT_TRUE(CodeLess("4", "05"));
}

}  // namespace
}  // namespace smedash::metrics
