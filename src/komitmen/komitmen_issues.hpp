//! A komitmen upload's issues as stored with it (komitmen_uploads.issues, jsonb): the rows
//! the reader left out, its warnings and the units the hierarchy does not know, each with
//! its translation key, so pages show them in the reader's language later.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "komitmen/target_file.hpp"

namespace smedash::komitmen {

// A unit of the file that the unit hierarchy does not know: warned, still loaded.
struct UnknownUnit {
  std::uint64_t line = 0;
  std::string kode_uker;
  std::string uker;
};

struct UploadIssues {
  std::vector<TargetIssue> rejected;
  std::vector<TargetIssue> warnings;
  std::vector<UnknownUnit> unknown_units;
};

std::string StoreIssues(const UploadIssues& issues);
// What StoreIssues wrote; entries of another shape are skipped.
UploadIssues LoadIssues(std::string_view json);

}  // namespace smedash::komitmen
