#include "ingest/preview.hpp"

#include <array>
#include <memory>
#include <unordered_map>
#include <utility>

#include "ingest/load/file_refusal.hpp"
#include "ingest/mapping/column_map.hpp"
#include "ingest/validate/reasons.hpp"

namespace smedash::ingest {
namespace {

constexpr std::size_t kMaxSampleCellBytes = 200;  // like RowIssue::raw_value

// Cuts `text` to at most `limit` bytes without splitting a UTF-8 character.
std::string Cut(const std::string& text, std::size_t limit) {
  if (text.size() <= limit) return text;
  std::size_t end = limit;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

Cell TextCell(std::string text) { return Cell{Cell::Kind::kText, std::move(text)}; }

// Reads PERIODE cells exactly as the import will, without validating whole rows. A file
// holds few distinct PERIODE values, so each is validated once by RowValidator (in a
// synthetic row whose other cells are valid) and cached: the rules stay in one place and a
// scan of a 100 MB file costs one hash lookup per row on top of reading it.
class PeriodeParser {
 public:
  explicit PeriodeParser(NumberStyle style)
      : map_(MapHeader(SyntheticHeader())), validator_(map_, style, false) {}

  std::optional<std::string> Parse(const Cell& cell) {
    if (cell.kind == Cell::Kind::kEmpty) return std::nullopt;
    std::string key(1, static_cast<char>('0' + static_cast<int>(cell.kind)));
    key += cell.text;
    if (auto found = cache_.find(key); found != cache_.end()) return found->second;
    if (cache_.size() >= kMaxCached) cache_.clear();  // a file of all-distinct dates
    auto parsed = ParseUncached(cell);
    cache_.emplace(std::move(key), parsed);
    return parsed;
  }

 private:
  static constexpr std::size_t kMaxCached = 4096;
  static constexpr std::array kColumns = {Column::kPeriode,       Column::kKanca, Column::kKodeUker,
                                          Column::kNomorRekening, Column::kCifNo, Column::kCode,
                                          Column::kKolAdk,        Column::kOs};

  static Row SyntheticHeader() {
    Row header;
    for (const Column column : kColumns)
      header.push_back(TextCell(std::string(Spec(column).header)));
    return header;
  }

  std::optional<std::string> ParseUncached(const Cell& cell) {
    // A new account number each time, in case the validator remembers accounts it has seen.
    Row row = {cell,          TextCell("KC"), TextCell("1"), TextCell(std::to_string(++serial_)),
               TextCell("C"), TextCell("1"),  TextCell("1"), TextCell("0")};
    ValidatedRow out;
    std::vector<RowIssue> issues;
    if (!validator_.Validate(row, 2, out, issues) || out.periode.empty()) return std::nullopt;
    return out.periode;
  }

  ColumnMap map_;
  RowValidator validator_;
  std::unordered_map<std::string, std::optional<std::string>> cache_;
  std::uint64_t serial_ = 0;
};

void DescribeHeaders(const ColumnMap& map, Preview& preview) {
  for (std::size_t index = 0; index < map.headers.size(); ++index) {
    PreviewHeader header{map.headers[index], ColumnForHeader(map.headers[index]), false};
    if (header.column) header.duplicate = map.IndexOf(*header.column) != index;
    preview.headers.push_back(std::move(header));
  }
  preview.missing_required = map.missing_required;
  preview.unknown_headers = map.unknown_headers;
  preview.duplicate_headers = map.duplicate_headers;
}

PreviewRow SampleRow(const Row& row, std::uint64_t line, const std::vector<PreviewHeader>& headers,
                     RowValidator* validator) {
  PreviewRow sample;
  sample.line = line;
  sample.raw.resize(headers.size());
  sample.values.resize(headers.size());
  for (std::size_t index = 0; index < headers.size() && index < row.size(); ++index) {
    sample.raw[index] = Cut(row[index].text, kMaxSampleCellBytes);
  }
  if (validator == nullptr) return sample;  // the headers are unusable: nothing is read
  ValidatedRow out;
  sample.rejected = !validator->Validate(row, line, out, sample.issues);
  if (sample.rejected) return sample;
  for (std::size_t index = 0; index < headers.size(); ++index) {
    const auto& header = headers[index];
    if (!header.column || header.duplicate) continue;
    const auto& value = out.values[static_cast<std::size_t>(*header.column)];
    if (value) sample.values[index] = Cut(*value, kMaxSampleCellBytes);
  }
  return sample;
}

// Reads the data rows: the sample, enough rows to decide an auto number style, and (when
// asked) every row's PERIODE.
void Scan(RowReader& reader, const ColumnMap& map, NumberStyle style, const PreviewOptions& options,
          Preview& preview) {
  std::optional<RowValidator> validator;
  if (map.Usable()) validator.emplace(map, style, reader.SemicolonDelimited());
  const auto periode_index = map.IndexOf(Column::kPeriode);
  std::optional<PeriodeParser> periodes;
  if (options.scan_periodes && periode_index) periodes.emplace(style);

  Row row;
  std::uint64_t validated = 0;
  while (reader.Next(row)) {
    ++preview.data_rows;
    bool learning = false;
    if (preview.rows.size() < options.sample_rows) {
      preview.rows.push_back(
          SampleRow(row, reader.Line(), preview.headers, validator ? &*validator : nullptr));
      ++validated;
      learning = true;
    } else if (validator && validator->Style() == NumberStyle::kAuto &&
               validated < options.sample_rows + options.style_rows) {
      ValidatedRow out;
      std::vector<RowIssue> ignored;
      validator->Validate(row, reader.Line(), out, ignored);
      ++validated;
      learning = true;
    }
    if (periodes) {
      const Cell empty;
      const Cell& cell = *periode_index < row.size() ? row[*periode_index] : empty;
      if (auto periode = periodes->Parse(cell)) {
        ++preview.periodes[*periode];
      } else {
        ++preview.rows_without_periode;
      }
    } else if (!learning) {
      break;  // nothing more to learn from the rest of the file
    }
  }
  preview.periodes_scanned = periodes.has_value();
  preview.number_style = validator ? validator->Style() : style;
}

void Refuse(Preview& preview, std::string_view key, std::map<std::string, std::string> args = {}) {
  preview.can_process = false;
  preview.problem_key = std::string(key);
  preview.problem_args = std::move(args);
}

// The reason the import itself would give (same keys and arguments as the pipeline's
// refusals), or that no row has a readable PERIODE, so nothing could load.
void Decide(Preview& preview) {
  preview.can_process = true;
  if (!preview.duplicate_headers.empty()) {
    Refuse(preview, reason::kFileDuplicateColumns, {{"columns", Join(preview.duplicate_headers)}});
  } else if (!preview.missing_required.empty()) {
    std::vector<std::string> found;
    for (const auto& header : preview.headers) found.push_back(header.header);
    Refuse(preview, reason::kFileMissingColumns,
           {{"missing", Join(preview.missing_required)}, {"found", Join(found)}});
  } else if (preview.data_rows == 0) {
    Refuse(preview, reason::kFileHeaderOnly);
  } else if (preview.periodes_scanned && preview.periodes.empty()) {
    Refuse(preview, "upload.preview.no_periode");
  }
}

}  // namespace

std::string_view NumberStyleCode(NumberStyle style) {
  switch (style) {
    case NumberStyle::kIndonesian:
      return "id";
    case NumberStyle::kInternational:
      return "en";
    case NumberStyle::kAuto:
      break;
  }
  return "auto";
}

std::optional<NumberStyle> ParseNumberStyle(std::string_view code) {
  if (code == "auto") return NumberStyle::kAuto;
  if (code == "id") return NumberStyle::kIndonesian;
  if (code == "en") return NumberStyle::kInternational;
  return std::nullopt;
}

Preview BuildPreview(const std::filesystem::path& path, const std::string& original_name,
                     NumberStyle style, const PreviewOptions& options) {
  Preview preview;
  preview.number_style = style;
  std::unique_ptr<RowReader> reader;
  try {
    preview.format = DetectFormat(path, original_name);
    reader = OpenReader(path, *preview.format);
    Row header;
    const bool has_header = reader->Next(header);
    preview.reader = reader->Describe();
    if (!has_header) {
      Refuse(preview, reason::kFileEmpty);
      return preview;
    }
    const ColumnMap map = MapHeader(header);
    DescribeHeaders(map, preview);
    Scan(*reader, map, style, options, preview);
    preview.reader = reader->Describe();
  } catch (const FileError& error) {
    FileRefusal refusal = RefusalOf(error);
    Refuse(preview, refusal.key, std::move(refusal.args));
    return preview;
  }
  Decide(preview);
  return preview;
}

}  // namespace smedash::ingest
