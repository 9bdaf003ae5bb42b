#include "fixtures.hpp"

#include "support/script_fixtures.hpp"

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
  try {
    ReadAll(path, name, limits);
  } catch (const FileError& error) {
    return error.what();
  }
  return "";
}

}  // namespace smedash::ingest::testing
