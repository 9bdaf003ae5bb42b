// Every reason key exists in both languages, the two files define the same keys, and each
// message says what is expected (checked loosely: it is not just a label).
#include <gtest/gtest.h>

#include <set>

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

}  // namespace
}  // namespace smedash::ingest
