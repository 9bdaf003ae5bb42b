// The real server on a free port, probed with raw POSIX sockets so each test controls
// exactly which bytes arrive and when (garbage, silence, oversized parts).
#include "http/server.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fstream>
#include <random>
#include <thread>

namespace smedash::http {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

struct Reply {
  int status = 0;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;

  std::string Header(const std::string& lower_name) const {
    const auto it = headers.find(lower_name);
    return it == headers.end() ? std::string() : it->second;
  }
};

// A blocking client with a receive timeout, so a server bug fails a test instead of hanging it.
class Client {
 public:
  explicit Client(std::uint16_t port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    timeval timeout{5, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  }
  ~Client() { ::close(fd_); }
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  bool connected() const { return connected_; }

  bool Send(std::string_view data) {
    while (!data.empty()) {
      const ssize_t sent = ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
      if (sent <= 0) return false;
      data.remove_prefix(static_cast<std::size_t>(sent));
    }
    return true;
  }

  // Reads one response; `head` when it answers a HEAD request (no body follows).
  std::optional<Reply> Read(bool head = false) {
    std::size_t header_end;
    while ((header_end = buffer_.find("\r\n\r\n")) == std::string::npos) {
      if (!Fill()) return std::nullopt;
    }
    Reply reply;
    std::string_view header(buffer_.data(), header_end);
    reply.status = std::stoi(std::string(header.substr(9, 3)));
    header.remove_prefix(std::min(header.size(), header.find("\r\n")));
    while (!header.empty()) {
      header.remove_prefix(2);
      const std::string_view line = header.substr(0, header.find("\r\n"));
      header.remove_prefix(line.size());
      const auto colon = line.find(':');
      std::string name(line.substr(0, colon));
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      reply.headers[name] = std::string(line.substr(colon + 2));
    }
    buffer_.erase(0, header_end + 4);
    const std::size_t length =
        head || reply.status == 100 ? 0 : std::stoul(reply.Header("content-length"));
    while (buffer_.size() < length) {
      if (!Fill()) return std::nullopt;
    }
    reply.body = buffer_.substr(0, length);
    buffer_.erase(0, length);
    return reply;
  }

  // True when the server closes the connection within the receive timeout.
  bool WaitClosed() {
    while (Fill()) {
    }
    return errno_ != EAGAIN && errno_ != EWOULDBLOCK;
  }

  const std::string& Unread() const { return buffer_; }

 private:
  bool Fill() {
    char chunk[65536];
    const ssize_t received = ::recv(fd_, chunk, sizeof chunk, 0);
    if (received <= 0) {
      errno_ = received == 0 ? 0 : errno;
      return false;
    }
    buffer_.append(chunk, static_cast<std::size_t>(received));
    return true;
  }

  int fd_;
  bool connected_ = false;
  int errno_ = 0;
  std::string buffer_;
};

// Signs in "cookie: sessionid=budi".
class FakeGatekeeper : public Gatekeeper {
 public:
  std::optional<core::Principal> Authenticate(const Request& request) const override {
    if (request.Cookie("sessionid") != "budi") return std::nullopt;
    return core::Principal{7, "budi", "Budi", core::Role::kUser, "tok-budi", "hash"};
  }
};

Route MakeRoute(Method method, std::string pattern, Handler handler) {
  Route route;
  route.method = method;
  route.pattern = std::move(pattern);
  route.access = Access::kPublic;
  route.kind = Kind::kApi;
  route.name = "test";
  route.handler = std::move(handler);
  route.csrf_exempt = true;
  return route;
}

// A streamed body of the given pieces, then the end (or, when `fail`, an exception).
class Pieces : public BodyStream {
 public:
  explicit Pieces(std::vector<std::string> pieces, bool fail = false)
      : pieces_(std::move(pieces)), fail_(fail) {}
  std::optional<std::string> Next() override {
    if (next_ < pieces_.size()) return pieces_[next_++];
    if (fail_) throw std::runtime_error("the body could not be made");
    return std::nullopt;
  }

