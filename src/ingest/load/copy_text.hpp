//! PostgreSQL COPY text format (tab-separated, \N for NULL), the format the loader streams
//! rows in. Part of ingest/load.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace smedash::ingest {

// Appends `value` escaped for COPY text format: backslash, tab, newline and carriage
// return become \\ \t \n \r. NUL bytes are dropped: PostgreSQL text cannot hold them,
// and one would fail the whole COPY.
void AppendCopyValue(std::string& out, std::string_view value);

// Appends the value, or \N when there is none.
inline void AppendCopyField(std::string& out, const std::optional<std::string>& value) {
  if (value) {
    AppendCopyValue(out, *value);
  } else {
    out += "\\N";
  }
}

}  // namespace smedash::ingest
