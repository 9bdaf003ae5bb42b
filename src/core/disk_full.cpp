#include "core/disk_full.hpp"

#include <cerrno>

namespace smedash::core {

bool IsDiskFull(const std::error_code& error) noexcept {
  const std::error_condition condition = error.default_error_condition();
  if (condition.category() != std::generic_category()) return false;
  return condition.value() == ENOSPC || condition.value() == EDQUOT;
}

}  // namespace smedash::core