 private:
  std::vector<std::string> pieces_;
  std::size_t next_ = 0;
  bool fail_;
};

// The data of an HTTP/1.1 chunked body, and whether its last chunk ("0") arrived.
std::pair<std::string, bool> Unchunk(std::string_view body) {
  std::string data;
  while (!body.empty()) {
    const auto line_end = body.find("\r\n");
    if (line_end == std::string_view::npos) break;
    const std::size_t size = std::stoul(std::string(body.substr(0, line_end)), nullptr, 16);
    if (size == 0) return {data, body.substr(line_end) == "\r\n\r\n"};
    data += body.substr(line_end + 2, size);
    body.remove_prefix(std::min(body.size(), line_end + 2 + size + 2));
  }
  return {data, false};
}

std::string Get(std::string_view target, std::string_view extra_headers = "") {
  return "GET " + std::string(target) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
         std::string(extra_headers) + "\r\n";
}

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    scratch_ =
        fs::temp_directory_path() / ("smedash-server-" + std::to_string(std::random_device{}()));
    fs::create_directories(scratch_ / "uploads");
    std::ofstream(scratch_ / "file.txt") << "file contents";

    router_.SetGatekeeper(std::make_shared<FakeGatekeeper>());
    router_.Add(MakeRoute(Method::kGet, "/hello",
                          [](RequestContext&) { return Response::Text(200, "hello"); }));
    router_.Add(MakeRoute(Method::kPost, "/echo", [](RequestContext& context) {
      return Response::Text(200, context.request.body);
    }));
    router_.Add(MakeRoute(Method::kPost, "/api/echo", [](RequestContext& context) {
      return Response::Text(200, context.request.body);
    }));
    router_.Add(MakeRoute(Method::kGet, "/who", [](RequestContext& context) {
      return Response::Text(200, context.request.remote_address + " " + context.request.request_id);
    }));
    router_.Add(MakeRoute(Method::kGet, "/slow", [](RequestContext&) {
      std::this_thread::sleep_for(500ms);
      return Response::Text(200, "slow");
    }));
    router_.Add(MakeRoute(Method::kGet, "/file", [this](RequestContext&) {
      return Response::File(scratch_ / "file.txt", "text/plain");
    }));
    router_.Add(MakeRoute(Method::kGet, "/gone", [this](RequestContext&) {
      return Response::File(scratch_ / "missing.txt", "text/plain");
    }));
    // Bodies made while they are sent: three pieces (an empty one between, "not yet"),
    // and one whose maker fails after its first piece.
    router_.Add(MakeRoute(Method::kGet, "/stream", [](RequestContext&) {
      return Response::Stream(
          std::make_shared<Pieces>(std::vector<std::string>{"one,", "", "two,", "three"}),
          "text/plain");
    }));
    router_.Add(MakeRoute(Method::kGet, "/stream-fails", [](RequestContext&) {
      return Response::Stream(std::make_shared<Pieces>(std::vector<std::string>{"first"}, true),
                              "text/plain");
    }));
    Route upload = MakeRoute(Method::kPost, "/api/v1/uploads", [](RequestContext& context) {
      const fs::path& file = context.request.body_file;
      std::ifstream in(file, std::ios::binary);
      std::string head(4, '\0');
      in.read(head.data(), 4);
      return Response::Text(200, std::to_string(fs::file_size(file)) + " " + head + " " +
                                     std::to_string(context.request.body.size()));
    });
    upload.access = Access::kSignedIn;
    upload.csrf_exempt = false;
    upload.body_to_file = true;
    upload.max_body_bytes = 8 * 1024 * 1024;
    router_.Add(std::move(upload));

    ServerOptions options;
    options.host = "127.0.0.1";
    options.port = 0;
    options.worker_threads = 2;
    options.read_timeout = 1s;
    options.upload_dir = scratch_ / "uploads";
    options.shutdown_grace = 5s;
    options.trusted_proxies = TrustedProxies();
    server_ = std::make_unique<Server>(options, router_);
    thread_ = std::thread([this] { server_->Run(); });
  }

  void TearDown() override {
    server_->Stop();
    thread_.join();
    server_.reset();
    fs::remove_all(scratch_);
  }

  bool UploadsEmptySoon() {
    for (int attempt = 0; attempt < 100; ++attempt) {
      if (fs::is_empty(scratch_ / "uploads")) return true;
      std::this_thread::sleep_for(20ms);
    }
    return false;
  }

  std::uint16_t Port() const { return server_->Port(); }
  virtual std::vector<std::string> TrustedProxies() const { return {}; }

  fs::path scratch_;
  Router router_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
};

