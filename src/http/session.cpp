#include "http/session.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <array>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <random>
#include <tuple>
#include <utility>

#include "core/disk_full.hpp"
#include "core/limits.hpp"
#include "http/beast_request.hpp"
#include "http/client_address.hpp"
#include "http/refusal.hpp"

namespace smedash::http::detail {
namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using Clock = std::chrono::steady_clock;

constexpr auto kAsTuple = net::as_tuple(net::use_awaitable);

// After refusing a request whose body we did not read, we read and discard a little of
// what the client is still sending before closing: closing a socket with unread data
// makes the kernel send a reset, and the client may never see our answer.
constexpr std::size_t kDrainLimitBytes = 1024 * 1024;
constexpr auto kDrainTime = std::chrono::seconds(2);

std::string NewRequestId() {
  thread_local std::mt19937_64 engine{std::random_device{}()};
  return fmt::format("{:012x}", engine() & 0xFFFFFFFFFFFFULL);
}

// The path for the log: no query (it may hold personal data), no control characters
// (a decoded "%0A" must not forge a log line), bounded length.
std::string LoggablePath(const Request& request) {
  std::string path = request.Path().substr(0, 200);
  for (char& c : path) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = '?';
  }
  return path;
}

// The answer to a request we could not read, or 0 when the connection should simply close
// (the client left, timed out, or we are shutting down).
int StatusForReadError(const beast::error_code& error) {
  if (error == bhttp::error::header_limit) return 431;
  if (error == bhttp::error::body_limit) return 413;
  if (error == bhttp::error::end_of_stream || error == bhttp::error::partial_message) return 0;
  if (error.category() == bhttp::make_error_code(bhttp::error::bad_target).category()) return 400;
  return 0;
}

template <typename Body>
bhttp::response<Body> StartMessage(const Response& response, unsigned version, bool keep_alive) {
  bhttp::response<Body> message;
  message.version(version);
  message.result(static_cast<unsigned>(response.status));
  for (const auto& [name, value] : response.headers) message.insert(name, value);
  message.keep_alive(keep_alive);
  return message;
}

// Writes `response` (replaced by a 404 if its file cannot be opened, so the caller logs
// the status actually sent). HEAD answers carry the length of the body they omit.
net::awaitable<beast::error_code> WriteResponse(beast::tcp_stream& stream, const Request& request,
                                                Response& response, unsigned version, bool head,
                                                bool keep_alive) {
  if (response.file) {
    bhttp::file_body::value_type file;
    beast::error_code open_error;
    file.open(response.file->c_str(), beast::file_mode::scan, open_error);
    if (!open_error) {
      if (head) {
        auto message = StartMessage<bhttp::empty_body>(response, version, keep_alive);
        message.content_length(file.size());
        auto [error, bytes] = co_await bhttp::async_write(stream, message, kAsTuple);
        co_return error;
      }
      auto message = StartMessage<bhttp::file_body>(response, version, keep_alive);
      message.body() = std::move(file);
      message.prepare_payload();
      auto [error, bytes] = co_await bhttp::async_write(stream, message, kAsTuple);
      co_return error;
    }
    spdlog::warn("cannot open {}: {}", response.file->string(), open_error.message());
    response = SessionRefusal(request, 404);
  }
  if (head) {
    auto message = StartMessage<bhttp::empty_body>(response, version, keep_alive);
    message.content_length(response.body.size());
    auto [error, bytes] = co_await bhttp::async_write(stream, message, kAsTuple);
    co_return error;
  }
  auto message = StartMessage<bhttp::string_body>(response, version, keep_alive);
  message.body() = std::move(response.body);
  message.prepare_payload();
  auto [error, bytes] = co_await bhttp::async_write(stream, message, kAsTuple);
  co_return error;
}

net::awaitable<std::optional<std::string>> NextOnWorker(BodyStream& source) {
  co_return source.Next();
}

