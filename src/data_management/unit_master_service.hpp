//! The rules for correcting the unit hierarchy (domain.md section 3): list every unit with
//! its kanca and kind, edit one unit's kanca and kind, remove a master entry, and import a
//! master list with a preview first. Every change takes the loader's lock, re-aggregates
//! the NSB the units affect and is audited, all in one transaction. No HTTP types.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/user_service.hpp"
#include "data_management/reference_data.hpp"
#include "data_management/unit_master_csv.hpp"
#include "data_management/unit_master_repository.hpp"
#include "db/change_feed.hpp"
#include "db/pool.hpp"

namespace smedash::data_management {

// A kanca an admin can move a unit to.
struct KancaChoice {
  std::string name;
  std::string key;
  std::optional<std::string> code;
  std::optional<std::string> office;  // KODE UKER of its own office
};

struct UnitListing {
  std::vector<UnitRow> units;       // kanca order, office first, then by code
  std::vector<KancaChoice> kancas;  // in the same order
};

struct UnitEditRequest {
  std::string uker;        // empty: keep the unit's name
  std::string kanca;       // the kanca's name, an existing one or a new one
  std::string kode_kanca;  // the kanca's code (for a KCP; an office's is its own code)
  std::string kind;        // "office" or "kcp"
};

// One master entry as a change left it.
struct MasterWrite {
  std::string kode_uker;
  std::optional<MasterValues> before;  // nothing: there was none
  std::optional<MasterValues> after;   // nothing: removed
};

struct UnitChange {
  std::vector<MasterWrite> writes;  // empty: nothing to change; the edited unit first
};

enum class ImportStatus { kAdded, kChanged, kUnchanged };

struct ImportLine {
  std::uint64_t line = 0;
  MasterValues values;
  ImportStatus status = ImportStatus::kAdded;
  std::optional<MasterValues> before;  // the unit's master entry before the import
  bool has_data = false;               // the unit has loaded rows
};

struct ImportPreview {
  std::vector<ImportLine> lines;
  std::vector<InvalidMasterLine> invalid;  // left out
  std::size_t added = 0;
  std::size_t changed = 0;
  std::size_t unchanged = 0;
  char delimiter = ',';
  bool windows_1252 = false;
  std::vector<std::string> unknown_headers;
};

class UnitMasterService {
 public:
  // `changes` hears of each change once committed (the dashboards' data moved).
  UnitMasterService(db::Pool& pool, db::ChangeFeed& changes);

  UnitListing List();
  ReferenceOutcome<UnitChange> Edit(const accounts::Actor& actor, std::string_view kode_uker,
                                    const UnitEditRequest& request);
  // Removes the unit's master entry: it is again what its rows say.
  ReferenceOutcome<UnitChange> Remove(const accounts::Actor& actor, std::string_view kode_uker);

  // What importing `content` would do, changing nothing.
  ReferenceOutcome<ImportPreview> PreviewImport(std::string_view content);
  // Writes the added and changed lines as master entries (invalid lines are left out) and
  // returns what it did; importing the same file again changes nothing.
  ReferenceOutcome<ImportPreview> Import(const accounts::Actor& actor, std::string_view content);

  // Every unit as a master list (the file the import reads), to correct and import back.
  std::string TemplateCsv();

 private:
  db::Pool& pool_;
  db::ChangeFeed& changes_;
};

// The kancas of `units` (as the list orders them), for choosing one.
std::vector<KancaChoice> KancasOf(const std::vector<UnitRow>& units);

// The master entries an edit of `kode_uker` needs, given every unit: the unit's own, and
// when it becomes the office of a kanca that has another office, that office's, which
// becomes a KCP (a kanca has one office; its code is the office's KODE UKER). A problem
// when the request is invalid or contradicts the kancas: a KCP carrying its own code as
// its kanca's, a code that another kanca has, a kanca that has another code.
ReferenceOutcome<std::vector<MasterValues>> PlanUnitEdit(const std::vector<UnitRow>& units,
                                                         std::string_view kode_uker,
                                                         const UnitEditRequest& request);

}  // namespace smedash::data_management
