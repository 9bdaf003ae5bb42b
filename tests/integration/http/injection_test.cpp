// Injection (issue 7): every filter and search parameter of every GET API, every path
// parameter of every GET route and the sign-in's username, fed SQL metacharacters and
// hostile values, never get a 500 or a stored secret back; and a value that looks like SQL
// or a LIKE pattern selects exactly the rows that literally contain it, no more.
#include <fmt/format.h>

#include <algorithm>
#include <pqxx/pqxx>
#include <regex>
#include <set>

#include "hostile_data_fixture.hpp"
#include "http/request.hpp"

namespace smedash::testing {
namespace {

// Decoded values; the tests URL-encode them.
const std::vector<std::string>& HostileValues() {
  static const std::vector<std::string> values = {
      "'",
      "\"",
      ";",
      "--",
      "/*",
      "*/",
      "%",
      "_",
      "\\",
      std::string(1, '\0'),
      std::string("a\0b", 3),
      "%00",
      "' OR '1'='1",
      "' OR 1=1 --",
      "\" OR \"\"=\"",
      "1; DROP TABLE loan_data; --",
      "' UNION SELECT username, password_hash FROM users --",
      "1 UNION SELECT 1,2,3",
      "$1",
      "::text",
      "E'\\x00'",
      "\\'; SELECT pg_sleep(5); --",
      std::string(10000, 'A'),
      std::string(5000, '\''),
      std::string(3000, '%'),
      "\u00dcn\u00efc\u00f6d\u00e9 \u65e5\u672c \U0001F642",
      "\xff\xfe",
      "\xc3",
      "\xed\xa0\x80",
      "\xe2\x80\xae"
      "evil",
      "\r\n",
      "\t",
      "   ",
      "-1",
      "0",
      "-9223372036854775809",
      "9223372036854775808",
      "99999999999999999999999",
      "2147483648",
      "-2147483649",
      "1e308",
      "NaN",
      "0x10",
      "+5",
      "1.5",
      "2025-02-30",
      "0000-00-00",
      "9999-99-99",
      "2025-13-01",
      "-infinity",
      "infinity",
      "epoch",
      "2025-10-09T00:00:00",
      "2025-10-09' OR '1'='1",
      "20251009",
      "all' --",
      "k:",
      "k:'",
      "k:KC <script>alert(1)</script>",
      "<script>alert(1)</script>",
      "../../etc/passwd",
      "{}",
      "[]",
      "null",
      "true",
      "latest",
      "all"};
  return values;
}

// Every parameter each GET API reads (from its handlers), and a query that keeps the
// others valid so the hostile value reaches the code that uses it.
struct Endpoint {
  std::string path;
  std::string base;
  std::vector<std::string> params;
};

const std::vector<std::string> kLoanDataParams = {"position", "kanca", "unit", "segment", "grade",
                                                  "q",        "sort",  "dir",  "after",   "before"};

std::vector<Endpoint> Endpoints(std::int64_t upload_id) {
  const std::string issues = fmt::format("/api/v1/uploads/{}/issues", upload_id);
  auto with = [](std::vector<std::string> params, std::initializer_list<const char*> more) {
    params.insert(params.end(), more.begin(), more.end());
    return params;
  };
  return {
      {"/api/v1/positions", "", {}},
      {"/api/v1/dashboard/home", "", {}},
      {"/api/v1/dashboard/os", "", {"group", "metric", "position", "kanca"}},
      {"/api/v1/dashboard/summary", "", {"tab", "kanca", "position"}},
      {"/api/v1/dashboard/daily", "view=daily", {"view", "group", "kanca", "from", "to", "months"}},
      {"/api/v1/dashboard/os/export",
       "format=csv",
       {"format", "unit", "table", "group", "metric", "position", "kanca"}},
      {"/api/v1/dashboard/summary/export",
       "format=xlsx",
       {"format", "unit", "tab", "kanca", "position"}},
      {"/api/v1/dashboard/daily/export",
       "format=csv",
       {"format", "unit", "view", "group", "kanca", "from", "to", "months"}},
      {"/api/v1/loan-data", "position=all", kLoanDataParams},
      {"/api/v1/loan-data/count", "position=all", kLoanDataParams},
      {"/api/v1/loan-data/options", "", kLoanDataParams},
      {"/api/v1/loan-data/export", "format=csv&position=all", with(kLoanDataParams, {"format"})},
      {"/api/v1/uploads", "", {"status", "limit"}},
      {"/api/v1/uploads/history",
       "",
       {"status", "uploader", "from", "to", "name", "page", "per_page"}},
      {issues, "", {"kind", "page", "per_page"}},
      {issues + ".csv", "", {"kind"}},
      {issues + ".xlsx", "", {"kind"}},
      {"/api/v1/audit", "", {"actor", "action", "from", "to", "q", "before", "after", "limit"}},
      {"/api/v1/audit.csv", "", {"actor", "action", "from", "to", "q"}},
      {"/api/v1/data/delete/preview", "mode=position", {"mode", "position"}},
      {"/api/v1/data/delete/preview", "mode=range", {"from", "to"}},
      {"/api/v1/data/delete/preview", "mode=upload", {"upload"}},
      {"/api/v1/komitmen", "", {}},
      {"/api/v1/users", "", {}},
      {"/api/v1/segments", "", {}},
      {"/api/v1/units", "", {}},
      {"/accounts/login/", "", {"next"}},
      {"/lang", "", {"set", "next"}},
  };
}

class InjectionTest : public HostileDataTest {
 protected:
  void SetUp() override {
    HostileDataTest::SetUp();
    pqxx::connection connection(connection_string_);
    pqxx::read_transaction tx(connection);
    for (const auto& row : tx.exec("SELECT password_hash FROM users UNION ALL "
                                   "SELECT id FROM sessions")) {
      secrets_.push_back(row[0].as<std::string>());
    }
    ASSERT_GE(secrets_.size(), 2u);
  }