// Writes a response whose body comes from `response.stream`: the header, then each piece
// as an HTTP/1.1 chunk (HTTP/1.0 has no chunks: the body ends when the connection closes,
// so `keep_alive` is cleared). Each piece is made on a worker; a failure to make one, or
// a server stopping, cuts the connection before the last chunk, so the client cannot take
// a partial body for a whole one.
net::awaitable<beast::error_code> WriteStreamed(beast::tcp_stream& stream, Response& response,
                                                unsigned version, bool head, bool& keep_alive,
                                                const SessionEnvironment& environment) {
  const bool chunked = version >= 11;
  if (!chunked) keep_alive = false;
  auto message = StartMessage<bhttp::empty_body>(response, version, keep_alive);
  if (chunked) message.chunked(true);
  bhttp::response_serializer<bhttp::empty_body> serializer{message};
  stream.expires_after(environment.read_timeout);
  auto [header_error, header_bytes] =
      co_await bhttp::async_write_header(stream, serializer, kAsTuple);
  if (header_error || head) co_return header_error;
  const auto source = std::move(response.stream);
  for (;;) {
    if (environment.stopping) co_return make_error_code(net::error::operation_aborted);
    std::optional<std::string> piece;
    try {
      piece =
          co_await net::co_spawn(environment.workers, NextOnWorker(*source), net::use_awaitable);
    } catch (const std::exception& e) {
      spdlog::error("streamed response failed: {}", e.what());
      co_return make_error_code(net::error::operation_aborted);
    }
    if (!piece) break;
    if (piece->empty()) continue;
    stream.expires_after(environment.read_timeout);
    beast::error_code error;
    if (chunked) {
      std::tie(error, std::ignore) =
          co_await net::async_write(stream, bhttp::make_chunk(net::buffer(*piece)), kAsTuple);
    } else {
      std::tie(error, std::ignore) =
          co_await net::async_write(stream, net::buffer(*piece), kAsTuple);
    }
    if (error) co_return error;
  }
  if (!chunked) co_return beast::error_code{};
  stream.expires_after(environment.read_timeout);
  auto [error, bytes] = co_await net::async_write(stream, bhttp::make_chunk_last(), kAsTuple);
  co_return error;
}

net::awaitable<void> DrainBriefly(beast::tcp_stream& stream) {
  beast::error_code ignored;
  stream.socket().shutdown(net::ip::tcp::socket::shutdown_send, ignored);
  stream.expires_after(kDrainTime);
  std::array<char, 8192> scratch;
  for (std::size_t drained = 0; drained < kDrainLimitBytes;) {
    auto [error, bytes] = co_await stream.async_read_some(net::buffer(scratch), kAsTuple);
    if (error) break;
    drained += bytes;
  }
}

// A temporary upload file that removes itself unless the handler moved it away.
class TempFile {
 public:
  TempFile() = default;
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  ~TempFile() {
    std::error_code ignored;
    if (!path_.empty()) std::filesystem::remove(path_, ignored);
  }
  void Set(std::filesystem::path path) { path_ = std::move(path); }
  const std::filesystem::path& Path() const { return path_; }

 private:
  std::filesystem::path path_;
};

std::filesystem::path UploadPath(const SessionEnvironment& environment) {
  std::error_code error;
  std::filesystem::path dir = environment.upload_dir;
  if (dir.empty()) dir = std::filesystem::temp_directory_path(error);
  std::filesystem::create_directories(dir, error);
  return dir / fmt::format("upload-{}{}.part", NewRequestId(), NewRequestId());
}

net::awaitable<Response> DispatchOnWorker(const Router& router, const Request& request,
                                          DispatchInfo& info) {
  co_return router.Dispatch(request, &info);
}

net::awaitable<std::optional<Response>> AdmitOnWorker(const Router& router,
                                                      const Request& request) {
  co_return router.Admit(request);
}

