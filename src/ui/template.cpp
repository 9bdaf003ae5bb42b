#include "ui/template.hpp"

#include <fmt/format.h>

#include <stdexcept>

#include "ui/html.hpp"

namespace smedash::ui {
namespace {

const std::string& Lookup(const TemplateVars& vars, std::string_view name) {
  auto it = vars.find(name);
  if (it == vars.end()) throw std::runtime_error(fmt::format("template: no variable '{}'", name));
  return it->second;
}

// Finds the {{/name}} that closes a section opened just before `from`.
std::size_t FindSectionEnd(std::string_view text, std::size_t from, std::string_view name) {
  std::string closing = fmt::format("{{{{/{}}}}}", name);
  auto end = text.find(closing, from);
  if (end == std::string_view::npos) {
    throw std::runtime_error(fmt::format("template: section '{}' is not closed", name));
  }
  return end;
}

void Render(std::string_view text, const TemplateVars& vars, const TranslateFn& translate,
            std::string& out) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    auto open = text.find("{{", pos);
    if (open == std::string_view::npos) {
      out.append(text.substr(pos));
      return;
    }
    out.append(text.substr(pos, open - pos));
    bool raw = text.compare(open, 3, "{{{") == 0;
    std::string_view close_mark = raw ? "}}}" : "}}";
    std::size_t tag_start = open + (raw ? 3 : 2);
    auto close = text.find(close_mark, tag_start);
    if (close == std::string_view::npos) throw std::runtime_error("template: unclosed tag");
    std::string_view tag = text.substr(tag_start, close - tag_start);
    pos = close + close_mark.size();

    if (raw) {
      out += Lookup(vars, tag);
    } else if (tag.starts_with("t:")) {
      out += EscapeHtml(translate(tag.substr(2)));
    } else if (tag.starts_with('#') || tag.starts_with('^')) {
      std::string_view name = tag.substr(1);
      auto end = FindSectionEnd(text, pos, name);
      bool shown = Lookup(vars, name).empty() == tag.starts_with('^');
      if (shown) Render(text.substr(pos, end - pos), vars, translate, out);
      pos = end + name.size() + 5;  // "{{/" + name + "}}"
    } else if (tag.starts_with('/')) {
      throw std::runtime_error(fmt::format("template: stray '{{{{{}}}}}'", tag));
    } else {
      out += EscapeHtml(Lookup(vars, tag));
    }
  }
}

}  // namespace

std::string RenderTemplate(std::string_view text, const TemplateVars& vars,
                           const TranslateFn& translate) {
  std::string out;
  out.reserve(text.size() * 2);
  Render(text, vars, translate, out);
  return out;
}

}  // namespace smedash::ui
