#include "http/server.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <sys/resource.h>

#include <algorithm>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <csignal>
#include <cstdint>
#include <map>
#include <mutex>
#include <stdexcept>
#include <vector>

#include "http/session.hpp"

namespace smedash::http {

namespace net = boost::asio;
using net::ip::tcp;

namespace {

// Every connection, idle ones too, holds a descriptor; a soft limit of 1024 (the usual
// default for a service) would let a thousand silent clients stop us accepting anyone.
// Raised to the hard limit, which needs no privilege.
void RaiseOpenFileLimit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur >= limit.rlim_max) return;
  const rlim_t before = limit.rlim_cur;
  limit.rlim_cur = limit.rlim_max;
  if (setrlimit(RLIMIT_NOFILE, &limit) == 0) {
    spdlog::info("open file limit raised from {} to {}", static_cast<std::uint64_t>(before),
                 static_cast<std::uint64_t>(limit.rlim_cur));
  }
}

}  // namespace

struct Server::Impl {
  Impl(ServerOptions server_options, const Router& router)
      : options(std::move(server_options)),
        workers(std::max(1U, options.worker_threads)),
        environment{router,
                    workers.get_executor(),
                    options.read_timeout,
                    options.upload_dir,
                    options.trusted_proxies,
                    stopping} {}

  net::awaitable<void> Accept();
  void BeginShutdown();  // on the I/O thread
  std::uint64_t Register(const std::shared_ptr<detail::Connection>& connection);
  void Forget(std::uint64_t id);

  ServerOptions options;
  // Declared before everything holding sockets or handlers, so it is destroyed last.
  net::io_context io{1};
  tcp::acceptor acceptor{io};
  net::signal_set signals{io};
  net::steady_timer grace{io};
  net::thread_pool workers;
  std::atomic<bool> stopping{false};
  detail::SessionEnvironment environment;
  std::uint16_t port = 0;

  std::mutex mutex;  // guards the two members below; sessions end on their own strands
  std::map<std::uint64_t, std::weak_ptr<detail::Connection>> connections;
  std::uint64_t next_connection_id = 0;
};

std::uint64_t Server::Impl::Register(const std::shared_ptr<detail::Connection>& connection) {
  std::lock_guard lock(mutex);
  const std::uint64_t id = next_connection_id++;
  connections.emplace(id, connection);
  return id;
}

void Server::Impl::Forget(std::uint64_t id) {
  std::lock_guard lock(mutex);
  connections.erase(id);
  // The last connection gone during a shutdown: nothing left to wait for.
  if (stopping && connections.empty()) net::post(io, [this] { grace.cancel(); });
}

net::awaitable<void> Server::Impl::Accept() {
  for (;;) {
    auto [error, socket] =
        co_await acceptor.async_accept(net::make_strand(io), net::as_tuple(net::use_awaitable));
    if (error) {
      if (stopping || error == net::error::operation_aborted) co_return;
      // Typically out of file descriptors: pause rather than spin, and keep serving.
      spdlog::warn("accept failed: {}", error.message());
      net::steady_timer pause(io, std::chrono::milliseconds(100));
      co_await pause.async_wait(net::as_tuple(net::use_awaitable));
      continue;
    }
    auto connection = std::make_shared<detail::Connection>(tcp::socket(std::move(socket)));
    const std::uint64_t id = Register(connection);
    net::co_spawn(connection->stream.get_executor(),
                  detail::ServeConnection(connection, environment),
                  [this, id](std::exception_ptr failure) {
                    // The one catch per session: a bug in one connection never ends the server.
                    if (failure) {
                      try {
                        std::rethrow_exception(failure);
                      } catch (const std::exception& e) {
                        spdlog::error("connection failed: {}", e.what());
                      } catch (...) {
                        spdlog::error("connection failed: non-standard exception");
                      }
                    }
                    Forget(id);
                  });
  }
}

void Server::Impl::BeginShutdown() {
  if (stopping.exchange(true)) return;
  boost::system::error_code ignored;
  acceptor.close(ignored);
  signals.cancel(ignored);
  // Back to the default action: a second Ctrl-C ends a shutdown that hangs.
  signals.clear(ignored);

  std::vector<std::shared_ptr<detail::Connection>> live;
  {
    std::lock_guard lock(mutex);
    for (const auto& [id, weak] : connections) {
      if (auto connection = weak.lock()) live.push_back(std::move(connection));
    }
  }
  spdlog::info("stopping: {} open connections", live.size());
  for (const auto& connection : live) {
    // Idle keep-alive connections are cut now; busy ones finish their request and close.
    net::post(connection->stream.get_executor(), [connection] {
      if (connection->awaiting_request) connection->stream.cancel();
    });
  }
  if (live.empty()) return;
  grace.expires_after(options.shutdown_grace);
  grace.async_wait([this](boost::system::error_code error) {
    if (error) return;  // cancelled: every connection finished in time
    spdlog::warn("stopping: requests still running after {} ms; leaving them",
                 options.shutdown_grace.count());
    io.stop();
  });
}

Server::Server(ServerOptions options, const Router& router)
    : impl_(std::make_unique<Impl>(std::move(options), router)) {
  RaiseOpenFileLimit();
  auto& impl = *impl_;
  try {
    tcp::resolver resolver(impl.io);
    const auto endpoints = resolver.resolve(impl.options.host, std::to_string(impl.options.port),
                                            tcp::resolver::passive);
    const tcp::endpoint endpoint = endpoints.begin()->endpoint();
    impl.acceptor.open(endpoint.protocol());
    impl.acceptor.set_option(net::socket_base::reuse_address(true));
    impl.acceptor.bind(endpoint);
    impl.acceptor.listen(net::socket_base::max_listen_connections);
    impl.port = impl.acceptor.local_endpoint().port();
  } catch (const boost::system::system_error& e) {
    throw std::runtime_error(fmt::format("cannot listen on {}:{}: {}", impl.options.host,
                                         impl.options.port, e.code().message()));
  }
}

Server::~Server() {
  // Run() may never have been called; the pool's threads must still be joined.
  impl_->workers.stop();
  impl_->workers.join();
}

std::uint16_t Server::Port() const { return impl_->port; }

void Server::Run() {
  auto& impl = *impl_;
  impl.signals.add(SIGINT);
  impl.signals.add(SIGTERM);
  impl.signals.async_wait([&impl](boost::system::error_code error, int signal_number) {
    if (error) return;
    spdlog::info("signal {}: stopping", signal_number);
    impl.BeginShutdown();
  });
  net::co_spawn(impl.io, impl.Accept(), [](std::exception_ptr failure) {
    if (failure) spdlog::error("accept loop ended by an exception");
  });
  spdlog::info("listening on http://{}:{}", impl.options.host, impl.port);
  impl.io.run();
  // Handlers still running after the grace period finish here; queued ones are dropped.
  impl.workers.stop();
  impl.workers.join();
  spdlog::info("stopped");
}

void Server::Stop() {
  net::post(impl_->io, [impl = impl_.get()] { impl->BeginShutdown(); });
}

}  // namespace smedash::http
