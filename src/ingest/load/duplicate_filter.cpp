#include "ingest/load/duplicate_filter.hpp"

namespace smedash::ingest {

std::optional<std::uint64_t> DuplicateFilter::FirstLineOf(const std::string& periode,
                                                          const std::string& nomor_rekening,
                                                          std::uint64_t line) {
  // A periode is always "yyyy-mm-dd", so periode + account is unambiguous without a
  // separator.
  key_.assign(periode);
  key_.append(nomor_rekening);
  const auto [number, inserted] = keys_.Insert(key_);
  if (inserted) {
    first_lines_.push_back(line);
    return std::nullopt;
  }
  return first_lines_[number];
}

}  // namespace smedash::ingest
