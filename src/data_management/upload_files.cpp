#include "data_management/upload_files.hpp"

#include <sodium.h>

#include <stdexcept>
#include <system_error>
#include <vector>

namespace smedash::data_management {
namespace {

constexpr std::size_t kMaxStoredNameBytes = 100;

bool IsSafe(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == '-';
}

// The filesystem of `folder` has less room left than `file` needs.
bool NoRoomFor(const std::filesystem::path& file, const std::filesystem::path& folder) {
  std::error_code space_error;
  std::error_code size_error;
  const auto space = std::filesystem::space(folder, space_error);
  const auto size = std::filesystem::file_size(file, size_error);
  return !space_error && !size_error && space.available < size;
}

}  // namespace

bool EndsWithIgnoringCase(std::string_view text, std::string_view suffix) {
  if (text.size() < suffix.size()) return false;
  for (std::size_t index = 0; index < suffix.size(); ++index) {
    char c = text[text.size() - suffix.size() + index];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != suffix[index]) return false;
  }
  return true;
}

bool HasAcceptedExtension(std::string_view name) {
  return EndsWithIgnoringCase(name, ".csv") || EndsWithIgnoringCase(name, ".xlsx") ||
         EndsWithIgnoringCase(name, ".xls");
}

std::string SanitizeFileName(std::string_view name) {
  // Browsers send a bare name, but a name typed into the API may carry a path (either kind
  // of slash): only its last component is a file name.
  if (const auto slash = name.find_last_of("/\\"); slash != std::string_view::npos) {
    name.remove_prefix(slash + 1);
  }
  std::string safe;
  for (const char c : name) {
    const char mapped = IsSafe(c) ? c : '_';
    if (mapped == '_' && !safe.empty() && safe.back() == '_') continue;  // "a  b" → "a_b"
    safe += mapped;
  }
  while (!safe.empty() && safe.front() == '.') safe.erase(0, 1);
  if (safe.size() > kMaxStoredNameBytes) {
    const auto dot = safe.rfind('.');
    const std::string extension =
        dot != std::string::npos && safe.size() - dot <= 10 ? safe.substr(dot) : "";
    safe = safe.substr(0, kMaxStoredNameBytes - extension.size()) + extension;
  }
  return safe.empty() ? "upload" : safe;
}

std::string ByteSizeLabel(std::uint64_t bytes) {
  constexpr std::uint64_t kKb = 1024;
  constexpr std::uint64_t kMb = 1024 * kKb;
  if (bytes >= kMb) return std::to_string((bytes + kMb / 2) / kMb) + " MB";
  return std::to_string((bytes + kKb - 1) / kKb) + " KB";
}

void MoveFile(const std::filesystem::path& from, const std::filesystem::path& to) {
  std::filesystem::create_directories(to.parent_path());
  std::error_code error;
  std::filesystem::rename(from, to, error);
  if (!error) return;
  if (error != std::errc::cross_device_link) {
    throw std::filesystem::filesystem_error("cannot move upload", from, to, error);
  }
  try {
    std::filesystem::copy_file(from, to);
  } catch (const std::filesystem::filesystem_error& copy_error) {
    if (copy_error.code() == std::errc::file_exists) throw;  // not ours to remove
    // A copy cut short must not stay behind as if it were the upload.
    std::error_code ignored;
    std::filesystem::remove(to, ignored);
    if (NoRoomFor(from, to.parent_path())) {
      // libstdc++ reports a copy cut short by a full disk as EIO: name the real cause, so
      // the admin hears "disk full" (507) rather than an internal error.
      throw std::filesystem::filesystem_error("cannot store upload", from, to,
                                              std::make_error_code(std::errc::no_space_on_device));
    }
    throw;
  }
  std::filesystem::remove(from);
}

void RemoveFilesOlderThan(const std::filesystem::path& folder, std::chrono::minutes age) {
  std::error_code error;
  const auto cutoff = std::filesystem::file_time_type::clock::now() - age;
  for (std::filesystem::directory_iterator it(folder, error), end; !error && it != end;
       it.increment(error)) {
    std::error_code ignored;
    if (it->is_regular_file(ignored) && it->last_write_time(ignored) < cutoff) {
      std::filesystem::remove(it->path(), ignored);
    }
  }
}

std::string RandomHex(std::size_t bytes) {
  std::vector<unsigned char> random(bytes);
  randombytes_buf(random.data(), random.size());
  std::string hex(bytes * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), random.data(), random.size());
  hex.pop_back();
  return hex;
}

}  // namespace smedash::data_management
