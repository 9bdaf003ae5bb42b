//! The audit log's CSV download: every entry of a filter, newest first, made chunk by
//! chunk while it is sent (constant memory, any size; see http::BodyStream).
#pragma once
#include <memory>
#include <string>
#include <string_view>

#include "accounts/audit_filter.hpp"
#include "accounts/audit_reader.hpp"
#include "http/response.hpp"
#include "ui/i18n.hpp"

namespace smedash::accounts {

struct AuditExportLanguage {
  const ui::Translations& texts;
  std::string lang;        // "id" or "en": the column titles, labels, separators and times
  std::string zone_label;  // "WIB": the time column's title says which clock
};

// The action's translated label ("Masuk"), or the action itself when it has none, so an
// action added later still reads as what it is.
std::string AuditActionLabel(const ui::Translations& texts, std::string_view lang,
                             const std::string& action);

// The CSV of the entries matching `filter`: a UTF-8 BOM and the column titles, then one
// piece per chunk of entries. `reader` and the translations must outlive the stream.
std::shared_ptr<http::BodyStream> AuditCsvStream(AuditReader& reader, AuditFilter filter,
                                                 AuditExportLanguage language);

}  // namespace smedash::accounts
