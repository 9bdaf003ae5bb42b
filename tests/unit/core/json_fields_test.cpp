#include "core/json_fields.hpp"

#include <gtest/gtest.h>

#include "core/errors.hpp"

namespace smedash::core {
namespace {

TEST(JsonFields, ReadsPresentFieldsAndTreatsNullAsAbsent) {
  auto object = ParseJsonObject(R"({"a":"x","b":true,"c":null})");
  EXPECT_EQ(StringField(object, "a"), "x");
  EXPECT_EQ(BoolField(object, "b"), true);
  EXPECT_EQ(StringField(object, "c"), std::nullopt);
  EXPECT_EQ(StringField(object, "missing"), std::nullopt);
}

TEST(JsonFields, WrongTypeIsAClientError) {
  auto object = ParseJsonObject(R"({"a":1,"b":"yes"})");
  EXPECT_THROW(StringField(object, "a"), ClientError);
  EXPECT_THROW(BoolField(object, "b"), ClientError);
}

TEST(JsonFields, RejectsNonObjectsGarbageAndDeepNesting) {
  EXPECT_THROW(ParseJsonObject("[1]"), ClientError);
  EXPECT_THROW(ParseJsonObject("{"), ClientError);
  EXPECT_THROW(ParseJsonObject(std::string(100, '[') + std::string(100, ']')), ClientError);
  std::string deep = "{\"a\":" + std::string(40, '[') + std::string(40, ']') + "}";
  EXPECT_THROW(ParseJsonObject(deep), ClientError);
}

// Stored through libpq, a NUL would silently cut a first name or a search short.
TEST(JsonFields, RejectsANulInAnyTextOrName) {
  EXPECT_THROW(ParseJsonObject(R"({"first_name":"Budi\u0000<script>"})"), ClientError);
  EXPECT_THROW(ParseJsonObject(R"({"filters":{"kanca":["KC Garut","\u0000"]}})"), ClientError);
  EXPECT_THROW(ParseJsonObject(R"({"a\u0000b":1})"), ClientError);
  EXPECT_EQ(StringField(ParseJsonObject(R"({"first_name":"Budi \u00e9"})"), "first_name"),
            "Budi \u00e9");
}

}  // namespace
}  // namespace smedash::core