TEST_F(ServerTest, ServesRequestsOnAKeptAliveConnection) {
  ASSERT_NE(Port(), 0);
  Client client(Port());
  ASSERT_TRUE(client.connected());
  for (int round = 0; round < 3; ++round) {
    ASSERT_TRUE(client.Send(Get("/hello")));
    const auto reply = client.Read();
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->status, 200);
    EXPECT_EQ(reply->body, "hello");
    EXPECT_EQ(reply->Header("x-frame-options"), "DENY");
  }
}

TEST_F(ServerTest, PipelinedRequestsAnswerInOrder) {
  Client client(Port());
  ASSERT_TRUE(client.Send(Get("/hello") + Get("/nope") + Get("/hello", "Connection: close\r\n")));
  EXPECT_EQ(client.Read()->status, 200);
  EXPECT_EQ(client.Read()->status, 404);
  const auto last = client.Read();
  ASSERT_TRUE(last);
  EXPECT_EQ(last->body, "hello");
  EXPECT_EQ(last->Header("connection"), "close");
  EXPECT_TRUE(client.WaitClosed());
}

TEST_F(ServerTest, SetsRemoteAddressAndRequestId) {
  Client client(Port());
  ASSERT_TRUE(client.Send(Get("/who")));
  const auto reply = client.Read();
  ASSERT_TRUE(reply);
  ASSERT_EQ(reply->body.size(), std::string("127.0.0.1 ").size() + 12);
  EXPECT_TRUE(reply->body.starts_with("127.0.0.1 "));
}

TEST_F(ServerTest, ForwardedForFromAnUntrustedPeerIsIgnored) {
  Client client(Port());
  ASSERT_TRUE(client.Send(Get("/who", "X-Forwarded-For: 198.51.100.7\r\n")));
  const auto reply = client.Read();
  ASSERT_TRUE(reply);
  EXPECT_TRUE(reply->body.starts_with("127.0.0.1 ")) << reply->body;
}

// The server behind a reverse proxy on this machine (SECURITY.md).
class ProxiedServerTest : public ServerTest {
 protected:
  std::vector<std::string> TrustedProxies() const override { return {"127.0.0.1"}; }
};

TEST_F(ProxiedServerTest, TheTrustedProxysForwardedForNamesTheClient) {
  Client client(Port());
  ASSERT_TRUE(client.Send(Get("/who", "X-Forwarded-For: 203.0.113.66, 198.51.100.7\r\n")));
  const auto reply = client.Read();
  ASSERT_TRUE(reply);
  EXPECT_TRUE(reply->body.starts_with("198.51.100.7 ")) << reply->body;
}

TEST_F(ServerTest, GarbageGets400AndTheServerStillServes) {
  Client garbage(Port());
  // The start of a TLS ClientHello: what a browser sends when told https:// by mistake.
  ASSERT_TRUE(
      garbage.Send(std::string("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n", 15)));
  const auto reply = garbage.Read();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 400);
  EXPECT_TRUE(garbage.WaitClosed());

  Client normal(Port());
  ASSERT_TRUE(normal.Send(Get("/hello")));
  EXPECT_EQ(normal.Read()->body, "hello");
}

TEST_F(ServerTest, SilentClientDoesNotBlockOthersAndIsDropped) {
  Client silent(Port());
  ASSERT_TRUE(silent.connected());
  Client other(Port());
  ASSERT_TRUE(other.Send(Get("/hello")));
  const auto reply = other.Read();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->body, "hello");
  EXPECT_TRUE(silent.WaitClosed());  // read timeout is 1 s; the client waits up to 5 s
  EXPECT_TRUE(silent.Unread().empty());
}

TEST_F(ServerTest, TricklingHeaderIsDroppedAtTheDeadline) {
  Client slow(Port());
  ASSERT_TRUE(slow.Send("GET /hello HTTP/1.1\r\n"));
  // One header line every 200 ms for 3 s: never idle, but never done within 1 s either.
  for (int line = 0; line < 15; ++line) {
    std::this_thread::sleep_for(200ms);
    if (!slow.Send("X-Drip: 1\r\n")) break;
  }
  EXPECT_TRUE(slow.WaitClosed());
  EXPECT_TRUE(slow.Unread().empty());
}

TEST_F(ServerTest, OversizedHeaderGets431) {
  Client client(Port());
  ASSERT_TRUE(client.Send("GET /hello HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(20000, 'a') +
                          "\r\n\r\n"));
  const auto reply = client.Read();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 431);
  EXPECT_EQ(reply->Header("content-type"), "text/plain; charset=utf-8");
  EXPECT_EQ(reply->body,
            "Header permintaan lebih besar dari batas 16 KB. Hapus cookie situs ini di peramban "
            "lalu coba lagi.");
  EXPECT_TRUE(client.WaitClosed());
}

