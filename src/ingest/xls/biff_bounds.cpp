#include "ingest/xls/biff_bounds.hpp"

#include <array>
#include <cstdint>
#include <vector>

#include "ingest/sheet.hpp"
#include "ingest/xls/biff_records.hpp"

namespace smedash::ingest {
namespace {

using biff::kBiff8;
using biff::kBof;
using biff::kBoolErr;
using biff::kBoundSheet;
using biff::kDateMode;
using biff::kFormat;
using biff::kXf;
using biff::Record;
using biff::Records;
using biff::U16;
using biff::U32;

constexpr std::uint16_t kBiff5 = 0x0500;
constexpr std::uint16_t kLabel = 0x0204;
constexpr std::uint16_t kSst = 0x00FC;
constexpr std::uint16_t kContinue = 0x003C;

// The bytes FreeXL reads at fixed places from each record it parses (BIFF8, BIFF5): the
// end of the last field it reads. Its text-holding records are checked in CheckRecord.
struct FixedFields {
  std::uint16_t type;
  std::uint8_t biff8;
  std::uint8_t biff5;
};
constexpr std::array<FixedFields, 11> kFixedFields{{
    {kBof, 4, 4},       // version, substream type
    {0x0042, 2, 2},     // CODEPAGE
    {kDateMode, 2, 2},  // DATEMODE
    {0x0200, 12, 8},    // DIMENSIONS: last row, last column
    {kXf, 4, 4},        // XF: format index
    {0x0203, 14, 14},   // NUMBER: row, column, format, the double
    {kBoolErr, 7, 7},   // BOOLERR: row, column, format, the value
    {0x027E, 10, 10},   // RK: row, column, format, the value
    {0x00BD, 4, 4},     // MULRK: row, first column (FreeXL bounds the cells itself)
    {0x00FD, 10, 10},   // LABELSST: row, column, format, string index
    {kSst, 8, 8},       // total and unique string counts
}};

// FreeXL copies each record into one reused buffer and reads its fields at fixed places,
// so a record too short for them, or a text longer than its record, makes it read what an
// earlier record left there, or past the buffer.
void Require(bool fits) {
  if (!fits) {
    throw FileError(
        "File XLS rusak: isi salah satu catatannya melampaui panjang catatan itu. "
        "Buka di Excel, simpan ulang sebagai .xlsx, lalu unggah lagi.");
  }
}

// The header of a BIFF8 string (MS-XLS 2.5.293) from its flags byte at `at`: bit 0, two
// bytes per character; bit 3, a 16-bit count of 4-byte formatting runs; bit 2, a 32-bit
// size of phonetic data. The runs and phonetic data follow the characters.
struct StringHeader {
  std::size_t bytes = 1;  // the flags byte and the counts
  std::size_t width = 1;
  std::uint64_t trailing = 0;
};

StringHeader ReadHeader(std::string_view data, std::size_t at) {
  Require(at < data.size());
  const auto flags = static_cast<unsigned char>(data[at]);
  StringHeader header;
  header.width = (flags & 0x01) != 0 ? 2 : 1;
  if ((flags & 0x08) != 0) {
    Require(at + header.bytes + 2 <= data.size());
    header.trailing += std::uint64_t{4} * U16(data, at + header.bytes);
    header.bytes += 2;
  }
  if ((flags & 0x04) != 0) {
    Require(at + header.bytes + 4 <= data.size());
    header.trailing += U32(data, at + header.bytes);
    header.bytes += 4;
  }
  Require(at + header.bytes <= data.size());
  return header;
}

// A string whose `count` characters start with the flags byte at `at`, whole in `data`.
void CheckString8(std::string_view data, std::size_t at, std::uint64_t count) {
  const StringHeader header = ReadHeader(data, at);
  Require(at + header.bytes + count * header.width <= data.size());
}

void CheckRecord(const Record& record, bool biff8) {
  const std::string_view data = record.data;
  for (const FixedFields& fixed : kFixedFields) {
    if (fixed.type == record.type) Require(data.size() >= (biff8 ? fixed.biff8 : fixed.biff5));
  }
  switch (record.type) {
    case kBoundSheet:  // stream offset (4), state, type, count (1), then the name
      Require(data.size() >= (biff8 ? 8u : 7u));
      if (biff8) {
        // FreeXL reads two bytes a character whenever the flags byte is not zero.
        const std::size_t width = data[7] == 0 ? 1 : 2;
        Require(8 + std::size_t{static_cast<unsigned char>(data[6])} * width <= data.size());
      } else {
        Require(7 + std::size_t{static_cast<unsigned char>(data[6])} <= data.size());
      }
      break;
    case kFormat:  // format index (2), count (BIFF8: 2, BIFF5: 1), then the code
      if (biff8) {
        Require(data.size() >= 5);
        CheckString8(data, 4, U16(data, 2));
      } else {
        Require(data.size() >= 3);
        Require(3 + std::size_t{static_cast<unsigned char>(data[2])} <= data.size());
      }
      break;
    case kLabel:  // row, column, format (2 each), count (2), then the text
      if (biff8) {
        Require(data.size() >= 9);
        CheckString8(data, 8, U16(data, 6));
      } else {
        Require(data.size() >= 8);
        Require(8 + std::size_t{U16(data, 6)} <= data.size());
      }
      break;
    default:
      break;
  }
}

// The shared string table: the SST record (total and unique counts, 4 bytes each, then
// the strings) and the CONTINUE records after it, as FreeXL reads them. A string's header
// never splits; its characters may go on in the next record after a fresh flags byte
// (MS-XLS 2.5.293), which FreeXL follows once, copying the rest with no bound.
void CheckSharedStrings(const std::vector<std::string_view>& pieces) {
  std::size_t piece = 0;
  std::string_view data = pieces[0];
  Require(data.size() >= 8);
  const std::uint32_t unique = U32(data, 4);
  std::size_t at = 8;
  // Every string takes at least 3 bytes, so a hostile count ends with the records.
  for (std::uint32_t index = 0; index < unique; ++index) {
    if (at == data.size()) {
      Require(++piece < pieces.size());
      data = pieces[piece];
      at = 0;
    }
    Require(at + 3 <= data.size());
    const std::uint64_t count = U16(data, at);
    const StringHeader header = ReadHeader(data, at + 2);
    at += 2 + header.bytes;
    std::uint64_t bytes = count * header.width;
    if (at + bytes > data.size()) {
      const std::size_t here = data.size() - at;
      Require(here % header.width == 0);  // characters never split between records
      Require(++piece < pieces.size());
      data = pieces[piece];
      Require(!data.empty());
      bytes = (count - here / header.width) * ((data[0] & 0x01) != 0 ? 2 : 1);
      at = 1;
      Require(at + bytes <= data.size());
    }
    at += bytes;
    // FreeXL skips the runs and phonetic data within the record the characters end in.
    Require(at + header.trailing <= data.size());
    at += header.trailing;
  }
}

}  // namespace

void CheckBiffBounds(std::string_view stream) {
  Records records(stream, 0);
  Record record;
  // FreeXL takes the BIFF version of the whole stream from its first BOF.
  if (!records.Next(record) || record.type != kBof) return;
  Require(record.data.size() >= 4);
  const std::uint16_t version = U16(record.data, 0);
  if (version != kBiff8 && version != kBiff5) return;
  const bool biff8 = version == kBiff8;
  std::vector<std::string_view> sst;
  bool sst_open = false;  // FreeXL hands CONTINUE records to the SST just before them
  while (records.Next(record)) {
    if (record.type == kContinue) {
      if (sst_open) sst.push_back(record.data);
      continue;
    }
    sst_open = record.type == kSst;
    if (sst_open) {
      Require(sst.empty());  // one table per workbook: FreeXL would take a second as more
      sst.push_back(record.data);
    }
    CheckRecord(record, biff8);
  }
  if (!sst.empty()) CheckSharedStrings(sst);
}

}  // namespace smedash::ingest
