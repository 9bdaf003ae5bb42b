//! Text files compiled into the binary (migrations, SQL) by cmake/EmbedText.cmake.
#pragma once
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace smedash::core {

struct EmbeddedFile {
  std::string_view name;  // file name without directory, e.g. "0001_users.sql"
  std::string_view content;
};

// The content of `name`; a missing file is a build mistake, so it throws at start-up.
inline std::string_view EmbeddedText(const std::vector<EmbeddedFile>& files,
                                     std::string_view name) {
  for (const auto& file : files) {
    if (file.name == name) return file.content;
  }
  throw std::logic_error("embedded file missing: " + std::string(name));
}

}  // namespace smedash::core
