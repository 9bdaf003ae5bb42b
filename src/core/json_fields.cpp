#include "core/json_fields.hpp"

#include <fmt/format.h>

#include <boost/json.hpp>

#include "core/errors.hpp"
#include "core/limits.hpp"

namespace smedash::core {

boost::json::object ParseJsonObject(std::string_view body) {
  boost::json::parse_options options;
  options.max_depth = limits::kMaxJsonDepth;
  boost::system::error_code ec;
  auto value = boost::json::parse(body, ec, {}, options);
  if (ec || !value.is_object()) throw ClientError("invalid JSON body: expected an object");
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
