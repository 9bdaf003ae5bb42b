//! Helpers for the row validator's tests: header rows of both layouts, cells of each kind,
//! a valid base row to vary one cell of, and a check that an issue's message is complete
//! in both languages.
#pragma once
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/columns.hpp"
#include "ingest/mapping/column_map.hpp"
#include "ingest/sheet.hpp"
#include "ingest/validate/row_validator.hpp"

namespace smedash::ingest::testing {

inline Cell Text(std::string text) { return Cell{Cell::Kind::kText, std::move(text)}; }
inline Cell Number(std::string text) { return Cell{Cell::Kind::kNumber, std::move(text)}; }
inline Cell DateCell(std::string iso) { return Cell{Cell::Kind::kDate, std::move(iso)}; }
inline Cell Bool(bool value) { return Cell{Cell::Kind::kBool, value ? "TRUE" : "FALSE"}; }
inline Cell Empty() { return Cell{}; }

inline Row HeaderRow(const std::vector<std::string>& names) {
  Row row;
  for (const auto& name : names) row.push_back(Text(name));
  return row;
}

// The seed's 38 columns, in its order.
inline std::vector<std::string> Layout38() {
  std::vector<std::string> names;
  for (const auto& spec : Columns()) {
    if (spec.column == Column::kPnRm) break;
    names.emplace_back(spec.header);
  }
  return names;
}

// The later 33 columns: the first 28, then PN RM, NAMA RM, OS, NASABAH, DUB NASABAH.
inline std::vector<std::string> Layout33() {
  std::vector<std::string> names;
  for (const auto& spec : Columns()) {
    if (names.size() < 28 || spec.column >= Column::kPnRm) names.emplace_back(spec.header);
  }
  return names;
}

// Every column of both layouts, so one fixture can exercise each of them.
inline std::vector<std::string> AllColumns() {
  std::vector<std::string> names;
  for (const auto& spec : Columns()) names.emplace_back(spec.header);
  return names;
}

// A valid value for each column that needs one; the rest stay empty.
inline const std::map<std::string, std::string>& BaseValues() {
  static const std::map<std::string, std::string> values = {
      {"PERIODE", "09/10/2025"},
      {"KANCA", "KC Bandung AA"},
      {"KODE UKER", "5"},
      {"UKER", "KC Bandung AA"},
      {"NOMOR REKENING", "100000000000001"},
      {"NAMA DEBITUR", "PT Satu"},
      {"CIFNO", "C1"},
      {"CODE", "42210"},
      {"KOL_ADK", "1"},
      {"FLAG RESTRUK", "N"},
      {"KOLEKTIBILITAS LANCAR", "1000"},
  };
  return values;
}

inline std::size_t Idx(Column column) { return static_cast<std::size_t>(column); }

// One file's validator with a base row whose cells a test replaces.
class RowFixture {
 public:
  explicit RowFixture(std::vector<std::string> headers = AllColumns(),
                      NumberStyle style = NumberStyle::kAuto, bool semicolon = false)
      : headers_(std::move(headers)),
        map_(MapHeader(HeaderRow(headers_))),
        validator_(map_, style, semicolon) {}

  Row Base() const {
    Row row;
    for (const auto& name : headers_) {
      auto it = BaseValues().find(name);
      row.push_back(it == BaseValues().end() ? Empty() : Text(it->second));
    }
    return row;
  }
  Row With(std::map<std::string, Cell> cells) const {
    Row row = Base();
    for (auto& [name, cell] : cells) {
      bool found = false;
      for (std::size_t i = 0; i < headers_.size(); ++i) {
        if (headers_[i] == name) {
          row[i] = cell;
          found = true;
        }
      }
      EXPECT_TRUE(found) << "no column " << name << " in this fixture";
    }
    return row;
  }
  bool Run(const Row& row) {
    issues.clear();
    return validator_.Validate(row, ++line_, out, issues);
  }
  RowValidator& Validator() { return validator_; }
  const ColumnMap& Map() const { return map_; }

  ValidatedRow out;
  std::vector<RowIssue> issues;

 private:
  std::vector<std::string> headers_;
  ColumnMap map_;
  RowValidator validator_;
  std::uint64_t line_ = 1;
};

// web/i18n/<lang>/ingest.json as key → text.
inline const std::map<std::string, std::string>& Messages(const std::string& lang) {
  static std::map<std::string, std::map<std::string, std::string>> cache;
  auto& texts = cache[lang];
  if (texts.empty()) {
    std::ifstream in(std::string(SMEDASH_WEB_ROOT) + "/i18n/" + lang + "/ingest.json");
    std::string json((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const boost::json::value parsed = boost::json::parse(json);
    for (const auto& [key, value] : parsed.as_object()) {
      texts.emplace(std::string(key), std::string(value.as_string()));
    }
  }
  return texts;
}

// Placeholders ("{column}") of a message text.
inline std::vector<std::string> Placeholders(const std::string& text) {
  std::vector<std::string> names;
  for (auto open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
    auto close = text.find('}', open);
    if (close == std::string::npos) break;
    names.push_back(text.substr(open + 1, close - open - 1));
  }
  return names;
}

// The issue's message exists in both languages and every placeholder has its argument.
inline void ExpectCompleteMessage(const RowIssue& issue) {
  for (std::string lang : {"id", "en"}) {
    const auto& texts = Messages(lang);
    auto it = texts.find(issue.reason_key);
    ASSERT_NE(it, texts.end()) << lang << " lacks " << issue.reason_key;
    for (const auto& name : Placeholders(it->second)) {
      EXPECT_TRUE(issue.args.count(name)) << issue.reason_key << " needs {" << name << "}";
    }
  }
}

}  // namespace smedash::ingest::testing
