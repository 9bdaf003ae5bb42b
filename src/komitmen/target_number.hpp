//! One target cell of the komitmen file as a value: empty or "-" is no target; a number cell
//! or number text in either style (ingest's decimal parsing, domain.md section 2) is read
//! exactly, amounts from Rp juta to rupiah. Like loan files, a file's number text shares one
//! style: ';' CSV or the first unambiguous number decides it, and "1.234" is never guessed.
#pragma once
#include <cstddef>
#include <optional>
#include <string>

#include "core/money.hpp"
#include "ingest/sheet.hpp"
#include "ingest/validate/row_validator.hpp"
#include "komitmen/target_layout.hpp"

namespace smedash::komitmen {

enum class TargetStatus {
  kNone,        // empty or "-": no target
  kValue,       // `value` holds it
  kInvalid,     // not a number
  kAmbiguous,   // "1.234" in a file whose style is still undecided
  kWrongStyle,  // Indonesian text in an international file, or the other way round
  kNegative,
  kTooLarge,
};

struct TargetNumber {
  TargetStatus status = TargetStatus::kNone;
  core::Money value;  // DEB in debtors, amounts in rupiah, two decimals
};

class TargetNumberReader {
 public:
  explicit TargetNumberReader(bool semicolon_delimited);

  // Reads `cell` as a `measure` target. The first unambiguous number text decides the
  // file's style for the cells read after it.
  TargetNumber Read(const ingest::Cell& cell, Measure measure);

  // For TargetStatus::kWrongStyle messages: the style in force.
  ingest::NumberStyle Style() const { return style_; }

 private:
  ingest::NumberStyle style_ = ingest::NumberStyle::kAuto;
};

// "KUR RITEL OS": a target's name as the file's two header rows give it, for messages.
std::string TargetName(std::size_t target_index);

// The same value as the file writes it: Rp juta for amounts ("1500.5"), debtors for DEB
// ("12"), without trailing zeros, for messages to the admin.
std::string FileUnitText(core::Money value, Measure measure);

}  // namespace smedash::komitmen
