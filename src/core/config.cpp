#include "core/config.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <stdexcept>

#include "core/ip_address.hpp"

#ifndef SMEDASH_DEFAULT_WEB_ROOT
#define SMEDASH_DEFAULT_WEB_ROOT "web"
#endif

namespace smedash::core {
namespace {

const char* Env(const char* key) {
  const char* value = std::getenv(key);
  return (value != nullptr && *value != '\0') ? value : nullptr;
}

long EnvNumber(const char* key, long fallback, long min, long max) {
  const char* raw = Env(key);
  if (raw == nullptr) return fallback;
  long value = 0;
  std::string_view text(raw);
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < min || value > max) {
    throw std::invalid_argument(
        fmt::format("{}={} is not a whole number between {} and {}", key, raw, min, max));
  }
  return value;
}

bool EnvFlag(const char* key, bool fallback) {
  const char* raw = Env(key);
  if (raw == nullptr) return fallback;
  std::string_view text(raw);
  if (text == "1" || text == "true" || text == "yes") return true;
  if (text == "0" || text == "false" || text == "no") return false;
  throw std::invalid_argument(fmt::format("{}={} must be 1/0, true/false or yes/no", key, raw));
}

// SMEDASH_TRUSTED_PROXIES: IP addresses separated by commas or spaces.
std::vector<std::string> EnvAddresses(const char* key) {
  std::vector<std::string> addresses;
  const char* raw = Env(key);
  if (raw == nullptr) return addresses;
  std::string_view rest(raw);
  while (!rest.empty()) {
    const auto end = std::min(rest.find_first_of(", "), rest.size());
    if (end > 0) {
      auto address = CanonicalIp(rest.substr(0, end));
      if (!address) {
        throw std::invalid_argument(
            fmt::format("{}: '{}' is not an IP address", key, std::string(rest.substr(0, end))));
      }
      addresses.push_back(std::move(*address));
    }
    rest = end < rest.size() ? rest.substr(end + 1) : std::string_view{};
  }
  return addresses;
}

// Masks the password part of postgresql://user:password@host/db.
std::string MaskUrl(const std::string& url) {
  auto scheme = url.find("://");
  auto at = url.find('@');
  if (scheme == std::string::npos || at == std::string::npos) return url;
  auto colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon + 1) + "****" + url.substr(at);
}

}  // namespace

Config Config::FromEnvironment() {
  Config config;
  if (const char* v = Env("SMEDASH_HOST")) config.host = v;
  config.port = static_cast<std::uint16_t>(EnvNumber("SMEDASH_PORT", config.port, 0, 65535));
  if (const char* v = Env("SMEDASH_DATA_DIR")) config.data_dir = v;
  if (const char* v = Env("DATABASE_URL")) config.database_url = v;
  config.web_root = SMEDASH_DEFAULT_WEB_ROOT;
  if (const char* v = Env("SMEDASH_WEB_ROOT")) config.web_root = v;
  config.worker_threads = static_cast<unsigned>(EnvNumber("SMEDASH_WORKERS", 4, 1, 256));
  config.session_idle_timeout =
      std::chrono::minutes(EnvNumber("SMEDASH_SESSION_IDLE_MINUTES", 60, 1, 60 * 24 * 30));
  config.session_max_lifetime =
      std::chrono::hours(EnvNumber("SMEDASH_SESSION_MAX_HOURS", 12, 1, 24 * 90));
  config.secure_cookies = EnvFlag("SMEDASH_SECURE_COOKIES", false);
  config.trusted_proxies = EnvAddresses("SMEDASH_TRUSTED_PROXIES");
  config.login_max_failures = static_cast<int>(EnvNumber("SMEDASH_LOGIN_MAX_FAILURES", 5, 1, 1000));
  config.login_lock_duration =
      std::chrono::minutes(EnvNumber("SMEDASH_LOGIN_LOCK_MINUTES", 15, 1, 60 * 24));
  if (const char* v = Env("SMEDASH_TIMEZONE")) config.display_timezone = v;
  config.upload_max_bytes =
      static_cast<std::uint64_t>(EnvNumber("SMEDASH_UPLOAD_MAX_MB", 100, 1, 4096)) * 1024 * 1024;
  config.ingest_workers = static_cast<unsigned>(EnvNumber("SMEDASH_INGEST_WORKERS", 1, 1, 16));
  config.preview_slots = static_cast<unsigned>(EnvNumber("SMEDASH_PREVIEW_SLOTS", 1, 1, 255));
  // Previews run on request workers: with as many slots as workers, a few uploads at once
  // could leave no worker for the dashboards. One worker has no choice but to share.
  if (config.worker_threads > 1 && config.preview_slots >= config.worker_threads) {
    throw std::invalid_argument(
        fmt::format("SMEDASH_PREVIEW_SLOTS={} must be below SMEDASH_WORKERS={}",
                    config.preview_slots, config.worker_threads));
  }
  return config;
}

std::string Config::Describe() const {
  return fmt::format(
      "host = {}\nport = {}\ndata_dir = {}\ndatabase_url = {}\nweb_root = {}\n"
      "worker_threads = {}\nsession_idle_minutes = {}\nsession_max_hours = {}\n"
      "secure_cookies = {}\ntrusted_proxies = {}\nlogin_max_failures = {}\nlogin_lock_minutes = "
      "{}\n"
      "display_timezone = {}\nupload_max_mb = {}\ningest_workers = {}\npreview_slots = {}\n",
      host, port, data_dir.string(),
      database_url.empty() ? "(private cluster in data_dir)" : MaskUrl(database_url),
      web_root.string(), worker_threads, session_idle_timeout.count(), session_max_lifetime.count(),
      secure_cookies,
      trusted_proxies.empty() ? "(none)" : fmt::format("{}", fmt::join(trusted_proxies, ", ")),
      login_max_failures, login_lock_duration.count(), display_timezone,
      upload_max_bytes / (1024 * 1024), ingest_workers, preview_slots);
}

}  // namespace smedash::core
