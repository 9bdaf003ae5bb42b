#include "ingest/load/loan_loader.hpp"

#include <pqxx/pqxx>
#include <vector>

#include "ingest/columns.hpp"
#include "ingest/load/copy_text.hpp"
#include "ingest/sql.hpp"

namespace smedash::ingest {
namespace {

// Small enough that the server has the previous chunks in its socket buffer to work on
// while we parse the next one; large enough that the per-chunk cost does not show.
constexpr std::size_t kChunkBytes = 64 * 1024;

// loan_data's columns in COPY order: columns.hpp's, then the derived ones.
const std::vector<std::string>& CopyColumns() {
  static const std::vector<std::string> columns = [] {
    std::vector<std::string> names;
    for (const auto& spec : Columns()) names.emplace_back(spec.db_name);
    names.emplace_back("os");
    names.emplace_back("upload_id");
    return names;
  }();
  return columns;
}

}  // namespace

LoanLoader::LoanLoader(pqxx::transaction_base& tx, std::int64_t upload_id)
    : tx_(tx), upload_id_text_(std::to_string(upload_id)) {
  chunk_.reserve(kChunkBytes + 16 * 1024);
}

void LoanLoader::Add(const ValidatedRow& row) {
  if (current_ == nullptr || *current_periode_ != row.periode) {
    auto found = periodes_.find(row.periode);
    if (found == periodes_.end()) {
      BeginPeriode(row.periode);
      found = periodes_.find(row.periode);
    }
    current_periode_ = &found->first;
    current_ = &found->second;
  }
  constexpr auto kPeriode = static_cast<std::size_t>(Column::kPeriode);
  for (std::size_t column_idx = 0; column_idx < kColumnCount; ++column_idx) {
    // PERIODE is written from row.periode, the value the position was replaced by, so
    // the row cannot land in a position this load did not clear.
    if (column_idx == kPeriode) {
      AppendCopyValue(chunk_, row.periode);
    } else {
      AppendCopyField(chunk_, row.values[column_idx]);
    }
    chunk_ += '\t';
  }
  AppendCopyValue(chunk_, row.os);
  chunk_ += '\t';
  chunk_ += upload_id_text_;
  chunk_ += '\n';
  ++current_->rows_loaded;
  if (chunk_.size() >= kChunkBytes) Flush();
}

void LoanLoader::Pause() {
  Flush();
  if (copy_) {
    copy_->Complete();
    copy_.reset();
  }
}

void LoanLoader::BeginPeriode(const std::string& periode) {
  static const std::string kRows = sql::Query("loan_data_position_rows.sql");
  static const std::string kPrepare = sql::Query("loan_data_prepare_position.sql");
  Pause();
  const auto replaced = tx_.exec_params1(kRows, periode)[0].as<std::uint64_t>();
  tx_.exec_params(kPrepare, periode);
  periodes_.emplace(periode, PeriodeLoad{.rows_loaded = 0, .rows_replaced = replaced});
}

void LoanLoader::Flush() {
  if (chunk_.empty()) return;
  if (!copy_) copy_ = std::make_unique<CopyStream>(tx_, "loan_data", CopyColumns());
  copy_->Write(chunk_);
  chunk_.clear();
}

}  // namespace smedash::ingest
