//! What an upload will do before it is processed: the format and reader, how each header
//! maps, missing and unknown columns, the position dates in the file with their row
//! counts, and the first rows as they will be read. Built from the stored file, no database.
#pragma once
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/columns.hpp"
#include "ingest/open_reader.hpp"
#include "ingest/validate/row_validator.hpp"

namespace smedash::ingest {

// The number style as the upload form, the API and the uploads table spell it.
std::string_view NumberStyleCode(NumberStyle style);  // "auto", "id", "en"
std::optional<NumberStyle> ParseNumberStyle(std::string_view code);

struct PreviewHeader {
  std::string header;            // as written in the file
  std::optional<Column> column;  // none: unknown, ignored (a warning)
  bool duplicate = false;        // names a column an earlier header already names
};

struct PreviewRow {
  std::uint64_t line = 0;        // 1-based file line, as in the issue report
  std::vector<std::string> raw;  // each cell's text, in header order
  // The value that will be stored, per header (none: unknown column, empty cell, or the row
  // is rejected). PostgreSQL text form, as RowValidator gives it.
  std::vector<std::optional<std::string>> values;
  std::vector<RowIssue> issues;
  bool rejected = false;
};

struct PreviewOptions {
  bool scan_periodes = true;  // read the whole file for its PERIODE values
  std::size_t sample_rows = 10;
  // Rows validated after the sample, only while an "auto" number style is undecided.
  std::size_t style_rows = 1000;
};

struct Preview {
  // Whether processing may start; otherwise `problem_key` says why: the import's own
  // refusal key (validate/reasons.hpp, load/file_refusal.hpp) or "upload.preview.no_periode",
  // its placeholders in `problem_args`.
  bool can_process = false;
  std::string problem_key;
  std::map<std::string, std::string> problem_args;

  std::optional<FileFormat> format;
  std::string reader;  // RowReader::Describe()
  std::vector<PreviewHeader> headers;
  std::vector<std::string> missing_required;  // canonical names
  std::vector<std::string> unknown_headers;   // as written
  std::vector<std::string> duplicate_headers;

  bool periodes_scanned = false;
  std::map<std::string, std::uint64_t> periodes;  // "yyyy-mm-dd" → data rows
  std::uint64_t data_rows = 0;                    // counted when scanned, else the rows read
  std::uint64_t rows_without_periode = 0;         // PERIODE empty or unreadable

  std::vector<PreviewRow> rows;                   // the first options.sample_rows data rows
  NumberStyle number_style = NumberStyle::kAuto;  // the style in force (kAuto: undecided)
};

// Never throws for a bad file: a file the reader refuses gives can_process = false with the
// reader's message in problem_args["detail"] (key ingest.file.unreadable).
Preview BuildPreview(const std::filesystem::path& path, const std::string& original_name,
                     NumberStyle style, const PreviewOptions& options = {});

}  // namespace smedash::ingest
