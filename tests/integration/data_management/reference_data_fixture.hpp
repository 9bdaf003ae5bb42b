//! The upload fixture plus the reference data routes (segment map, unit hierarchy), the
//! worked example loaded through the upload API, and readers of the aggregates the
//! reference data changes.
#pragma once
#include <memory>
#include <string>

#include "db/change_feed.hpp"
#include "upload_fixture.hpp"

namespace smedash::testing {

class ReferenceDataTest : public UploadTest {
 protected:
  void SetUp() override;

  // Loads domain.md section 10 through the upload API and the job workers.
  void LoadWorkedExample(const Client& admin);
  http::Response SendJson(http::Method method, const std::string& target, const Client* client,
                          const boost::json::object& body);
  // POSTs `csv` as a text/csv body, as the units page sends a master list.
  http::Response PostCsv(const std::string& target, const Client* client, const std::string& csv);

  std::int64_t DataVersion();
  long AuditCount(const std::string& action);
  // Σ os of `segment` in agg_position at `periode`, "0" when it has none.
  std::string SegmentOs(const std::string& periode, const std::string& segment);
  // The same Σ computed from loan_data and the segment map as they are now.
  std::string SegmentOsFromRows(const std::string& periode, const std::string& segment);
  // NSB of a kanca (its normalised key) in group SME at `periode`; 0 when none.
  long KancaCustomers(const std::string& periode, const std::string& kanca_key);

  // What the routes tell when the data moved, as the server's own feed.
  std::unique_ptr<db::ChangeFeed> changes_;
};

}  // namespace smedash::testing
