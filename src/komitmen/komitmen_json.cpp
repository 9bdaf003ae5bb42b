#include "komitmen/komitmen_json.hpp"

namespace smedash::komitmen {
namespace {

boost::json::value MoneyJson(const std::optional<core::Money>& value) {
  if (!value) return nullptr;
  return boost::json::string(value->ToString());
}

boost::json::array IssuesJson(const std::vector<TargetIssue>& issues, const ui::Translations& texts,
                              const std::string& lang) {
  boost::json::array out;
  for (const auto& issue : issues) {
    out.push_back({{"line", issue.line},
                   {"column", issue.column},
                   {"value", issue.value},
                   {"reason", texts.Get(lang, issue.key, issue.args)}});
  }
  return out;
}

boost::json::array UnknownJson(const std::vector<UnknownUnit>& units) {
  boost::json::array out;
  for (const auto& unit : units) {
    out.push_back({{"line", unit.line}, {"kode_uker", unit.kode_uker}, {"uker", unit.uker}});
  }
  return out;
}

boost::json::object ChangesJson(const MonthChanges& changes) {
  boost::json::array largest;
  for (const auto& change : changes.largest) {
    largest.push_back({{"kode_uker", change.kode_uker},
                       {"uker", change.uker},
                       {"group", GroupCode(change.group)},
                       {"measure", MeasureCode(change.measure)},
                       {"before", MoneyJson(change.before)},
                       {"after", MoneyJson(change.after)},
                       {"difference", change.difference.ToString()}});
  }
  return {{"added", changes.added},
          {"removed", changes.removed},
          {"changed", changes.changed},
          {"unchanged", changes.unchanged},
          {"largest", std::move(largest)}};
}

// {"KUR_RITEL": {"DEB": "12.00" | null, ...}, ...}
boost::json::object TargetsJson(const TargetValues& values) {
  boost::json::object groups;
  for (const TargetGroup group : kAllTargetGroups) {
    boost::json::object measures;
    for (const Measure measure : kAllMeasures) {
      measures[MeasureCode(measure)] = MoneyJson(values[TargetIndex(group, measure)]);
    }
    groups[GroupCode(group)] = std::move(measures);
  }
  return groups;
}

}  // namespace

boost::json::object UploadJson(const UploadRecord& upload) {
  boost::json::value ended = nullptr;
  if (upload.ended_at) ended = boost::json::string(*upload.ended_at);
  return {{"id", upload.id},
          {"month", MonthText(upload.month)},
          {"file_name", upload.file_name},
          {"status", upload.status},
          {"units", upload.units},
          {"rejected", upload.rejected},
          {"edits", upload.edits},
          {"uploaded_by", upload.uploaded_by},
          {"uploaded_at", upload.uploaded_at},
          {"ended_at", std::move(ended)}};
}

boost::json::object PreviewJson(const KomitmenPreview& preview, const ui::Translations& texts,
                                const std::string& lang) {
  boost::json::value replaces = nullptr;
  if (preview.replaces) {
    replaces = boost::json::object{{"upload_id", preview.replaces->id},
                                   {"file_name", preview.replaces->file_name},
                                   {"uploaded_by", preview.replaces->uploaded_by},
                                   {"uploaded_at", preview.replaces->uploaded_at}};
  }
  boost::json::object json{{"month", MonthText(preview.month)},
                           {"month_guessed", preview.month_guessed},
                           {"file", {{"name", preview.file_name}, {"describe", preview.describe}}},
                           {"rows", preview.rows},
                           {"region_rows", preview.region_rows},
                           {"rejected", IssuesJson(preview.issues.rejected, texts, lang)},
                           {"warnings", IssuesJson(preview.issues.warnings, texts, lang)},
                           {"unknown_units", UnknownJson(preview.issues.unknown_units)},
                           {"changes", ChangesJson(preview.changes)},
                           {"replaces", std::move(replaces)},
                           {"applied", preview.upload_id.has_value()}};
  if (preview.upload_id) json["upload_id"] = *preview.upload_id;
  return json;
}

boost::json::object MonthJson(const MonthView& view, const ui::Translations& texts,
                              const std::string& lang) {
  boost::json::array units;
  for (const auto& unit : view.units) {
    units.push_back({{"kode_uker", unit.kode_uker},
                     {"kode_kanca", unit.kode_kanca},
                     {"kanca", unit.kanca},
                     {"uker", unit.uker},
                     {"line", unit.line},
                     {"known", unit.known},
                     {"targets", TargetsJson(unit.values)}});
  }
  return {{"month", MonthText(view.upload.month)},
          {"upload", UploadJson(view.upload)},
          {"units", std::move(units)},
          {"issues",
           {{"rejected", IssuesJson(view.issues.rejected, texts, lang)},
            {"warnings", IssuesJson(view.issues.warnings, texts, lang)},
            {"unknown_units", UnknownJson(view.issues.unknown_units)}}}};
}

boost::json::object EditJson(const EditResult& result) {
  return {{"changed", result.changed},
          {"kode_uker", result.kode_uker},
          {"group", GroupCode(result.group)},
          {"measure", MeasureCode(result.measure)},
          {"before", MoneyJson(result.before)},
          {"after", MoneyJson(result.after)},
          {"edits", result.edits}};
}

}  // namespace smedash::komitmen
