//! Turns the header Beast parsed into our Request: the one place where the server's bytes
//! become what the router sees. Shared by the session and the HTTP fuzz target, so the
//! fuzzer exercises exactly what the server runs.
#pragma once
#include <boost/beast/http/message.hpp>

#include "http/request.hpp"

namespace smedash::http::detail {

// Method, target and fields: names lower-cased, a repeated field folded into one (RFC 9110
// 5.3), cookies folded with "; " (RFC 6265). The body is left to the caller.
Request ToRequest(const boost::beast::http::request_header<>& header);

}  // namespace smedash::http::detail
