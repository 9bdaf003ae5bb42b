//! One connection's read → dispatch → write loop. Internal to http: it includes Asio and
//! Beast, so only server.cpp and session.cpp include it.
#pragma once
#include <atomic>
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <chrono>
#include <filesystem>
#include <memory>

#include "http/router.hpp"

namespace smedash::http::detail {

// What every session shares; owned by the server, which outlives its sessions.
struct SessionEnvironment {
  const Router& router;
  boost::asio::any_io_executor workers;  // Router::Dispatch runs here, off the I/O thread
  std::chrono::milliseconds read_timeout;
  std::filesystem::path upload_dir;
  std::vector<std::string> trusted_proxies;  // see http/client_address.hpp
  const std::atomic<bool>& stopping;         // once set: finish the current request, then close
};

// A connection as the server's registry sees it, so a shutdown can close the idle ones.
struct Connection {
  explicit Connection(boost::asio::ip::tcp::socket socket) : stream(std::move(socket)) {}
  boost::beast::tcp_stream stream;
  // True while waiting for a request header: nothing is in flight, so a shutdown may cut
  // the connection. Read and written only on the stream's strand.
  bool awaiting_request = false;
};

// Serves requests on `connection` until the client closes, a timeout, an error or a stop.
boost::asio::awaitable<void> ServeConnection(std::shared_ptr<Connection> connection,
                                             const SessionEnvironment& environment);

}  // namespace smedash::http::detail