// The header never parsed, but its request line and the cookie before the oversized field
// arrived: an API client gets the API's JSON error, in its language.
TEST_F(ServerTest, OversizedHeaderOnAnApiPathGets431AsJson) {
  Client client(Port());
  ASSERT_TRUE(client.Send("GET /api/v1/me HTTP/1.1\r\nHost: x\r\nCookie: lang=en\r\nX-Big: " +
                          std::string(20000, 'a') + "\r\n\r\n"));
  const auto reply = client.Read();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 431);
  EXPECT_EQ(reply->Header("content-type"), "application/json");
  EXPECT_EQ(
      reply->body,
      R"({"error":{"code":"header_too_large","message":"The request headers are larger )"
      R"(than the limit of 16 KB. Clear this site's cookies in the browser and try again."}})");
  EXPECT_TRUE(client.WaitClosed());
}

TEST_F(ServerTest, DeclaredBodyOverLimitGets413) {
  Client client(Port());
  ASSERT_TRUE(client.Send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2000000\r\n\r\n"));
  const auto reply = client.Read();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 413);
  EXPECT_EQ(reply->Header("connection"), "close");
  EXPECT_EQ(reply->Header("content-type"), "text/plain; charset=utf-8");
  EXPECT_EQ(reply->body, "Isi permintaan lebih besar dari batas 1 MB.");
}

TEST_F(ServerTest, ChunkedBodyOverLimitOnAnApiPathGets413AsJson) {
  Client client(Port());
  ASSERT_TRUE(
      client.Send("POST /api/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"));
  const std::string chunk = "10000\r\n" + std::string(0x10000, 'x') + "\r\n";
  for (int sent = 0; sent < 18; ++sent) {  // 18 × 64 KiB > 1 MiB
    if (!client.Send(chunk)) break;
  }
  const auto reply = client.Read();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 413);
  EXPECT_EQ(reply->Header("content-type"), "application/json");
  EXPECT_EQ(
      reply->body,
      R"({"error":{"code":"too_large","message":"Isi permintaan lebih besar dari batas 1 MB."}})");
}

TEST_F(ServerTest, ChunkedBodyOverLimitGets413) {
  Client client(Port());
  ASSERT_TRUE(client.Send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"));
  const std::string chunk = "10000\r\n" + std::string(0x10000, 'x') + "\r\n";
  for (int sent = 0; sent < 18; ++sent) {  // 18 × 64 KiB > 1 MiB
    if (!client.Send(chunk)) break;
  }
  const auto reply = client.Read();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 413);
}

TEST_F(ServerTest, SmallBodyIsEchoed) {
  Client client(Port());
  ASSERT_TRUE(client.Send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nabcde"));
  EXPECT_EQ(client.Read()->body, "abcde");
}

TEST_F(ServerTest, HeadHasNoBody) {
  Client client(Port());
  ASSERT_TRUE(client.Send("HEAD /hello HTTP/1.1\r\nHost: x\r\n\r\n"));
  const auto head = client.Read(true);
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  EXPECT_EQ(head->Header("content-length"), "5");
  // The next response on the connection starts right away: no stray body bytes came first.
  ASSERT_TRUE(client.Send(Get("/hello")));
  const auto get = client.Read();
  ASSERT_TRUE(get);
  EXPECT_EQ(get->body, "hello");
}

TEST_F(ServerTest, FilesAreServedFromDisk) {
  Client client(Port());
  ASSERT_TRUE(client.Send(Get("/file")));
  auto reply = client.Read();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->body, "file contents");
  EXPECT_EQ(reply->Header("content-type"), "text/plain");

  ASSERT_TRUE(client.Send("HEAD /file HTTP/1.1\r\nHost: x\r\n\r\n"));
  reply = client.Read(true);
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->Header("content-length"), "13");

  ASSERT_TRUE(client.Send(Get("/gone")));
  reply = client.Read();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 404);
}

