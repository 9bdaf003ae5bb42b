//! Fixtures written at test time by real writers (openpyxl, xlsxwriter, LibreOffice) from a
//! Python script, made once per build tree: ctest runs each test in its own process, and
//! the LibreOffice step takes seconds.
#pragma once
#include <filesystem>

namespace smedash::unit_testing {

// Runs `python3 script OUTDIR` unless `cache` already holds its output for this content of
// the script (keyed by a hash of it: edit the script and the fixtures are made again), and
// returns OUTDIR. Safe when test processes run in parallel. Throws std::runtime_error when
// the script fails, naming its log.
std::filesystem::path ScriptFixtures(const std::filesystem::path& script,
                                     const std::filesystem::path& cache);

}  // namespace smedash::unit_testing
