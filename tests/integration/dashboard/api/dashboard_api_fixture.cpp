#include "dashboard_api_fixture.hpp"

#include <fstream>
#include <sstream>

#include "ingest/import_command.hpp"
#include "ingest/load/load_fixture.hpp"

namespace smedash::testing {

void DashboardApiTest::SetUp() {
  AppTest::SetUp();
  CreateUser("analis", "analis-password-1", core::Role::kUser);
  user_ = SignIn("analis", "analis-password-1");
}

void DashboardApiTest::Import(const std::string& name, const std::string& csv) {
  const auto path = files_.Path() / name;
  std::ofstream(path, std::ios::binary) << csv;
  std::ostringstream out;
  std::ostringstream err;
  const int status = ingest::ImportCommand(connection_string_, {path.string()},
                                           ingest::NumberStyle::kAuto, std::nullopt, out, err);
  ASSERT_EQ(status, 0) << out.str() << err.str();
  AwaitDataVersionHeard();
}

void DashboardApiTest::ImportWorkedExample() {
  Import("contoh.csv", ingest::testing::kWorkedExampleCsv);
}

http::Response DashboardApiTest::Get(const std::string& target,
                                     std::map<std::string, std::string> headers,
                                     const Client* client) {
  return Send(http::Method::kGet, target, client != nullptr ? client : &user_, "",
              std::move(headers));
}

boost::json::object DashboardApiTest::GetJson(const std::string& target) {
  const auto response = Get(target);
  EXPECT_EQ(response.status, 200) << target << ": " << response.body;
  if (response.status != 200) return {};
  return JsonOf(response);
}

std::string Text(const boost::json::value& value) {
  if (value.is_null()) return "null";
  EXPECT_TRUE(value.is_string()) << boost::json::serialize(value);
  return value.is_string() ? std::string(value.as_string()) : "?";
}

std::vector<std::string> TextsOf(const boost::json::value& items) {
  std::vector<std::string> texts;
  for (const auto& item : items.as_array()) texts.push_back(Text(item));
  return texts;
}

std::vector<std::string> Texts(const boost::json::value& items, const std::string& field) {
  std::vector<std::string> texts;
  for (const auto& item : items.as_array()) texts.push_back(Text(item.at(field)));
  return texts;
}

const boost::json::object& Find(const boost::json::value& items, const std::string& field,
                                const std::string& value) {
  for (const auto& item : items.as_array()) {
    const auto* found = item.as_object().if_contains(field);
    if (found != nullptr && found->is_string() && found->as_string() == value) {
      return item.as_object();
    }
  }
  ADD_FAILURE() << "no item with " << field << " = " << value << " in "
                << boost::json::serialize(items);
  static const boost::json::object kNone;
  return kNone;
}

std::map<std::string, std::string> Values(const boost::json::value& row) {
  std::map<std::string, std::string> values;
  for (const auto& [column, value] : row.at("values").as_object()) {
    values[std::string(column)] = Text(value);
  }
  return values;
}

std::string ChangeOf(const boost::json::value& row, const std::string& change) {
  const auto& value = row.at("changes").at(change);
  if (value.is_null()) return "null";
  return Text(value.at("value")) + "|" + Text(value.at("percent"));
}

}  // namespace smedash::testing
