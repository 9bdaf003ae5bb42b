// `smedash import` as the lead wires it: one JSON object per file, exit codes, --user.
#include "ingest/import_command.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <sstream>
#include <string>

#include "load_fixture.hpp"

namespace smedash::ingest::testing {
namespace {

std::vector<boost::json::object> JsonLines(const std::string& text) {
  std::vector<boost::json::object> objects;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    objects.push_back(boost::json::parse(line).as_object());
  }
  return objects;
}

using ImportCommandTest = LoadTest;

TEST_F(ImportCommandTest, PrintsOneObjectPerFileAndFailsWhenOneIsRefused) {
  const auto good = WriteFile("contoh.csv", kWorkedExampleCsv);
  const auto bad = WriteFile("buruk.csv", "PERIODE,KANCA\n09/10/2025,KC Garut\n");
  std::ostringstream out, err;
  const int code = ImportCommand(connection_string_, {good.string(), bad.string()},
                                 NumberStyle::kAuto, std::nullopt, out, err);
  EXPECT_EQ(code, 1);
  const auto lines = JsonLines(out.str());
  ASSERT_EQ(lines.size(), 2u) << out.str();
  EXPECT_EQ(lines[0].at("file").as_string(), good.string());
  EXPECT_EQ(lines[0].at("status").as_string(), "completed");
  EXPECT_EQ(lines[0].at("rows_total").to_number<int>(), 20);
  EXPECT_EQ(lines[0].at("rows_accepted").to_number<int>(), 20);
  EXPECT_EQ(lines[0].at("rows_rejected").to_number<int>(), 0);
  EXPECT_EQ(lines[0].at("rows_replaced").to_number<int>(), 0);
  EXPECT_EQ(boost::json::serialize(lines[0].at("periodes")),
            R"(["2024-12-31","2025-09-30","2025-10-08","2025-10-09"])");
  EXPECT_GE(lines[0].at("seconds").to_number<double>(), 0.0);
  EXPECT_FALSE(lines[0].contains("error"));
  EXPECT_EQ(lines[1].at("status").as_string(), "failed");
  EXPECT_EQ(lines[1].at("error_key").as_string(), "ingest.file.missing_columns");
  EXPECT_FALSE(lines[1].at("error").as_string().empty());

  EXPECT_EQ(Value("SELECT (uploaded_by IS NULL AND stored_path = $1 AND file_name = 'contoh.csv' "
                  "AND file_size = $2 AND length(sha256) = 64 AND number_style = 'auto')::text "
                  "FROM uploads WHERE id = $3",
                  good.string(), std::filesystem::file_size(good),
                  lines[0].at("upload_id").to_number<std::int64_t>()),
            "true");
  EXPECT_EQ(Value("SELECT (actor_id IS NULL)::text FROM audit_log WHERE action = 'upload.load'"),
            "true");
}

TEST_F(ImportCommandTest, RecordsTheUserAndSummarisesRejects) {
  const std::int64_t user_id = CreateUser("operator");
  const auto file = WriteFile("campur.csv",
                              "PERIODE,KANCA,KODE UKER,NOMOR REKENING,CIFNO,CODE,KOL_ADK,OS\n"
                              "10/10/2025,KC Garut,25,111,C1,43207,9,100\n"
                              "10/10/2025,KC Garut,25,222,C2,43207,1,250\n");
  std::ostringstream out, err;
  EXPECT_EQ(ImportCommand(connection_string_, {file.string()}, NumberStyle::kIndonesian,
                          std::string("operator"), out, err),
            0);
  const auto lines = JsonLines(out.str());
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].at("rows_rejected").to_number<int>(), 1);
  EXPECT_NE(err.str().find("line 2"), std::string::npos) << err.str();
  EXPECT_NE(err.str().find("KOL_ADK"), std::string::npos) << err.str();
  EXPECT_EQ(Value("SELECT uploaded_by || '|' || number_style FROM uploads"),
            std::to_string(user_id) + "|id");
}

TEST_F(ImportCommandTest, UnknownUserImportsNothing) {
  const auto file = WriteFile("contoh.csv", kWorkedExampleCsv);
  std::ostringstream out, err;
  EXPECT_EQ(ImportCommand(connection_string_, {file.string()}, NumberStyle::kAuto,
                          std::string("nobody"), out, err),
            2);
  EXPECT_EQ(out.str(), "");
  EXPECT_EQ(Value("SELECT count(*) FROM uploads"), "0");
}

TEST_F(ImportCommandTest, MissingFileIsReportedAndFails) {
  std::ostringstream out, err;
  EXPECT_EQ(ImportCommand(connection_string_, {(dir_.Path() / "nope.csv").string()},
                          NumberStyle::kAuto, std::nullopt, out, err),
            1);
  const auto lines = JsonLines(out.str());
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].at("status").as_string(), "failed");
}

}  // namespace
}  // namespace smedash::ingest::testing
