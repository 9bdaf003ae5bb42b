// Every message key of the komitmen reader is translated in both languages, with the same
// placeholders, and the file defines no key the code does not know.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>
#include <iterator>
#include <regex>
#include <set>
#include <string>

#include "komitmen/target_file.hpp"

namespace smedash::komitmen {
namespace {

boost::json::object Messages(const std::string& lang) {
  std::ifstream in(std::string(SMEDASH_WEB_ROOT) + "/i18n/" + lang + "/komitmen_file.json");
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return boost::json::parse(text).as_object();
}

std::set<std::string> Placeholders(std::string_view text) {
  std::set<std::string> names;
  const std::string copy(text);
  const std::regex placeholder(R"(\{([a-z_]+)\})");
  for (auto it = std::sregex_iterator(copy.begin(), copy.end(), placeholder);
       it != std::sregex_iterator(); ++it) {
    names.insert((*it)[1]);
  }
  return names;
}

TEST(KomitmenFileMessages, EveryKeyIsTranslatedInBothLanguagesWithTheSamePlaceholders) {
  const auto id = Messages("id");
  const auto en = Messages("en");
  for (const std::string_view key : file_key::kAll) {
    ASSERT_TRUE(id.contains(key)) << "id lacks " << key;
    ASSERT_TRUE(en.contains(key)) << "en lacks " << key;
    EXPECT_EQ(Placeholders(id.at(key).as_string()), Placeholders(en.at(key).as_string())) << key;
  }
  EXPECT_EQ(Placeholders(id.at(file_key::kDuplicate).as_string()),
            std::set<std::string>{"first_line"});
  EXPECT_EQ(Placeholders(id.at(file_key::kRegionMismatch).as_string()),
            (std::set<std::string>{"target", "region", "units"}));
}

TEST(KomitmenFileMessages, TheFilesHoldOnlyTheReadersKeys) {
  const std::set<std::string_view> known(file_key::kAll.begin(), file_key::kAll.end());
  for (const std::string lang : {"id", "en"}) {
    for (const auto& entry : Messages(lang)) {
      EXPECT_TRUE(known.count(entry.key())) << lang << ": " << entry.key();
    }
  }
}

}  // namespace
}  // namespace smedash::komitmen
