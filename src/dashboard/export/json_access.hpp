//! Checked reads of the dashboard JSON an export lays out. The JSON is built by our own
//! handlers, so a wrong shape is a programming error: it throws std::invalid_argument
//! naming the field rather than exporting a silently wrong file.
#pragma once
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <string>
#include <string_view>

namespace smedash::dashboard::exports {

// The field's object; nullptr when missing or null.
const boost::json::object* OptionalObject(const boost::json::object& object, std::string_view key);
// The field's object; throws when missing, null or not an object.
const boost::json::object& RequiredObject(const boost::json::object& object, std::string_view key);
// The field's array; an empty array when missing or null ("nothing loaded" answers).
const boost::json::array& ArrayOrEmpty(const boost::json::object& object, std::string_view key);
// The field's string; "" when missing or null.
std::string StringOrEmpty(const boost::json::object& object, std::string_view key);
// An array element that must be an object.
const boost::json::object& ElementObject(const boost::json::value& element, std::string_view what);

}  // namespace smedash::dashboard::exports
