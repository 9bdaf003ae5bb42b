#include "ui/i18n.hpp"

#include <fmt/format.h>

#include <boost/json.hpp>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace smedash::ui {
namespace {

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(fmt::format("cannot read {}", path.string()));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace

Translations::Translations(const std::filesystem::path& directory) {
  for (auto [code, language] : {std::pair{"id", &id_}, std::pair{"en", &en_}}) {
    auto path = directory / fmt::format("{}.json", code);
    language->json = ReadFile(path);
    boost::system::error_code ec;
    auto value = boost::json::parse(language->json, ec);
    if (ec || !value.is_object()) {
      throw std::runtime_error(fmt::format("{} is not a JSON object", path.string()));
    }
    for (const auto& [key, text] : value.as_object()) {
      if (!text.is_string()) {
        throw std::runtime_error(
            fmt::format("{}: '{}' is not a string", path.string(), std::string_view(key)));
      }
      language->texts.emplace(std::string(key), std::string(text.as_string()));
    }
  }
}

const Translations::Language& Translations::For(std::string_view lang) const {
  return lang == "en" ? en_ : id_;
}

std::string Translations::Get(std::string_view lang, std::string_view key,
                              const std::map<std::string, std::string>& args) const {
  const auto& texts = For(lang).texts;
  auto it = texts.find(key);
  std::string text = it == texts.end() ? std::string(key) : it->second;
  for (const auto& [name, value] : args) {
    std::string placeholder = "{" + name + "}";
    for (auto pos = text.find(placeholder); pos != std::string::npos;
         pos = text.find(placeholder, pos + value.size())) {
      text.replace(pos, placeholder.size(), value);
    }
  }
  return text;
}

const std::string& Translations::Json(std::string_view lang) const { return For(lang).json; }

}  // namespace smedash::ui
