//! The upload history's values (/data/history/): the list's filters as parsed from the
//! query string, one page of uploads with who has uploaded, and a filter the request got
//! wrong, named by its field.
#pragma once
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "data_management/upload_types.hpp"

namespace smedash::data_management {

struct HistoryFilter {
  static constexpr int kDefaultPerPage = 25;
  static constexpr int kMaxPerPage = 100;

  std::optional<std::string> status;        // one of the uploads table's statuses
  std::optional<std::int64_t> uploader_id;  // uploads of this user
  bool command_line = false;                // only `smedash import`'s (uploaded_by NULL)
  // Uploaded on these days (both included), days in the display time zone.
  std::optional<core::Date> from, to;
  std::optional<std::string> name;  // a piece of the file name, any case, taken literally
  int page = 1;
  int per_page = kDefaultPerPage;
};

// Someone who has uploaded; no id for the command line.
struct Uploader {
  std::optional<std::int64_t> id;
  std::string name;
};

struct HistoryPage {
  std::vector<Upload> uploads;  // newest first, each with its periodes
  std::int64_t total = 0;       // uploads matching the filter, on every page
  int page = 1;
  int per_page = HistoryFilter::kDefaultPerPage;
  std::vector<Uploader> uploaders;  // everyone in the history, for the uploader filter
};

// A query parameter the list cannot use: its name and the message as a translation key.
struct FilterProblem {
  std::string field;
  std::string key;
  std::map<std::string, std::string> args;
};

// The stored original of an upload, to send back as a download.
struct OriginalFile {
  std::filesystem::path path;
  std::string file_name;  // as the admin named it
};

}  // namespace smedash::data_management
