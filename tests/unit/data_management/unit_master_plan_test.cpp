// Planning a unit edit against the kancas as they are: which master entries it writes
// (the old office too when a unit becomes its kanca's office) and which edits contradict
// the kancas, and the kancas a unit can be moved to.
#include <gtest/gtest.h>

#include "data_management/unit_master_service.hpp"

namespace smedash::data_management {
namespace {

UnitRow Unit(std::string code, std::string name, std::string kanca,
             std::optional<std::string> kode_kanca, bool office) {
  UnitRow unit;
  unit.kode_uker = std::move(code);
  unit.uker = std::move(name);
  unit.kanca_key = KancaKey(kanca);
  unit.kanca = std::move(kanca);
  unit.kode_kanca = std::move(kode_kanca);
  unit.is_office = office;
  return unit;
}

// domain.md section 10's units, and a kanca known only by name.
const std::vector<UnitRow> kUnits = {
    Unit("5", "KC Bandung AA", "KC Bandung AA", "5", true),
    Unit("675", "KCP Rajawali Bandung", "KC Bandung AA", "5", false),
    Unit("25", "KC Garut", "KC Garut", "25", true),
    Unit("1346", "KCP Cikajang", "KC Garut", "25", false),
    Unit("900", "KCP Tanpa Kantor", "KC Tanpa Kode", std::nullopt, false),
};

std::vector<MasterValues> Planned(std::string_view code, const UnitEditRequest& request) {
  auto plan = PlanUnitEdit(kUnits, code, request);
  if (auto* problem = std::get_if<ReferenceProblem>(&plan)) {
    ADD_FAILURE() << problem->key;
    return {};
  }
  return std::get<std::vector<MasterValues>>(plan);
}

std::string ProblemOf(std::string_view code, const UnitEditRequest& request) {
  auto plan = PlanUnitEdit(kUnits, code, request);
  auto* problem = std::get_if<ReferenceProblem>(&plan);
  if (problem == nullptr) return "no problem";
  return problem->field + " " + problem->key;
}

TEST(PlanUnitEdit, MovesAKcpToAnotherKancaUnderItsCode) {
  EXPECT_EQ(Planned("1346", {"", "KC Bandung AA", "5", "kcp"}),
            (std::vector<MasterValues>{{"1346", "KCP Cikajang", "5", "KC Bandung AA"}}));
  // A new name and a new kanca with a code of its own.
  EXPECT_EQ(Planned("1346", {" KCP  Cikajang 2 ", "KC Baru", "777", "kcp"}),
            (std::vector<MasterValues>{{"1346", "KCP Cikajang 2", "777", "KC Baru"}}));
  // A kanca without a code takes the one typed.
  EXPECT_EQ(Planned("1346", {"", "kc tanpa kode", "901", "kcp"}),
            (std::vector<MasterValues>{{"1346", "KCP Cikajang", "901", "kc tanpa kode"}}));
}

TEST(PlanUnitEdit, ANewOfficeDemotesTheOldOne) {
  EXPECT_EQ(Planned("675", {"", "KC Bandung AA", "ignored", "office"}),
            (std::vector<MasterValues>{{"675", "KCP Rajawali Bandung", "675", "KC Bandung AA"},
                                       {"5", "KC Bandung AA", "675", "KC Bandung AA"}}));
  // The office of a kanca without one: nobody is demoted.
  EXPECT_EQ(Planned("900", {"", "KC Tanpa Kode", "", "office"}),
            (std::vector<MasterValues>{{"900", "KCP Tanpa Kantor", "900", "KC Tanpa Kode"}}));
  // An office moving its kanca under a new name takes its code along.
  EXPECT_EQ(Planned("25", {"", "KC Garut Kota", "", "office"}),
            (std::vector<MasterValues>{{"25", "KC Garut", "25", "KC Garut Kota"}}));
}

TEST(PlanUnitEdit, RefusesWhatContradictsTheKancas) {
  EXPECT_EQ(ProblemOf("25", {"", "KC Garut", "25", "kcp"}), "kode_kanca units.error.kcp_own_code");
  EXPECT_EQ(ProblemOf("1346", {"", "KC Garut", "5", "kcp"}),
            "kode_kanca units.error.kanca_has_code");
  EXPECT_EQ(ProblemOf("1346", {"", "KC Baru", "5", "kcp"}), "kode_kanca units.error.code_taken");
  EXPECT_EQ(ProblemOf("1346", {"", "KC Garut", "", "kcp"}), "kode_kanca units.error.kode_kanca");
  EXPECT_EQ(ProblemOf("1346", {"", "  ", "25", "kcp"}), "kanca units.error.kanca");
  EXPECT_EQ(ProblemOf("1346", {"a\x01", "KC Garut", "25", "kcp"}), "uker units.error.uker");
  EXPECT_EQ(ProblemOf("1346", {"", "KC Garut", "25", "KCP"}), "kind units.error.kind");
  EXPECT_EQ(ProblemOf("404", {"", "KC Garut", "25", "kcp"}), " units.error.not_found");
  // The office of KC Garut becoming a KCP of a new kanca: its old code stays with KC Garut
  // (which keeps no office), so the new kanca needs its own.
  EXPECT_EQ(ProblemOf("25", {"", "KC Baru", "25", "kcp"}), "kode_kanca units.error.kcp_own_code");
  EXPECT_EQ(ProblemOf("25", {"", "KC Baru", "26", "kcp"}), "no problem");
}

TEST(KancasOf, ListsEachKancaOnceWithItsCodeAndOffice) {
  const auto kancas = KancasOf(kUnits);
  ASSERT_EQ(kancas.size(), 3u);
  EXPECT_EQ(kancas[0].name, "KC Bandung AA");
  EXPECT_EQ(kancas[0].code, "5");
  EXPECT_EQ(kancas[0].office, "5");
  EXPECT_EQ(kancas[1].key, "KC GARUT");
  EXPECT_EQ(kancas[2].code, std::nullopt);
  EXPECT_EQ(kancas[2].office, std::nullopt);
}

}  // namespace
}  // namespace smedash::data_management
