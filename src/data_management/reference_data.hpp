//! What the segment map and unit master pages share: the problem a request can meet (an
//! HTTP status and a translation key, with the field it concerns) and the rules for codes
//! and names typed by an admin, the same as for loan files (domain.md section 2).
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "http/response.hpp"
#include "ui/i18n.hpp"

namespace smedash::data_management {

struct ReferenceProblem {
  int status = 400;
  std::string code = "validation";  // "validation", "not_found", "conflict"
  std::string key;                  // translation key of the message
  std::map<std::string, std::string> args;
  std::string field;  // the request field at fault; empty for the whole request
};

template <typename T>
using ReferenceOutcome = std::variant<T, ReferenceProblem>;

// {"error": {"code", "message", "field"?}} with the message in `lang`.
http::Response ProblemResponse(const ui::Translations& texts, const std::string& lang,
                               const ReferenceProblem& problem);

// A code (CODE, KODE UKER, KODE KANCA) as the loader stores it: trimmed, "42210.0" →
// "42210", leading zeros of an all-digit code removed ("0005" → "5"). Nothing when it is
// empty, longer than the text limit, or holds a control character.
std::optional<std::string> NormalizeCodeText(std::string_view text);

// A name (UKER, KANCA): trimmed, runs of blanks collapsed to one space, as units and the
// unit_hierarchy view write them. Nothing when empty, too long or with a control character.
std::optional<std::string> NormalizeNameText(std::string_view text);

// A kanca's grouping key: the normalised name in upper case (ASCII), as units.kanca_key.
std::string KancaKey(std::string_view normalized_name);

}  // namespace smedash::data_management
