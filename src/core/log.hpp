//! Logging set-up: one line per event on stderr, "info" unless SMEDASH_LOG_LEVEL says
//! otherwise. Never log passwords, session tokens or whole rows.
#pragma once

namespace smedash::core {

void InitLogging();

}  // namespace smedash::core
