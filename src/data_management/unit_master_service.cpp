#include "data_management/unit_master_service.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <pqxx/pqxx>

#include "accounts/audit_log.hpp"
#include "ingest/load/load_lock.hpp"
#include "metrics/aggregates.hpp"

namespace smedash::data_management {
namespace {

namespace repo = unit_master_repository;

ReferenceProblem Invalid(std::string field, std::string key,
                         std::map<std::string, std::string> args = {}) {
  return {400, "validation", std::move(key), std::move(args), std::move(field)};
}

ReferenceProblem NotFound(std::string key, const std::string& code) {
  return {404, "not_found", std::move(key), {{"code", code}}, ""};
}

const UnitRow* FindUnit(const std::vector<UnitRow>& units, std::string_view code) {
  auto it = std::find_if(units.begin(), units.end(),
                         [&](const UnitRow& unit) { return unit.kode_uker == code; });
  return it == units.end() ? nullptr : &*it;
}

const KancaChoice* FindKanca(const std::vector<KancaChoice>& kancas, const std::string& key) {
  auto it = std::find_if(kancas.begin(), kancas.end(),
                         [&](const KancaChoice& kanca) { return kanca.key == key; });
  return it == kancas.end() ? nullptr : &*it;
}

// A problem when `code` as the code of kanca `key` contradicts the kancas: the kanca has
// another code (checked first: the likelier slip), or another kanca has this one. A kanca
// whose office is the edited unit does not count: the unit takes its code along.
std::optional<ReferenceProblem> CheckKancaCode(const std::vector<KancaChoice>& kancas,
                                               const std::string& key, const std::string& code,
                                               std::string_view kode_uker, bool office) {
  const KancaChoice* target = FindKanca(kancas, key);
  if (!office && target != nullptr && target->office != kode_uker && target->code &&
      *target->code != code) {
    return Invalid("kode_kanca", "units.error.kanca_has_code",
                   {{"kanca", target->name}, {"code", *target->code}});
  }
  for (const auto& kanca : kancas) {
    if (kanca.key != key && kanca.office != kode_uker && kanca.code == code) {
      return Invalid("kode_kanca", "units.error.code_taken",
                     {{"kanca", kanca.name}, {"code", code}});
    }
  }
  return std::nullopt;
}

boost::json::value ValuesJson(const std::optional<MasterValues>& values) {
  if (!values) return nullptr;
  return boost::json::object{{"uker", values->uker},
                             {"kode_kanca", values->kode_kanca},
                             {"kanca", values->kanca},
                             {"office", values->kode_uker == values->kode_kanca}};
}

boost::json::object WriteJson(const MasterWrite& write) {
  return {{"kode_uker", write.kode_uker},
          {"before", ValuesJson(write.before)},
          {"after", ValuesJson(write.after)}};
}

void Audit(pqxx::transaction_base& tx, const accounts::Actor& actor, std::string action,
           std::string target, boost::json::object detail) {
  accounts::RecordAudit(tx, {actor.principal.user_id, actor.principal.username, std::move(action),
                             std::move(target), std::move(detail), actor.ip_address});
}

std::vector<std::string> CodesOf(const std::vector<MasterWrite>& writes) {
  std::vector<std::string> codes;
  for (const auto& write : writes) codes.push_back(write.kode_uker);
  return codes;
}

// Sorts the file's lines into added, changed and unchanged against the entries now.
ImportPreview Classify(pqxx::transaction_base& tx, MasterCsv&& csv) {
  ImportPreview preview;
  std::vector<std::string> codes;
  for (const auto& line : csv.lines) codes.push_back(line.values.kode_uker);
  const auto existing = repo::LockEntries(tx, codes);
  const auto with_data = repo::WithData(tx, codes);
  for (auto& line : csv.lines) {
    ImportLine out{line.line, std::move(line.values), ImportStatus::kAdded, std::nullopt, false};
    out.has_data = with_data.contains(out.values.kode_uker);
    if (auto it = existing.find(out.values.kode_uker); it != existing.end()) {
      out.before = it->second.values;
      out.status = *out.before == out.values ? ImportStatus::kUnchanged : ImportStatus::kChanged;
    }
    ++(out.status == ImportStatus::kAdded     ? preview.added
       : out.status == ImportStatus::kChanged ? preview.changed
                                              : preview.unchanged);
    preview.lines.push_back(std::move(out));
  }
  preview.invalid = std::move(csv.invalid);
  preview.delimiter = csv.delimiter;
  preview.windows_1252 = csv.windows_1252;
  preview.unknown_headers = std::move(csv.unknown_headers);
  return preview;
}

ReferenceOutcome<MasterCsv> Parse(std::string_view content) {
  auto parsed = ParseMasterCsv(content);
  if (auto* refusal = std::get_if<MasterCsvRefusal>(&parsed)) {
    return Invalid("file", std::move(refusal->key), std::move(refusal->args));
  }
  return std::move(std::get<MasterCsv>(parsed));
}

}  // namespace

std::vector<KancaChoice> KancasOf(const std::vector<UnitRow>& units) {
  std::vector<KancaChoice> kancas;
  for (const auto& unit : units) {
    auto it = std::find_if(kancas.begin(), kancas.end(),
                           [&](const KancaChoice& kanca) { return kanca.key == unit.kanca_key; });
    if (it == kancas.end()) {
      kancas.push_back({unit.kanca, unit.kanca_key, unit.kode_kanca, std::nullopt});
      it = std::prev(kancas.end());
    }
    if (!it->code) it->code = unit.kode_kanca;
    if (unit.is_office) {
      it->office = unit.kode_uker;
      it->name = unit.kanca;  // as the office writes it
    }
  }
  return kancas;
}

ReferenceOutcome<std::vector<MasterValues>> PlanUnitEdit(const std::vector<UnitRow>& units,
                                                         std::string_view kode_uker,
                                                         const UnitEditRequest& request) {
  const UnitRow* unit = FindUnit(units, kode_uker);
  if (unit == nullptr) return NotFound("units.error.not_found", std::string(kode_uker));
  const auto uker = NormalizeNameText(request.uker.empty() ? unit->uker : request.uker);
  if (!uker) return Invalid("uker", "units.error.uker");
  const auto kanca = NormalizeNameText(request.kanca);
  if (!kanca) return Invalid("kanca", "units.error.kanca");
  if (request.kind != "office" && request.kind != "kcp") return Invalid("kind", "units.error.kind");
  const bool office = request.kind == "office";
  std::optional<std::string> code =
      office ? std::optional(unit->kode_uker) : NormalizeCodeText(request.kode_kanca);
  if (!code) return Invalid("kode_kanca", "units.error.kode_kanca");
  if (!office && *code == unit->kode_uker) return Invalid("kode_kanca", "units.error.kcp_own_code");
  const auto kancas = KancasOf(units);
  const std::string key = KancaKey(*kanca);
  if (auto problem = CheckKancaCode(kancas, key, *code, kode_uker, office)) return *problem;

  std::vector<MasterValues> entries{{unit->kode_uker, *uker, *code, *kanca}};
  const KancaChoice* target = FindKanca(kancas, key);
  if (office && target != nullptr && target->office && *target->office != unit->kode_uker) {
    // The kanca's office so far becomes one of its KCPs under the new office's code.
    const UnitRow* former = FindUnit(units, *target->office);
    entries.push_back({former->kode_uker, former->uker, *code, *kanca});
  }
  return entries;
}

UnitMasterService::UnitMasterService(db::Pool& pool, db::ChangeFeed& changes)
    : pool_(pool), changes_(changes) {}

UnitListing UnitMasterService::List() {
  auto lease = pool_.Acquire();
  pqxx::read_transaction tx(*lease);
  UnitListing listing{repo::Units(tx), {}};
  listing.kancas = KancasOf(listing.units);
  return listing;
}

ReferenceOutcome<UnitChange> UnitMasterService::Edit(const accounts::Actor& actor,
                                                     std::string_view kode_uker,
                                                     const UnitEditRequest& request) {
  auto lease = pool_.Acquire();
  pqxx::work tx(*lease);
  ingest::LockLoanData(tx);
  const auto units = repo::Units(tx);
  auto plan = PlanUnitEdit(units, kode_uker, request);
  if (auto* problem = std::get_if<ReferenceProblem>(&plan)) return std::move(*problem);
  auto& entries = std::get<std::vector<MasterValues>>(plan);
  std::vector<std::string> codes;
  for (const auto& entry : entries) codes.push_back(entry.kode_uker);
  const auto existing = repo::LockEntries(tx, codes);

  UnitChange change;
  std::vector<MasterValues> to_write;
  for (auto& entry : entries) {
    auto it = existing.find(entry.kode_uker);
    std::optional<MasterValues> before;
    if (it != existing.end()) before = it->second.values;
    if (before == entry) continue;
    change.writes.push_back({entry.kode_uker, before, entry});
    to_write.push_back(std::move(entry));
  }
  if (to_write.empty()) return change;
  repo::Upsert(tx, to_write, "edit", actor.principal.user_id);
  metrics::RefreshAfterHierarchyChange(tx, CodesOf(change.writes));
  for (const auto& write : change.writes) {
    Audit(tx, actor, "unit_master.edit", "unit:" + write.kode_uker, WriteJson(write));
  }
  tx.commit();
  changes_.Announce(db::ChangeTopic::kData);
  return change;
}

ReferenceOutcome<UnitChange> UnitMasterService::Remove(const accounts::Actor& actor,
                                                       std::string_view kode_uker) {
  const std::string code(kode_uker);
  auto lease = pool_.Acquire();
  pqxx::work tx(*lease);
  ingest::LockLoanData(tx);
  const auto existing = repo::LockEntries(tx, {code});
  if (existing.empty()) return NotFound("units.error.no_master", code);
  UnitChange change{{{code, existing.begin()->second.values, std::nullopt}}};
  repo::Delete(tx, code);
  metrics::RefreshAfterHierarchyChange(tx, {code});
  Audit(tx, actor, "unit_master.remove", "unit:" + code, WriteJson(change.writes.front()));
  tx.commit();
  changes_.Announce(db::ChangeTopic::kData);
  return change;
}

ReferenceOutcome<ImportPreview> UnitMasterService::PreviewImport(std::string_view content) {
  auto parsed = Parse(content);
  if (auto* problem = std::get_if<ReferenceProblem>(&parsed)) return std::move(*problem);
  auto lease = pool_.Acquire();
  pqxx::work tx(*lease);  // never committed: the preview changes nothing
  return Classify(tx, std::move(std::get<MasterCsv>(parsed)));
}

ReferenceOutcome<ImportPreview> UnitMasterService::Import(const accounts::Actor& actor,
                                                          std::string_view content) {
  auto parsed = Parse(content);
  if (auto* problem = std::get_if<ReferenceProblem>(&parsed)) return std::move(*problem);
  auto lease = pool_.Acquire();
  pqxx::work tx(*lease);
  ingest::LockLoanData(tx);
  ImportPreview preview = Classify(tx, std::move(std::get<MasterCsv>(parsed)));
  std::vector<MasterValues> to_write;
  boost::json::array written;
  for (const auto& line : preview.lines) {
    if (line.status == ImportStatus::kUnchanged) continue;
    to_write.push_back(line.values);
    written.push_back(WriteJson({line.values.kode_uker, line.before, line.values}));
  }
  if (to_write.empty()) return preview;
  repo::Upsert(tx, to_write, "import", actor.principal.user_id);
  std::vector<std::string> codes;
  for (const auto& values : to_write) codes.push_back(values.kode_uker);
  metrics::RefreshAfterHierarchyChange(tx, codes);
  Audit(tx, actor, "unit_master.import", "unit_master",
        {{"added", preview.added},
         {"changed", preview.changed},
         {"unchanged", preview.unchanged},
         {"invalid", preview.invalid.size()},
         {"units", std::move(written)}});
  tx.commit();
  changes_.Announce(db::ChangeTopic::kData);
  return preview;
}

std::string UnitMasterService::TemplateCsv() {
  std::vector<MasterValues> units;
  for (const auto& unit : List().units) {
    units.push_back({unit.kode_uker, unit.uker, unit.kode_kanca.value_or(""), unit.kanca});
  }
  return MasterCsvText(units);
}

}  // namespace smedash::data_management
