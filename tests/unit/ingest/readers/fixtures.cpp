#include "fixtures.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace smedash::ingest::testing {
namespace {

std::string ReadText(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// FNV-1a: a stable key for the cache folder (std::hash may differ between builds).
std::string Fingerprint(const std::string& text) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  std::ostringstream hex;
  hex << std::hex << hash;
  return hex.str();
}

std::filesystem::path UniqueSibling(const std::filesystem::path& base, const std::string& tag) {
  std::random_device random;
  return base.string() + "." + tag + "." + std::to_string(::getpid()) + "." +
         std::to_string(random());
}

std::filesystem::path MakeFixtures() {
  const std::filesystem::path script = READERS_FIXTURE_SCRIPT;
  const std::filesystem::path cache = READERS_FIXTURE_CACHE;
  const std::filesystem::path done = cache / Fingerprint(ReadText(script));
  if (std::filesystem::exists(done / ".complete")) return done;

  std::filesystem::create_directories(cache);
  const std::filesystem::path work = UniqueSibling(done, "making");
  std::filesystem::create_directories(work);
  const std::string command = "/usr/bin/python3 '" + script.string() + "' '" + work.string() +
                              "' > '" + work.string() + ".log' 2>&1";
  const int status = std::system(command.c_str());
  if (status != 0) {
    throw std::runtime_error("make_fixtures.py failed (see " + work.string() +
                             ".log); it needs python3-openpyxl, python3-xlsxwriter and "
                             "libreoffice-calc-nogui (scripts/install-deps)");
  }
  std::filesystem::remove(work.string() + ".log");
  std::ofstream(work / ".complete") << "ok\n";
  // Whoever renames first wins; a process that loses the race uses the winner's files.
  std::error_code error;
  std::filesystem::rename(work, done, error);
  if (error) std::filesystem::remove_all(work);
  return done;
}

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

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "readers-test-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::filesystem::path TempDir::Write(const std::string& name, const std::string& bytes) const {
  const auto file = path_ / name;
  std::ofstream(file, std::ios::binary) << bytes;
  return file;
}

const std::filesystem::path& Fixtures() {
  static const std::filesystem::path folder = MakeFixtures();
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
