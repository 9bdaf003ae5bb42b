#include "ui/i18n.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace smedash::ui {
namespace {

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(fmt::format("cannot read {}", path.string()));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void LoadFile(const std::filesystem::path& path, boost::json::object& all,
              std::map<std::string, std::string, std::less<>>& texts) {
  boost::system::error_code ec;
  auto value = boost::json::parse(ReadFile(path), ec);
  if (ec || !value.is_object()) {
    throw std::runtime_error(fmt::format("{} is not a JSON object", path.string()));
  }
  for (const auto& [key, text] : value.as_object()) {
    if (!text.is_string()) {
      throw std::runtime_error(
          fmt::format("{}: '{}' is not a string", path.string(), std::string_view(key)));
    }
    if (!texts.emplace(std::string(key), std::string(text.as_string())).second) {
      throw std::runtime_error(
          fmt::format("{}: '{}' is defined twice", path.string(), std::string_view(key)));
    }
    all[key] = text;
  }
}

}  // namespace

// Each language is the union of <directory>/<lang>/*.json: one file per capability, so
// work on one capability does not edit another's texts.
Translations::Translations(const std::filesystem::path& directory) {
  for (auto [code, language] : {std::pair{"id", &id_}, std::pair{"en", &en_}}) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(directory / code)) {
      if (entry.path().extension() == ".json") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    boost::json::object all;
    for (const auto& path : files) LoadFile(path, all, language->texts);
    language->json = boost::json::serialize(all);
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
