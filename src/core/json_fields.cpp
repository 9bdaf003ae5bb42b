#include "core/json_fields.hpp"

#include <fmt/format.h>

#include <boost/json.hpp>

#include "core/errors.hpp"
#include "core/limits.hpp"

namespace smedash::core {

namespace {

// PostgreSQL text cannot hold a NUL, and libpq passes parameters as C strings: a "\u0000"
// in a name or a search would silently cut the value short where it is stored or matched.
bool HoldsNul(const boost::json::value& value) {
  if (const auto* text = value.if_string())
    return text->subview().find('\0') != std::string_view::npos;
  if (const auto* array = value.if_array()) {
    for (const auto& item : *array) {
      if (HoldsNul(item)) return true;
    }
  }
  if (const auto* object = value.if_object()) {
    for (const auto& member : *object) {
      if (member.key().find('\0') != std::string_view::npos || HoldsNul(member.value())) {
        return true;
      }
    }
  }
  return false;
}

}  // namespace

boost::json::object ParseJsonObject(std::string_view body) {
  boost::json::parse_options options;
  options.max_depth = limits::kMaxJsonDepth;
  boost::system::error_code ec;
  auto value = boost::json::parse(body, ec, {}, options);
  if (ec || !value.is_object()) throw ClientError("invalid JSON body: expected an object");
  if (HoldsNul(value)) throw ClientError("invalid JSON body: a text holds a NUL character");
  return std::move(value.as_object());
}

std::optional<std::string> StringField(const boost::json::object& object, std::string_view key) {
  const auto* value = object.if_contains(key);
  if (value == nullptr || value->is_null()) return std::nullopt;
  if (!value->is_string()) throw ClientError(fmt::format("field '{}' must be a string", key));
  return std::string(value->as_string());
}

std::optional<bool> BoolField(const boost::json::object& object, std::string_view key) {
  const auto* value = object.if_contains(key);
  if (value == nullptr || value->is_null()) return std::nullopt;
  if (!value->is_bool()) throw ClientError(fmt::format("field '{}' must be true or false", key));
  return value->as_bool();
}

}  // namespace smedash::core
