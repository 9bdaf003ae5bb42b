#include "ui/template.hpp"

#include <gtest/gtest.h>

namespace smedash::ui {
namespace {

std::string Upper(std::string_view key) { return "T[" + std::string(key) + "]"; }

TEST(RenderTemplate, EscapesVariablesByDefault) {
  EXPECT_EQ(RenderTemplate("<p>{{name}}</p>", {{"name", "<script>\"x\"&'y'"}}, Upper),
            "<p>&lt;script&gt;&quot;x&quot;&amp;&#39;y&#39;</p>");
}

TEST(RenderTemplate, TripleBracesInsertRaw) {
  EXPECT_EQ(RenderTemplate("{{{body}}}", {{"body", "<b>ok</b>"}}, Upper), "<b>ok</b>");
}

TEST(RenderTemplate, TranslationsAreLookedUpAndEscaped) {
  auto translate = [](std::string_view) { return std::string("a<b"); };
  EXPECT_EQ(RenderTemplate("{{t:nav.home}}", {}, translate), "a&lt;b");
}

TEST(RenderTemplate, SectionShownWhenNonEmptyInvertedWhenEmpty) {
  std::string text = "{{#admin}}A{{/admin}}{{^admin}}U{{/admin}}";
  EXPECT_EQ(RenderTemplate(text, {{"admin", "1"}}, Upper), "A");
  EXPECT_EQ(RenderTemplate(text, {{"admin", ""}}, Upper), "U");
}

TEST(RenderTemplate, SectionBodiesRenderVariables) {
  EXPECT_EQ(RenderTemplate("{{#e}}<div>{{e}}</div>{{/e}}", {{"e", "<x>"}}, Upper),
            "<div>&lt;x&gt;</div>");
}

TEST(RenderTemplate, UnknownVariableIsAnError) {
  EXPECT_THROW(RenderTemplate("{{missing}}", {}, Upper), std::runtime_error);
}

TEST(RenderTemplate, UnclosedSectionIsAnError) {
  EXPECT_THROW(RenderTemplate("{{#a}}x", {{"a", "1"}}, Upper), std::runtime_error);
  EXPECT_THROW(RenderTemplate("{{a", {{"a", "1"}}, Upper), std::runtime_error);
}

}  // namespace
}  // namespace smedash::ui
