// `smedash demo-data`: the same seed gives the same files; the files have the RO Bandung
// organisation, every segment and grade, both layouts, and load through the validator.
#include "ingest/demo/demo_data.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "ingest/demo/demo_row.hpp"
#include "ingest/demo/organisation.hpp"
#include "ingest/mapping/column_map.hpp"
#include "ingest/open_reader.hpp"
#include "ingest/validate/row_validator.hpp"

namespace smedash::ingest::demo {
namespace {

namespace fs = std::filesystem;

class DemoDataTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("demo_data_test_" + std::to_string(::getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
  }
  void TearDown() override { fs::remove_all(root_); }

  DemoOptions Options(const std::string& name) const {
    DemoOptions options;
    options.out_dir = root_ / name;
    return options;
  }
  static int Run(const DemoOptions& options, std::string* err_text = nullptr) {
    std::ostringstream out;
    std::ostringstream err;
    const int status = DemoDataCommand(options, out, err);
    if (err_text != nullptr) *err_text = err.str();
    return status;
  }

  fs::path root_;
};

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The demo files quote nothing today, but a name with a comma would be quoted (RFC 4180).
Row SplitCsvLine(const std::string& line) {
  Row row;
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i <= line.size(); ++i) {
    if (i == line.size() || (line[i] == ',' && !quoted)) {
      row.push_back(field.empty() ? Cell{} : Cell{Cell::Kind::kText, field});
      field.clear();
    } else if (line[i] == '"') {
      if (quoted && i + 1 < line.size() && line[i + 1] == '"') {
        field += '"';
        ++i;
      } else {
        quoted = !quoted;
      }
    } else {
      field += line[i];
    }
  }
  return row;
}

std::vector<Row> ReadCsv(const fs::path& path) {
  std::vector<Row> rows;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) rows.push_back(SplitCsvLine(line));
  return rows;
}

