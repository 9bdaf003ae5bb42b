//! Serves files under fixed URL prefixes (our ES modules and CSS, and the npm-installed
//! Bootstrap, Bootstrap Icons and Chart.js) with content types and no path traversal.
#pragma once
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "http/router.hpp"

namespace smedash::http {

struct StaticMount {
  std::string url_prefix;           // "/static/vendor/bootstrap/"
  std::filesystem::path directory;  // web/node_modules/bootstrap/dist
};

// A handler for a "GET /static/{path*}" route.
Handler StaticFiles(std::vector<StaticMount> mounts);

}  // namespace smedash::http
