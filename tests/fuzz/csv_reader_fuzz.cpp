// The CSV reader, as an upload reaches it: DetectFormat under a .csv name, then every row.
#include <cstddef>
#include <cstdint>

#include "read_rows.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)smedash::fuzz::ReadAsUpload(data, size, ".csv");
  return 0;
}
