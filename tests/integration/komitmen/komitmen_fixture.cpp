#include "komitmen_fixture.hpp"

#include <pqxx/pqxx>

#include "http/request.hpp"

namespace smedash::testing {
namespace {

std::string Letter(std::size_t column) { return std::string(1, static_cast<char>('A' + column)); }

}  // namespace

std::string CsvLine(const FileUnit& unit) {
  std::string line = unit.kode_kanca + "," + unit.kode_uker + "," + unit.kanca + "," + unit.uker;
  for (std::size_t column = 4; column < 24; ++column) {
    auto found = unit.targets.find(Letter(column));
    line += "," + (found == unit.targets.end() ? std::string("-") : found->second);
  }
  return line;
}

std::string TargetCsvLines(const std::vector<std::string>& lines) {
  std::string csv = ",,,,KUR RITEL,,,,,SMALL SD 5M,,,,,KECIL NCC,,,,,KECIL CC,,,,\n";
  csv += "KODE KANCA,KODE UKER,NAMA KANCA,NAMA UKER";
  for (int group = 0; group < 4; ++group) csv += ",DEB,OS,PL,NPL,DPK";
  csv += "\n";
  for (const auto& line : lines) csv += line + "\n";
  return csv;
}

std::string TargetCsv(const std::vector<FileUnit>& units) {
  std::vector<std::string> lines;
  for (const auto& unit : units) lines.push_back(CsvLine(unit));
  return TargetCsvLines(lines);
}

void KomitmenTest::SetUp() {
  AppTest::SetUp();
  admin_ = SignIn("admin", kAdminPassword);
}

http::Response KomitmenTest::PostFile(const std::string& path, const std::string& name,
                                      const std::string& content, const std::string& month) {
  std::string target = path + "?name=" + http::UrlEncode(name);
  if (!month.empty()) target += "&month=" + http::UrlEncode(month);
  return Send(http::Method::kPost, target, &admin_, content,
              {{"content-type", "application/octet-stream"}});
}

boost::json::object KomitmenTest::Apply(const std::string& name, const std::string& content,
                                        const std::string& month) {
  auto response = PostFile("/api/v1/komitmen", name, content, month);
  EXPECT_EQ(response.status, 200) << response.body;
  return JsonOf(response);
}

http::Response KomitmenTest::Patch(const std::string& month, const boost::json::object& body) {
  return Send(http::Method::kPatch, "/api/v1/komitmen/" + month + "/targets", &admin_,
              boost::json::serialize(body));
}

void KomitmenTest::AddHierarchyUnit(const std::string& kode_uker, const std::string& uker,
                                    const std::string& kanca) {
  pqxx::connection connection(connection_string_);
  pqxx::work tx(connection);
  tx.exec_params0(
      "INSERT INTO units (kode_uker, uker, kanca, kanca_key, last_periode) "
      "VALUES ($1, $2, $3, upper($3), '2025-10-31')",
      kode_uker, uker, kanca);
  tx.commit();
}

std::string KomitmenTest::Scalar(const std::string& sql) {
  pqxx::connection connection(connection_string_);
  pqxx::read_transaction tx(connection);
  const auto rows = tx.exec(sql);
  if (rows.empty()) return "no row";
  return rows[0][0].is_null() ? "NULL" : rows[0][0].as<std::string>();
}

long KomitmenTest::AuditCount(const std::string& action) {
  pqxx::connection connection(connection_string_);
  pqxx::read_transaction tx(connection);
  return tx.exec_params1("SELECT count(*) FROM audit_log WHERE action = $1", action)[0].as<long>();
}

}  // namespace smedash::testing
