//! Why a whole file was not loaded: a translation key (validate/reasons.hpp) with its
//! arguments, and the Indonesian text kept in uploads.error_log and printed by
//! `smedash import`. Part of ingest/load; the web UI translates the key itself.
#pragma once
#include <map>
#include <string>
#include <string_view>

#include "ingest/sheet.hpp"

namespace smedash::ingest {

struct FileRefusal {
  std::string key;
  std::map<std::string, std::string> args;
  // A reader's keyed refusal: its own Indonesian text (what()), which RefusalMessage uses
  // for the keys this file keeps no copy of.
  std::string reader_text;
};

// Keys of refusals that only the import raises (the others are in validate/reasons.hpp).
// The reader's own explanation (already Indonesian) of why the file cannot be read: {detail}.
inline constexpr std::string_view kFileUnreadable = "ingest.file.unreadable";
// PostgreSQL refused the rows (a value out of its column's range...): {detail}.
inline constexpr std::string_view kFileDatabaseError = "ingest.file.database_error";

FileRefusal Refusal(std::string_view key, std::map<std::string, std::string> args = {});
// A reader's refusal: its own key (and text) when it has one, else kFileUnreadable with its
// message.
FileRefusal RefusalOf(const FileError& error);

// The refusal in Indonesian, placeholders filled.
std::string RefusalMessage(const FileRefusal& refusal);

}  // namespace smedash::ingest