  // Sends the request and checks what every answer must be: below 500, a JSON API's body
  // valid JSON, a download complete, and no stored secret in any of it.
  http::Response Probe(const std::string& target) {
    SCOPED_TRACE(target.substr(0, 300));
    ++probes_;
    auto response = Get(target);
    EXPECT_LT(response.status, 500) << response.body.substr(0, 500);
    std::string body;
    try {
      body = BodyOf(response);
    } catch (const std::exception& error) {
      ADD_FAILURE() << "the download broke off: " << error.what();
    }
    const auto type = response.Header("content-type").value_or("");
    if (type.starts_with("application/json")) {
      boost::json::error_code error;
      boost::json::parse(body, error);
      EXPECT_FALSE(error) << body.substr(0, 500);
    }
    for (const auto& secret : secrets_) EXPECT_EQ(body.find(secret), std::string::npos);
    response.body = std::move(body);
    return response;
  }

  boost::json::object ProbeJson(const std::string& target) {
    const auto response = Probe(target);
    EXPECT_EQ(response.status, 200) << target << ": " << response.body.substr(0, 300);
    if (response.status != 200) return {};
    return JsonOf(response);
  }

  static std::string Query(const std::string& base, const std::string& param,
                           const std::string& value) {
    std::string query = base.empty() ? "" : base + "&";
    return query + http::UrlEncode(param) + "=" + http::UrlEncode(value);
  }

  // Names of the debtors of the rows `/api/v1/loan-data?position=all&<query>` lists.
  std::multiset<std::string> ListedDebtors(const std::string& query) {
    std::multiset<std::string> names;
    auto page = ProbeJson("/api/v1/loan-data?position=all&" + query);
    for (int guard = 0; guard < 20 && !page.empty(); ++guard) {
      for (const auto& row : page.at("rows").as_array()) {
        const auto& name = row.at("nama_debitur");
        names.insert(name.is_string() ? std::string(name.as_string()) : "");
      }
      if (page.at("next").is_null()) break;
      page = ProbeJson("/api/v1/loan-data?position=all&" + query +
                       "&after=" + std::string(page.at("next").as_string()));
    }
    return names;
  }

