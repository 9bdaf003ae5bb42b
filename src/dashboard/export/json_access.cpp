#include "dashboard/export/json_access.hpp"

#include <stdexcept>

namespace smedash::dashboard::exports {
namespace {

[[noreturn]] void WrongShape(std::string_view key, std::string_view expected) {
  throw std::invalid_argument("export data: \"" + std::string(key) + "\" is not " +
                              std::string(expected));
}

}  // namespace

const boost::json::object* OptionalObject(const boost::json::object& object, std::string_view key) {
  const boost::json::value* value = object.if_contains(key);
  if (value == nullptr || value->is_null()) return nullptr;
  if (!value->is_object()) WrongShape(key, "an object");
  return &value->get_object();
}

const boost::json::object& RequiredObject(const boost::json::object& object, std::string_view key) {
  const boost::json::object* found = OptionalObject(object, key);
  if (found == nullptr) WrongShape(key, "an object");
  return *found;
}

const boost::json::array& ArrayOrEmpty(const boost::json::object& object, std::string_view key) {
  static const boost::json::array kEmpty;
  const boost::json::value* value = object.if_contains(key);
  if (value == nullptr || value->is_null()) return kEmpty;
  if (!value->is_array()) WrongShape(key, "an array");
  return value->get_array();
}

std::string StringOrEmpty(const boost::json::object& object, std::string_view key) {
  const boost::json::value* value = object.if_contains(key);
  if (value == nullptr || value->is_null()) return {};
  if (!value->is_string()) WrongShape(key, "a string");
  return std::string(value->get_string());
}

const boost::json::object& ElementObject(const boost::json::value& element, std::string_view what) {
  if (!element.is_object()) WrongShape(what, "a list of objects");
  return element.get_object();
}

}  // namespace smedash::dashboard::exports
