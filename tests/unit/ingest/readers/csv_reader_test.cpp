// Tests for src/ingest/csv: dialect sniffing and the streaming RFC 4180 reader. Each case
// is a file's bytes and the rows expected (see fixtures.hpp for the row notation).
#include "ingest/csv/csv_reader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "fixtures.hpp"
#include "ingest/validate/reasons.hpp"

namespace smedash::ingest {
namespace {

using testing::ExpectRefusal;
using testing::ReadAll;
using testing::ReadError;
using testing::ReadFailure;
using testing::TempDir;
using Rows = std::vector<std::string>;

struct CsvCase {
  const char* name;
  std::string bytes;
  Rows rows;
  std::string describe;  // CsvReader::Describe()
};

// gtest prints a failing case by name, not as a dump of its bytes.
void PrintTo(const CsvCase& test_case, std::ostream* out) { *out << test_case.name; }

class CsvTableTest : public ::testing::TestWithParam<CsvCase> {};

TEST_P(CsvTableTest, ReadsTheExpectedRows) {
  const CsvCase& test_case = GetParam();
  TempDir dir;
  const auto file = dir.Write("upload.csv", test_case.bytes);
  EXPECT_EQ(ReadAll(file, "Upload.CSV"), test_case.rows);
  CsvReader reader(file, ReaderLimits::Defaults());
  Row row;
  while (reader.Next(row)) {
  }
  EXPECT_EQ(reader.Describe(), test_case.describe);
  EXPECT_EQ(reader.BytesRead(), test_case.bytes.size());
  EXPECT_EQ(reader.SemicolonDelimited(), reader.Dialect().delimiter == ';');
}

const CsvCase kCsvCases[] = {
    {"comma_lf",
     "PERIODE,KANCA,OS\n2025-09-30,KC BANDUNG,1234567.89\n",
     {"1: t:PERIODE | t:KANCA | t:OS", "2: t:2025-09-30 | t:KC BANDUNG | t:1234567.89"},
     "CSV; delimiter ',' (detected); UTF-8"},
    {"semicolon_indonesian_crlf",
     "PERIODE;OS;RATE\r\n30/09/2025;1.234.567,89;7,5\r\n31/10/2025;(1.000,00);\r\n",
     {"1: t:PERIODE | t:OS | t:RATE", "2: t:30/09/2025 | t:1.234.567,89 | t:7,5",
      "3: t:31/10/2025 | t:(1.000,00) | -"},
     "CSV; delimiter ';' (detected); UTF-8"},
    {"utf8_bom",
     "\xEF\xBB\xBFNOMOR REKENING,NAMA DEBITUR\n003301001234567,Ny. Siti \xC3\x84\n",
     {"1: t:NOMOR REKENING | t:NAMA DEBITUR", "2: t:003301001234567 | t:Ny. Siti \xC3\x84"},
     "CSV; delimiter ',' (detected); UTF-8 with BOM"},
    {"quotes_escapes_and_newlines",
     "a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"multi\nline\",z\n\"\",\nlast,1",
     {"1: t:a | t:b", "2: t:x, y | t:say \"hi\"", "3: t:multi\nline | t:z", "6: t:last | t:1"},
     "CSV; delimiter ',' (detected); UTF-8"},
    {"crlf_inside_quotes",
     "a,b\r\n\"x\r\ny\",z\r\nq,w\r\n",
     {"1: t:a | t:b", "2: t:x\r\ny | t:z", "4: t:q | t:w"},
     "CSV; delimiter ',' (detected); UTF-8"},
    {"windows_1252",
     "NAMA DEBITUR;KANCA\r\nBengkel Lima Jaya \xE9;KC \x93"
     "Dago\x94\r\n",
     {"1: t:NAMA DEBITUR | t:KANCA",
      "2: t:Bengkel Lima Jaya \xC3\xA9 | t:KC \xE2\x80\x9C"
      "Dago\xE2\x80\x9D"},
     "CSV; delimiter ';' (detected); Windows-1252 (not valid UTF-8)"},
    {"tab",
     "a\tb\tc\n1\t2,5\t3\n",
     {"1: t:a | t:b | t:c", "2: t:1 | t:2,5 | t:3"},
     "CSV; delimiter tab (detected); UTF-8"},
    {"pipe",
     "a|b\n1|\"2|3\"\n",
     {"1: t:a | t:b", "2: t:1 | t:2|3"},
     "CSV; delimiter '|' (detected); UTF-8"},
    {"semicolon_beats_decimal_commas",
     "KODE;OS\n1;1,5\n2;2,25\n3;1.000,5\n",
     {"1: t:KODE | t:OS", "2: t:1 | t:1,5", "3: t:2 | t:2,25", "4: t:3 | t:1.000,5"},
     "CSV; delimiter ';' (detected); UTF-8"},
    {"blank_and_delimiter_only_lines_skipped",
     "a;b\n\n;;\n\r\n1;2\n",
     {"1: t:a | t:b", "5: t:1 | t:2"},
     "CSV; delimiter ';' (detected); UTF-8"},
    {"single_column",
     "NOMOR\n123\n456",
     {"1: t:NOMOR", "2: t:123", "3: t:456"},
     "CSV; delimiter ',' (default: only one column found); UTF-8"},
    {"lone_cr_line_ends",
     "a,b\r1,2\r",
     {"1: t:a | t:b", "2: t:1 | t:2"},
     "CSV; delimiter ',' (detected); UTF-8"},
    {"stray_quotes_kept",
     "a,b\nab\"c,\"x\"y\n",
     {"1: t:a | t:b", "2: t:ab\"c | t:xy"},
     "CSV; delimiter ',' (detected); UTF-8"},
    {"empty_fields_kept_in_place",
     "a,b,c,d\nx,,z,\n",
     {"1: t:a | t:b | t:c | t:d", "2: t:x | - | t:z | -"},
     "CSV; delimiter ',' (detected); UTF-8"},
    {"header_only_no_newline", "a,b", {"1: t:a | t:b"}, "CSV; delimiter ',' (detected); UTF-8"},
    {"spaces_kept",
     "a,b\n  x , y\n",
     {"1: t:a | t:b", "2: t:  x  | t: y"},
     "CSV; delimiter ',' (detected); UTF-8"},
};

INSTANTIATE_TEST_SUITE_P(Csv, CsvTableTest, ::testing::ValuesIn(kCsvCases),
                         [](const auto& info) { return std::string(info.param.name); });

struct CsvErrorCase {
  const char* name;
  std::string bytes;
  ReaderLimits limits;
  std::string message_part;
  std::string_view key;
  std::map<std::string, std::string> args;
};

void PrintTo(const CsvErrorCase& test_case, std::ostream* out) { *out << test_case.name; }

class CsvErrorTest : public ::testing::TestWithParam<CsvErrorCase> {};

TEST_P(CsvErrorTest, RefusesWithAClearMessage) {
  const CsvErrorCase& test_case = GetParam();
  TempDir dir;
  const auto file = dir.Write("upload.csv", test_case.bytes);
  const auto error = ReadFailure(file, "upload.csv", test_case.limits);
  ASSERT_TRUE(error) << "read to the end";
  EXPECT_THAT(error->what(), ::testing::HasSubstr(test_case.message_part));
  ExpectRefusal(*error, test_case.key, test_case.args);
}

ReaderLimits SmallLimits() {
  ReaderLimits limits;
  limits.read_buffer_bytes = 4096;
  limits.max_field_bytes = 1024;
  limits.max_fields_per_row = 10;
  return limits;
}

const CsvErrorCase kCsvErrorCases[] = {
    {"unterminated_quote",
     "a,b\n1,\"abc\n2,3\n",
     ReaderLimits::Defaults(),
     "dibuka di baris 2 tidak pernah ditutup",
     reason::kFileUnterminatedQuote,
     {{"line", "2"}}},
    {"nul_after_the_sniffed_head",
     "h\n" + std::string(5000, 'x') + "\n1" + std::string(1, '\0'),
     ReaderLimits::Defaults(),
     "Baris 3: file berisi byte NUL",
     reason::kFileNulByte,
     {{"line", "3"}}},
    {"nul_inside_quotes",
     "h\n" + std::string(5000, 'x') + "\n\"1" + std::string(1, '\0') + "\"",
     ReaderLimits::Defaults(),
     "Baris 3: file berisi byte NUL",
     reason::kFileNulByte,
     {{"line", "3"}}},
    {"field_over_the_cap",
     "a\n" + std::string(2000, 'x') + "\n",
     SmallLimits(),
     "Baris 2: isi satu kolom lebih dari 1 KiB",
     reason::kFileFieldTooLarge,
     {{"line", "2"}, {"max_kib", "1"}}},
    {"runaway_quote",
     "a\nb\n\"" + std::string(5000, 'x'),
     SmallLimits(),
     "pembuka tanpa penutup yang dimulai di baris 3",
     reason::kFileFieldTooLargeQuoted,
     {{"line", "3"}, {"max_kib", "1"}, {"quote_line", "3"}}},
    {"quoted_newlines_count_against_the_cap",
     "a\n\"" + std::string(2000, '\n') + "\"",
     SmallLimits(),
     "lebih dari 1 KiB",
     reason::kFileFieldTooLargeQuoted,
     {{"line", "2"}, {"max_kib", "1"}, {"quote_line", "2"}}},
    {"row_over_the_field_cap",
     "a,b\n" + std::string(20, ','),
     SmallLimits(),
     "Baris 2: lebih dari 10 kolom dalam satu baris. Periksa pemisah kolom (terdeteksi ',')",
     reason::kFileTooManyFields,
     {{"line", "2"}, {"max", "10"}, {"delimiter", "','"}}},
    {"ten_megabyte_field",
     "a\n" + std::string(10 << 20, 'x'),
     ReaderLimits::Defaults(),
     "lebih dari 64 KiB",
     reason::kFileFieldTooLarge,
     {{"line", "2"}, {"max_kib", "64"}}},
    {"hundred_thousand_fields",
     "a;b\n" + std::string(100000, ';'),
     ReaderLimits::Defaults(),
     "lebih dari 16384 kolom",
     reason::kFileTooManyFields,
     {{"line", "2"}, {"max", "16384"}, {"delimiter", "';'"}}},
};

INSTANTIATE_TEST_SUITE_P(Csv, CsvErrorTest, ::testing::ValuesIn(kCsvErrorCases),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(CsvReaderTest, RefusesUtf16WithAHint) {
  TempDir dir;
  const auto file = dir.Write("unicode.csv", std::string("\xFF\xFE"
                                                         "a\0,\0b\0",
                                                         8));
  try {
    CsvReader reader(file, ReaderLimits::Defaults());
    ADD_FAILURE() << "no FileError";
  } catch (const FileError& error) {
    EXPECT_THAT(error.what(), ::testing::HasSubstr("UTF-16"));
    ExpectRefusal(error, reason::kFileUtf16, {});
  }
}

TEST(CsvReaderTest, InvalidUtf8LateInAUtf8FileIsReadAsCp1252ButCounted) {
  ReaderLimits limits;
  limits.read_buffer_bytes = 4096;  // the sniffer sees only valid UTF-8
  TempDir dir;
  std::string bytes = "nama;kanca\n";
  for (int i = 0; i < 500; ++i) bytes += "Siti \xC3\x84;KC\n";
  bytes += "Jaya \xE9;KC\n";
  const auto file = dir.Write("late.csv", bytes);
  const auto rows = ReadAll(file, "late.csv", limits);
  ASSERT_EQ(rows.size(), 502u);
  EXPECT_EQ(rows[1], "2: t:Siti \xC3\x84 | t:KC");
  EXPECT_EQ(rows.back(), "502: t:Jaya \xC3\xA9 | t:KC");
  CsvReader reader(file, limits);
  Row row;
  while (reader.Next(row)) {
  }
  EXPECT_EQ(reader.Describe(),
            "CSV; delimiter ';' (detected); UTF-8; 1 fields not valid UTF-8 read as Windows-1252");
}

// Records whose quotes, escaped quotes, CRLFs and multi-byte characters fall across read
// buffer boundaries read the same with a 4 KiB buffer as with the default 1 MiB one.
TEST(CsvReaderTest, BufferBoundariesDoNotChangeTheRows) {
  std::string bytes = "NOMOR;NAMA;CATATAN;OS\r\n";
  Rows expected = {"1: t:NOMOR | t:NAMA | t:CATATAN | t:OS"};
  std::uint64_t line = 2;
  for (int i = 0; i < 3000; ++i) {
    const std::string number = std::to_string(1000000 + i);
    const std::string name = "Toko \xC3\x84 " + std::string(static_cast<std::size_t>(i % 7), 'z');
    const bool quoted = i % 3 == 0;
    const std::string note = quoted ? "baris\r\n\"" + std::to_string(i) + "\";x" : "biasa";
    const std::string note_csv =
        quoted ? "\"baris\r\n\"\"" + std::to_string(i) + "\"\";x\"" : "biasa";
    bytes += number + ";" + name + ";" + note_csv + ";" + std::to_string(i) + ",5\r\n";
    expected.push_back(std::to_string(line) + ": t:" + number + " | t:" + name + " | t:" + note +
                       " | t:" + std::to_string(i) + ",5");
    line += quoted ? 2 : 1;
  }
  TempDir dir;
  const auto file = dir.Write("long.csv", bytes);
  ReaderLimits small;
  small.read_buffer_bytes = 4096;
  EXPECT_EQ(ReadAll(file, "long.csv", small), expected);
  EXPECT_EQ(ReadAll(file, "long.csv"), expected);

  // Progress only grows and ends at the file size.
  CsvReader reader(file, small);
  Row row;
  std::uint64_t last = 0;
  while (reader.Next(row)) {
    ASSERT_GE(reader.BytesRead(), last);
    last = reader.BytesRead();
  }
  EXPECT_EQ(reader.BytesRead(), bytes.size());
}

}  // namespace
}  // namespace smedash::ingest
