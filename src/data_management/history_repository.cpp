#include "data_management/history_repository.hpp"

#include <boost/json.hpp>
#include <pqxx/pqxx>

#include "data_management/sql.hpp"
#include "data_management/upload_repository.hpp"

namespace smedash::data_management::history_repository {
namespace {

std::vector<UploadPeriode> Periodes(const std::string& json_array_text) {
  std::vector<UploadPeriode> periodes;
  const boost::json::value parsed = boost::json::parse(json_array_text);
  for (const auto& item : parsed.as_array()) {
    const auto& object = item.as_object();
    periodes.push_back({std::string(object.at("periode").as_string()),
                        object.at("rows_loaded").to_number<std::int64_t>(),
                        object.at("rows_replaced").to_number<std::int64_t>()});
  }
  return periodes;
}

std::optional<std::string> Text(const std::optional<core::Date>& date) {
  if (!date) return std::nullopt;
  return date->ToIso();
}

std::optional<std::string> Text(const std::optional<std::int64_t>& number) {
  if (!number) return std::nullopt;
  return std::to_string(*number);
}

pqxx::result Select(pqxx::transaction_base& tx, const HistoryFilter& filter,
                    const std::string& time_zone, int limit, std::int64_t offset) {
  static const std::string kSql = sql::Query("history_page.sql");
  const auto uploader = Text(filter.uploader_id);
  const auto from = Text(filter.from);
  const auto to = Text(filter.to);
  return tx.exec_params(kSql, sql::OrNull(filter.status), sql::OrNull(uploader),
                        filter.command_line, sql::OrNull(from), sql::OrNull(to), time_zone,
                        sql::OrNull(filter.name), limit, offset);
}

}  // namespace

Page Find(pqxx::transaction_base& tx, const HistoryFilter& filter, const std::string& time_zone) {
  const std::int64_t offset = static_cast<std::int64_t>(filter.page - 1) * filter.per_page;
  Page page;
  const auto result = Select(tx, filter, time_zone, filter.per_page, offset);
  for (const auto& row : result) {
    Upload upload = upload_repository::RowToUpload(row);
    upload.periodes = Periodes(row["periodes"].as<std::string>());
    page.uploads.push_back(std::move(upload));
    page.total = row["total"].as<std::int64_t>();
  }
  // Past the last page there is no row to carry the count: the first row's says it.
  if (result.empty() && offset > 0) {
    const auto first = Select(tx, filter, time_zone, 1, 0);
    if (!first.empty()) page.total = first[0]["total"].as<std::int64_t>();
  }
  return page;
}

std::vector<Uploader> Uploaders(pqxx::transaction_base& tx) {
  static const std::string kSql = sql::Query("history_uploaders.sql");
  std::vector<Uploader> uploaders;
  for (const auto& row : tx.exec(kSql)) {
    Uploader uploader;
    if (!row[0].is_null()) uploader.id = row[0].as<std::int64_t>();
    uploader.name = row[1].as<std::string>();
    uploaders.push_back(std::move(uploader));
  }
  return uploaders;
}

void Requeue(pqxx::transaction_base& tx, std::int64_t id) {
  static const std::string kSql = sql::Query("history_retry.sql");
  tx.exec_params0(kSql, id);
}

}  // namespace smedash::data_management::history_repository
