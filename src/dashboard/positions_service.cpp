#include "dashboard/positions_service.hpp"

#include <boost/json/array.hpp>

#include "dashboard/json_values.hpp"

namespace smedash::dashboard {

boost::json::object BuildPositions(const metrics::Snapshot& snapshot,
                                   const boost::json::storage_ptr& storage) {
  const auto& loaded = snapshot.Positions();
  boost::json::array positions(storage);
  positions.reserve(loaded.size());
  for (auto position = loaded.rbegin(); position != loaded.rend(); ++position) {
    positions.push_back(DateJson(*position, storage));
  }
  boost::json::array groups(storage);
  for (const auto& group : snapshot.Groups()) {
    boost::json::object item(storage);
    item["code"] = group.code;
    item["label"] = group.label;
    groups.push_back(std::move(item));
  }
  boost::json::array kancas(storage);
  for (const auto& kanca : snapshot.Units().Kancas()) {
    boost::json::object item(storage);
    item["id"] = kanca.id;
    item.emplace("code", OptionalText(kanca.code, storage));
    item["name"] = kanca.name;
    kancas.push_back(std::move(item));
  }

  boost::json::object result(storage);
  result.emplace("positions", std::move(positions));
  result.emplace("latest", loaded.empty() ? boost::json::value(nullptr, storage)
                                          : DateJson(loaded.back(), storage));
  result.emplace("groups", std::move(groups));
  result.emplace("kancas", std::move(kancas));
  return result;
}

}  // namespace smedash::dashboard
