#include "komitmen/month_name.hpp"

#include <set>
#include <vector>

#include "ingest/validate/date_text.hpp"
#include "ingest/validate/text_util.hpp"

namespace smedash::komitmen {
namespace {

// Years a target file can be for: a "2" or "1999" in a name is something else.
constexpr int kFirstYear = 2000;
constexpr int kLastYear = 2099;

struct Token {
  std::string_view text;
  bool digits = false;
};

bool IsLetter(char c) {
  const char upper = ingest::AsciiUpper(c);
  return upper >= 'A' && upper <= 'Z';
}

// Runs of letters and runs of digits; everything else separates ("NOV2025" is two tokens).
std::vector<Token> Tokens(std::string_view text) {
  std::vector<Token> tokens;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const bool digits = ingest::IsDigit(text[pos]);
    if (!digits && !IsLetter(text[pos])) {
      ++pos;
      continue;
    }
    const std::size_t start = pos;
    while (pos < text.size() && (digits ? ingest::IsDigit(text[pos]) : IsLetter(text[pos]))) ++pos;
    tokens.push_back({text.substr(start, pos - start), digits});
  }
  return tokens;
}

int Number(std::string_view digits) {
  int value = 0;
  for (const char c : digits) value = value * 10 + (c - '0');
  return value;
}

// A year token: 4 digits, or 2 when `short_allowed` (after a month name: "Okt'25").
std::optional<int> Year(const Token& token, bool short_allowed) {
  if (!token.digits) return std::nullopt;
  int year = 0;
  if (token.text.size() == 4) {
    year = Number(token.text);
  } else if (token.text.size() == 2 && short_allowed) {
    year = 2000 + Number(token.text);
  } else {
    return std::nullopt;
  }
  if (year < kFirstYear || year > kLastYear) return std::nullopt;
  return year;
}

// A month number token: 1 or 2 digits, 1..12.
int MonthNumber(const Token& token) {
  if (!token.digits || token.text.size() > 2) return 0;
  const int month = Number(token.text);
  return month >= 1 && month <= 12 ? month : 0;
}

// The file name without folders and extension.
std::string_view Stem(std::string_view name) {
  const std::size_t slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  const std::size_t dot = name.rfind('.');
  return dot == std::string_view::npos || dot == 0 ? name : name.substr(0, dot);
}

}  // namespace

std::optional<core::Date> MonthFromFileName(std::string_view file_name) {
  const std::vector<Token> tokens = Tokens(Stem(file_name));
  std::set<std::pair<int, int>> found;  // (year, month) pairs named
  std::set<int> month_names;            // every month name, with a year beside it or not
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& token = tokens[i];
    const Token* next = i + 1 < tokens.size() ? &tokens[i + 1] : nullptr;
    if (!token.digits) {
      const int month = ingest::MonthFromName(token.text);
      if (month == 0) continue;
      month_names.insert(month);
      if (next == nullptr) continue;
      if (const auto year = Year(*next, true)) found.insert({*year, month});
    } else if (next != nullptr) {
      // "11_2025" and "2025-11"; "NOV 2025" is handled at the name, "2025 NOV" here.
      if (const int month = MonthNumber(token); month != 0) {
        if (const auto year = Year(*next, false)) found.insert({*year, month});
      } else if (const auto year = Year(token, false)) {
        if (const int month = MonthNumber(*next); month != 0) {
          found.insert({*year, month});
        } else if (!next->digits) {
          if (const int named = ingest::MonthFromName(next->text); named != 0) {
            found.insert({*year, named});
          }
        }
      }
    }
  }
  if (found.size() != 1 || month_names.size() > 1) return std::nullopt;
  return core::Date::FromYmd(found.begin()->first, found.begin()->second, 1);
}

}  // namespace smedash::komitmen
