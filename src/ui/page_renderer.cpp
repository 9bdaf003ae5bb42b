#include "ui/page_renderer.hpp"

#include <fmt/format.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "ui/html.hpp"

namespace smedash::ui {
namespace {

std::map<std::string, std::string> LoadTemplates(const std::filesystem::path& root) {
  std::map<std::string, std::string> templates;
  if (!std::filesystem::is_directory(root)) {
    throw std::runtime_error(fmt::format("templates folder {} is missing", root.string()));
  }
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".html") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    templates.emplace(entry.path().lexically_relative(root).generic_string(), text.str());
  }
  return templates;
}

// The navbar's current page marker matches a menu entry by prefix ("/accounts/users/"
// stays active on deeper paths), except the home entry, which only matches itself.
bool IsActive(const std::string& href, const std::string& path) {
  return href == "/" ? path == "/" : path.starts_with(href);
}

}  // namespace

PageRenderer::PageRenderer(const std::filesystem::path& web_root)
    : translations_(web_root / "i18n"), templates_(LoadTemplates(web_root / "templates")) {}

void PageRenderer::AddMenuItem(MenuItem item) { menu_.push_back(std::move(item)); }

const std::string& PageRenderer::Template(const std::string& name) const {
  auto it = templates_.find(name);
  if (it == templates_.end()) throw std::runtime_error("template missing: " + name);
  return it->second;
}

std::string PageRenderer::Sidebar(const http::RequestContext& context) const {
  bool admin = context.principal && context.principal->role == core::Role::kAdmin;
  std::string path = context.request.Path();
  std::string html = "<nav class=\"sidebar-nav\">";
  std::string open_section;
  for (const auto& item : menu_) {
    if (item.admin_only && !admin) continue;
    if (item.section_key != open_section) {
      if (!open_section.empty()) html += "</ul>";
      html += fmt::format("<div class=\"sidebar-heading\">{}</div><ul class=\"nav flex-column\">",
                          EscapeHtml(T(context, item.section_key)));
      open_section = item.section_key;
    }
    html += fmt::format(
        "<li class=\"nav-item\"><a class=\"nav-link{}\" href=\"{}\"{}><i class=\"bi bi-{}\"></i>"
        "<span>{}</span></a></li>",
        IsActive(item.href, path) ? " active" : "", EscapeHtml(item.href),
        IsActive(item.href, path) ? " aria-current=\"page\"" : "", EscapeHtml(item.icon),
        EscapeHtml(T(context, item.label_key)));
  }
  if (!open_section.empty()) html += "</ul>";
  return html + "</nav>";
}

void PageRenderer::AddLanguageVars(const http::RequestContext& context, TemplateVars& vars) const {
  bool english = context.lang == "en";
  vars["lang"] = context.lang;
  vars["other_lang"] = english ? "id" : "en";
  vars["other_lang_label"] = english ? "Bahasa Indonesia" : "English";
  vars["current_path"] = http::UrlEncode(context.request.target);
}

http::Response PageRenderer::RenderPage(const http::RequestContext& context,
                                        const Page& page) const {
  const core::Principal& user = context.User();
  auto translate = [&](std::string_view key) { return translations_.Get(context.lang, key); };
  TemplateVars vars = page.vars;
  AddLanguageVars(context, vars);
  vars["title"] = T(context, page.title_key);
  vars["csrf_token"] = user.csrf_token;
  vars["user_name"] = user.display_name;
  vars["user_role"] = T(context, user.role == core::Role::kAdmin ? "role.admin" : "role.user");
  vars["is_admin"] = user.role == core::Role::kAdmin ? "1" : "";
  vars["sidebar"] = Sidebar(context);
  vars["page_module"] = page.module;
  vars["i18n_json"] = JsonForScriptBlock(translations_.Json(context.lang));
  vars["body"] = RenderTemplate(Template(page.template_name), vars, translate);
  return http::Response::Html(page.status,
                              RenderTemplate(Template("layout.html"), vars, translate));
}

http::Response PageRenderer::RenderStandalone(const http::RequestContext& context,
                                              const std::string& template_name, TemplateVars vars,
                                              int status) const {
  AddLanguageVars(context, vars);
  auto translate = [&](std::string_view key) { return translations_.Get(context.lang, key); };
  return http::Response::Html(status, RenderTemplate(Template(template_name), vars, translate));
}

http::Response PageRenderer::RenderError(const http::RequestContext& context, int status,
                                         const std::string& message) const {
  TemplateVars vars{{"status", std::to_string(status)}, {"message", message}};
  if (context.principal) {
    return RenderPage(context, Page{"page.error.title", "pages/error.html", vars, "", status});
  }
  // Nobody signed in (an unknown address, say): the same body in a bare shell.
  AddLanguageVars(context, vars);
  auto translate = [&](std::string_view key) { return translations_.Get(context.lang, key); };
  std::string body = RenderTemplate(Template("pages/error.html"), vars, translate);
  return http::Response::Html(
      status,
      fmt::format(
          "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\">"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
          "<title>{} · SME Performance Highlights</title>"
          "<link rel=\"icon\" href=\"/static/app/img/favicon.svg\">"
          "<link rel=\"stylesheet\" href=\"/static/vendor/bootstrap/css/bootstrap.min.css\">"
          "<link rel=\"stylesheet\" href=\"/static/app/css/app.css\"></head>"
          "<body class=\"error-standalone\"><main class=\"container py-5\">{}</main>"
          "</body></html>",
          EscapeHtml(context.lang), EscapeHtml(T(context, "page.error.title")), body));
}

}  // namespace smedash::ui
