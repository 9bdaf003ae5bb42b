// At most config.preview_slots previews read files at once (one here). While one runs,
// another upload is refused at once, before its body is sent (Router::Admit) and if it
// arrives anyway, with 503 "busy", the page's message and Retry-After; so is another
// preview. When the preview ends, both go through again.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "upload_fixture.hpp"

namespace smedash::testing {
namespace {

using namespace std::chrono_literals;

// An upload's request head as the session hands it to Router::Admit.
http::Request UploadHead(const Client& client) {
  http::Request head;
  head.method = http::Method::kPost;
  head.target = "/api/v1/uploads?name=posisi.csv";
  head.remote_address = "192.0.2.10";
  head.headers.emplace("host", "127.0.0.1:8000");
  head.headers["cookie"] = "lang=" + client.lang + "; smedash_session=" + client.session_token;
  head.headers["x-csrf-token"] = client.csrf_token;
  return head;
}

void ExpectBusy(const http::Response& response, const std::string& message) {
  EXPECT_EQ(response.status, 503) << response.body;
  EXPECT_EQ(response.Header("Retry-After"), "5");
  const auto body = boost::json::parse(response.body).as_object();
  EXPECT_EQ(body.at("error").at("code").as_string(), "busy");
  EXPECT_EQ(body.at("error").at("message").as_string(), message);
}

TEST_F(UploadTest, PreviewsBeyondTheSlotsAreRefusedAsBusyUntilOneEnds) {
  ASSERT_EQ(config_.preview_slots, 1u);
  Client admin = SignInAdmin();
  admin.lang = "en";
  const auto slow_id = Stage(admin, "lambat.csv", kWorkedExample);
  // The stored file becomes a large one (~30 MB), so reading it again takes a while.
  const auto stored = config_.data_dir / Scalar("SELECT stored_path FROM uploads WHERE id = " +
                                                std::to_string(slow_id));
  {
    const std::string text = kWorkedExample;
    const std::string rows = text.substr(text.find('\n') + 1);
    std::ofstream out(stored, std::ios::binary | std::ios::trunc);
    out << text.substr(0, text.find('\n') + 1);
    for (int copy = 0; copy < 20000; ++copy) out << rows;
  }
  const std::string preview_path = "/api/v1/uploads/" + std::to_string(slow_id) + "/preview";
  http::Response slow;
  std::thread reader([&] { slow = Send(http::Method::kGet, preview_path, &admin); });

  // Once the preview holds the slot, an upload is refused before its body is read.
  const http::Request head = UploadHead(admin);
  std::optional<http::Response> refused;
  for (const auto deadline = std::chrono::steady_clock::now() + 10s;
       !refused && std::chrono::steady_clock::now() < deadline; std::this_thread::sleep_for(1ms)) {
    refused = router_.Admit(head);
  }
  const std::string busy =
      "Another file is being read for its preview right now. Wait a few seconds and try again.";
  ASSERT_TRUE(refused) << "the slow preview never held the slot";
  ExpectBusy(*refused, busy);
  // And if its body came anyway, the upload is refused before it is hashed or kept.
  ExpectBusy(Upload(&admin, "posisi.csv", kWorkedExample), busy);
  ExpectBusy(Send(http::Method::kGet, preview_path, &admin), busy);
  EXPECT_EQ(Count("SELECT count(*) FROM uploads"), 1);

  reader.join();
  ASSERT_EQ(slow.status, 200) << slow.body;
  EXPECT_EQ(JsonOf(slow).at("preview").at("data_rows").as_int64(), 20 * 20000);
  EXPECT_FALSE(router_.Admit(head));
  EXPECT_EQ(Upload(&admin, "posisi baru.csv", kWorkedExample).status, 201);
}

}  // namespace
}  // namespace smedash::testing
