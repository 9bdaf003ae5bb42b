#include "fixtures.hpp"

#include <gtest/gtest.h>

#include "support/script_fixtures.hpp"
#include "ui/i18n.hpp"

namespace smedash::ingest::testing {
namespace {

const char* KindTag(Cell::Kind kind) {
  switch (kind) {
    case Cell::Kind::kEmpty:
      return "-";
    case Cell::Kind::kText:
      return "t:";
    case Cell::Kind::kNumber:
      return "n:";
    case Cell::Kind::kDate:
      return "d:";
    case Cell::Kind::kBool:
      return "b:";
  }
  return "?";
}

}  // namespace

const std::filesystem::path& Fixtures() {
  static const std::filesystem::path folder =
      unit_testing::ScriptFixtures(READERS_FIXTURE_SCRIPT, READERS_FIXTURE_CACHE);
  return folder;
}

std::string RenderRow(std::uint64_t line, const Row& row) {
  std::string text = std::to_string(line) + ":";
  for (std::size_t i = 0; i < row.size(); ++i) {
    text += i == 0 ? " " : " | ";
    text += KindTag(row[i].kind);
    text += row[i].text;
  }
  return text;
}

std::vector<std::string> ReadAll(const std::filesystem::path& path, const std::string& name,
                                 const ReaderLimits& limits) {
  auto reader = OpenReader(path, DetectFormat(path, name), limits);
  std::vector<std::string> rows;
  Row row;
  while (reader->Next(row)) rows.push_back(RenderRow(reader->Line(), row));
  return rows;
}

std::string ReadError(const std::filesystem::path& path, const std::string& name,
                      const ReaderLimits& limits) {
  const auto error = ReadFailure(path, name, limits);
  return error ? error->what() : "";
}

std::optional<FileError> ReadFailure(const std::filesystem::path& path, const std::string& name,
                                     const ReaderLimits& limits) {
  try {
    ReadAll(path, name, limits);
  } catch (const FileError& error) {
    return error;
  }
  return std::nullopt;
}

void ExpectRefusal(const FileError& error, std::string_view key,
                   const std::map<std::string, std::string>& args) {
  static const ui::Translations texts(std::filesystem::path(SMEDASH_WEB_ROOT) / "i18n");
  EXPECT_EQ(error.Key(), key) << error.what();
  EXPECT_EQ(error.Args(), args) << error.what();
  const std::string indonesian = texts.Get("id", error.Key(), error.Args());
  const std::string english = texts.Get("en", error.Key(), error.Args());
  EXPECT_EQ(indonesian, error.what());
  EXPECT_NE(english, error.Key()) << "no English text";
  EXPECT_NE(english, indonesian) << "English is the Indonesian text";
  EXPECT_EQ(english.find('{'), std::string::npos) << english;
}

}  // namespace smedash::ingest::testing
