// Hostile and broken loan files (issue 7), end to end through the App as `smedash serve`
// builds it: staged through the upload API, processed by a job worker when the preview lets
// it through, and each one refused with a message naming the problem, nothing loaded (rows
// and data version unchanged), the App still answering /healthz and the dashboard API, and,
// for the files built to exhaust memory, the process's peak memory bounded. The readers'
// own unit tests (tests/unit/ingest/readers) cover the same shapes with small limits; these
// prove the production limits and the whole path hold.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <pqxx/pqxx>
#include <sstream>
#include <thread>

#include "delete_data_fixture.hpp"

namespace smedash::testing {
namespace {

// Peak resident memory of this process since construction, over what was resident then.
// Linux keeps the peak as VmHWM and resets it to the current size when 5 is written to
// /proc/self/clear_refs (Linux 4.0). The upload is read in this process (the preview in the
// request's thread, the load in a job worker), so every thread's memory counts, and a
// reader that held a bomb's output or a whole huge field would show here. Chosen over a
// child process because it measures the server's own path, not a copy of it.
class PeakMemory {
 public:
  PeakMemory() {
    std::ofstream("/proc/self/clear_refs") << "5";
    start_kib_ = Field("VmRSS:");
    EXPECT_LE(Field("VmHWM:"), start_kib_ + 1024) << "VmHWM was not reset";
  }
  long GrowthMib() const { return (Field("VmHWM:") - start_kib_) / 1024; }

 private:
  static long Field(const std::string& name) {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
      if (line.starts_with(name)) return std::stol(line.substr(name.size()));
    }
    ADD_FAILURE() << name << " not in /proc/self/status";
    return 0;
  }
  long start_kib_ = 0;
};

// What a bounded reader needs on top of the App: its 1 MiB read buffer, a 64 KiB field, a
// row of up to 16,384 cells, zlib's window, the preview's sample. A reader that inflated
// the bomb, or held the 10 MB cell or the million rows, would pass it many times over.
constexpr long kMaxGrowthMib = 48;

struct Outcome {
  std::string status;  // "failed" or "completed"
  std::string key;     // error key, empty when completed
  std::string message_id;
  std::string message_en;
  std::string reader;
  long growth_mib = 0;
};

class HostileFileTest : public DeleteDataTest {
 protected:
  static void SetUpTestSuite() {
    hostile_files_ = new TempDir("smedash-hostile-files");
    const std::string command = std::string("python3 ") + HOSTILE_FILES_SCRIPT + " " +
                                hostile_files_->Path().string() + " 2>&1";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
  }
  static void TearDownTestSuite() {
    delete hostile_files_;
    hostile_files_ = nullptr;
  }

  // The worked example loaded first, so "nothing changed" is checked against real data.
  void SetUp() override {
    DeleteDataTest::SetUp();
    ImportWorkedExample();
    rows_before_ = Count("SELECT count(*) FROM loan_data");
    version_before_ = Count("SELECT version FROM data_version");
    positions_before_ = DashboardPositions();
  }

  static std::string Generated(const std::string& name) {
    std::ifstream in(hostile_files_->Path() / name, std::ios::binary);
    EXPECT_TRUE(in) << name << " was not generated";
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
  }

  // Stages `content` as `name`; when the preview allows it, processes it and waits for
  // the job. The upload's end state, its message in both languages, and the peak memory.
  Outcome Upload(const std::string& name, const std::string& content) {
    Outcome outcome;
    const PeakMemory peak;
    const auto id = StageThroughWeb(name, content);
    if (id == 0) return outcome;
    const auto path = "/api/v1/uploads/" + std::to_string(id);
    auto upload = UploadAs(path, "id");
    const auto process = Send(http::Method::kPost, path + "/process", &admin_);
    if (upload.at("status").as_string() == "failed") {
      EXPECT_EQ(process.status, 409) << "a refused upload was queued: " << process.body;
    } else {
      EXPECT_EQ(process.status, 202) << process.body;
      upload = AwaitFinished(path);
    }
    outcome.growth_mib = peak.GrowthMib();
    RecordProperty("peak_growth_mib_" + name, std::to_string(outcome.growth_mib));
    outcome.status = std::string(upload.at("status").as_string());
    if (upload.at("error").is_object()) {
      outcome.key = std::string(upload.at("error").at("key").as_string());
      outcome.message_id = std::string(upload.at("error").at("message").as_string());
      outcome.message_en = std::string(UploadAs(path, "en").at("error").at("message").as_string());
    }
    if (upload.at("reader").is_string()) {
      outcome.reader = std::string(upload.at("reader").as_string());
    }
    return outcome;
  }