TEST_F(ServerTest, UploadIsStreamedToATemporaryFile) {
  const std::string body = "PK\x03\x04" + std::string(3 * 1024 * 1024, 'z');  // over the JSON limit
  Client client(Port());
  ASSERT_TRUE(
      client.Send("POST /api/v1/uploads HTTP/1.1\r\nHost: x\r\nCookie: sessionid=budi\r\n"
                  "X-CSRF-Token: tok-budi\r\nContent-Length: " +
                  std::to_string(body.size()) + "\r\n\r\n" + body));
  const auto reply = client.Read();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
  EXPECT_EQ(reply->body, std::to_string(body.size()) + " PK\x03\x04 0");
  EXPECT_TRUE(UploadsEmptySoon());  // removed once the handler is done
}

TEST_F(ServerTest, UploadWithExpectContinue) {
  Client client(Port());
  ASSERT_TRUE(
      client.Send("POST /api/v1/uploads HTTP/1.1\r\nHost: x\r\nCookie: sessionid=budi\r\n"
                  "X-CSRF-Token: tok-budi\r\nExpect: 100-continue\r\n"
                  "Content-Length: 4\r\n\r\n"));
  const auto proceed = client.Read();
  ASSERT_TRUE(proceed);
  EXPECT_EQ(proceed->status, 100);
  ASSERT_TRUE(client.Send("abcd"));
  const auto reply = client.Read();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->body, "4 abcd 0");
}

TEST_F(ServerTest, AnonymousUploadIsRefusedBeforeItsBody) {
  Client client(Port());
  ASSERT_TRUE(
      client.Send("POST /api/v1/uploads HTTP/1.1\r\nHost: x\r\nContent-Length: 5000000\r\n"
                  "Expect: 100-continue\r\n\r\n"));
  const auto reply = client.Read();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 401);
  EXPECT_TRUE(UploadsEmptySoon());
}

TEST_F(ServerTest, UploadOverItsRouteLimitGets413) {
  Client client(Port());
  ASSERT_TRUE(
      client.Send("POST /api/v1/uploads HTTP/1.1\r\nHost: x\r\nCookie: sessionid=budi\r\n"
                  "X-CSRF-Token: tok-budi\r\nContent-Length: 9000000\r\n\r\n"));
  const auto reply = client.Read();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 413);
  EXPECT_EQ(reply->Header("content-type"), "application/json");
  EXPECT_EQ(
      reply->body,
      R"({"error":{"code":"too_large","message":"Isi permintaan lebih besar dari batas 8 MB."}})");
}

// The upload folder on a 1 MiB tmpfs, mounted once the server runs (it opens each body's
// file by path): an upload larger than that fills the disk while it arrives.
class FullDiskServerTest : public ServerTest {
 protected:
  void SetUp() override {
    if (::geteuid() != 0) GTEST_SKIP() << "mounting a small tmpfs needs root";
    ServerTest::SetUp();
    const fs::path uploads = scratch_ / "uploads";
    if (::mount("tmpfs", uploads.c_str(), "tmpfs", MS_NOSUID | MS_NODEV, "size=1m") != 0) {
      GTEST_SKIP() << "cannot mount a tmpfs here: " << std::strerror(errno);
    }
    mounted_ = true;
  }
  void TearDown() override {
    if (!server_) return;  // skipped before the server started
    if (mounted_) ::umount2((scratch_ / "uploads").c_str(), MNT_DETACH);
    ServerTest::TearDown();
  }

  // Sends an upload of `size` bytes while reading the answer, which may come before the
  // whole body was sent.
  std::optional<Reply> Upload(std::size_t size, std::string_view cookies = "sessionid=budi") {
    Client client(Port());
    const std::string body = "PK\x03\x04" + std::string(size - 4, 'z');
    std::thread sender([&] {
      client.Send("POST /api/v1/uploads HTTP/1.1\r\nHost: x\r\nCookie: " + std::string(cookies) +
                  "\r\nX-CSRF-Token: tok-budi\r\nContent-Length: " + std::to_string(size) +
                  "\r\n\r\n" + body);
    });
    auto reply = client.Read();
    sender.join();
    return reply;
  }

  bool mounted_ = false;
};

TEST_F(FullDiskServerTest, AnUploadThatFillsTheDiskGets507AndLeavesNoPartialFile) {
  const auto reply = Upload(2 * 1024 * 1024);
  ASSERT_TRUE(reply) << "the server must answer, not drop the connection";
  EXPECT_EQ(reply->status, 507);
  EXPECT_EQ(reply->Header("content-type"), "application/json");
  EXPECT_EQ(reply->body,
            R"({"error":{"code":"disk_full","message":"Disk server penuh, jadi file tidak )"
            R"(disimpan. Hubungi administrator sistem untuk mengosongkan ruang, lalu upload )"
            R"(lagi."}})");
  EXPECT_TRUE(UploadsEmptySoon()) << "the partial file must be removed";
}

