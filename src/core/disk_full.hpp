//! Tells a write that failed for want of space (or the user's quota) from other I/O
//! errors: not a bug, and one the administrator can fix, so the answer says so (507).
#pragma once
#include <system_error>

namespace smedash::core {

// ENOSPC or EDQUOT, in the generic or system category.
bool IsDiskFull(const std::error_code& error) noexcept;

}  // namespace smedash::core