  // Upload(name, content), expecting a refusal: failed, a message that is not a bare key,
  // nothing loaded, and the App still serving. The outcome, for the message checks.
  Outcome ExpectRefused(const std::string& name, const std::string& content) {
    auto outcome = Upload(name, content);
    EXPECT_EQ(outcome.status, "failed") << name;
    EXPECT_FALSE(outcome.message_id.empty()) << name;
    EXPECT_NE(outcome.message_id, outcome.key) << "untranslated: " << outcome.key;
    EXPECT_NE(outcome.message_en, outcome.key) << "untranslated: " << outcome.key;
    EXPECT_EQ(Count("SELECT count(*) FROM loan_data"), rows_before_) << name;
    EXPECT_EQ(Count("SELECT version FROM data_version"), version_before_) << name;
    ExpectStillServing();
    return outcome;
  }

  void ExpectStillServing() {
    EXPECT_EQ(Send(http::Method::kGet, "/healthz", nullptr).status, 200);
    EXPECT_EQ(DashboardPositions(), positions_before_);
    EXPECT_EQ(Get("/api/v1/dashboard/os?group=SME&metric=os").status, 200);
  }

  boost::json::object UploadAs(const std::string& path, const std::string& lang) {
    Client client = admin_;
    client.lang = lang;
    const auto response = Send(http::Method::kGet, path, &client);
    EXPECT_EQ(response.status, 200) << response.body;
    return JsonOf(response).at("upload").as_object();
  }

  boost::json::object AwaitFinished(const std::string& path) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    auto upload = UploadAs(path, "id");
    while (upload.at("status").as_string() != "completed" &&
           upload.at("status").as_string() != "failed" &&
           std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      upload = UploadAs(path, "id");
    }
    return upload;
  }

  static TempDir* hostile_files_;
  long rows_before_ = 0;
  long version_before_ = 0;
  std::vector<std::string> positions_before_;
};

TempDir* HostileFileTest::hostile_files_ = nullptr;

const std::string kHeader =
    "PERIODE,KANCA,KODE UKER,NOMOR REKENING,CIFNO,NAMA DEBITUR,CODE,OS,KOL_ADK\n";
// One valid loan row with `name` as NAMA DEBITUR.
std::string LoanRow(const std::string& name) {
  return "09/10/2025,KC Garut,25,100000000000004,C4," + name + ",80065,500000000,1\n";
}

using ::testing::HasSubstr;

// The probe can fail: memory held in its window shows, as a reader holding a bomb's output
// or a whole huge field would. (Freed heap that stays resident does not count twice.)
TEST_F(HostileFileTest, ThePeakMemoryProbeSeesWhatIsHeld) {
  const PeakMemory peak;
  std::vector<char> held(std::size_t{kMaxGrowthMib + 16} << 20, 'x');
  EXPECT_GE(peak.GrowthMib(), kMaxGrowthMib) << held.back();
}

// The workbook every hostile .xlsx is made from loads, so each refusal below comes from
// the one thing wrong with it.
TEST_F(HostileFileTest, TheControlWorkbookLoads) {
  const auto outcome = Upload("kontrol.xlsx", Generated("control.xlsx"));
  EXPECT_EQ(outcome.status, "completed") << outcome.message_id;
  EXPECT_EQ(Count("SELECT count(*) FROM loan_data WHERE periode = '2025-10-09'"), 1);
  ExpectStillServing();
}

// 2 MB holding a 2 GiB sheet: refused once the inflated bytes pass 100 times the
// compressed ones (past the 16 MiB floor), read as a stream all along.
TEST_F(HostileFileTest, AZipBombIsRefusedWithoutInflatingIt) {
  const auto bomb = Generated("zip_bomb.xlsx");
  ASSERT_LT(bomb.size(), 4u << 20);
  const auto outcome = ExpectRefused("bom.xlsx", bomb);
  EXPECT_EQ(outcome.key, "ingest.file.zip_bomb");
  EXPECT_THAT(outcome.message_id, HasSubstr("zip bomb"));
  EXPECT_THAT(outcome.message_id, HasSubstr("xl/worksheets/sheet1.xml"));
  EXPECT_THAT(outcome.message_en,
              HasSubstr("part 'xl/worksheets/sheet1.xml' expands far beyond a reasonable size"));
  EXPECT_LT(outcome.growth_mib, kMaxGrowthMib);
}

