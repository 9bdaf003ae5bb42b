#include "ui/html.hpp"

#include <gtest/gtest.h>

namespace smedash::ui {
namespace {

TEST(EscapeHtml, EscapesTheFiveSpecialCharacters) {
  EXPECT_EQ(EscapeHtml(R"(<a href="x" onclick='y'>&</a>)"),
            "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
}

TEST(EscapeHtml, LeavesUtf8Alone) { EXPECT_EQ(EscapeHtml("Rp 1.000 – Garut"), "Rp 1.000 – Garut"); }

TEST(JsonForScriptBlock, CannotCloseTheScriptElement) {
  EXPECT_EQ(JsonForScriptBlock(R"({"a":"</script><script>x"})"),
            R"({"a":"\u003c/script>\u003cscript>x"})");
}

TEST(JsonForScriptBlock, EscapesLineAndParagraphSeparators) {
  EXPECT_EQ(JsonForScriptBlock("\"a\xE2\x80\xA8"
                               "b\xE2\x80\xA9\""),
            "\"a\\u2028b\\u2029\"");
}

}  // namespace
}  // namespace smedash::ui
