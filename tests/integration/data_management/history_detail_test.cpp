// One upload's report as the history's detail page reads it: the positions it loaded with
// the rows each replaced, and its original file sent back byte for byte under its name.
#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "history_fixture.hpp"

namespace smedash::testing {
namespace {

using http::Method;

// The worked example's header and two rows of 09/10/2025, which held 7 rows.
const char* const kNinthOctoberAgain =
    "PERIODE,KANCA,KODE UKER,UKER,NOMOR REKENING,NAMA DEBITUR,CIFNO,FLAG RESTRUK,"
    "KOLEKTIBILITAS LANCAR,KOLEKTIBILITAS DPK,KOLEKTIBILITAS KURANG LANCAR,"
    "KOLEKTIBILITAS DIRAGUKAN,KOLEKTIBILITAS MACET,CODE,KOL_ADK,OS\n"
    "09/10/2025,KC Bandung AA,5,KC Bandung AA,100000000000001,PT "
    "Satu,C1,N,11000000000,0,0,0,0,42210,1,11000000000\n"
    "09/10/2025,KC Garut,25,KC Garut,100000000000004,Toko "
    "Empat,C4,N,0,0,500000000,0,0,80065,3,500000000\n";

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string FilePath(std::int64_t id) { return fmt::format("/api/v1/uploads/{}/file", id); }

class HistoryDetailTest : public HistoryTest {
 protected:
  std::int64_t Load(const Client& client, const std::string& name, const std::string& content) {
    const auto id = Stage(client, name, content);
    auto queued = Send(Method::kPost, fmt::format("/api/v1/uploads/{}/process", id), &client);
    EXPECT_EQ(queued.status, 202) << queued.body;
    const auto upload = WaitForUpload(client, id);
    EXPECT_EQ(upload.at("status").as_string(), "completed") << boost::json::serialize(upload);
    return id;
  }
};

TEST_F(HistoryDetailTest, PositionsShowTheRowsEachReplaced) {
  Client admin = SignInAdmin();
  StartWorkers();
  const auto first = Load(admin, "posisi.csv", kWorkedExample);
  const auto second = Load(admin, "posisi 9 okt.csv", kNinthOctoberAgain);

  auto detail = JsonOf(Send(Method::kGet, fmt::format("/api/v1/uploads/{}", second), &admin));
  EXPECT_EQ(boost::json::serialize(detail.at("upload").at("periodes")),
            R"([{"periode":"2025-10-09","rows_loaded":2,"rows_replaced":7}])");
  EXPECT_EQ(detail.at("upload").at("rows_replaced").as_int64(), 7);

  // The list carries the same positions for every upload on the page.
  const auto list = History(admin, "");
  ASSERT_EQ(Ids(list), (std::vector<std::int64_t>{second, first}));
  EXPECT_EQ(boost::json::serialize(list.at("uploads").at(0).at("periodes")),
            R"([{"periode":"2025-10-09","rows_loaded":2,"rows_replaced":7}])");
  EXPECT_EQ(boost::json::serialize(list.at("uploads").at(1).at("periodes")),
            R"([{"periode":"2024-12-31","rows_loaded":2,"rows_replaced":0},)"
            R"({"periode":"2025-09-30","rows_loaded":5,"rows_replaced":0},)"
            R"({"periode":"2025-10-08","rows_loaded":6,"rows_replaced":0},)"
            R"({"periode":"2025-10-09","rows_loaded":7,"rows_replaced":0}])");
  EXPECT_EQ(boost::json::serialize(list.at("uploads").at(1).at("unknown_codes")), R"(["99999"])");
}

TEST_F(HistoryDetailTest, DetailPageRendersForAnUploadAndIs404ForNone) {
  Client admin = SignInAdmin();
  const auto id = Stage(admin, "posisi.csv", kWorkedExample);
  auto page = Send(Method::kGet, fmt::format("/data/history/{}/", id), &admin);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.body.find(fmt::format(R"(data-upload-id="{}" data-file-kept="1")", id)),
            std::string::npos);
  EXPECT_EQ(Send(Method::kGet, fmt::format("/data/history/{}/", id + 1), &admin).status, 404);
  EXPECT_EQ(Send(Method::kGet, "/data/history/abc/", &admin).status, 404);
  EXPECT_EQ(Send(Method::kGet, "/data/history/", &admin).status, 200);
}

TEST_F(HistoryDetailTest, OriginalFileComesBackWithItsBytesAndName) {
  Client admin = SignInAdmin();
  const std::string name = "Posisi \"Okt\" \xC3\xB1 100%;x.csv";  // ñ
  const auto id = Stage(admin, name, kWorkedExample);

  auto response = Send(Method::kGet, FilePath(id), &admin);
  ASSERT_EQ(response.status, 200) << response.body;
  ASSERT_TRUE(response.file.has_value());
  EXPECT_EQ(ReadFile(*response.file), kWorkedExample);
  EXPECT_EQ(response.Header("content-type"), "text/csv");
  EXPECT_EQ(response.Header("content-disposition"),
            "attachment; filename=\"Posisi _Okt_ _ 100_;x.csv\"; "
            "filename*=UTF-8''Posisi%20%22Okt%22%20%C3%B1%20100%25%3Bx.csv");
}

TEST_F(HistoryDetailTest, AFileNoLongerKeptIsA404SayingSo) {
  Client admin = SignInAdmin();
  // Cancelling a staged upload removes its file.
  const auto cancelled = Stage(admin, "batal.csv", kWorkedExample);
  ASSERT_EQ(Send(Method::kDelete, fmt::format("/api/v1/uploads/{}", cancelled), &admin).status,
            200);
  auto gone = Send(Method::kGet, FilePath(cancelled), &admin);
  ASSERT_EQ(gone.status, 404) << gone.body;
  EXPECT_EQ(JsonOf(gone).at("error").at("code").as_string(), "file_gone");
  EXPECT_NE(JsonOf(gone).at("error").at("message").as_string().find("tidak disimpan lagi"),
            std::string::npos);
  EXPECT_FALSE(gone.file.has_value());
  auto page = Send(Method::kGet, fmt::format("/data/history/{}/", cancelled), &admin);
  EXPECT_NE(page.body.find(R"(data-file-kept="")"), std::string::npos);

  // A file changed on disk is not the one uploaded any more.
  const auto changed = Stage(admin, "ubah.csv", kWorkedExample);
  const auto stored = Scalar(fmt::format("SELECT stored_path FROM uploads WHERE id = {}", changed));
  std::ofstream(data_dir_.Path() / stored, std::ios::app) << "tambahan\n";
  EXPECT_EQ(
      JsonOf(Send(Method::kGet, FilePath(changed), &admin)).at("error").at("code").as_string(),
      "file_gone");

  auto missing = Send(Method::kGet, FilePath(changed + 100), &admin);
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(JsonOf(missing).at("error").at("code").as_string(), "not_found");
}

}  // namespace
}  // namespace smedash::testing
