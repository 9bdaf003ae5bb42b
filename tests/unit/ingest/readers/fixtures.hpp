//! Test support for the reader tests: temporary files, the fixture set written by real
//! writers (make_fixtures.py, cached per build tree), and rows rendered as compact text so
//! each case reads as a table of expected rows.
#pragma once
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/open_reader.hpp"
#include "support/temp_dir.hpp"

namespace smedash::ingest::testing {

// A fresh directory under the system temp dir, removed with everything in it.
using TempDir = unit_testing::TempDir;

// The folder holding the files make_fixtures.py writes (openpyxl/, xlsxwriter/,
// libreoffice/, packages/). Made on first use and kept under the build tree keyed by the
// script's content, so the slow LibreOffice step runs once per build, not once per test
// process (ctest runs each test in its own process). Safe when tests run in parallel.
const std::filesystem::path& Fixtures();

// One row as text: "line: cell | cell | ...", each cell "t:text", "n:number", "d:date",
// "b:bool" or "-" (empty).
std::string RenderRow(std::uint64_t line, const Row& row);

// Every row of `path`, rendered, read through DetectFormat(path, name) + OpenReader.
std::vector<std::string> ReadAll(const std::filesystem::path& path, const std::string& name,
                                 const ReaderLimits& limits = ReaderLimits::Defaults());

// The FileError message reading `path` ends with, or "" when it reads to the end.
std::string ReadError(const std::filesystem::path& path, const std::string& name,
                      const ReaderLimits& limits = ReaderLimits::Defaults());

// The FileError reading `path` ends with, or nullopt when it reads to the end.
std::optional<FileError> ReadFailure(const std::filesystem::path& path, const std::string& name,
                                     const ReaderLimits& limits = ReaderLimits::Defaults());

// Checks a keyed refusal: its key and arguments, that web/i18n/id/ingest.json's text for
// the key, filled with them, is the error's own message (what error_log keeps and
// `smedash import` prints), and that English has a complete text of its own.
void ExpectRefusal(const FileError& error, std::string_view key,
                   const std::map<std::string, std::string>& args);

}  // namespace smedash::ingest::testing
