//! What every reader target does with a file: opens it the way an upload does and reads
//! every row, with small limits so each refusal path is reached by small inputs. A
//! FileError is the expected answer to a broken file; anything else escapes and is a crash.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "ingest/open_reader.hpp"
#include "ingest/sheet.hpp"
#include "ingest/source/reader_limits.hpp"

namespace smedash::fuzz {

// Small versions of ReaderLimits::Defaults(): the same checks, reached by small inputs,
// and no input can make one run take seconds.
ingest::ReaderLimits FuzzLimits();

// Every row of `reader`, or nothing when the file is refused (FileError).
std::optional<std::vector<ingest::Row>> ReadAll(ingest::RowReader& reader);

// DetectFormat (under a name with `extension`), then OpenReader and ReadAll, as the upload
// pipeline does. Nothing when either refuses the file.
std::optional<std::vector<ingest::Row>> ReadAsUpload(const std::uint8_t* data, std::size_t size,
                                                     const char* extension);

// Aborts (a fuzz finding) when two readers of the same input disagree about its rows.
void ExpectSameRows(const std::vector<ingest::Row>& a, const std::vector<ingest::Row>& b);

}  // namespace smedash::fuzz
