//! The App on a fresh database with a signed-in user (role "user": the dashboards are for
//! everyone), loan files loaded through the real import path (`smedash import`), and
//! helpers to call the dashboard API and read its JSON.
#pragma once
#include <boost/json.hpp>
#include <map>
#include <string>
#include <vector>

#include "accounts/app_fixture.hpp"
#include "support/temp_dir.hpp"

namespace smedash::testing {

class DashboardApiTest : public AppTest {
 protected:
  void SetUp() override;

  // Imports `csv` as file `name` through ingest::ImportCommand (an uploads row, the COPY,
  // the aggregates); fails the test unless the file completed.
  void Import(const std::string& name, const std::string& csv);
  // domain.md section 10.
  void ImportWorkedExample();

  http::Response Get(const std::string& target, std::map<std::string, std::string> headers = {},
                     const Client* client = nullptr);
  // GET as the signed-in user, expecting 200; the body.
  boost::json::object GetJson(const std::string& target);

  Client user_;
  TempDir files_{"smedash-dashboard-api"};
};

// A string value's text, "null" for null; fails the test for anything else.
std::string Text(const boost::json::value& value);
// The texts of an array of strings (or nulls).
std::vector<std::string> TextsOf(const boost::json::value& items);
// The texts of `field` in each object of `items`.
std::vector<std::string> Texts(const boost::json::value& items, const std::string& field);
// The first object of `items` whose `field` has the string `value`; fails when none.
const boost::json::object& Find(const boost::json::value& items, const std::string& field,
                                const std::string& value);
// row.values (A..E, Y) as {"A": "...", ...} texts.
std::map<std::string, std::string> Values(const boost::json::value& row);
// row.changes[change] as "value|percent" ("null" for a null change).
std::string ChangeOf(const boost::json::value& row, const std::string& change);

}  // namespace smedash::testing
