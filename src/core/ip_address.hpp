//! IP addresses as text, written one way: configuration, the socket and X-Forwarded-For
//! may spell the same address differently ("::FFFF:10.0.0.1", "2001:DB8::1").
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace smedash::core {

// The canonical text of an IPv4 or IPv6 address (inet_ntop's form; an IPv4-mapped IPv6
// address as plain IPv4), or nothing when `text` is not an address (no ports, no names).
std::optional<std::string> CanonicalIp(std::string_view text);

}  // namespace smedash::core
