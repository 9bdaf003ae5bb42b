#include "accounts/audit_export.hpp"

#include "accounts/audit_csv.hpp"

namespace smedash::accounts {
namespace {

// Entries a piece: about 200 KB of CSV, one short query each.
constexpr int kChunk = 1000;

std::vector<std::string> Titles(const AuditExportLanguage& language) {
  auto text = [&](std::string_view key, const std::map<std::string, std::string>& args = {}) {
    return language.texts.Get(language.lang, key, args);
  };
  return {text("audit.csv.id"),     text("audit.csv.time", {{"zone", language.zone_label}}),
          text("audit.csv.actor"),  text("audit.csv.actor_id"),
          text("audit.csv.action"), text("audit.csv.action_code"),
          text("audit.csv.target"), text("audit.csv.detail"),
          text("audit.csv.ip")};
}

std::vector<std::string> Fields(const AuditRecord& record, const AuditExportLanguage& language) {
  return {std::to_string(record.id),
          AuditCsvTime(record.at_local, language.lang),
          record.actor_name,
          record.actor_id ? std::to_string(*record.actor_id) : "",
          AuditActionLabel(language.texts, language.lang, record.action),
          record.action,
          record.target,
          record.detail_json,
          record.ip_address};
}

class CsvStream final : public http::BodyStream {
 public:
  CsvStream(AuditReader& reader, AuditFilter filter, AuditExportLanguage language)
      : reader_(reader),
        filter_(std::move(filter)),
        language_(std::move(language)),
        delimiter_(AuditCsvDelimiter(language_.lang)) {}

  std::optional<std::string> Next() override {
    if (done_) return std::nullopt;
    std::string piece;
    if (!started_) {
      started_ = true;
      piece.append(kCsvUtf8Bom).append(AuditCsvLine(Titles(language_), delimiter_));
    }
    const auto chunk = reader_.Chunk(filter_, before_, kChunk);
    for (const auto& record : chunk) piece += AuditCsvLine(Fields(record, language_), delimiter_);
    if (chunk.size() < static_cast<std::size_t>(kChunk)) {
      done_ = true;
    } else {
      before_ = chunk.back().id;
    }
    // An empty piece would mean "call again"; after the last chunk there is nothing more.
    if (piece.empty()) return std::nullopt;
    return piece;
  }

 private:
  AuditReader& reader_;
  const AuditFilter filter_;
  const AuditExportLanguage language_;
  const char delimiter_;
  bool started_ = false;
  bool done_ = false;
  std::optional<std::int64_t> before_;
};

}  // namespace

std::string AuditActionLabel(const ui::Translations& texts, std::string_view lang,
                             const std::string& action) {
  const std::string key = "audit.action." + action;
  std::string label = texts.Get(lang, key);
  return label == key ? action : label;
}

std::shared_ptr<http::BodyStream> AuditCsvStream(AuditReader& reader, AuditFilter filter,
                                                 AuditExportLanguage language) {
  return std::make_shared<CsvStream>(reader, std::move(filter), std::move(language));
}

}  // namespace smedash::accounts
