// Hierarchy::Load from the unit_hierarchy view after real imports: kanca names, codes,
// offices and order (domain.md section 3), and admins' master entries winning over rows.
#include <gtest/gtest.h>

#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "figures_fixture.hpp"
#include "metrics/hierarchy.hpp"

namespace smedash::metrics::testing {
namespace {

class HierarchyLoadTest : public FiguresTest {
 protected:
  Hierarchy Load() {
    pqxx::read_transaction tx(connection_);
    return Hierarchy::Load(tx);
  }

  // "id code name office [kcps...]" per kanca, in order.
  static std::vector<std::string> Describe(const Hierarchy& hierarchy) {
    std::vector<std::string> lines;
    for (const auto& kanca : hierarchy.Kancas()) {
      std::string line = kanca.id + " " + kanca.code.value_or("-") + " " + kanca.name + " |";
      line += kanca.office ? hierarchy.Units()[*kanca.office].code : "-";
      for (const std::size_t kcp : kanca.kcps) line += " " + hierarchy.Units()[kcp].code;
      lines.push_back(line);
    }
    return lines;
  }

  void AddMaster(const std::string& unit, const std::string& uker, const std::string& kode_kanca,
                 const std::string& kanca) {
    pqxx::work tx(connection_);
    tx.exec_params0(
        "INSERT INTO unit_master (kode_uker, uker, kode_kanca, kanca, source) "
        "VALUES ($1, $2, $3, $4, 'edit')",
        unit, uker, kode_kanca, kanca);
    tx.commit();
  }
};

constexpr const char* kHeader =
    "PERIODE,KANCA,KODE UKER,UKER,NOMOR REKENING,CIFNO,CODE,KOL_ADK,OS\n";

TEST_F(HierarchyLoadTest, WorkedExampleHasTwoKancaWithTheirOfficesAndKcps) {
  ImportWorkedExample();
  const Hierarchy hierarchy = Load();
  EXPECT_EQ(Describe(hierarchy),
            (std::vector<std::string>{"5 5 KC Bandung AA |5 675", "25 25 KC Garut |25 1346"}));
  ASSERT_EQ(hierarchy.KcpsInOrder().size(), 2u);
  EXPECT_EQ(hierarchy.Units()[hierarchy.KcpsInOrder()[0]].name, "KCP Rajawali Bandung");
  EXPECT_EQ(hierarchy.Units()[hierarchy.KcpsInOrder()[1]].name, "KCP Cikajang");
  EXPECT_EQ(Describe(store_.Current()->Units()), Describe(hierarchy)) << "the snapshot's units";
}

TEST_F(HierarchyLoadTest, KancaWithoutOfficeIsNamedByItsSmallestTextAndListedLast) {
  ImportCsv("tanpa_kantor.csv", std::string(kHeader) +
                                    "09/10/2025,Kc Cimahi,902,KCP Dua,1,C1,42210,1,10\n"
                                    "09/10/2025,KC Cimahi,901,KCP Satu,2,C2,42210,1,10\n"
                                    "09/10/2025,KC Garut,25,KC Garut,3,C3,42210,1,10\n"
                                    "09/10/2025,KC Abc,800,KCP Abc,4,C4,42210,1,10\n");
  EXPECT_EQ(Describe(Load()),
            (std::vector<std::string>{"25 25 KC Garut |25", "k:KC ABC - KC Abc |- 800",
                                      "k:KC CIMAHI - KC Cimahi |- 901 902"}));
}

TEST_F(HierarchyLoadTest, OfficeKancaTextNamesTheKanca) {
  // The office writes "kc tasik"; its KCP's "KC Tasik" sorts first but is not the office's.
  ImportCsv("tasik.csv", std::string(kHeader) +
                             "09/10/2025,kc tasik,30,kc tasik,1,C1,42210,1,10\n"
                             "09/10/2025,KC Tasik,31,KCP Tasik Kota,2,C2,42210,1,10\n");
  EXPECT_EQ(Describe(Load()), (std::vector<std::string>{"30 30 kc tasik |30 31"}));
}

TEST_F(HierarchyLoadTest, KancaCodesSortAsNumbers) {
  ImportCsv("urut.csv", std::string(kHeader) +
                            "09/10/2025,KC Seratus,100,KC Seratus,1,C1,42210,1,10\n"
                            "09/10/2025,KC Dua Lima,25,KC Dua Lima,2,C2,42210,1,10\n"
                            "09/10/2025,KC Lima,5,KC Lima,3,C3,42210,1,10\n"
                            "09/10/2025,KC Lima,1000,KCP Seribu,4,C4,42210,1,10\n"
                            "09/10/2025,KC Lima,99,KCP Sembilan Sembilan,5,C5,42210,1,10\n");
  EXPECT_EQ(Describe(Load()),
            (std::vector<std::string>{"5 5 KC Lima |5 99 1000", "25 25 KC Dua Lima |25",
                                      "100 100 KC Seratus |100"}));
}

TEST_F(HierarchyLoadTest, MasterEntriesWinOverRows) {
  ImportWorkedExample();
  // Cikajang moves to Bandung; Rajawali becomes the office of a new kanca.
  AddMaster("1346", "KCP Cikajang", "5", "KC Bandung AA");
  AddMaster("675", "KC Rajawali", "675", "KC  Rajawali ");
  const Hierarchy hierarchy = Load();
  EXPECT_EQ(Describe(hierarchy),
            (std::vector<std::string>{"5 5 KC Bandung AA |5 1346", "25 25 KC Garut |25",
                                      "675 675 KC Rajawali |675"}));
  EXPECT_EQ(hierarchy.Units()[hierarchy.FindUnit("675").value()].name, "KC Rajawali");
}

}  // namespace
}  // namespace smedash::metrics::testing
