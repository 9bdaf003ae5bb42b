//! The App with an admin signed in, and target files written the bank's way (CSV, rows 1-2
//! headers, A-D the unit, E-X four groups of DEB OS PL NPL DPK in Rp juta) for the komitmen
//! pages' API.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "../accounts/app_fixture.hpp"

namespace smedash::testing {

// One unit row of a target file; `targets` by column letter ("E".."X"), others "-".
struct FileUnit {
  std::string kode_kanca, kode_uker, kanca, uker;
  std::map<std::string, std::string> targets;
};

// The CSV text of a target file with these rows (after the two header rows).
std::string TargetCsv(const std::vector<FileUnit>& units);
// The same with a raw data line (a row as written, for faults a FileUnit cannot hold).
std::string TargetCsvLines(const std::vector<std::string>& lines);
std::string CsvLine(const FileUnit& unit);

class KomitmenTest : public AppTest {
 protected:
  void SetUp() override;

  // POSTs `content` as the raw body to `path` with ?name= and, when given, &month=.
  http::Response PostFile(const std::string& path, const std::string& name,
                          const std::string& content, const std::string& month = "");
  // Applies the file (expecting 200) and returns the answer.
  boost::json::object Apply(const std::string& name, const std::string& content,
                            const std::string& month = "");
  http::Response Patch(const std::string& month, const boost::json::object& body);
  // Adds units to the unit hierarchy as rows of a load would.
  void AddHierarchyUnit(const std::string& kode_uker, const std::string& uker,
                        const std::string& kanca);

  // The first column of the first row; "NULL" for null, "no row" when there is none.
  std::string Scalar(const std::string& sql);
  long DataVersion() { return Count("SELECT coalesce(max(version), 0) FROM data_version"); }
  long AuditCount(const std::string& action);

  Client admin_;
};

}  // namespace smedash::testing
