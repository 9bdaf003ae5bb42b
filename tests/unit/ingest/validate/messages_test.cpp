// Every reason key exists in both languages, the two files define the same keys, and each
// message says what is expected (checked loosely: it is not just a label).
#include <gtest/gtest.h>

#include <set>

#include "ingest/load/file_refusal.hpp"
#include "ingest/validate/reasons.hpp"
#include "validate_support.hpp"

namespace smedash::ingest {
namespace {

using namespace smedash::ingest::testing;

TEST(Messages, EveryReasonKeyIsTranslatedInBothLanguages) {
  for (std::string lang : {"id", "en"}) {
    for (std::string_view key : reason::kAll) {
      EXPECT_TRUE(Messages(lang).count(std::string(key))) << lang << " lacks " << key;
    }
  }
}

TEST(Messages, BothLanguagesDefineTheSameKeysAndPlaceholders) {
  const auto& id = Messages("id");
  const auto& en = Messages("en");
  ASSERT_EQ(id.size(), en.size());
  for (const auto& [key, text] : id) {
    ASSERT_TRUE(en.count(key)) << key;
    auto id_names = Placeholders(text);
    auto en_names = Placeholders(en.at(key));
    EXPECT_EQ(std::set(id_names.begin(), id_names.end()),
              std::set(en_names.begin(), en_names.end()))
        << key;
  }
}

TEST(Messages, OnlyIngestKeysAndAllKnownToCode) {
  std::set<std::string> known(reason::kAll.begin(), reason::kAll.end());
  for (const auto& [key, text] : Messages("id")) {
    EXPECT_TRUE(key.starts_with("ingest.")) << key;
    EXPECT_TRUE(known.count(key)) << key << " is not named in reasons.hpp";
  }
}

TEST(Messages, RejectAndWarningTextsGiveTheExpectedForm) {
  // Each row-level message goes beyond "invalid": it names an example or accepted form.
  for (std::string lang : {"id", "en"}) {
    for (const auto& [key, text] : Messages(lang)) {
      if (!key.starts_with("ingest.reject.") && !key.starts_with("ingest.warn.date") &&
          !key.starts_with("ingest.warn.whole_number")) {
        continue;
      }
      EXPECT_GT(text.size(), 60u) << lang << " " << key;
      EXPECT_NE(text.find_first_of("0123456789{"), std::string::npos)
          << lang << " " << key << " shows no example";
    }
  }
}

// uploads.error_log and `smedash import` print file refusals from file_refusal.cpp's
// copy of the Indonesian texts; it must read as the page does.
TEST(Messages, FileRefusalTextsAreTheIndonesianTranslations) {
  for (std::string_view key :
       {reason::kFileEmpty, reason::kFileHeaderOnly, reason::kFileMissingColumns,
        reason::kFileDuplicateColumns, reason::kFileNoRowsAccepted, reason::kFileXlsGridTooLarge,
        reason::kFileDatabaseError}) {
    EXPECT_EQ(RefusalMessage(Refusal(key)), Messages("id").at(std::string(key))) << key;
  }
}

// A reader's refusal keeps its own key and figures; one that only has a message is shown
// as that message.
TEST(Messages, ReaderRefusalsKeepTheirKeyOrTheirMessage) {
  const FileError keyed(
      reason::kFileXlsGridTooLarge,
      {{"cells", "16777216"}, {"rows", "65536"}, {"columns", "256"}, {"max", "8388608"}},
      "log note");
  const FileRefusal refusal = RefusalOf(keyed);
  EXPECT_EQ(refusal.key, reason::kFileXlsGridTooLarge);
  EXPECT_EQ(refusal.args.at("rows"), "65536");
  const std::string text = RefusalMessage(refusal);
  EXPECT_NE(text.find("16777216 sel"), std::string::npos) << text;
  EXPECT_NE(text.find("65536 baris × 256 kolom"), std::string::npos) << text;
  EXPECT_EQ(text.find('{'), std::string::npos) << text;

  // A key this file keeps no text for: the reader's own (Indonesian) text is the message.
  const FileError quote(reason::kFileUnterminatedQuote, {{"line", "7"}},
                        "Tanda kutip di baris 7 tidak pernah ditutup.");
  EXPECT_EQ(RefusalMessage(RefusalOf(quote)), quote.what());
  EXPECT_EQ(RefusalOf(quote).args.at("line"), "7");

  const FileRefusal plain = RefusalOf(FileError("File XLS rusak."));
  EXPECT_EQ(plain.key, reason::kFileUnreadable);
  EXPECT_EQ(RefusalMessage(plain), "File XLS rusak.");
}

}  // namespace
}  // namespace smedash::ingest
