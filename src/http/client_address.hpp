//! Which address a request comes from. Behind a reverse proxy (SECURITY.md) every
//! connection comes from the proxy, so the per-address sign-in throttle would lock out
//! everyone at once and the audit log would name the proxy; the proxy says who the client
//! is in X-Forwarded-For. Anyone can send that header, so it counts only from a proxy the
//! configuration trusts.
#pragma once
#include <span>
#include <string>
#include <string_view>

namespace smedash::http {

// `peer` (the socket's address) unless it is one of `trusted_proxies` (canonical, see
// core::CanonicalIp); then the right-most X-Forwarded-For entry that is not itself a
// trusted proxy (entries left of it are whatever the client wrote). A missing or garbled
// header from a trusted proxy leaves `peer`.
std::string ClientAddress(const std::string& peer, std::string_view forwarded_for,
                          std::span<const std::string> trusted_proxies);

}  // namespace smedash::http
