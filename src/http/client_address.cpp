#include "http/client_address.hpp"

#include <algorithm>

#include "core/ip_address.hpp"

namespace smedash::http {
namespace {

bool Trusted(const std::string& address, std::span<const std::string> trusted_proxies) {
  return std::find(trusted_proxies.begin(), trusted_proxies.end(), address) !=
         trusted_proxies.end();
}

std::string_view Trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

}  // namespace

std::string ClientAddress(const std::string& peer, std::string_view forwarded_for,
                          std::span<const std::string> trusted_proxies) {
  const auto canonical_peer = core::CanonicalIp(peer);
  if (!canonical_peer || !Trusted(*canonical_peer, trusted_proxies)) return peer;
  std::string_view rest = forwarded_for;
  while (!rest.empty()) {
    const auto comma = rest.rfind(',');
    const std::string_view entry =
        Trim(comma == std::string_view::npos ? rest : rest.substr(comma + 1));
    rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(0, comma);
    const auto address = core::CanonicalIp(entry);
    if (!address) return peer;  // garbled: trust nothing further left
    if (!Trusted(*address, trusted_proxies)) return *address;
  }
  return peer;
}

}  // namespace smedash::http
