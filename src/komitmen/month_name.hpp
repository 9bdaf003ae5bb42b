//! The month a komitmen file is for, guessed from its name so the upload form can prefill it
//! (the admin can still change it).
#pragma once
#include <optional>
#include <string_view>

#include "core/date.hpp"

namespace smedash::komitmen {

// The first day of the month a file name names: "KOMITMEN_NOV_2025.xlsx",
// "KOMITMEN_11_2025.xlsx", "Komitmen November 2025.xls", "komitmen-2025-11.csv",
// "Target Okt'25.xlsx" (Indonesian or English month names and abbreviations, any case, with
// a 2- or 4-digit year; a month number needs a 4-digit year). nullopt when the name holds
// no month, or more than one ("KOMITMEN_10_2025_11_2025", "NOV DES 2025").
std::optional<core::Date> MonthFromFileName(std::string_view file_name);

}  // namespace smedash::komitmen
