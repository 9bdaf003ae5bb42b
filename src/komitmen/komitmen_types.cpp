#include "komitmen/komitmen_types.hpp"

#include <fmt/format.h>

namespace smedash::komitmen {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::optional<core::Date> ParseMonthText(std::string_view text) {
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  for (std::size_t index : {0, 1, 2, 3, 5, 6}) {
    if (!IsDigit(text[index])) return std::nullopt;
  }
  const int year =
      (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  const int month = (text[5] - '0') * 10 + (text[6] - '0');
  return core::Date::FromYmd(year, month, 1);
}

std::string MonthText(core::Date month) {
  return fmt::format("{:04}-{:02}", month.Year(), month.Month());
}

}  // namespace smedash::komitmen
