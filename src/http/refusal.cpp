#include "http/refusal.hpp"

#include <fmt/format.h>

#include <string>

#include "core/limits.hpp"
#include "http/request_guard.hpp"
#include "http/router.hpp"

namespace smedash::http {
namespace {

struct Refused {
  std::string_view code;
  std::string message;
};

// "100 MB", "1 MB", "16 KB": limits are set in whole MiB or KiB.
std::string SizeLabel(std::size_t bytes) {
  constexpr std::size_t kMiB = 1024 * 1024;
  if (bytes >= kMiB && bytes % kMiB == 0) return fmt::format("{} MB", bytes / kMiB);
  return fmt::format("{} KB", (bytes + 1023) / 1024);
}

Refused Explain(int status, bool en, std::size_t body_limit) {
  switch (status) {
    case 413: {
      if (body_limit == 0) {
        return {"too_large",
                en ? "The request body is too large." : "Isi permintaan terlalu besar."};
      }
      const std::string limit = SizeLabel(body_limit);
      return {"too_large",
              en ? fmt::format("The request body is larger than the limit of {}.", limit)
                 : fmt::format("Isi permintaan lebih besar dari batas {}.", limit)};
    }
    case 431: {
      const std::string limit = SizeLabel(core::limits::kMaxHeaderBytes);
      return {"header_too_large",
              en ? fmt::format("The request headers are larger than the limit of {}. Clear this "
                               "site's cookies in the browser and try again.",
                               limit)
                 : fmt::format("Header permintaan lebih besar dari batas {}. Hapus cookie situs "
                               "ini di peramban lalu coba lagi.",
                               limit)};
    }
    case 400:
      return {"bad_request",
              en ? "The request could not be read." : "Permintaan tidak dapat dibaca."};
    case 404:
      return {"not_found", en ? "Page not found." : "Halaman tidak ditemukan."};
    case 507:
      return {"disk_full",
              en ? "The server's disk is full, so the file was not saved. Contact the system "
                   "administrator to free space, then upload it again."
                 : "Disk server penuh, jadi file tidak disimpan. Hubungi administrator sistem "
                   "untuk mengosongkan ruang, lalu upload lagi."};
    default:
      return {"internal", en ? "An internal error occurred." : "Terjadi kesalahan internal."};
  }
}

}  // namespace

Response SessionRefusal(const Request& request, int status, std::size_t body_limit) {
  const Refused refused = Explain(status, LanguageOf(request) == "en", body_limit);
  Response response = request.WantsJson()
                          ? Response::JsonError(status, refused.code, refused.message)
                          : Response::Text(status, refused.message);
  ApplySecurityHeaders(response);
  return response;
}

}  // namespace smedash::http