// What reading the body produced: nothing (go on), a refusal to send before closing, or
// an instruction to drop the connection silently.
struct BodyOutcome {
  std::optional<Response> refusal;
  bool drop = false;
};

BodyOutcome FromReadError(const beast::error_code& error, const Request& request,
                          std::size_t body_limit) {
  const int status = StatusForReadError(error);
  if (status == 0) return {std::nullopt, true};
  return {SessionRefusal(request, status, body_limit), false};
}

net::awaitable<BodyOutcome> ReadBodyToMemory(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                             bhttp::request_parser<bhttp::empty_body>& head,
                                             const BodyPolicy& policy, Request& request,
                                             const SessionEnvironment& environment) {
  bhttp::request_parser<bhttp::string_body> parser{std::move(head)};
  parser.body_limit(policy.max_bytes);  // chunked bodies have no length to check up front
  if (!parser.is_done()) {
    stream.expires_after(environment.read_timeout);
    auto [error, bytes] = co_await bhttp::async_read(stream, buffer, parser, kAsTuple);
    if (error) co_return FromReadError(error, request, policy.max_bytes);
  }
  request.body = std::move(parser.get().body());
  co_return BodyOutcome{};
}

net::awaitable<BodyOutcome> ReadBodyToFile(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                           bhttp::request_parser<bhttp::empty_body>& head,
                                           const BodyPolicy& policy, const Request& request,
                                           TempFile& file, const SessionEnvironment& environment) {
  bhttp::request_parser<bhttp::file_body> parser{std::move(head)};
  parser.body_limit(policy.max_bytes);
  file.Set(UploadPath(environment));
  beast::error_code open_error;
  parser.get().body().open(file.Path().c_str(), beast::file_mode::write_new, open_error);
  if (open_error) {
    spdlog::error("cannot create upload file {}: {}", file.Path().string(), open_error.message());
    co_return BodyOutcome{SessionRefusal(request, 500), false};
  }
  while (!parser.is_done()) {
    // Per chunk, not in total: a large upload may take long, a stalled one may not.
    stream.expires_after(environment.read_timeout);
    auto [error, bytes] = co_await bhttp::async_read_some(stream, buffer, parser, kAsTuple);
    if (error && core::IsDiskFull(error)) {
      // Writing the body failed, not reading it: the admin must hear why. The partial
      // file goes with `file`.
      spdlog::error("upload body not stored, no space left in {}",
                    file.Path().parent_path().string());
      co_return BodyOutcome{SessionRefusal(request, 507), false};
    }
    if (error) co_return FromReadError(error, request, policy.max_bytes);
  }
  parser.get().body().close();
  co_return BodyOutcome{};
}

// Reads the body the route allows (refusing too large ones before reading them), after the
// early checks for uploads. `head` holds a parsed header.
net::awaitable<BodyOutcome> ReadBody(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                     bhttp::request_parser<bhttp::empty_body>& head,
                                     Request& request, TempFile& upload,
                                     const SessionEnvironment& environment) {
  const BodyPolicy policy = environment.router.BodyPolicyFor(request.method, request.target);
  if (head.content_length() && *head.content_length() > policy.max_bytes) {
    co_return BodyOutcome{SessionRefusal(request, 413, policy.max_bytes), false};
  }
  if (policy.to_file) {
    auto refusal = co_await net::co_spawn(
        environment.workers, AdmitOnWorker(environment.router, request), net::use_awaitable);
    if (refusal) co_return BodyOutcome{std::move(refusal), false};
  }
  const auto expect = request.Header("expect");
  if (!head.is_done() && expect && beast::iequals(*expect, "100-continue")) {
    bhttp::response<bhttp::empty_body> proceed{bhttp::status::continue_, head.get().version()};
    stream.expires_after(environment.read_timeout);
    auto [error, bytes] = co_await bhttp::async_write(stream, proceed, kAsTuple);
    if (error) co_return BodyOutcome{std::nullopt, true};
  }
  if (!policy.to_file) {
    co_return co_await ReadBodyToMemory(stream, buffer, head, policy, request, environment);
  }
  auto outcome =
      co_await ReadBodyToFile(stream, buffer, head, policy, request, upload, environment);
  if (!outcome.refusal && !outcome.drop) request.body_file = upload.Path();
  co_return outcome;
}

