// Reads one file through DetectFormat + OpenReader and prints what a reader hands on: the
// first rows (--dump N) and the speed. Not a test: the manual benchmark and debugging aid
// for the readers (run it under /usr/bin/time -v for peak RSS), e.g.
//   ingest_read_file big.csv --dump 3
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "ingest/open_reader.hpp"
#include "ingest/xlsx/xlsx_reader.hpp"

namespace {

const char* KindName(smedash::ingest::Cell::Kind kind) {
  using Kind = smedash::ingest::Cell::Kind;
  switch (kind) {
    case Kind::kEmpty:
      return "empty";
    case Kind::kText:
      return "text";
    case Kind::kNumber:
      return "number";
    case Kind::kDate:
      return "date";
    case Kind::kBool:
      return "bool";
  }
  return "?";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s FILE [--name ORIGINAL_NAME] [--dump N] [--expat 1]\n", argv[0]);
    return 2;
  }
  const std::string path = argv[1];
  std::string name = path;
  long dump = 0;
  bool expat = false;  // XLSX: read the sheet with expat instead of the scanner
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--name") name = argv[i + 1];
    if (flag == "--dump") dump = std::atol(argv[i + 1]);
    if (flag == "--expat") expat = std::atol(argv[i + 1]) != 0;
  }
  try {
    const auto start = std::chrono::steady_clock::now();
    const auto format = smedash::ingest::DetectFormat(path, name);
    auto reader = expat && format == smedash::ingest::FileFormat::kXlsx
                      ? std::make_unique<smedash::ingest::XlsxReader>(
                            path, smedash::ingest::ReaderLimits::Defaults(),
                            smedash::ingest::SheetXmlReader::kExpat)
                      : smedash::ingest::OpenReader(path, format);
    smedash::ingest::Row row;
    unsigned long long rows = 0;
    unsigned long long cells = 0;
    while (reader->Next(row)) {
      ++rows;
      cells += row.size();
      if (static_cast<long>(rows) <= dump) {
        std::printf("line %llu:", static_cast<unsigned long long>(reader->Line()));
        for (const auto& cell : row)
          std::printf(" [%s %s]", KindName(cell.kind), cell.text.c_str());
        std::printf("\n");
      }
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double megabytes = static_cast<double>(reader->BytesRead()) / 1e6;
    std::printf("%s\nrows %llu cells %llu bytes %llu seconds %.3f rows/s %.0f MB/s %.1f\n",
                reader->Describe().c_str(), rows, cells,
                static_cast<unsigned long long>(reader->BytesRead()), seconds, rows / seconds,
                megabytes / seconds);
  } catch (const smedash::ingest::FileError& error) {
    std::printf("FileError: %s\n", error.what());
    return 1;
  }
  return 0;
}