std::vector<std::string> Files(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<std::string> HeaderTexts(const Row& header) {
  std::vector<std::string> texts;
  for (const auto& cell : header) texts.push_back(cell.text);
  return texts;
}

TEST(DemoOrganisation, RoBandungKancaAndKcps) {
  const std::set<int> expected_kanca = {5,   25,  28,  46,  75,  92,  94,  100, 104, 105,
                                        107, 123, 132, 133, 137, 161, 162, 165, 181, 286,
                                        337, 354, 355, 389, 401, 405, 406, 407, 408, 544};
  std::set<int> kanca;
  std::set<int> codes;
  std::map<int, std::string_view> kanca_names;
  int kcps = 0;
  for (const DemoUnit& unit : Units()) {
    EXPECT_TRUE(codes.insert(unit.code).second) << "code " << unit.code << " used twice";
    if (unit.code == unit.kanca_code) {
      kanca.insert(unit.code);
      EXPECT_EQ(unit.name, unit.kanca) << "a kanca office's UKER is its KANCA name";
      EXPECT_TRUE(unit.name.starts_with("KC "));
      kanca_names[unit.code] = unit.name;
    } else {
      ++kcps;
      EXPECT_TRUE(unit.name.starts_with("KCP ")) << unit.name;
      EXPECT_GE(unit.code, 100);
      EXPECT_LT(unit.code, 10000);
    }
  }
  EXPECT_EQ(kanca, expected_kanca);
  EXPECT_EQ(kcps, 34);
  for (const DemoUnit& unit : Units()) {
    ASSERT_TRUE(kanca_names.count(unit.kanca_code)) << unit.name;
    EXPECT_EQ(kanca_names[unit.kanca_code], unit.kanca) << unit.name;
  }
  EXPECT_EQ(kanca_names[5], "KC Bandung AA");
  EXPECT_EQ(kanca_names[25], "KC Garut");
  auto find = [](int code) {
    for (const DemoUnit& unit : Units()) {
      if (unit.code == code) return unit;
    }
    return DemoUnit{};
  };
  EXPECT_EQ(find(675).name, "KCP Rajawali Bandung");
  EXPECT_EQ(find(675).kanca_code, 5);
  EXPECT_EQ(find(1346).name, "KCP Cikajang");
  EXPECT_EQ(find(1346).kanca_code, 25);
}

TEST_F(DemoDataTest, SameSeedSameFilesOtherSeedOtherFiles) {
  DemoOptions a = Options("a");
  a.accounts = 300;
  a.seed = 42;
  DemoOptions b = a;
  b.out_dir = root_ / "b";
  DemoOptions c = a;
  c.out_dir = root_ / "c";
  c.seed = 43;
  ASSERT_EQ(Run(a), 0);
  ASSERT_EQ(Run(b), 0);
  ASSERT_EQ(Run(c), 0);
  ASSERT_EQ(Files(a.out_dir), Files(b.out_dir));
  for (const auto& name : Files(a.out_dir)) {
    EXPECT_EQ(ReadAll(a.out_dir / name), ReadAll(b.out_dir / name)) << name;
    EXPECT_NE(ReadAll(a.out_dir / name), ReadAll(c.out_dir / name)) << name;
  }
}

TEST_F(DemoDataTest, DefaultsAreFiveBusinessDaysOfBothLayouts) {
  DemoOptions options = Options("default");
  ASSERT_EQ(Run(options), 0);
  const std::vector<std::string> expected = {
      "SME_POSITION_20251003.csv", "SME_POSITION_20251006.csv", "SME_POSITION_20251007.csv",
      "SME_POSITION_20251008.csv", "SME_POSITION_20251009.csv"};
  ASSERT_EQ(Files(options.out_dir), expected);

  std::vector<std::string> seed_headers;
  for (Column column : SeedLayout()) seed_headers.emplace_back(Spec(column).header);
  std::vector<std::string> later_headers;
  for (Column column : LaterLayout()) later_headers.emplace_back(Spec(column).header);
  ASSERT_EQ(seed_headers.size(), 38u);
  ASSERT_EQ(later_headers.size(), 33u);

  std::set<std::string> first_accounts;
  for (std::size_t file_idx = 0; file_idx < expected.size(); ++file_idx) {
    SCOPED_TRACE(expected[file_idx]);
    const auto rows = ReadCsv(options.out_dir / expected[file_idx]);
    ASSERT_GT(rows.size(), 1u);
    EXPECT_EQ(HeaderTexts(rows.front()), file_idx % 2 == 0 ? seed_headers : later_headers);
    const std::size_t data_rows = rows.size() - 1;
    if (file_idx == 0) {
      EXPECT_EQ(data_rows, 2000u);
    } else {
      EXPECT_NEAR(static_cast<double>(data_rows), 2000.0, 100.0);
    }
    // Accounts persist from one position to the next.
    const ColumnMap map = MapHeader(rows.front());
    const std::size_t account_idx = *map.IndexOf(Column::kNomorRekening);
    std::size_t kept = 0;
    for (std::size_t row_idx = 1; row_idx < rows.size(); ++row_idx) {
      const std::string& account = rows[row_idx][account_idx].text;
      if (file_idx == 0) {
        first_accounts.insert(account);
      } else {
        kept += first_accounts.count(account);
      }
    }
    if (file_idx > 0) {
      EXPECT_GT(kept, data_rows * 9 / 10);
    }
  }
}

TEST_F(DemoDataTest, EveryRowLoadsAndTheMixIsRealistic) {
  DemoOptions options = Options("mix");
  options.positions = 2;
  ASSERT_EQ(Run(options), 0);
  for (const auto& name : Files(options.out_dir)) {
    SCOPED_TRACE(name);
    const auto rows = ReadCsv(options.out_dir / name);
    const ColumnMap map = MapHeader(rows.front());
    ASSERT_TRUE(map.Usable());
    EXPECT_TRUE(map.unknown_headers.empty());
    RowValidator validator(map, NumberStyle::kAuto, false);
    ValidatedRow out;
    std::vector<RowIssue> issues;
    std::set<std::string> accounts;
    std::set<std::string> unit_codes;
    std::map<std::string, int> codes;
    std::map<std::string, int> grades;
    std::set<std::string> customers;
    int restructured = 0;
    for (std::size_t row_idx = 1; row_idx < rows.size(); ++row_idx) {
      ASSERT_TRUE(validator.Validate(rows[row_idx], row_idx + 1, out, issues))
          << "line " << row_idx + 1 << ": " << issues.front().column << " "
          << issues.front().reason_key << " '" << issues.front().raw_value << "'";
      EXPECT_TRUE(issues.empty()) << issues.front().reason_key;
      EXPECT_TRUE(accounts.insert(out.nomor_rekening).second) << "duplicate account";
      EXPECT_EQ(out.nomor_rekening.size(), 15u);
      unit_codes.insert(*out.values[static_cast<std::size_t>(Column::kKodeUker)]);
      ++codes[out.code];
      ++grades[*out.values[static_cast<std::size_t>(Column::kKolAdk)]];
      customers.insert(*out.values[static_cast<std::size_t>(Column::kCifNo)]);
      restructured += out.values[static_cast<std::size_t>(Column::kFlagRestruk)] == "t";
    }
    // Plain international amounts only: nothing ambiguous to decide.
    EXPECT_NE(validator.Style(), NumberStyle::kIndonesian);
    const double total = static_cast<double>(rows.size() - 1);
    EXPECT_EQ(unit_codes.size(), Units().size());
    EXPECT_TRUE(unit_codes.count("5") && unit_codes.count("675") && unit_codes.count("1346"));
    int medium = 0;
    int kur = 0;
    int cc = 0;
    for (const auto& [code, count] : codes) {
      if (code == "42210" || code == "42211" || code == "43210" || code == "43211") medium += count;
      if (code == "80065") kur += count;
      if (code == "42110" || code == "42120" || code == "42140") cc += count;
    }
    const int small_ncc = static_cast<int>(total) - medium - kur - cc;
    EXPECT_GT(medium, 0);
    EXPECT_GT(cc, 0);
    EXPECT_GT(small_ncc + kur, total * 0.8) << "mostly SMALL NCC and KUR by count";
    EXPECT_LT(medium, total * 0.15);
    for (const char* grade : {"1", "2", "3", "4", "5"}) EXPECT_GT(grades[grade], 0) << grade;
    EXPECT_NEAR(grades["1"] / total, 0.9, 0.04);
    EXPECT_NEAR(grades["2"] / total, 0.05, 0.025);
    EXPECT_GT(restructured, 0);
    EXPECT_LT(customers.size(), accounts.size()) << "some customers hold several loans";
  }
}

TEST_F(DemoDataTest, BalancesDriftBetweenPositions) {
  DemoOptions options = Options("drift");
  options.positions = 2;
  options.layout = DemoLayout::kLater;
  ASSERT_EQ(Run(options), 0);
  std::map<std::string, std::string> os_before;
  std::size_t changed = 0;
  std::size_t same_account = 0;
  for (const auto& name : Files(options.out_dir)) {
    const auto rows = ReadCsv(options.out_dir / name);
    const ColumnMap map = MapHeader(rows.front());
    const std::size_t account = *map.IndexOf(Column::kNomorRekening);
    const std::size_t os = *map.IndexOf(Column::kOs);
    for (std::size_t row_idx = 1; row_idx < rows.size(); ++row_idx) {
      const auto& row = rows[row_idx];
      auto [it, inserted] = os_before.emplace(row[account].text, row[os].text);
      if (!inserted) {
        ++same_account;
        changed += it->second != row[os].text;
      }
    }
  }
  EXPECT_GT(same_account, 1800u);
  EXPECT_GT(changed, same_account / 10);
  EXPECT_LT(changed, same_account);
}

TEST_F(DemoDataTest, WeekendEndMeansTheFridayBefore) {
  DemoOptions options = Options("weekend");
  options.accounts = 50;
  options.positions = 2;
  options.end = *core::Date::FromYmd(2025, 10, 12);  // Sunday
  options.layout = DemoLayout::kSeed;
  ASSERT_EQ(Run(options), 0);
  EXPECT_EQ(Files(options.out_dir),
            (std::vector<std::string>{"SME_POSITION_20251009.csv", "SME_POSITION_20251010.csv"}));
  const auto rows = ReadCsv(options.out_dir / "SME_POSITION_20251010.csv");
  EXPECT_EQ(rows.front().size(), 38u);
  EXPECT_EQ(rows.at(1).at(0).text, "10/10/2025");
}

// Written with ZIP64 headers (libxlsxwriter's minizip), which the XLSX reader takes.
TEST_F(DemoDataTest, XlsxIsAZip64WorkbookTheReaderReads) {
  DemoOptions options = Options("xlsx");
  options.accounts = 100;
  options.positions = 1;
  options.format = DemoFormat::kXlsx;
  ASSERT_EQ(Run(options), 0);
  EXPECT_EQ(Files(options.out_dir), (std::vector<std::string>{"SME_POSITION_20251009.xlsx"}));
  const auto path = options.out_dir / "SME_POSITION_20251009.xlsx";
  const std::string bytes = ReadAll(path);
  EXPECT_EQ(bytes.substr(0, 2), "PK");
  EXPECT_EQ(bytes[4], 45);  // the first local header asks for ZIP64 ("version 4.5")
  auto reader = OpenReader(path, DetectFormat(path, path.filename().string()));
  Row row;
  std::size_t rows = 0;
  while (reader->Next(row)) {
    if (rows++ == 0) {
      EXPECT_EQ(row.size(), 38u);
    }
  }
  EXPECT_EQ(rows, 101u);  // the header and one row per account
}

TEST_F(DemoDataTest, BadOptionsAreRefusedWithAReason) {
  struct Case {
    DemoOptions options;
    std::string mentions;
  };
  DemoOptions base = Options("bad");
  DemoOptions no_out = base;
  no_out.out_dir.clear();
  DemoOptions no_positions = base;
  no_positions.positions = 0;
  DemoOptions no_accounts = base;
  no_accounts.accounts = 0;
  DemoOptions big_xls = base;
  big_xls.format = DemoFormat::kXls;
  big_xls.accounts = 100000;
  for (const Case& c : {Case{no_out, "--out"}, Case{no_positions, "--positions"},
                        Case{no_accounts, "--accounts"}, Case{big_xls, "xls"}}) {
    std::string err;
    EXPECT_EQ(Run(c.options, &err), 2);
    EXPECT_NE(err.find(c.mentions), std::string::npos) << err;
  }
  EXPECT_FALSE(fs::exists(base.out_dir));
}

TEST(DemoOptionsParsing, FormatAndLayout) {
  EXPECT_EQ(ParseDemoFormat("csv"), DemoFormat::kCsv);
  EXPECT_EQ(ParseDemoFormat("xlsx"), DemoFormat::kXlsx);
  EXPECT_EQ(ParseDemoFormat("xls"), DemoFormat::kXls);
  EXPECT_FALSE(ParseDemoFormat("ods"));
  EXPECT_EQ(ParseDemoLayout("alternate"), DemoLayout::kAlternate);
  EXPECT_EQ(ParseDemoLayout("38"), DemoLayout::kSeed);
  EXPECT_EQ(ParseDemoLayout("33"), DemoLayout::kLater);
  EXPECT_FALSE(ParseDemoLayout("40"));
}

}  // namespace
}  // namespace smedash::ingest::demo