TEST_F(FullDiskServerTest, TheServerKeepsServingAndTakesUploadsAgainOnceThereIsRoom) {
  const auto english = Upload(2 * 1024 * 1024, "sessionid=budi; lang=en");
  ASSERT_TRUE(english);
  EXPECT_EQ(english->status, 507);
  EXPECT_NE(english->body.find("The server's disk is full"), std::string::npos) << english->body;
  ASSERT_TRUE(UploadsEmptySoon());

  Client client(Port());
  ASSERT_TRUE(client.Send(Get("/hello")));
  const auto hello = client.Read();
  ASSERT_TRUE(hello);
  EXPECT_EQ(hello->status, 200);
  const auto small = Upload(64 * 1024);  // fits: the failed one's space was given back
  ASSERT_TRUE(small);
  EXPECT_EQ(small->status, 200);
  EXPECT_EQ(small->body, std::to_string(64 * 1024) + " PK\x03\x04 0");
}

TEST_F(ServerTest, AStreamedBodyArrivesInChunksAndTheConnectionStaysOpen) {
  Client client(Port());
  ASSERT_TRUE(client.Send(Get("/stream")));
  const auto reply = client.Read(/*head=*/true);  // no Content-Length: the body is chunked
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
  EXPECT_EQ(reply->Header("transfer-encoding"), "chunked");
  EXPECT_EQ(reply->Header("x-frame-options"), "DENY");
  ASSERT_TRUE(client.Send(Get("/hello", "Connection: close\r\n")));
  EXPECT_TRUE(client.WaitClosed());
  const std::string rest = client.Unread();
  const auto [data, complete] = Unchunk(rest.substr(0, rest.find("HTTP/1.1 ")));
  EXPECT_EQ(data, "one,two,three");
  EXPECT_TRUE(complete);
  EXPECT_NE(rest.find("HTTP/1.1 200"), std::string::npos) << "the next request was answered";
}

TEST_F(ServerTest, AStreamedBodyToAnHttp10ClientEndsWithTheConnection) {
  Client client(Port());
  ASSERT_TRUE(client.Send("GET /stream HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n"));
  const auto reply = client.Read(/*head=*/true);
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->Header("transfer-encoding"), "");
  EXPECT_TRUE(client.WaitClosed());
  EXPECT_EQ(client.Unread(), "one,two,three");
}

TEST_F(ServerTest, AStreamedBodyThatFailsIsCutShortNotEnded) {
  Client client(Port());
  ASSERT_TRUE(client.Send(Get("/stream-fails")));
  const auto reply = client.Read(/*head=*/true);
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
  EXPECT_TRUE(client.WaitClosed());
  const auto [data, complete] = Unchunk(client.Unread());
  EXPECT_EQ(data, "first");
  EXPECT_FALSE(complete) << "a client must not take a broken body for a whole one";
}

TEST_F(ServerTest, StopLetsInFlightRequestsFinish) {
  Client busy(Port());
  Client idle(Port());
  ASSERT_TRUE(idle.Send(Get("/hello")));
  ASSERT_TRUE(idle.Read());
  ASSERT_TRUE(busy.Send(Get("/slow")));
  std::this_thread::sleep_for(150ms);  // the handler is now sleeping on a worker
  server_->Stop();
  const auto reply = busy.Read();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->body, "slow");
  EXPECT_EQ(reply->Header("connection"), "close");
  EXPECT_TRUE(idle.WaitClosed());            // kept-alive but idle: closed at once
  thread_.join();                            // Run() returned
  thread_ = std::thread([] {});              // so TearDown has something to join
  EXPECT_FALSE(Client(Port()).connected());  // the listener is closed
}

TEST_F(ServerTest, SigtermStopsTheServer) {
  Client client(Port());
  ASSERT_TRUE(client.Send(Get("/hello")));
  ASSERT_TRUE(client.Read());  // Run() is serving, so its signal handlers are installed
  ASSERT_EQ(::kill(::getpid(), SIGTERM), 0);
  thread_.join();  // Run() returned instead of the process dying
  thread_ = std::thread([] {});
  EXPECT_TRUE(client.WaitClosed());
}

}  // namespace
}  // namespace smedash::http
