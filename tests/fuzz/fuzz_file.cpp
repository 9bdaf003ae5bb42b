#include "fuzz_file.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

namespace smedash::fuzz {

const std::filesystem::path& WriteFuzzFile(const std::uint8_t* data, std::size_t size) {
  static const int fd = memfd_create("smedash-fuzz", 0);
  static const std::filesystem::path path = "/proc/self/fd/" + std::to_string(fd);
  if (fd < 0 || ftruncate(fd, 0) != 0) std::abort();
  std::size_t done = 0;
  while (done < size) {
    const ssize_t wrote = pwrite(fd, data + done, size - done, static_cast<off_t>(done));
    if (wrote <= 0) std::abort();
    done += static_cast<std::size_t>(wrote);
  }
  return path;
}

}  // namespace smedash::fuzz
