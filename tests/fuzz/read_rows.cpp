#include "read_rows.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>

#include "fuzz_file.hpp"

namespace smedash::fuzz {

ingest::ReaderLimits FuzzLimits() {
  ingest::ReaderLimits limits;
  limits.read_buffer_bytes = 4096;  // the smallest allowed: records cross buffer ends
  limits.max_field_bytes = 4096;
  limits.max_fields_per_row = 1024;
  limits.max_shared_strings_bytes = 1 << 20;
  limits.inflate_ratio_floor_bytes = 1 << 20;
  limits.max_entry_bytes = 16 << 20;
  limits.max_zip_entries = 64;
  limits.max_xls_cells = 1 << 16;
  return limits;
}

std::optional<std::vector<ingest::Row>> ReadAll(ingest::RowReader& reader) {
  std::vector<ingest::Row> rows;
  ingest::Row row;
  try {
    while (reader.Next(row)) {
      // The accessors the pipeline calls on every row.
      (void)reader.Line();
      (void)reader.BytesRead();
      rows.push_back(row);
    }
    (void)reader.Describe();
  } catch (const ingest::FileError&) {
    return std::nullopt;
  }
  return rows;
}

std::optional<std::vector<ingest::Row>> ReadAsUpload(const std::uint8_t* data, std::size_t size,
                                                     const char* extension) {
  const auto& path = WriteFuzzFile(data, size);
  try {
    const auto format = ingest::DetectFormat(path, std::string("upload") + extension);
    const auto reader = ingest::OpenReader(path, format, FuzzLimits());
    return ReadAll(*reader);
  } catch (const ingest::FileError&) {
    return std::nullopt;
  }
}

void ExpectSameRows(const std::vector<ingest::Row>& a, const std::vector<ingest::Row>& b) {
  bool same = a.size() == b.size();
  for (std::size_t i = 0; same && i < a.size(); ++i) {
    same = a[i].size() == b[i].size();
    for (std::size_t j = 0; same && j < a[i].size(); ++j) {
      same = a[i][j].kind == b[i][j].kind && a[i][j].text == b[i][j].text;
    }
  }
  if (!same) {
    std::fprintf(stderr, "readers disagree: %zu rows against %zu\n", a.size(), b.size());
    std::abort();
  }
}

}  // namespace smedash::fuzz
