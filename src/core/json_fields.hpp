//! Reading untrusted JSON request bodies: bounded parse, typed and checked field access.
#pragma once
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace smedash::core {

// Parses a JSON object (size bounded by the server, depth by limits::kMaxJsonDepth) whose
// texts hold no NUL character; throws ClientError("invalid JSON body") otherwise.
boost::json::object ParseJsonObject(std::string_view body);

// The field as a string / bool when present and not null; throws ClientError naming the
// field when it has another type.
std::optional<std::string> StringField(const boost::json::object& object, std::string_view key);
std::optional<bool> BoolField(const boost::json::object& object, std::string_view key);

}  // namespace smedash::core
