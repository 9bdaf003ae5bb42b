// The XLS reader, as an upload reaches it: our compound-file and BIFF walk (grid check,
// formula cells), then FreeXL, then every row.
#include <cstddef>
#include <cstdint>

#include "read_rows.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)smedash::fuzz::ReadAsUpload(data, size, ".xls");
  return 0;
}