  // Debtors whose stored name holds `text` literally, ignoring ASCII case.
  std::multiset<std::string> DebtorsContaining(const std::string& text) {
    pqxx::connection connection(connection_string_);
    pqxx::read_transaction tx(connection);
    std::multiset<std::string> names;
    for (const auto& row : tx.exec_params(
             "SELECT nama_debitur FROM loan_data WHERE strpos(lower(nama_debitur), lower($1)) > 0",
             text)) {
      names.insert(row[0].as<std::string>());
    }
    return names;
  }

  std::vector<std::string> secrets_;
  int probes_ = 0;
};

TEST_F(InjectionTest, EveryParameterOfEveryGetApiSurvivesHostileValues) {
  for (const auto& endpoint : Endpoints(hostile_upload_id_)) {
    for (const auto& param : endpoint.params) {
      for (const auto& value : HostileValues()) {
        Probe(endpoint.path + "?" + Query(endpoint.base, param, value));
        // Repeated: the hostile value second, then first.
        Probe(endpoint.path + "?" + Query(Query(endpoint.base, param, "x"), param, value));
        Probe(endpoint.path + "?" + Query(Query(endpoint.base, param, value), param, "x"));
      }
    }
  }
  EXPECT_GT(probes_, 15000);
}

// Parameters no handler reads, and query strings no browser would send, on every GET route
// the router has: a route that starts reading a parameter later is probed as well.
TEST_F(InjectionTest, EveryGetRouteSurvivesMalformedQueryStrings) {
  const std::vector<std::string> raw = {
      "q=%",
      "q=%zz",
      "q=%%%",
      "q",
      "=x",
      "&&&",
      "q=a&q=b&q=c",
      "q=%00",
      "q=%C3",
      "%00=%00",
      "q=+++",
      "kanca=%27",
      "a[]=1",
      "q=%E2%80%AE",
      "position=2025-10-09%27%20OR%20%271%27%3D%271&kanca=5%27--&q=%27%3B--&page=-1&limit=0",
  };
  const std::vector<std::string> names = {"q",     "kanca", "position", "from",   "to",
                                          "page",  "id",    "sort",     "status", "limit",
                                          "after", "name",  "month",    "format", "unit"};
  static const std::regex param(R"(\{[a-z_]+\})");
  std::size_t routes = 0;
  for (const auto& route : app_->Router().Routes()) {
    if (route.method != http::Method::kGet || route.pattern.find('*') != std::string::npos) {
      continue;
    }
    ++routes;
    const std::string path =
        std::regex_replace(route.pattern, param, std::to_string(hostile_upload_id_));
    for (const auto& query : raw) Probe(path + "?" + query);
    for (const auto& name : names) {
      for (const auto& value : {"' OR '1'='1", "\xff", "-1", "99999999999999999999"}) {
        Probe(path + "?" + Query("", name, value));
      }
    }
  }
  EXPECT_GT(routes, 35u);
}

TEST_F(InjectionTest, EveryPathParameterSurvivesHostileValues) {
  static const std::regex param(R"(\{[a-z_]+\})");
  std::size_t routes = 0;
  for (const auto& route : app_->Router().Routes()) {
    if (route.method != http::Method::kGet || route.pattern.find('{') == std::string::npos ||
        route.pattern.find('*') != std::string::npos) {
      continue;
    }
    ++routes;
    for (const auto& value : HostileValues()) {
      Probe(std::regex_replace(route.pattern, param, http::UrlEncode(value)));
    }
  }
  EXPECT_GE(routes, 8u);
}

TEST_F(InjectionTest, SignInWithAHostileUsernameIsRefusedNotAnError) {
  std::vector<std::string> usernames = HostileValues();
  // Cut where the audit log shortens a username: a multi-byte character across the cut.
  usernames.push_back(std::string(149, 'a') + "\xc3\xa9");
  usernames.push_back(std::string(148, 'a') + "\xe6\x97\xa5");
  // Long and incompressible: larger than an index entry can hold.
  std::string noise;
  for (unsigned seed = 7; noise.size() < 6000; seed = seed * 1103515245u + 12345u) {
    noise += static_cast<char>('!' + (seed >> 16) % 94);
  }
  usernames.push_back(noise);
  for (const auto& username : usernames) {
    SCOPED_TRACE(http::UrlEncode(username.substr(0, 60)));
    const std::string body =
        boost::json::serialize(boost::json::object{{"username", username}, {"password", "x"}});
    const auto api = Send(http::Method::kPost, "/api/v1/session", nullptr, body);
    EXPECT_TRUE(api.status == 400 || api.status == 401 || api.status == 429)
        << api.status << " " << api.body.substr(0, 300);
    // The sign-in form takes any bytes, not only those JSON can carry.
    const auto form = Send(http::Method::kPost, "/accounts/login/", nullptr,
                           "username=" + http::UrlEncode(username) + "&password=x",
                           {{"content-type", "application/x-www-form-urlencoded"},
                            {"origin", "http://127.0.0.1:8000"}});
    EXPECT_LT(form.status, 500) << form.body.substr(0, 300);
  }
}

TEST_F(InjectionTest, ASignInFromAClientWithAHostileUserAgentWorks) {
  const std::string body = boost::json::serialize(
      boost::json::object{{"username", "admin"}, {"password", kAdminPassword}});
  for (const std::string& agent :
       std::vector<std::string>{"Mozilla\xff\xfe", std::string(20000, 'x'), "'); --"}) {
    const auto response =
        Send(http::Method::kPost, "/api/v1/session", nullptr, body, {{"user-agent", agent}});
    EXPECT_EQ(response.status, 200) << response.body.substr(0, 300);
  }
}

// A value that is not text would otherwise fail the query or be cut at its NUL (a search
// for "a\0b" finding every "a"): it is refused, whatever the parameter.
TEST_F(InjectionTest, AParameterThatIsNotTextIsRefusedNotCutShort) {
  for (const auto* target :
       {"/api/v1/uploads/history?name=x%00%27", "/api/v1/uploads/history?name=%FF",
        "/api/v1/audit?q=a%00b", "/api/v1/audit?q=%FF", "/api/v1/audit.csv?q=%C3",
        "/api/v1/loan-data?q=a%00b", "/api/v1/dashboard/os?kanca=%FF"}) {
    EXPECT_EQ(Probe(target).status, 400) << target;
  }
}

TEST_F(InjectionTest, SearchesFindExactlyTheRowsThatContainTheTextLiterally) {
  const std::vector<std::string> searches = {"' OR '1'='1",
                                             "' OR 1=1 --",
                                             "' UNION SELECT username, password_hash FROM users --",
                                             "%' OR '%'='",
                                             "%",
                                             "_",
                                             "\\",
                                             "'",
                                             "\"",
                                             ";",
                                             "--",
                                             "<script>",
                                             "onmouseover=",
                                             "100%",
                                             "r_s",
                                             "\\back",
                                             "\xe6\x97\xa5\xe6\x9c\xac"};
  for (const auto& search : searches) {
    SCOPED_TRACE(search);
    const auto expected = DebtorsContaining(search);
    EXPECT_EQ(ListedDebtors("q=" + http::UrlEncode(search)), expected);
    const auto count =
        ProbeJson("/api/v1/loan-data/count?position=all&q=" + http::UrlEncode(search));
    if (!count.empty()) {
      EXPECT_EQ(count.at("count").as_int64(), static_cast<std::int64_t>(expected.size()));
    }
  }
  // The control: the SQL-looking searches select nothing because no row holds them.
  EXPECT_TRUE(DebtorsContaining("' OR '1'='1").empty());
  EXPECT_EQ(DebtorsContaining("%").size(), 1u);
  EXPECT_EQ(DebtorsContaining("_").size(), 1u);
}

TEST_F(InjectionTest, AFilterWithAQuoteNeverWidensTheResult) {
  const auto options = ProbeJson("/api/v1/loan-data/options");
  ASSERT_FALSE(options.empty());
  for (const auto& kanca : options.at("kancas").as_array()) {
    const std::string id(kanca.at("id").as_string());
    SCOPED_TRACE(id);
    const auto rows = ListedDebtors("kanca=" + http::UrlEncode(id));
    EXPECT_FALSE(rows.empty());
    EXPECT_LT(rows.size(), DebtorsContaining("").size());
    for (const auto& suffix : {"' OR '1'='1", "'--", "' OR kanca IS NOT NULL --", "%", "_"}) {
      const auto response =
          Probe("/api/v1/loan-data?position=all&kanca=" + http::UrlEncode(id + suffix));
      EXPECT_EQ(response.status, 400) << response.body;
    }
    // Repeated: the first value is the one used, never both.
    EXPECT_EQ(
        ListedDebtors("kanca=" + http::UrlEncode(id) + "&kanca=" + http::UrlEncode("' OR '1'='1")),
        rows);
  }
  // A unit code is any text: one with a quote is no unit's, so nothing is listed.
  EXPECT_TRUE(ListedDebtors("unit=" + http::UrlEncode("5' OR '1'='1")).empty());
  EXPECT_TRUE(ListedDebtors("unit=" + http::UrlEncode("5'--")).empty());
  EXPECT_FALSE(ListedDebtors("unit=5").empty());
  for (const auto& target :
       {"/api/v1/loan-data?grade=1%20OR%201", "/api/v1/loan-data?segment=KUR%27--",
        "/api/v1/dashboard/os?kanca=5%27%20OR%20%271", "/api/v1/dashboard/summary?kanca=k%3A%27",
        "/api/v1/uploads/history?uploader=1%20OR%201", "/api/v1/audit?actor=1%20OR%201",
        "/api/v1/audit?action=auth.%25",
        "/api/v1/data/delete/preview?mode=upload&upload=1%20OR%201",
        "/api/v1/data/delete/preview?mode=position&position=2025-10-09%27%20OR%20%271"}) {
    EXPECT_EQ(Probe(target).status, 400) << target;
  }
}

TEST_F(InjectionTest, TheHistoryAndAuditSearchesTakeTheirTextLiterally) {
  auto uploads = [&](const std::string& name) {
    const auto answer = ProbeJson("/api/v1/uploads/history?name=" + http::UrlEncode(name));
    return answer.empty() ? 0u : answer.at("uploads").as_array().size();
  };
  EXPECT_EQ(uploads(""), 2u);
  EXPECT_EQ(uploads("' OR '1'='1"), 0u);
  EXPECT_EQ(uploads("'"), 0u);
  EXPECT_EQ(uploads("%"), 1u);  // only the hostile file's name holds a % and a _
  EXPECT_EQ(uploads("_"), 1u);
  EXPECT_EQ(uploads("\""), 1u);
  EXPECT_EQ(uploads("<IMG SRC"), 1u);

  auto entries = [&](const std::string& q) {
    const auto answer = ProbeJson("/api/v1/audit?q=" + http::UrlEncode(q));
    return answer.empty() ? boost::json::array() : answer.at("entries").as_array();
  };
  const auto all = entries("");
  EXPECT_TRUE(entries("' OR '1'='1").empty());
  for (const auto& q : {std::string("%"), std::string("_"), std::string("=HYPERLINK(")}) {
    const auto found = entries(q);
    EXPECT_FALSE(found.empty()) << q;
    EXPECT_LT(found.size(), all.size()) << q;
    for (const auto& entry : found) {
      EXPECT_NE(boost::json::serialize(entry).find(q), std::string::npos) << q;
    }
  }
}

}  // namespace
}  // namespace smedash::testing
