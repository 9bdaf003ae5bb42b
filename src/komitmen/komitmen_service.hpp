//! The rules of the komitmen pages (issue 6): read a target file and say what loading it
//! would change, load it (replacing the month in one transaction), list the history, show,
//! edit and delete a month. Every change locks the month, is audited, bumps data_version in
//! its transaction and is announced after commit, so dashboards refresh. No HTTP types.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/user_service.hpp"
#include "data_management/reference_data.hpp"
#include "db/change_feed.hpp"
#include "db/pool.hpp"
#include "komitmen/komitmen_changes.hpp"
#include "komitmen/komitmen_issues.hpp"
#include "komitmen/komitmen_types.hpp"
#include "komitmen/target_template.hpp"

namespace smedash::komitmen {

using data_management::ReferenceProblem;
template <typename T>
using Outcome = data_management::ReferenceOutcome<T>;

// A target file as the request brings it.
struct FileUpload {
  std::string file_name;                  // the admin's name for it (its extension: the format)
  std::optional<std::string> month_text;  // "2025-11"; nothing: guessed from the name
  std::string_view content;
};

struct KomitmenPreview {
  core::Date month;
  bool month_guessed = false;
  std::string file_name;
  std::string describe;  // how the file was read
  std::size_t rows = 0;  // valid unit rows
  std::size_t region_rows = 0;
  UploadIssues issues;
  MonthChanges changes;
  std::optional<UploadRecord> replaces;   // the month's current upload
  std::optional<std::int64_t> upload_id;  // set once applied
};

struct MonthView {
  UploadRecord upload;
  UploadIssues issues;
  std::vector<MonthUnit> units;
};

struct TargetEdit {
  std::string kode_uker;
  std::string group;    // "KUR_RITEL", ...
  std::string measure;  // "DEB", ...
  std::string value;    // as typed: Rp juta for amounts; "" or "-" = no target
  char ambiguous_decimal = ',';
};

struct EditResult {
  bool changed = false;
  std::string kode_uker;
  TargetGroup group = TargetGroup::kKurRitel;
  Measure measure = Measure::kDeb;
  std::optional<core::Money> before;
  std::optional<core::Money> after;
  int edits = 0;
};

class KomitmenService {
 public:
  KomitmenService(db::Pool& pool, db::ChangeFeed& changes);

  // What loading the file would do, changing nothing.
  Outcome<KomitmenPreview> Preview(const FileUpload& upload);
  // Loads the file's valid rows as the month's targets; 400 when it has none.
  Outcome<KomitmenPreview> Apply(const accounts::Actor& actor, const FileUpload& upload);

  std::vector<UploadRecord> Uploads();
  std::optional<MonthView> Month(core::Date month);
  Outcome<EditResult> Edit(const accounts::Actor& actor, core::Date month, const TargetEdit& edit);
  Outcome<UploadRecord> Delete(const accounts::Actor& actor, core::Date month);

  // The units the hierarchy knows, for the empty template.
  std::vector<TemplateUnit> TemplateUnits();

 private:
  db::Pool& pool_;
  db::ChangeFeed& changes_;
};

}  // namespace smedash::komitmen
