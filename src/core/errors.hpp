//! Typed errors that abort an operation; http/router turns each into one status code,
//! giving the client the safe `what()` and keeping details for the log.
#pragma once
#include <stdexcept>
#include <string>

namespace smedash::core {

// 400: the request is wrong in a way the user can fix; the message is shown to them.
class ClientError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};
class Unauthorized : public std::runtime_error {  // 401
 public:
  using std::runtime_error::runtime_error;
};
class Forbidden : public std::runtime_error {  // 403
 public:
  using std::runtime_error::runtime_error;
};
class NotFound : public std::runtime_error {  // 404
 public:
  using std::runtime_error::runtime_error;
};
class Conflict : public std::runtime_error {  // 409
 public:
  using std::runtime_error::runtime_error;
};
class TooManyRequests : public std::runtime_error {  // 429
 public:
  using std::runtime_error::runtime_error;
};
// 503: a dependency (PostgreSQL) is down; the operation may succeed later.
class Unavailable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace smedash::core
