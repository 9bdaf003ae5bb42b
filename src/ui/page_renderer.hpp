//! Renders pages into the shared layout (sidebar by role, navbar, CSRF meta, language),
//! standalone pages (sign-in) and error pages. Capabilities add their menu entries here
//! when they register routes, so the sidebar lists exactly the pages that exist.
#pragma once
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "http/router.hpp"
#include "ui/i18n.hpp"
#include "ui/template.hpp"

namespace smedash::ui {

struct MenuItem {
  std::string section_key;  // "nav.section.dashboard"
  std::string label_key;    // "nav.home"
  std::string href;         // "/"
  std::string icon;         // Bootstrap Icons name, "house-door"
  bool admin_only = false;
};

struct Page {
  std::string title_key;      // "page.home.title"
  std::string template_name;  // "pages/home.html" under web/templates
  TemplateVars vars;
  std::string module;  // "/static/app/js/users.mjs", or empty
  int status = 200;
};

class PageRenderer {
 public:
  // Loads every template under <web_root>/templates and the translations once.
  explicit PageRenderer(const std::filesystem::path& web_root);

  void AddMenuItem(MenuItem item);

  http::Response RenderPage(const http::RequestContext& context, const Page& page) const;
  // A page without the layout (sign-in); `vars` gain lang/other_lang/other_lang_label.
  http::Response RenderStandalone(const http::RequestContext& context,
                                  const std::string& template_name, TemplateVars vars,
                                  int status = 200) const;
  // In the layout when someone is signed in, in a bare shell otherwise.
  http::Response RenderError(const http::RequestContext& context, int status,
                             const std::string& message) const;

  const Translations& Texts() const { return translations_; }
  std::string T(const http::RequestContext& context, std::string_view key) const {
    return translations_.Get(context.lang, key);
  }

 private:
  const std::string& Template(const std::string& name) const;
  std::string Sidebar(const http::RequestContext& context) const;
  void AddLanguageVars(const http::RequestContext& context, TemplateVars& vars) const;

  Translations translations_;
  std::map<std::string, std::string> templates_;
  std::vector<MenuItem> menu_;
};

}  // namespace smedash::ui
