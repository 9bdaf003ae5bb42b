#include "ingest/source/file_source.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "ingest/sheet.hpp"

namespace smedash::ingest {

FileSource::FileSource(const std::filesystem::path& path) {
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) {
    throw FileError("File tidak dapat dibuka: " + std::string(std::strerror(errno)) + ".");
  }
  struct stat info {};
  if (::fstat(fd_, &info) != 0 || !S_ISREG(info.st_mode)) {
    ::close(fd_);
    throw FileError("File tidak dapat dibaca: bukan file biasa.");
  }
  size_ = static_cast<std::uint64_t>(info.st_size);
  // One front-to-back pass: let the kernel read ahead generously.
  ::posix_fadvise(fd_, 0, 0, POSIX_FADV_SEQUENTIAL);
}

FileSource::~FileSource() {
  if (fd_ >= 0) ::close(fd_);
}

std::size_t FileSource::Read(char* dest, std::size_t size) {
  std::size_t done = 0;
  while (done < size) {
    const ssize_t got = ::read(fd_, dest + done, size - done);
    if (got < 0) {
      if (errno == EINTR) continue;
      throw FileError("Gagal membaca file: " + std::string(std::strerror(errno)) + ".");
    }
    if (got == 0) break;
    done += static_cast<std::size_t>(got);
  }
  bytes_read_ += done;
  return done;
}

}  // namespace smedash::ingest
