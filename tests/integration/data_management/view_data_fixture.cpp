#include "view_data_fixture.hpp"

#include <fmt/format.h>

#include <fstream>
#include <pqxx/pqxx>
#include <sstream>

#include "data_management/view_data_routes.hpp"
#include "ingest/import_command.hpp"

namespace smedash::testing {
namespace {

struct Unit {
  const char* kanca;
  const char* code;
  const char* name;
};
constexpr Unit kUnits[] = {{"KC Bandung AA", "5", "KC Bandung AA"},
                           {"KC Bandung AA", "675", "KCP Rajawali Bandung"},
                           {"KC Garut", "25", "KC Garut"},
                           {"KC Garut", "1346", "KCP Cikajang"}};
// Repeated and empty names (sorting with duplicates and NULLs), and names a CSV or a
// spreadsheet must take literally.
constexpr const char* kNames[] = {
    "PT Sama",           "CV Tiga",        "",        "Toko 100% Jaya", "O'Brien; \"Sons\"",
    "=HYPERLINK(\"x\")", "UD Under_score", "PT Sama", "Koperasi Tujuh", ""};
constexpr const char* kCodes[] = {"42210", "43206", "42110", "80065", "99999", "43207"};

std::string CsvField(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (const char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

// One position's file. The older one has FLAG RESTRUK; the latest has none (the column
// is then NULL) and some accounts of its own.
std::string PositionFile(const std::string& date_dmy, int loans, bool with_flag, int first) {
  std::string csv =
      "PERIODE,KANCA,KODE UKER,UKER,NOMOR REKENING,NAMA DEBITUR,CIFNO,PLAFON,CODE,KOL_ADK,OS,"
      "PN PENGELOLA 1,PN RM,TGL JATUH TEMPO";
  csv += with_flag ? ",FLAG RESTRUK\n" : "\n";
  for (int i = 0; i < loans; ++i) {
    const int n = first + i;
    const Unit& unit = kUnits[n % 4];
    std::vector<std::string> fields = {
        date_dmy,
        unit.kanca,
        unit.code,
        unit.name,
        fmt::format("{:015}", 100000000000000 + (n * 37) % 1000),
        kNames[n % 10],
        fmt::format("C{}", n % 23),
        n % 6 == 0 ? "" : fmt::format("{}000000.50", n % 4 + 1),
        kCodes[n % 6],
        std::to_string(n % 5 + 1),
        fmt::format("{}", (n % 9) * 250000000 + (n % 2 == 0 ? 0.25 : 0.0)),
        fmt::format("PN{:04}", 1000 + n),
        fmt::format("RM{}", n % 4),
        n % 5 == 0 ? "" : fmt::format("{:02}/03/2027", n % 28 + 1),
    };
    if (with_flag) fields.emplace_back(n % 3 == 0 ? "Y" : "N");
    for (std::size_t field_idx = 0; field_idx < fields.size(); ++field_idx) {
      if (field_idx > 0) csv += ',';
      csv += CsvField(fields[field_idx]);
    }
    csv += '\n';
  }
  return csv;
}

}  // namespace

data_management::view_data::ViewDataLimits ViewDataTest::Limits() {
  data_management::view_data::ViewDataLimits limits;
  limits.page_rows = 7;
  limits.xlsx_max_rows = 40;
  limits.count_cap = 30;
  limits.export_chunk_rows = 5;
  return limits;
}

void ViewDataTest::SetUp() {
  UploadTest::SetUp();
  changes_ = std::make_unique<db::ChangeFeed>(connection_string_);
  data_management::RegisterViewDataRoutes(router_, {*pool_, *pages_, config_, *changes_}, Limits());
  admin_ = SignInAdmin();

  const auto folder = data_dir_.Path() / "files";
  std::filesystem::create_directories(folder);
  const auto older = folder / "older.csv";
  const auto latest = folder / "latest.csv";
  std::ofstream(older, std::ios::binary) << PositionFile("08/10/2025", 37, true, 0);
  std::ofstream(latest, std::ios::binary) << PositionFile("09/10/2025", 41, false, 20);
  std::ostringstream out;
  std::ostringstream err;
  ASSERT_EQ(ingest::ImportCommand(connection_string_, {older.string(), latest.string()},
                                  ingest::NumberStyle::kInternational, std::nullopt, out, err),
            0)
      << out.str() << err.str();
  ASSERT_EQ(Count("SELECT count(*) FROM loan_data"), 78);
}

boost::json::object ViewDataTest::Page(const std::string& query) {
  auto response = Send(http::Method::kGet, "/api/v1/loan-data?" + query, &admin_);
  EXPECT_EQ(response.status, 200) << query << ": " << response.body;
  if (response.status != 200) return {};
  return JsonOf(response);
}

RowKeys ViewDataTest::KeysOf(const boost::json::array& rows) {
  RowKeys keys;
  for (const auto& row : rows) {
    keys.push_back(std::string(row.at("periode").as_string()) + "/" +
                   std::string(row.at("nomor_rekening").as_string()));
  }
  return keys;
}

RowKeys ViewDataTest::WalkForward(const std::string& query) {
  RowKeys keys;
  auto page = Page(query);
  for (int guard = 0; guard < 100 && !page.empty(); ++guard) {
    const auto& rows = page.at("rows").as_array();
    const auto page_keys = KeysOf(rows);
    keys.insert(keys.end(), page_keys.begin(), page_keys.end());
    if (page.at("next").is_null()) return keys;
    EXPECT_EQ(rows.size(), static_cast<std::size_t>(Limits().page_rows)) << query;
    page = Page(query + "&after=" + std::string(page.at("next").as_string()));
  }
  ADD_FAILURE() << "no last page for " << query;
  return keys;
}

RowKeys ViewDataTest::WalkBackward(const std::string& query) {
  // The last page first: forward to it, then back along "prev".
  auto page = Page(query);
  for (int guard = 0; guard < 100 && !page.empty() && !page.at("next").is_null(); ++guard) {
    page = Page(query + "&after=" + std::string(page.at("next").as_string()));
  }
  std::vector<RowKeys> pages;
  for (int guard = 0; guard < 100 && !page.empty(); ++guard) {
    pages.push_back(KeysOf(page.at("rows").as_array()));
    if (page.at("prev").is_null()) break;
    page = Page(query + "&before=" + std::string(page.at("prev").as_string()));
  }
  RowKeys keys;
  for (auto it = pages.rbegin(); it != pages.rend(); ++it)
    keys.insert(keys.end(), it->begin(), it->end());
  return keys;
}

RowKeys ViewDataTest::KeysFromSql(const std::string& where, const std::string& order_by) {
  pqxx::connection connection(connection_string_);
  pqxx::read_transaction tx(connection);
  RowKeys keys;
  const std::string sql = fmt::format(
      "SELECT l.periode::text, l.nomor_rekening FROM loan_data l "
      "LEFT JOIN segment_map m ON m.code = l.code WHERE {} ORDER BY {}",
      where.empty() ? "true" : where, order_by);
  for (const auto& row : tx.exec(sql)) {
    keys.push_back(row[0].as<std::string>() + "/" + row[1].as<std::string>());
  }
  return keys;
}

std::string ViewDataTest::BodyOf(const http::Response& response) {
  if (!response.stream) return response.body;
  std::string body;
  for (int guard = 0; guard < 100000; ++guard) {
    auto piece = response.stream->Next();
    if (!piece) return body;
    body += *piece;
  }
  ADD_FAILURE() << "the streamed body did not end";
  return body;
}

http::Response ViewDataTest::SendAccepting(const std::string& target, const Client* client,
                                           const std::string& accept) {
  http::Request request;
  request.method = http::Method::kGet;
  request.target = target;
  request.remote_address = "192.0.2.10";
  request.request_id = "test";
  request.headers.emplace("host", "127.0.0.1:8000");
  request.headers["accept"] = accept;
  if (client != nullptr) {
    request.headers["cookie"] =
        "lang=" + client->lang + "; smedash_session=" + client->session_token;
  }
  return router_.Dispatch(request);
}

}  // namespace smedash::testing
