#include "load_fixture.hpp"

#include <fstream>

#include "support/test_cluster.hpp"

namespace smedash::ingest::testing {

const char* const kWorkedExampleCsv =
    "PERIODE,KANCA,KODE UKER,UKER,NOMOR REKENING,NAMA DEBITUR,CIFNO,FLAG RESTRUK,"
    "KOLEKTIBILITAS LANCAR,KOLEKTIBILITAS DPK,KOLEKTIBILITAS KURANG LANCAR,"
    "KOLEKTIBILITAS DIRAGUKAN,KOLEKTIBILITAS MACET,CODE,KOL_ADK,OS\n"
    "31/12/2024,KC Bandung AA,5,KC Bandung AA,100000000000001,PT Satu,C1,N,9000000000,0,0,0,0,"
    "42210,1,9000000000\n"
    "31/12/2024,KC Bandung AA,5,KC Bandung AA,100000000000003,CV Tiga,C3,Y,2500000000,0,0,0,0,"
    "42110,1,2500000000\n"
    "30/09/2025,KC Bandung AA,5,KC Bandung AA,100000000000001,PT Satu,C1,N,9200000000,0,0,0,0,"
    "42210,1,9200000000\n"
    "30/09/2025,KC Bandung AA,675,KCP Rajawali Bandung,100000000000002,UD Dua,C2,N,1800000000,0,"
    "0,0,0,43206,1,1800000000\n"
    "30/09/2025,KC Bandung AA,5,KC Bandung AA,100000000000003,CV Tiga,C3,Y,2800000000,0,0,0,0,"
    "42110,1,2800000000\n"
    "30/09/2025,KC Garut,25,KC Garut,100000000000004,Toko Empat,C4,N,450000000,0,0,0,0,80065,1,"
    "450000000\n"
    "30/09/2025,KC Garut,25,KC Garut,100000000000006,UD Dua Garut,C2,N,1000000000,0,0,0,0,43207,"
    "1,1000000000\n"
    "08/10/2025,KC Bandung AA,5,KC Bandung AA,100000000000001,PT Satu,C1,N,9500000000,0,0,0,0,"
    "42210,1,9500000000\n"
    "08/10/2025,KC Bandung AA,675,KCP Rajawali Bandung,100000000000002,UD Dua,C2,N,2000000000,0,"
    "0,0,0,43206,1,2000000000\n"
    "08/10/2025,KC Bandung AA,5,KC Bandung AA,100000000000003,CV Tiga,C3,Y,3000000000,0,0,0,0,"
    "42110,1,3000000000\n"
    "08/10/2025,KC Garut,25,KC Garut,100000000000004,Toko Empat,C4,N,0,500000000,0,0,0,80065,2,"
    "500000000\n"
    "08/10/2025,KC Garut,1346,KCP Cikajang,100000000000005,Bengkel Lima,C5,N,0,0,0,0,400000000,"
    "99999,5,\n"
    "08/10/2025,KC Garut,25,KC Garut,100000000000006,UD Dua Garut,C2,N,1200000000,0,0,0,0,43207,"
    "1,1200000000\n"
    "09/10/2025,KC Bandung AA,5,KC Bandung AA,100000000000001,PT Satu,C1,N,10000000000,0,0,0,0,"
    "42210,1,10000000000\n"
    "09/10/2025,KC Bandung AA,675,KCP Rajawali Bandung,100000000000002,UD Dua,C2,N,0,2000000000,"
    "0,0,0,43206,2,2000000000\n"
    "09/10/2025,KC Bandung AA,5,KC Bandung AA,100000000000003,CV Tiga,C3,Y,3000000000,0,0,0,0,"
    "42110,1,3000000000\n"
    "09/10/2025,KC Garut,25,KC Garut,100000000000004,Toko Empat,C4,N,0,0,500000000,0,0,80065,3,"
    "500000000\n"
    "09/10/2025,KC Garut,1346,KCP Cikajang,100000000000005,Bengkel Lima,C5,N,0,0,0,0,400000000,"
    "99999,5,\n"
    "09/10/2025,KC Garut,25,KC Garut,100000000000006,UD Dua Garut,C2,N,1500000000,0,0,0,0,43207,"
    "1,1500000000\n"
    "09/10/2025,KC Garut,25,KC Garut,100000000000007,Koperasi Tujuh,C7,N,0,0,0,0,0,43208,1,0\n";

LoadTest::LoadTest()
    : connection_string_(smedash::testing::FreshDatabase()), connection_(connection_string_) {}

std::filesystem::path LoadTest::WriteFile(const std::string& name, const std::string& content) {
  const auto path = dir_.Path() / name;
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

std::int64_t LoadTest::CreateUser(const std::string& username) {
  pqxx::work tx(connection_);
  const auto id = tx.exec_params1(
                        "INSERT INTO users (username, password_hash, role, is_staff) "
                        "VALUES ($1, 'not-a-hash', 'admin', true) RETURNING id",
                        username)[0]
                      .as<std::int64_t>();
  tx.commit();
  return id;
}

std::int64_t LoadTest::CreateUpload(const std::filesystem::path& file,
                                    std::optional<std::int64_t> user_id) {
  pqxx::work tx(connection_);
  const char* uploader = nullptr;
  std::string uploader_text;
  if (user_id) {
    uploader_text = std::to_string(*user_id);
    uploader = uploader_text.c_str();
  }
  const auto id = tx.exec_params1(
                        "INSERT INTO uploads (uploaded_by, file_name, stored_path, status) "
                        "VALUES ($1, $2, $3, 'queued') RETURNING id",
                        uploader, file.filename().string(), file.string())[0]
                      .as<std::int64_t>();
  tx.commit();
  return id;
}

ImportReport LoadTest::Import(const std::filesystem::path& file,
                              std::optional<std::int64_t> user_id, NumberStyle style) {
  ImportOptions options;
  options.upload_id = last_upload_id_ = CreateUpload(file, user_id);
  options.original_name = file.filename().string();
  options.number_style = style;
  return RunImport(connection_, file, options);
}

}  // namespace smedash::ingest::testing
