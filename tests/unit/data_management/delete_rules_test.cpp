// The delete request's rules without a database: reading the selection, the typed
// confirmation of "everything", which stored files a delete may remove, audit targets.
#include "data_management/delete_rules.hpp"

#include <gtest/gtest.h>

#include <map>

namespace smedash::data_management {
namespace {

std::variant<DeleteSelection, ReferenceProblem> Parse(std::map<std::string, std::string> fields) {
  return ParseDeleteSelection([&fields](std::string_view name) -> std::optional<std::string> {
    const auto found = fields.find(std::string(name));
    if (found == fields.end()) return std::nullopt;
    return found->second;
  });
}

std::string FieldOf(const std::variant<DeleteSelection, ReferenceProblem>& parsed) {
  const auto* problem = std::get_if<ReferenceProblem>(&parsed);
  if (problem == nullptr) return "(no problem)";
  EXPECT_EQ(problem->status, 400);
  return problem->field;
}

TEST(DeleteSelectionTest, ReadsEachMode) {
  const auto position =
      std::get<DeleteSelection>(Parse({{"mode", "position"}, {"position", "2025-10-09"}}));
  EXPECT_EQ(position.mode, DeleteMode::kPosition);
  EXPECT_EQ(position.position->ToIso(), "2025-10-09");

  const auto range = std::get<DeleteSelection>(
      Parse({{"mode", "range"}, {"from", "2025-10-01"}, {"to", "2025-10-01"}}));
  EXPECT_EQ(range.mode, DeleteMode::kRange);
  EXPECT_EQ(range.from, range.to) << "one day is a range";

  const auto upload = std::get<DeleteSelection>(Parse({{"mode", "upload"}, {"upload", "42"}}));
  EXPECT_EQ(upload.mode, DeleteMode::kUpload);
  EXPECT_EQ(upload.upload_id, 42);

  EXPECT_EQ(std::get<DeleteSelection>(Parse({{"mode", "all"}})).mode, DeleteMode::kAll);
}

TEST(DeleteSelectionTest, NamesTheFieldAtFault) {
  EXPECT_EQ(FieldOf(Parse({})), "mode");
  EXPECT_EQ(FieldOf(Parse({{"mode", "ALL"}})), "mode");
  EXPECT_EQ(FieldOf(Parse({{"mode", "position"}})), "position");
  EXPECT_EQ(FieldOf(Parse({{"mode", "position"}, {"position", "2025-10-9"}})), "position");
  EXPECT_EQ(FieldOf(Parse({{"mode", "position"}, {"position", "2023-02-29"}})), "position");
  EXPECT_EQ(FieldOf(Parse({{"mode", "range"}, {"to", "2025-10-01"}})), "from");
  EXPECT_EQ(FieldOf(Parse({{"mode", "range"}, {"from", "2025-10-02"}, {"to", "2025-10-01"}})),
            "to");
  EXPECT_EQ(FieldOf(Parse({{"mode", "upload"}, {"upload", "12a"}})), "upload");
  EXPECT_EQ(FieldOf(Parse({{"mode", "upload"}, {"upload", "0"}})), "upload");
  EXPECT_EQ(FieldOf(Parse({{"mode", "upload"}, {"upload", "99999999999999999999"}})), "upload");
}

TEST(DeleteConfirmationTest, OnlyTheExactTextConfirms) {
  EXPECT_TRUE(ConfirmsDeleteAll("HAPUS SEMUA DATA"));
  for (const auto* typed : {"", "hapus semua data", "HAPUS SEMUA DATA ", " HAPUS SEMUA DATA",
                            "HAPUS  SEMUA DATA", "HAPUS SEMUA", "DELETE ALL DATA"}) {
    EXPECT_FALSE(ConfirmsDeleteAll(typed)) << '"' << typed << '"';
  }
}

TEST(OwnedStoredFileTest, OnlyAPathInsideTheDataFolderIsOurs) {
  const std::filesystem::path data_dir = "/srv/smedash/var";
  EXPECT_EQ(OwnedStoredFile(data_dir, "uploads/2025/10/09/12-contoh.csv"),
            data_dir / "uploads/2025/10/09/12-contoh.csv");
  EXPECT_EQ(OwnedStoredFile(data_dir, "/home/admin/contoh.csv"), std::nullopt)
      << "smedash import records the admin's own file";
  EXPECT_EQ(OwnedStoredFile(data_dir, ""), std::nullopt);
  EXPECT_EQ(OwnedStoredFile(data_dir, "uploads/../../etc/passwd"), std::nullopt);
}

TEST(DeleteAuditTargetTest, NamesWhatWasChosen) {
  DeleteSelection selection;
  selection.mode = DeleteMode::kRange;
  selection.from = core::Date::ParseIso("2025-10-01");
  selection.to = core::Date::ParseIso("2025-10-09");
  EXPECT_EQ(AuditTarget(selection), "range:2025-10-01..2025-10-09");
  selection = {};
  selection.mode = DeleteMode::kUpload;
  selection.upload_id = 7;
  EXPECT_EQ(AuditTarget(selection), "upload:7");
  selection.mode = DeleteMode::kAll;
  EXPECT_EQ(AuditTarget(selection), "all");
}

TEST(DeleteMessagesTest, DatesReadDayMonthYear) {
  EXPECT_EQ(DisplayDate("2025-10-09"), "09/10/2025");
  DeleteSelection selection;
  selection.mode = DeleteMode::kPosition;
  selection.position = core::Date::ParseIso("2025-10-10");
  const auto nothing = NothingToDelete(selection);
  EXPECT_EQ(nothing.status, 404);
  EXPECT_EQ(nothing.code, "nothing_to_delete");
  EXPECT_EQ(nothing.args.at("date"), "10/10/2025");
}

}  // namespace
}  // namespace smedash::data_management