// A header, then a million rows whose only cell (in column XFD, the last) is empty, under
// a dimension claiming the whole grid: read as a stream, nothing to load.
TEST_F(HostileFileTest, AMillionEmptyRowsUpToXfdAreReadInBoundedMemory) {
  const auto outcome = ExpectRefused("sejuta baris.xlsx", Generated("million_empty_rows.xlsx"));
  EXPECT_EQ(outcome.key, "ingest.file.header_only");
  EXPECT_THAT(outcome.message_id, HasSubstr("tanpa data"));
  EXPECT_THAT(outcome.message_en, HasSubstr("no data"));
  EXPECT_LT(outcome.growth_mib, kMaxGrowthMib);
}

TEST_F(HostileFileTest, BillionLaughsInSharedStringsOrTheSheetAreRefused) {
  for (const std::string part : {"shared_strings", "sheet"}) {
    SCOPED_TRACE(part);
    const auto outcome = ExpectRefused("tawa.xlsx", Generated("laughs_" + part + ".xlsx"));
    EXPECT_THAT(outcome.message_id, HasSubstr("DOCTYPE"));
    EXPECT_THAT(outcome.message_id,
                HasSubstr(part == "sheet" ? "xl/worksheets/sheet1.xml" : "xl/sharedStrings.xml"));
    EXPECT_LT(outcome.growth_mib, kMaxGrowthMib);
  }
}

// The entity is never resolved: refused for its DOCTYPE, and nothing of /etc/passwd
// reaches the message or the database.
TEST_F(HostileFileTest, ExternalEntitiesInSharedStringsOrTheSheetAreRefused) {
  for (const std::string part : {"shared_strings", "sheet"}) {
    SCOPED_TRACE(part);
    const auto outcome =
        ExpectRefused("entitas.xlsx", Generated("external_entity_" + part + ".xlsx"));
    EXPECT_THAT(outcome.message_id, HasSubstr("DOCTYPE"));
    EXPECT_THAT(outcome.message_id, ::testing::Not(HasSubstr("root:")));
  }
  EXPECT_EQ(Count("SELECT count(*) FROM uploads WHERE error_log LIKE '%root:%'"), 0);
}

// Zip slip: nothing is ever extracted, but a workbook holding a member named ../../x was
// made to attack something, and a sheet relationship may not leave the package.
TEST_F(HostileFileTest, ZipEntriesNamedOutsideTheArchiveAreRefused) {
  const auto entry = ExpectRefused("keluar.xlsx", Generated("entry_outside.xlsx"));
  EXPECT_EQ(entry.key, "ingest.file.part_outside");
  EXPECT_THAT(entry.message_id, HasSubstr("'../../x'"));
  EXPECT_THAT(entry.message_en, HasSubstr("a part named '../../x' that points outside"));
  const auto sheet = ExpectRefused("keluar.xlsx", Generated("sheet_outside.xlsx"));
  EXPECT_THAT(sheet.message_id, HasSubstr("../../x"));
}

TEST_F(HostileFileTest, ATruncatedZipIsRefused) {
  const auto outcome = ExpectRefused("terpotong.xlsx", Generated("truncated.xlsx"));
  EXPECT_THAT(outcome.message_id, HasSubstr("rusak atau terpotong"));
}

TEST_F(HostileFileTest, AnXlsxThatIsACsvAndACsvThatIsAZipAreRefused) {
  const auto csv = ExpectRefused("posisi.xlsx", Generated("csv_named.xlsx"));
  EXPECT_THAT(csv.message_id, HasSubstr("bernama .xlsx"));
  EXPECT_THAT(csv.message_id, HasSubstr("teks (seperti CSV)"));
  const auto zip = ExpectRefused("posisi.csv", Generated("zip_named.csv"));
  EXPECT_THAT(zip.message_id, HasSubstr("bernama .csv"));
  EXPECT_THAT(zip.message_id, HasSubstr("arsip zip"));
}

