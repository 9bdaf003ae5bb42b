#include "ui/i18n.hpp"

#include <gtest/gtest.h>

namespace smedash::ui {
namespace {

const Translations& Shipped() {
  static const Translations translations(std::filesystem::path(SMEDASH_WEB_ROOT) / "i18n");
  return translations;
}

TEST(Translations, IndonesianIsTheDefaultAndEnglishIsAvailable) {
  EXPECT_EQ(Shipped().Get("id", "login.error.invalid"), "Nama pengguna atau kata sandi salah.");
  EXPECT_EQ(Shipped().Get("en", "login.error.invalid"), "Wrong username or password.");
  EXPECT_EQ(Shipped().Get("xx", "login.error.invalid"), "Nama pengguna atau kata sandi salah.");
}

TEST(Translations, MissingKeyShowsTheKey) {
  EXPECT_EQ(Shipped().Get("id", "no.such.key"), "no.such.key");
}

TEST(Translations, PlaceholdersAreFilled) {
  std::string text = Shipped().Get("id", "login.error.locked", {{"minutes", "15"}});
  EXPECT_NE(text.find("15"), std::string::npos);
  EXPECT_EQ(text.find("{minutes}"), std::string::npos);
}

}  // namespace
}  // namespace smedash::ui
