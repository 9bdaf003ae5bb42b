//! Walks the records of a BIFF workbook stream (type, length, data), never past its end,
//! and reads the little-endian integers inside them. Shared by the XLS readers' own scans
//! of the stream (BiffCells, XlsGrid), which run before FreeXL opens the file.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace smedash::ingest::biff {

inline std::uint16_t U16(std::string_view data, std::size_t at) {
  std::uint16_t value;
  std::memcpy(&value, data.data() + at, 2);
  return value;
}

inline std::uint32_t U32(std::string_view data, std::size_t at) {
  std::uint32_t value;
  std::memcpy(&value, data.data() + at, 4);
  return value;
}

struct Record {
  std::uint16_t type = 0;
  std::string_view data;
};

// Walks records from `at`; stops (returns false) at the end or at a record that would run
// past the stream.
class Records {
 public:
  Records(std::string_view stream, std::size_t at) : stream_(stream), at_(at) {}
  bool Next(Record& record) {
    if (at_ + 4 > stream_.size()) return false;
    const std::uint16_t length = U16(stream_, at_ + 2);
    if (at_ + 4 + length > stream_.size()) return false;
    record.type = U16(stream_, at_);
    record.data = stream_.substr(at_ + 4, length);
    at_ += 4 + length;
    return true;
  }

 private:
  std::string_view stream_;
  std::size_t at_;
};

// Record types (MS-XLS 2.3) that more than one scan needs.
inline constexpr std::uint16_t kBof = 0x0809;
inline constexpr std::uint16_t kEof = 0x000A;
inline constexpr std::uint16_t kBiff8 = 0x0600;  // BOF version of Excel 97-2003 files
// Record types (MS-XLS 2.3) that more than one reader of the stream looks at.
inline constexpr std::uint16_t kBoundSheet = 0x0085;
inline constexpr std::uint16_t kFormat = 0x041E;
inline constexpr std::uint16_t kXf = 0x00E0;
inline constexpr std::uint16_t kDateMode = 0x0022;
inline constexpr std::uint16_t kBoolErr = 0x0205;

}  // namespace smedash::ingest::biff
