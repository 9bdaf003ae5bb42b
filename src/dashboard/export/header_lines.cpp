#include "dashboard/export/json_access.hpp"
#include "dashboard/export/table_builders.hpp"

namespace smedash::dashboard::exports {

void AddKancaLine(std::vector<HeaderLine>& header, const boost::json::object& data,
                  const ExportContext& context) {
  if (!data.contains("kanca")) return;
  const boost::json::object* kanca = OptionalObject(data, "kanca");
  header.push_back(
      {context.Text("export.filter.kanca"),
       Cell::Text(kanca ? StringOrEmpty(*kanca, "name") : context.Text("export.kanca.all"))});
}

void AddUnitLine(std::vector<HeaderLine>& header, const ExportContext& context) {
  header.push_back({context.Text("export.filter.unit"), Cell::Text(context.UnitLabel())});
}

}  // namespace smedash::dashboard::exports
