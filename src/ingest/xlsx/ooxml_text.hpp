//! OOXML string escapes: characters XML cannot carry (control characters) are written as
//! "_xHHHH_" in cell text, and a literal "_x" sequence as "_x005F_x...". Excel and
//! LibreOffice decode them on load; so do we.
#pragma once
#include <string>

namespace smedash::ingest {

// Decodes every "_xHHHH_" (four hex digits) in `text` in place; other text is untouched.
void DecodeOoxmlEscapes(std::string& text);

}  // namespace smedash::ingest
