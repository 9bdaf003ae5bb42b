//! The small value kinds of domain.md section 2: flags, grades, whole numbers, codes and
//! identifiers. Each reads a cell's trimmed, non-empty text and never allocates.
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

#include "ingest/sheet.hpp"

namespace smedash::ingest {

// Y/N, YA/TIDAK, TRUE/FALSE, 1/0 in any case; a boolean or 1/0 number cell.
std::optional<bool> ReadFlag(Cell::Kind kind, std::string_view trimmed);

// KOL_ADK: 1..5 as "2", "2.0", "2,0" or a number cell.
std::optional<int> ReadGrade(Cell::Kind kind, std::string_view trimmed);

// JANGKA WAKTU, NASABAH: "106", "106.0", "106M", "106 BLN", "106 bulan" or a whole number
// cell, 0..2147483647 (loan_data's integer).
std::optional<std::int32_t> ReadWholeNumber(Cell::Kind kind, std::string_view trimmed);

// KODE UKER, CODE: a whole number, as a number cell or text ("42210.0"), loses its zero
// fraction; all-digit codes lose leading zeros ("0005" → "5", "000" → "0"). Other codes are
// kept as written. The result is a part of `trimmed`.
std::string_view NormalizeCode(std::string_view trimmed);

enum class IdentifierStatus {
  kOk,
  kNotWhole,  // a number cell with a fraction or a sign: not an account number
  kExponent,  // text such as "1.23E+15": the digits were lost before the file reached us
};
// NOMOR REKENING, CIFNO: text is kept exactly; a number cell becomes its whole digits.
IdentifierStatus ReadIdentifier(Cell::Kind kind, std::string_view trimmed,
                                std::string_view& identifier);

}  // namespace smedash::ingest
