//! Which Excel number formats show a date, shared by the XLSX reader (styles.xml) and the
//! XLS reader (FORMAT and XF records of formula cells).
#pragma once
#include <cstdint>
#include <string_view>

namespace smedash::ingest {

// Built-in number formats that show a date or time: 14-22 and 45-47 (ECMA-376 18.8.30).
bool IsBuiltinDateFormat(std::uint32_t format_id);

// A custom format code shows a date when, outside quoted text, [brackets] and escaped
// characters, it has a day or year letter (d, y), or a month letter (m) with no hour or
// second letter (h, s) beside it: in "h:mm" and "mm:ss" the m means minutes.
bool IsDateFormatCode(std::string_view code);

}  // namespace smedash::ingest