TEST_F(HostileFileTest, ATenMegabyteCellIsRefusedWithoutHoldingIt) {
  const auto content = kHeader + LoanRow(std::string(10 << 20, 'x'));
  const auto outcome = ExpectRefused("sel besar.csv", content);
  EXPECT_THAT(outcome.message_id, HasSubstr("Baris 2"));
  EXPECT_THAT(outcome.message_id, HasSubstr("lebih dari 64 KiB"));
  EXPECT_LT(outcome.growth_mib, kMaxGrowthMib);
}

TEST_F(HostileFileTest, ARowOfAHundredThousandFieldsIsRefused) {
  const auto content = kHeader + LoanRow("Toko") + std::string(100000, ',') + "\n";
  const auto outcome = ExpectRefused("kolom.csv", content);
  EXPECT_THAT(outcome.message_id, HasSubstr("Baris 3"));
  EXPECT_THAT(outcome.message_id, HasSubstr("lebih dari 16384 kolom"));
  EXPECT_EQ(outcome.key, "ingest.file.too_many_fields");
  EXPECT_THAT(outcome.message_en, HasSubstr("Line 3: more than 16384 columns in one row"));
  EXPECT_LT(outcome.growth_mib, kMaxGrowthMib);
}

// Bytes that are not UTF-8 in a CSV are Excel's "CSV (Comma delimited)" on Windows: read
// as Windows-1252, loaded as valid UTF-8, and the report says so. Not refused.
TEST_F(HostileFileTest, InvalidUtf8InACsvIsReadAsWindows1252) {
  const auto csv = Upload("ansi.csv", kHeader + LoanRow("Toko Jaya \xE9\xFF"));
  EXPECT_EQ(csv.status, "completed") << csv.message_id;
  EXPECT_THAT(csv.reader, HasSubstr("Windows-1252"));
  pqxx::connection connection(connection_string_);
  pqxx::read_transaction tx(connection);
  EXPECT_EQ(tx.exec1("SELECT nama_debitur FROM loan_data WHERE nomor_rekening = "
                     "'100000000000004' AND periode = '2025-10-09'")[0]
                .as<std::string>(),
            "Toko Jaya \xC3\xA9\xC3\xBF");
  ExpectStillServing();
}

// In an XLSX, whose XML must be UTF-8, they mean a broken file.
TEST_F(HostileFileTest, InvalidUtf8InAnXlsxIsRefused) {
  const auto outcome = ExpectRefused("utf8.xlsx", Generated("invalid_utf8.xlsx"));
  EXPECT_THAT(outcome.message_id, HasSubstr("UTF-8"));
  EXPECT_EQ(outcome.key, "ingest.file.cell_utf8");
  EXPECT_THAT(outcome.message_en, HasSubstr("is not valid UTF-8"));
}

TEST_F(HostileFileTest, NulBytesAreRefused) {
  const auto early = ExpectRefused("nul.csv", kHeader + LoanRow(std::string("To\0ko", 5)));
  EXPECT_THAT(early.message_id, HasSubstr("byte NUL"));
  // Past the 4 KiB the format check looks at: found by the reader, on its line.
  std::string late = kHeader;
  for (int row = 0; row < 100; ++row) late += LoanRow("Toko " + std::to_string(row));
  late += LoanRow(std::string("To\0ko", 5));
  const auto outcome = ExpectRefused("nul akhir.csv", late);
  EXPECT_THAT(outcome.message_id, HasSubstr("Baris 102: file berisi byte NUL"));
}

TEST_F(HostileFileTest, AFileEndingInsideAQuoteIsRefused) {
  const auto outcome = ExpectRefused(
      "kutip.csv", kHeader + LoanRow("Toko") +
                       "09/10/2025,KC Garut,25,100000000000006,C6,\"Toko \"\"Tiga,80065,1,1\n");
  EXPECT_THAT(outcome.message_id, HasSubstr("dibuka di baris 3 tidak pernah ditutup"));
  EXPECT_EQ(outcome.key, "ingest.file.unterminated_quote");
  EXPECT_THAT(outcome.message_en, HasSubstr("opened on line 3 is never closed"));
}

TEST_F(HostileFileTest, AnXlsWithACorruptBiffStreamIsRefused) {
  const auto outcome = ExpectRefused("rusak.xls", Generated("corrupt_biff.xls"));
  EXPECT_THAT(outcome.message_id, HasSubstr("File XLS rusak"));
}

}  // namespace
}  // namespace smedash::testing
