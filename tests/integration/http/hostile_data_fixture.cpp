#include "hostile_data_fixture.hpp"

#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "ingest/import_command.hpp"
#include "ingest/open_reader.hpp"

namespace smedash::testing {
namespace {

constexpr const char* kHeader =
    "PERIODE,KANCA,KODE UKER,UKER,NOMOR REKENING,NAMA DEBITUR,CIFNO,PLAFON,CODE,KOL_ADK,OS\n";

constexpr const char* kPlainFile =
    "08/10/2025,KC Garut,30,KC Garut,100000000000101,PT Biasa,C1,1000000000,42210,1,900000000\n"
    "08/10/2025,KC Garut,31,KCP Cikajang,100000000000102,CV Lurus,C2,2000000000,43206,2,"
    "1500000000\n";

// A CSV field as the bank's files quote it; the text stays as it is (no formula guard:
// the file must hold the attacker's text exactly).
std::string Quoted(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (const char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

struct HostileUnit {
  const char* kanca;
  const char* code;
  const char* name;
};
const HostileUnit kUnits[] = {
    {"KC <script>alert(1)</script>", "5", "KC <script>alert(1)</script>"},
    {"KC <script>alert(1)</script>", "675", "KCP \"onmouseover=\"alert(1)"},
    {"=2+5+cmd|' /C calc'!A0", "25", "=2+5+cmd|' /C calc'!A0"},
    {"=2+5+cmd|' /C calc'!A0", "1346", "<img src=x onerror=alert(1)>"},
    {"=2+5+cmd|' /C calc'!A0", "1347", "@SUM(1+1)*cmd|' /C calc'!A0"},
    {"=2+5+cmd|' /C calc'!A0", "1348", "+1+cmd|' /C calc'!A0"},
    {"=2+5+cmd|' /C calc'!A0", "1349", "-2+3 KCP"},
};

std::string HostileFile() {
  std::string csv = kHeader;
  const auto& debtors = HostileDataTest::kHostileDebtors;
  for (std::size_t row = 0; row < debtors.size(); ++row) {
    const HostileUnit& unit = kUnits[row % std::size(kUnits)];
    csv += fmt::format("09/10/2025,{},{},{},{},{},C{},{}000000000,42210,{},{}00000000\n",
                       Quoted(unit.kanca), unit.code, Quoted(unit.name), 100000000000201 + row,
                       Quoted(debtors[row]), row, row % 4 + 1, row % 5 + 1, row + 1);
  }
  // Refused for its OS: its raw value is kept in the upload's issues.
  csv += fmt::format(
      "09/10/2025,KC Garut,30,KC Garut,100000000000299,@rejected,C9,1000000000,"
      "42210,1,{}\n",
      HostileDataTest::kRejectedOs);
  return csv;
}

}  // namespace

const std::string HostileDataTest::kHostileFileName =
    "=cmd <img src=x onerror=alert(1)> \"onmouseover=\"alert(1) 100%_x.csv";

const std::vector<std::string> HostileDataTest::kHostileDebtors = {
    "<script>alert(1)</script>",
    "\"onmouseover=\"alert(1)",
    "<img src=x onerror=alert(1)>",
    "=HYPERLINK(\"http://evil.example\",\"x\")",
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)",
    "Toko 100% Jaya",
    "UD Under_score",
    "O'Brien; \"Sons\" --",
    "C:\\back\\slash",
    "\u00dcn\u00efc\u00f6d\u00e9 \u65e5\u672c \U0001F642",
};

const std::vector<std::string> HostileDataTest::kHostileUnitNames = [] {
  std::vector<std::string> names;
  for (const auto& unit : kUnits) {
    for (const std::string name : {unit.kanca, unit.name}) {
      if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
    }
  }
  return names;
}();

void HostileDataTest::SetUp() {
  AppTest::SetUp();
  admin_ = SignIn("admin", kAdminPassword);
  const auto plain = files_.Path() / "plain.csv";
  const auto hostile = files_.Path() / kHostileFileName;
  std::ofstream(plain, std::ios::binary) << kHeader << kPlainFile;
  std::ofstream(hostile, std::ios::binary) << HostileFile();
  std::ostringstream out;
  std::ostringstream err;
  ingest::ImportCommand(connection_string_, {plain.string(), hostile.string()},
                        ingest::NumberStyle::kInternational, std::string("admin"), out, err);
  ASSERT_EQ(Count("SELECT count(*) FROM loan_data"), static_cast<long>(2 + kHostileDebtors.size()))
      << out.str() << err.str();
  hostile_upload_id_ = Count("SELECT max(id) FROM uploads");
  ASSERT_EQ(Count("SELECT count(*) FROM upload_issues WHERE upload_id = " +
                  std::to_string(hostile_upload_id_)),
            1)
      << out.str();
  const std::string failed = boost::json::serialize(
      boost::json::object{{"username", kFormulaUsername}, {"password", "x"}});
  ASSERT_EQ(Send(http::Method::kPost, "/api/v1/session", nullptr, failed).status, 401);
  AwaitDataVersionHeard();
}

http::Response HostileDataTest::Get(const std::string& target) {
  return Send(http::Method::kGet, target, &admin_);
}

std::string HostileDataTest::BodyOf(const http::Response& response) {
  if (response.file) {
    std::ifstream in(*response.file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }
  if (!response.stream) return response.body;
  std::string body;
  while (auto piece = response.stream->Next()) body += *piece;
  return body;
}

std::vector<ingest::Row> HostileDataTest::ReadBack(const http::Response& response,
                                                   const std::string& name) {
  const auto file = files_.Path() / name;
  std::ofstream(file, std::ios::binary) << BodyOf(response);
  auto reader = ingest::OpenReader(file, ingest::DetectFormat(file, name));
  std::vector<ingest::Row> rows;
  ingest::Row row;
  while (reader->Next(row)) rows.push_back(row);
  return rows;
}

}  // namespace smedash::testing
