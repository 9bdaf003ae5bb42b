// The progress an import reports: each phase is reported when it starts, so the upload
// page can say "updating the dashboard summaries" while the aggregates are written.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "load_fixture.hpp"

namespace smedash::ingest::testing {
namespace {

class ProgressTest : public LoadTest {};

TEST_F(ProgressTest, TheAggregatePhaseIsReportedBeforeTheLoadCommits) {
  const auto file = WriteFile("posisi.csv", kWorkedExampleCsv);
  ImportOptions options;
  options.upload_id = last_upload_id_ = CreateUpload(file);
  options.original_name = "posisi.csv";
  std::vector<std::string> phases;
  std::vector<std::string> statuses;  // the upload's, as another connection sees it
  pqxx::connection observer(connection_string_);
  options.on_progress = [&](const ImportProgress& progress) {
    if (!phases.empty() && phases.back() == progress.phase) return;
    phases.push_back(progress.phase);
    pqxx::nontransaction tx(observer);
    statuses.push_back(
        tx.exec_params1("SELECT status FROM uploads WHERE id = $1", options.upload_id)[0]
            .as<std::string>());
  };
  const ImportReport report = RunImport(connection_, file, options);
  ASSERT_EQ(report.status, ImportReport::Status::kCompleted) << report.error;
  ASSERT_GE(phases.size(), 2u);
  EXPECT_EQ(std::vector<std::string>(phases.end() - 2, phases.end()),
            (std::vector<std::string>{"aggregating", "done"}));
  EXPECT_NE(statuses.at(phases.size() - 2), "completed") << "aggregating, still uncommitted";
  EXPECT_EQ(statuses.back(), "completed");
}

}  // namespace
}  // namespace smedash::ingest::testing