// Serves one request; true when the connection stays open for the next one.
net::awaitable<bool> ServeOne(Connection& connection, beast::flat_buffer& buffer,
                              const std::string& remote, const SessionEnvironment& environment) {
  auto& stream = connection.stream;
  bhttp::request_parser<bhttp::empty_body> head;
  head.header_limit(core::limits::kMaxHeaderBytes);
  head.body_limit(boost::none);  // ReadBody applies the route's limit
  connection.awaiting_request = true;
  stream.expires_after(environment.read_timeout);
  auto [read_error, header_bytes] =
      co_await bhttp::async_read_header(stream, buffer, head, kAsTuple);
  connection.awaiting_request = false;
  if (read_error) {
    const int status = StatusForReadError(read_error);
    if (status == 0) co_return false;
    spdlog::info("- - - {} remote={} ({})", status, remote, read_error.message());
    // Beast parses a header line by line: the request line and the fields that arrived
    // whole are in `head`, enough to tell an API call from a page, and its language.
    const Request partial = ToRequest(head.get());
    Response refusal = SessionRefusal(partial, status);
    stream.expires_after(environment.read_timeout);
    if (!co_await WriteResponse(stream, partial, refusal, 11, false, false)) {
      co_await DrainBriefly(stream);
    }
    co_return false;
  }

  const auto start = Clock::now();
  Request request = ToRequest(head.get());
  request.remote_address = ClientAddress(remote, request.Header("x-forwarded-for").value_or(""),
                                         environment.trusted_proxies);
  request.request_id = NewRequestId();
  const unsigned version = head.get().version();
  bool keep_alive = head.get().keep_alive();

  TempFile upload;
  BodyOutcome body = co_await ReadBody(stream, buffer, head, request, upload, environment);
  if (body.drop) co_return false;
  DispatchInfo info;
  Response response;
  if (body.refusal) {
    response = std::move(*body.refusal);
    keep_alive = false;  // the body may still be on its way; we cannot find the next request
  } else {
    response = co_await net::co_spawn(environment.workers,
                                      DispatchOnWorker(environment.router, request, info),
                                      net::use_awaitable);
  }
  if (environment.stopping) keep_alive = false;

  stream.expires_after(environment.read_timeout);
  const bool head_only = request.method == Method::kHead;
  const auto write_error =
      response.stream
          ? co_await WriteStreamed(stream, response, version, head_only, keep_alive, environment)
          : co_await WriteResponse(stream, request, response, version, head_only, keep_alive);
  const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
  spdlog::info("{} {} {} {} {}ms user={} id={}", MethodName(request.method),
               info.route_name.empty() ? "-" : info.route_name, LoggablePath(request),
               response.status, elapsed.count(), info.user_id, request.request_id);
  if (write_error) co_return false;
  if (body.refusal) co_await DrainBriefly(stream);
  co_return keep_alive;
}

}  // namespace

net::awaitable<void> ServeConnection(std::shared_ptr<Connection> connection,
                                     const SessionEnvironment& environment) {
  beast::error_code error;
  const auto peer = connection->stream.socket().remote_endpoint(error);
  const std::string remote = error ? std::string("-") : peer.address().to_string();
  // Persists across requests: it may already hold the start of a pipelined next request.
  beast::flat_buffer buffer;
  while (!environment.stopping && co_await ServeOne(*connection, buffer, remote, environment)) {
  }
  auto& socket = connection->stream.socket();
  socket.shutdown(net::ip::tcp::socket::shutdown_send, error);
  socket.close(error);
}

}  // namespace smedash::http::detail
