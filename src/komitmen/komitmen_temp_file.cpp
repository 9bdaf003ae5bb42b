#include "komitmen/komitmen_temp_file.hpp"

#include <stdlib.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <system_error>

namespace smedash::komitmen {
namespace {

// The extension only, and only when short and plain: the rest of the name is the admin's.
std::string ExtensionOf(std::string_view name) {
  const auto extension = std::filesystem::path(std::string(name)).extension().string();
  if (extension.size() > 8) return "";
  for (char c : extension.substr(extension.empty() ? 0 : 1)) {
    if (!std::isalnum(static_cast<unsigned char>(c))) return "";
  }
  return extension;
}

}  // namespace

TempFile::TempFile(std::string_view content, std::string_view original_name) {
  const std::string extension = ExtensionOf(original_name);
  std::string pattern =
      (std::filesystem::temp_directory_path() / "smedash-komitmen-XXXXXX").string() + extension;
  const int fd = mkstemps(pattern.data(), static_cast<int>(extension.size()));
  if (fd < 0) throw std::system_error(errno, std::generic_category(), "komitmen temp file");
  path_ = pattern;
  std::size_t written = 0;
  while (written < content.size()) {
    const ssize_t count = ::write(fd, content.data() + written, content.size() - written);
    if (count < 0 && errno == EINTR) continue;
    if (count < 0) {
      const int error = errno;
      ::close(fd);
      std::filesystem::remove(path_);
      throw std::system_error(error, std::generic_category(), "komitmen temp file");
    }
    written += static_cast<std::size_t>(count);
  }
  ::close(fd);
}

TempFile::~TempFile() {
  std::error_code ignored;
  std::filesystem::remove(path_, ignored);
}

}  // namespace smedash::komitmen
