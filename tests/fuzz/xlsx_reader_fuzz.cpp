// The XLSX reader, as an upload reaches it (zip directory, inflater, workbook parts, shared
// strings, styles, the sheet), read once with the fast scanner and once with expat: when
// both read the file, they must give the same rows.
#include <cstddef>
#include <cstdint>

#include "fuzz_file.hpp"
#include "ingest/xlsx/xlsx_reader.hpp"
#include "read_rows.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace smedash;
  const auto scanned = fuzz::ReadAsUpload(data, size, ".xlsx");
  if (!scanned) return 0;
  try {
    ingest::XlsxReader reader(fuzz::WriteFuzzFile(data, size), fuzz::FuzzLimits(),
                              ingest::SheetXmlReader::kExpat);
    if (const auto parsed = fuzz::ReadAll(reader)) fuzz::ExpectSameRows(*scanned, *parsed);
  } catch (const ingest::FileError&) {
  }
  return 0;
}
