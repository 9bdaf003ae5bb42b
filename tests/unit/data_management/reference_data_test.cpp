// Codes and names typed by an admin follow the loan file's rules (domain.md section 2).
#include "data_management/reference_data.hpp"

#include <gtest/gtest.h>

namespace smedash::data_management {
namespace {

TEST(NormalizeCodeText, StoresCodesAsTheLoaderDoes) {
  EXPECT_EQ(NormalizeCodeText("42210"), "42210");
  EXPECT_EQ(NormalizeCodeText(" 42210.0 "), "42210");
  EXPECT_EQ(NormalizeCodeText("0005"), "5");
  EXPECT_EQ(NormalizeCodeText("000"), "0");
  EXPECT_EQ(NormalizeCodeText("KC-01"), "KC-01");  // not all digits: kept as written
  EXPECT_EQ(NormalizeCodeText("42210.5"), "42210.5");
  EXPECT_EQ(NormalizeCodeText(""), std::nullopt);
  EXPECT_EQ(NormalizeCodeText(" \t "), std::nullopt);
  EXPECT_EQ(NormalizeCodeText("12\n3"), std::nullopt);
  EXPECT_EQ(NormalizeCodeText(std::string(1001, '1')), std::nullopt);
  EXPECT_EQ(NormalizeCodeText(std::string(1000, '1')), std::string(1000, '1'));
}

TEST(NormalizeNameText, TrimsAndCollapsesBlanks) {
  EXPECT_EQ(NormalizeNameText("  KC   Bandung\tAA \r\n"), "KC Bandung AA");
  EXPECT_EQ(NormalizeNameText("\xC2\xA0KCP Caf\xC3\xA9\xC2\xA0"), "KCP Caf\xC3\xA9");
  EXPECT_EQ(NormalizeNameText("<b>KCP</b>"), "<b>KCP</b>");  // escaped on output, kept here
  EXPECT_EQ(NormalizeNameText(""), std::nullopt);
  EXPECT_EQ(NormalizeNameText("KCP\x7f"), std::nullopt);
  EXPECT_EQ(NormalizeNameText(std::string(999, 'a') + "\xC3\xA9"),
            std::string(999, 'a') + "\xC3\xA9");
  EXPECT_EQ(NormalizeNameText(std::string(1001, 'a')), std::nullopt);
}

TEST(KancaKey, IsTheUpperCaseName) {
  EXPECT_EQ(KancaKey("KC Bandung aa"), "KC BANDUNG AA");
  EXPECT_EQ(KancaKey("kc caf\xC3\xA9"), "KC CAF\xC3\xA9");  // ASCII only, as units.kanca_key
}

}  // namespace
}  // namespace smedash::data_management
