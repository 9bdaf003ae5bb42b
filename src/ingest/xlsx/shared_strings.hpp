//! The shared string table of an XLSX workbook (xl/sharedStrings.xml). Cells refer to it
//! by index, so it must be in memory: it is kept compact (one text arena plus offsets)
//! and capped by ReaderLimits::max_shared_strings_bytes.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/source/reader_limits.hpp"
#include "ingest/xlsx/zip_archive.hpp"

namespace smedash::ingest {

class SharedStrings {
 public:
  SharedStrings() = default;
  // Reads the whole part. Rich text runs are joined; phonetic runs (<rPh>) are left out,
  // as Excel shows them. Throws FileError past the limit or for malformed XML.
  SharedStrings(const ZipArchive& archive, std::uint64_t index, const std::string& name,
                const ReaderLimits& limits);

  std::size_t Size() const { return ends_.size(); }
  // The string at `index`; the caller checks index < Size().
  std::string_view At(std::size_t index) const {
    const std::uint32_t begin = index == 0 ? 0 : ends_[index - 1];
    return std::string_view(text_.data() + begin, ends_[index] - begin);
  }
  // The memory held (capacity, not size), as counted against the limit.
  std::uint64_t Bytes() const {
    return text_.capacity() + ends_.capacity() * sizeof(std::uint32_t);
  }

  void Add(std::string_view text);

 private:
  // Grown by a quarter at a time, not doubled, so the memory held stays close to the
  // text (and to the limit): both vectors reserve exactly what they are asked for.
  std::vector<char> text_;           // every string, back to back
  std::vector<std::uint32_t> ends_;  // end offset of each string in text_ (< 4 GiB: the
                                     // limit is checked before it could wrap)
};

}  // namespace smedash::ingest
