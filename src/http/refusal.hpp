//! The answers the session gives by itself, to requests it refuses before the router runs
//! (400 unreadable, 404 file gone, 413 body too large, 431 header too large, 500, 507 no
//! room on disk for an upload's body): the API's error shape {"error":{"code","message"}}
//! for /api/ paths and JSON clients, plain text otherwise, in the language of the request's
//! lang cookie. Pure, so the session can call it on the I/O thread and tests without sockets.
#pragma once
#include <cstddef>

#include "http/request.hpp"
#include "http/response.hpp"

namespace smedash::http {

// `body_limit` is the route's largest body, named in a 413's message (0: not named).
// Security headers are set.
Response SessionRefusal(const Request& request, int status, std::size_t body_limit = 0);

}  // namespace smedash::http
