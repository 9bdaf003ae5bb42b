//! SQL of the upload history (data_management/sql/history_*.sql): a filtered page of
//! uploads, who has uploaded, and a failed upload put back in the queue. No rules here.
#pragma once
#include <cstdint>
#include <pqxx/transaction_base>
#include <string>
#include <vector>

#include "data_management/history_types.hpp"

namespace smedash::data_management::history_repository {

struct Page {
  std::vector<Upload> uploads;  // with their periodes
  std::int64_t total = 0;
};

// `time_zone` names the zone the filter's days are in (config.display_timezone).
Page Find(pqxx::transaction_base& tx, const HistoryFilter& filter, const std::string& time_zone);

std::vector<Uploader> Uploaders(pqxx::transaction_base& tx);

// 'failed' → 'queued' with the earlier report cleared; nothing changes unless it is failed.
void Requeue(pqxx::transaction_base& tx, std::int64_t id);

}  // namespace smedash::data_management::history_repository
