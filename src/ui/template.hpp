//! A small logic-less template language for web/templates, escaping by default:
//!   {{name}} escaped · {{{name}}} raw · {{t:key}} escaped translation ·
//!   {{#name}}…{{/name}} shown when name is non-empty · {{^name}}…{{/name}} when empty.
#pragma once
#include <functional>
#include <map>
#include <string>
#include <string_view>

namespace smedash::ui {

using TemplateVars = std::map<std::string, std::string, std::less<>>;
using TranslateFn = std::function<std::string(std::string_view key)>;

// Throws std::runtime_error for unknown variables or unbalanced sections, so a typo in a
// template fails the page's test instead of rendering an empty hole.
std::string RenderTemplate(std::string_view text, const TemplateVars& vars,
                           const TranslateFn& translate);

}  // namespace smedash::ui
