//! Escaping for HTML text/attributes and for JSON embedded in a page.
#pragma once
#include <string>
#include <string_view>

namespace smedash::ui {

std::string EscapeHtml(std::string_view text);
// Makes serialized JSON safe inside <script type="application/json">: "</" cannot close
// the element and U+2028/2029 cannot break a script.
std::string JsonForScriptBlock(std::string_view json);

}  // namespace smedash::ui
