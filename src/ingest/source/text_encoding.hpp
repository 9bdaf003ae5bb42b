//! Byte-level text helpers for readers: UTF-8 validation and Windows-1252 → UTF-8, the
//! encoding Excel uses for "CSV (Comma delimited)" on Indonesian and English Windows.
#pragma once
#include <string>
#include <string_view>

namespace smedash::ingest {

// True when `bytes` is well-formed UTF-8 (no overlongs, surrogates or code points past
// U+10FFFF). With `allow_truncated_tail`, a sequence cut off by the end of `bytes` is
// accepted: the caller is looking at a buffer whose continuation has not been read yet.
bool IsValidUtf8(std::string_view bytes, bool allow_truncated_tail = false);

// True when every byte is below 0x80.
bool IsAscii(std::string_view bytes);

// Appends `bytes`, read as Windows-1252, to `out` as UTF-8. Every byte maps to exactly one
// character (the five bytes Windows-1252 leaves undefined map to the C1 controls, as in
// the WHATWG encoding standard), so no input byte is ever lost.
void AppendCp1252AsUtf8(std::string_view bytes, std::string& out);

// Appends one code point as UTF-8 (U+FFFD for surrogates and values past U+10FFFF).
void AppendUtf8(char32_t code_point, std::string& out);

}  // namespace smedash::ingest
