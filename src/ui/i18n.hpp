//! Translations from web/i18n/<lang>/*.json: Indonesian by default, English available.
#pragma once
#include <filesystem>
#include <map>
#include <string>
#include <string_view>

namespace smedash::ui {

class Translations {
 public:
  // Loads id/*.json and en/*.json under `directory`; throws when a file is invalid or a
  // key is defined twice.
  explicit Translations(const std::filesystem::path& directory);

  // The text for `key` in `lang` ("id" or "en"); the key itself when missing, so a gap is
  // visible rather than blank. `{name}` placeholders are filled from `args`.
  std::string Get(std::string_view lang, std::string_view key,
                  const std::map<std::string, std::string>& args = {}) const;
  // Every text of `lang` as one JSON object, for the page's ES modules.
  const std::string& Json(std::string_view lang) const;

 private:
  struct Language {
    std::map<std::string, std::string, std::less<>> texts;
    std::string json;
  };
  const Language& For(std::string_view lang) const;
  Language id_;
  Language en_;
};

}  // namespace smedash::ui
