// loan_data and columns.hpp must agree column by column: the loader COPYs by those names,
// and a type that cannot hold what validation accepts would fail whole files.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest/columns.hpp"
#include "load_fixture.hpp"

namespace smedash::ingest::testing {
namespace {

std::string TypeOf(ValueKind kind) {
  switch (kind) {
    case ValueKind::kPositionDate:
    case ValueKind::kDate:
      return "date";
    case ValueKind::kAmount:
      return "numeric(18,2)";
    case ValueKind::kRate:
      return "numeric(9,4)";
    case ValueKind::kWholeNumber:
      return "integer";
    case ValueKind::kGrade:
      return "smallint";
    case ValueKind::kFlag:
      return "boolean";
    case ValueKind::kCode:
    case ValueKind::kIdentifier:
    case ValueKind::kText:
      return "text";
  }
  return "?";
}

using SchemaTest = LoadTest;

TEST_F(SchemaTest, LoanDataHasEveryColumnInOrderWithItsType) {
  std::vector<std::string> expected;
  for (const auto& spec : Columns()) {
    const bool not_null = spec.always_required;
    expected.push_back(std::string(spec.db_name) + " " + TypeOf(spec.kind) +
                       (not_null ? " not null" : ""));
  }
  expected.push_back("os numeric(18,2) not null");
  expected.push_back("upload_id bigint");
  EXPECT_EQ(Column("SELECT a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || "
                   "CASE WHEN a.attnotnull THEN ' not null' ELSE '' END "
                   "FROM pg_attribute a WHERE a.attrelid = 'loan_data'::regclass "
                   "AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum"),
            expected);
}

TEST_F(SchemaTest, EachPositionGetsItsPartitionInItsMonth) {
  Value("SELECT loan_data_prepare_position('2024-02-29')::text");
  Value("SELECT loan_data_prepare_position('2024-02-09')::text");
  EXPECT_EQ(Column("SELECT c.relname || ' ' || p.relname || ' ' || pg_get_expr(c.relpartbound, "
                   "c.oid) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                   "JOIN pg_class p ON p.oid = i.inhparent WHERE c.relkind IN ('r', 'p') "
                   "ORDER BY c.relname"),
            (std::vector<std::string>{
                "loan_data_202402 loan_data FOR VALUES FROM ('2024-02-01') TO ('2024-03-01')",
                "loan_data_20240209 loan_data_202402 FOR VALUES IN ('2024-02-09')",
                "loan_data_20240229 loan_data_202402 FOR VALUES IN ('2024-02-29')",
            }));
}

TEST_F(SchemaTest, PreparingAPositionAgainEmptiesOnlyIt) {
  ASSERT_EQ(Import(WriteFile("contoh.csv", kWorkedExampleCsv)).status,
            ImportReport::Status::kCompleted);
  Value("SELECT loan_data_prepare_position('2025-10-09')::text");
  EXPECT_EQ(Value("SELECT count(*) FROM loan_data WHERE periode = '2025-10-09'"), "0");
  EXPECT_EQ(Value("SELECT count(*) FROM loan_data WHERE periode = '2025-10-08'"), "6");
}

TEST_F(SchemaTest, ClearingAPositionRemovesOnlyIt) {
  ASSERT_EQ(Import(WriteFile("contoh.csv", kWorkedExampleCsv)).status,
            ImportReport::Status::kCompleted);
  EXPECT_EQ(Value("SELECT loan_data_clear_position('2025-10-09')::text"), "true");
  EXPECT_EQ(Value("SELECT loan_data_clear_position('2023-01-01')::text"), "false");
  EXPECT_EQ(Value("SELECT count(*) FROM loan_data"), std::to_string(20 - 7));
}

TEST_F(SchemaTest, SegmentMapAndGroupsAreSeeded) {
  EXPECT_EQ(Value("SELECT count(*) FROM segment_map"), "25");
  EXPECT_EQ(Column("SELECT segment || ':' || count(*) FROM segment_map GROUP BY segment "
                   "ORDER BY segment"),
            (std::vector<std::string>{"CC:3", "KUR:1", "MEDIUM:4", "SMALL NCC:17"}));
  EXPECT_EQ(Column("SELECT group_code || ':' || array_to_string(segments, '+') FROM "
                   "segment_groups ORDER BY sort_order"),
            (std::vector<std::string>{"SME:MEDIUM+SMALL NCC+CC+KUR", "MEDIUM:MEDIUM",
                                      "SMALL_KUR:SMALL NCC+CC+KUR", "SMALL:SMALL NCC+CC",
                                      "SMALL_NCC:SMALL NCC", "CC:CC", "KUR:KUR"}));
}

}  // namespace
}  // namespace smedash::ingest::testing
