//! What the dashboard API refuses, as values the services can throw without knowing HTTP:
//! a bad parameter (400 bad_parameter, naming the field) or a position that is not loaded
//! (404 position_not_loaded). api_support turns them into the documented JSON errors.
#pragma once
#include <stdexcept>
#include <string>
#include <string_view>

#include "core/date.hpp"

namespace smedash::dashboard {

class ApiError : public std::runtime_error {
 public:
  enum class Kind { kBadParameter, kPositionNotLoaded };

  // `field` is the query parameter; `accepted` says what it takes ("os, dpk, …",
  // "yyyy-mm-dd"), shown in the message.
  static ApiError BadParameter(std::string_view field, std::string_view accepted) {
    return ApiError(Kind::kBadParameter, std::string(field), std::string(accepted));
  }
  static ApiError PositionNotLoaded(core::Date position) {
    return ApiError(Kind::kPositionNotLoaded, "position", position.ToIso());
  }

  Kind ErrorKind() const { return kind_; }
  const std::string& Field() const { return field_; }
  // Bad parameter: what the field accepts. Position not loaded: the position asked for.
  const std::string& Detail() const { return detail_; }

 private:
  ApiError(Kind kind, std::string field, std::string detail)
      : std::runtime_error("dashboard API: " + field + " refused"),
        kind_(kind),
        field_(std::move(field)),
        detail_(std::move(detail)) {}

  Kind kind_;
  std::string field_;
  std::string detail_;
};

}  // namespace smedash::dashboard
