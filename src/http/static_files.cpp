#include "http/static_files.hpp"

#include <algorithm>
#include <system_error>

namespace smedash::http {
namespace {

std::string ContentTypeFor(const std::filesystem::path& file) {
  std::string extension = file.extension().string();
  for (char& c : extension) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  // Browsers refuse ES modules served without a JavaScript type (and nosniff is on).
  if (extension == ".js" || extension == ".mjs") return "application/javascript";
  if (extension == ".css") return "text/css; charset=utf-8";
  if (extension == ".woff2") return "font/woff2";
  if (extension == ".woff") return "font/woff";
  if (extension == ".svg") return "image/svg+xml";
  if (extension == ".png") return "image/png";
  if (extension == ".ico") return "image/x-icon";
  if (extension == ".json" || extension == ".map") return "application/json";
  return "application/octet-stream";
}

// True for a relative path we may join to a mount directory: no parent or hidden
// segments (".", "..", ".env"), no absolute or Windows-style forms, no NUL.
bool IsSafeRelativePath(std::string_view relative) {
  if (relative.empty() || relative.front() == '/') return false;
  if (relative.find_first_of(std::string_view("\\\0:", 3)) != std::string_view::npos) {
    return false;
  }
  while (!relative.empty()) {
    const auto slash = relative.find('/');
    const std::string_view segment = relative.substr(0, slash);
    if (segment.empty() || segment.front() == '.') return false;
    if (slash == std::string_view::npos) break;
    relative.remove_prefix(slash + 1);
  }
  return true;
}

// True when `path` is `directory` or below it, comparing whole components.
bool IsInside(const std::filesystem::path& path, const std::filesystem::path& directory) {
  auto path_it = path.begin();
  for (auto dir_it = directory.begin(); dir_it != directory.end(); ++dir_it, ++path_it) {
    if (dir_it->empty()) continue;  // the empty last element of a trailing slash
    if (path_it == path.end() || *path_it != *dir_it) return false;
  }
  return true;
}

Response NotFound() { return Response::Text(404, "Not found"); }

}  // namespace

Handler StaticFiles(std::vector<StaticMount> mounts) {
  // Longest prefix first, so "/static/vendor/x/" wins over "/static/".
  std::sort(mounts.begin(), mounts.end(), [](const StaticMount& a, const StaticMount& b) {
    return a.url_prefix.size() > b.url_prefix.size();
  });
  return [mounts = std::move(mounts)](RequestContext& context) -> Response {
    const std::string path = context.request.Path();  // decoded: "%2e%2e" is ".." here
    for (const StaticMount& mount : mounts) {
      if (!path.starts_with(mount.url_prefix)) continue;
      const std::string_view relative = std::string_view(path).substr(mount.url_prefix.size());
      if (!IsSafeRelativePath(relative)) return NotFound();
      // Canonical forms resolve symlinks too, so a link pointing out of the mount is
      // caught by the same containment check as a crafted path.
      std::error_code error;
      const auto directory = std::filesystem::weakly_canonical(mount.directory, error);
      if (error) return NotFound();
      const auto file = std::filesystem::weakly_canonical(directory / relative, error);
      if (error || !IsInside(file, directory)) return NotFound();
      if (!std::filesystem::is_regular_file(file, error)) return NotFound();
      Response response = Response::File(file, ContentTypeFor(file));
      response.SetHeader("Cache-Control", "public, max-age=3600");
      return response;
    }
    return NotFound();
  };
}

}  // namespace smedash::http
