//! One CSV field as every export writes it (RFC 4180): text that a spreadsheet would run as
//! a formula (starting with = + - @, a tab or a CR) gets a leading ' so it is shown, never
//! evaluated — debtor names, file names and usernames are whatever someone typed — and the
//! field is quoted when it holds the delimiter, a quote or a line break.
#pragma once
#include <string>
#include <string_view>

namespace smedash::core {

std::string CsvField(std::string_view text, char delimiter = ',');

}  // namespace smedash::core
