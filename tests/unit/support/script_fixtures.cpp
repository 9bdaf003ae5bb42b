#include "support/script_fixtures.hpp"

#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>

#include "support/temp_dir.hpp"

namespace smedash::unit_testing {
namespace {

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

}  // namespace

std::filesystem::path ScriptFixtures(const std::filesystem::path& script,
                                     const std::filesystem::path& cache) {
  const std::filesystem::path done = cache / Fingerprint(ReadFileBytes(script));
  if (std::filesystem::exists(done / ".complete")) return done;

  std::filesystem::create_directories(cache);
  const std::filesystem::path work = UniqueSibling(done, "making");
  std::filesystem::create_directories(work);
  const std::string command = "/usr/bin/python3 '" + script.string() + "' '" + work.string() +
                              "' > '" + work.string() + ".log' 2>&1";
  const int status = std::system(command.c_str());
  if (status != 0) {
    throw std::runtime_error(script.filename().string() + " failed (see " + work.string() +
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

}  // namespace smedash::unit_testing
