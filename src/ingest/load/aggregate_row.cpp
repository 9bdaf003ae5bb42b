#include "ingest/load/aggregate_row.hpp"

#include <stdexcept>

#include "core/money.hpp"

namespace smedash::ingest {
namespace {

const std::optional<std::string>& ValueOf(const ValidatedRow& row, Column column) {
  return row.values[static_cast<std::size_t>(column)];
}

std::string_view TextOf(const ValidatedRow& row, Column column) {
  const auto& value = ValueOf(row, column);
  return value ? std::string_view(*value) : std::string_view();
}

}  // namespace

metrics::AggregateRow AggregateView(const ValidatedRow& row) {
  metrics::AggregateRow view;
  view.periode = row.periode;
  view.kode_uker = TextOf(row, Column::kKodeUker);
  const auto& uker = ValueOf(row, Column::kUker);
  view.uker = uker ? &*uker : nullptr;
  view.kanca = TextOf(row, Column::kKanca);
  view.code = &row.code;
  const std::string_view grade = TextOf(row, Column::kKolAdk);
  if (grade.size() != 1 || grade[0] < '1' || grade[0] > '5') {
    throw std::logic_error("accepted row without a KOL_ADK of 1..5");
  }
  view.kol_adk = grade[0] - '0';
  // A file without FLAG RESTRUK has none: N (domain.md section 2).
  view.restructured = TextOf(row, Column::kFlagRestruk) == "t";
  const auto os = core::Money::Parse(row.os);
  if (!os) throw std::logic_error("accepted row whose os is not numeric text: " + row.os);
  view.os_cents = os->Cents();
  view.cif_no = TextOf(row, Column::kCifNo);
  return view;
}

}  // namespace smedash::ingest
