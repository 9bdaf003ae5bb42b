#include "ingest/source/date_formats.hpp"

namespace smedash::ingest {

bool IsBuiltinDateFormat(std::uint32_t format_id) {
  return (format_id >= 14 && format_id <= 22) || (format_id >= 45 && format_id <= 47);
}

bool IsDateFormatCode(std::string_view code) {
  bool day_or_year = false;
  bool month_or_minute = false;
  bool hour_or_second = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    switch (c) {
      case '"': {  // literal text
        const auto close = code.find('"', i + 1);
        if (close == std::string_view::npos) return day_or_year;
        i = close;
        break;
      }
      case '[': {  // colour, condition, locale ([$-421]) or elapsed time ([h])
        const auto close = code.find(']', i + 1);
        if (close == std::string_view::npos) return day_or_year;
        const std::string_view inside = code.substr(i + 1, close - i - 1);
        if (inside.find_first_of("hHsS") != std::string_view::npos &&
            inside.find_first_not_of("hHmMsS") == std::string_view::npos) {
          hour_or_second = true;  // [h]:mm is a duration, not a date
        }
        i = close;
        break;
      }
      case '\\':  // the next character is literal
      case '_':   // the next character sets a width
      case '*':   // the next character fills
        ++i;
        break;
      case 'd':
      case 'D':
      case 'y':
      case 'Y':
        day_or_year = true;
        break;
      case 'm':
      case 'M':
        month_or_minute = true;
        break;
      case 'h':
      case 'H':
      case 's':
      case 'S':
        hour_or_second = true;
        break;
      default:
        break;
    }
  }
  return day_or_year || (month_or_minute && !hour_or_second);
}

}  // namespace smedash::ingest
