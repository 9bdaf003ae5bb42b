#include "data_management/unit_master_csv.hpp"

#include <optional>
#include <unordered_map>

#include "core/csv_field.hpp"
#include "data_management/issue_export.hpp"
#include "data_management/reference_data.hpp"
#include "ingest/columns.hpp"
#include "ingest/source/text_encoding.hpp"
#include "ingest/validate/text_util.hpp"

namespace smedash::data_management {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
enum MasterColumn : std::size_t { kKodeUker, kUker, kKodeKanca, kKanca };

struct Record {
  std::uint64_t line = 1;
  std::vector<std::string> fields;
};

bool AllEmpty(const std::vector<std::string>& fields) {
  for (const auto& field : fields) {
    if (!ingest::Trim(field).empty()) return false;
  }
  return true;
}

// RFC 4180 records; wholly empty ones (blank lines, ";;;") are skipped. Text after a
// closing quote, or a quote inside an unquoted field, is kept as written.
class Tokenizer {
 public:
  Tokenizer(std::string_view text, char delimiter) : text_(text), delimiter_(delimiter) {}

  // Every record, or the line of a quote still open at the end of the file.
  std::variant<std::vector<Record>, std::uint64_t> Run() {
    for (pos_ = 0; pos_ < text_.size(); ++pos_) {
      if (quoted_) {
        Quoted(text_[pos_]);
      } else {
        Unquoted(text_[pos_]);
      }
    }
    if (quoted_) return quote_line_;
    if (!field_.empty() || !record_.fields.empty()) EndRecord();
    return std::move(records_);
  }

 private:
  bool Next(char c) const { return pos_ + 1 < text_.size() && text_[pos_ + 1] == c; }

  void Quoted(char c) {
    if (c == '"') {
      if (Next('"')) {
        field_ += '"';
        ++pos_;
      } else {
        quoted_ = false;
      }
      return;
    }
    if (c == '\n' || (c == '\r' && !Next('\n'))) ++line_;
    field_ += c;
  }

  void Unquoted(char c) {
    if (c == '"' && at_field_start_) {
      quoted_ = true;
      quote_line_ = line_;
      at_field_start_ = false;
    } else if (c == delimiter_) {
      EndField();
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && Next('\n')) ++pos_;
      ++line_;
      EndRecord();
    } else {
      field_ += c;
      at_field_start_ = false;
    }
  }

  void EndField() {
    record_.fields.push_back(std::move(field_));
    field_.clear();
    at_field_start_ = true;
  }

  void EndRecord() {
    EndField();
    if (!AllEmpty(record_.fields)) records_.push_back(std::move(record_));
    record_ = Record{line_, {}};
  }

  std::string_view text_;
  char delimiter_;
  std::size_t pos_ = 0;
  std::uint64_t line_ = 1;
  std::uint64_t quote_line_ = 0;
  bool quoted_ = false;
  bool at_field_start_ = true;
  std::string field_;
  Record record_;
  std::vector<Record> records_;
};

// ';' when the first line has more semicolons than commas (Excel's CSV in an Indonesian
// locale), otherwise ','.
char SniffDelimiter(std::string_view text) {
  const std::string_view first = text.substr(0, text.find_first_of("\r\n"));
  std::size_t commas = 0;
  std::size_t semicolons = 0;
  for (char c : first) {
    commas += c == ',';
    semicolons += c == ';';
  }
  return semicolons > commas ? ';' : ',';
}

// Where each master column is in the header, or why the header is unusable.
std::variant<std::array<std::size_t, 4>, MasterCsvRefusal> MapHeader(
    const std::vector<std::string>& header, std::vector<std::string>& unknown) {
  std::array<std::optional<std::size_t>, 4> index;
  for (std::size_t cell = 0; cell < header.size(); ++cell) {
    const std::string name = ingest::NormalizeHeader(header[cell]);
    std::optional<std::size_t> column;
    for (std::size_t col = 0; col < kMasterHeaders.size(); ++col) {
      if (name == ingest::NormalizeHeader(kMasterHeaders[col])) column = col;
    }
    if (!column) {
      if (!name.empty()) unknown.push_back(std::string(ingest::Trim(header[cell])));
    } else if (index[*column]) {
      return MasterCsvRefusal{"units.import.error.duplicate_header",
                              {{"header", std::string(kMasterHeaders[*column])}}};
    } else {
      index[*column] = cell;
    }
  }
  std::string missing;
  for (std::size_t col = 0; col < kMasterHeaders.size(); ++col) {
    if (index[col]) continue;
    if (!missing.empty()) missing += ", ";
    missing += kMasterHeaders[col];
  }
  if (!missing.empty())
    return MasterCsvRefusal{"units.import.error.missing_headers", {{"columns", missing}}};
  return std::array<std::size_t, 4>{*index[0], *index[1], *index[2], *index[3]};
}

// A field as written, without the ' the template puts before formula-like text.
std::string_view Unguarded(std::string_view text) {
  const std::string_view trimmed = ingest::Trim(text);
  if (trimmed.size() > 1 && trimmed[0] == '\'' &&
      std::string_view("=+-@").find(trimmed[1]) != std::string_view::npos) {
    return trimmed.substr(1);
  }
  return trimmed;
}

// Reads and checks the lines one by one, remembering what earlier lines said.
class LineChecker {
 public:
  LineChecker(const std::array<std::size_t, 4>& index, MasterCsv& out) : index_(index), out_(out) {}

  void Add(const Record& record) {
    InvalidMasterLine invalid{record.line, std::string(Field(record, kKodeUker)), {}, {}};
    auto values = Read(record, invalid);
    if (values) Check(*values, invalid);
    if (!invalid.reason_key.empty()) {
      out_.invalid.push_back(std::move(invalid));
      return;
    }
    units_.emplace(values->kode_uker, record.line);
    kanca_of_code_.emplace(values->kode_kanca, std::make_pair(values->kanca, record.line));
    code_of_kanca_.emplace(KancaKey(values->kanca),
                           std::make_pair(values->kode_kanca, record.line));
    out_.lines.push_back({record.line, std::move(*values)});
  }

 private:
  std::string_view Field(const Record& record, MasterColumn column) const {
    const std::size_t cell = index_[column];
    return cell < record.fields.size() ? Unguarded(record.fields[cell]) : std::string_view();
  }

  std::optional<MasterValues> Read(const Record& record, InvalidMasterLine& invalid) const {
    std::array<std::string, 4> values;
    for (std::size_t col = 0; col < 4; ++col) {
      const auto column = static_cast<MasterColumn>(col);
      const std::string_view text = Field(record, column);
      const std::string name(kMasterHeaders[col]);
      if (text.empty()) {
        invalid.reason_key = "units.import.invalid.missing";
        invalid.args = {{"column", name}};
        return std::nullopt;
      }
      const bool is_code = column == kKodeUker || column == kKodeKanca;
      auto value = is_code ? NormalizeCodeText(text) : NormalizeNameText(text);
      if (!value) {
        invalid.reason_key = is_code ? "units.import.invalid.code" : "units.import.invalid.name";
        invalid.args = {{"column", name}};
        return std::nullopt;
      }
      values[col] = std::move(*value);
    }
    return MasterValues{std::move(values[0]), std::move(values[1]), std::move(values[2]),
                        std::move(values[3])};
  }

  void Check(const MasterValues& values, InvalidMasterLine& invalid) const {
    if (auto it = units_.find(values.kode_uker); it != units_.end()) {
      invalid.reason_key = "units.import.invalid.duplicate";
      invalid.args = {{"code", values.kode_uker}, {"line", std::to_string(it->second)}};
    } else if (auto named = kanca_of_code_.find(values.kode_kanca);
               named != kanca_of_code_.end() &&
               KancaKey(named->second.first) != KancaKey(values.kanca)) {
      invalid.reason_key = "units.import.invalid.kanca_name";
      invalid.args = {{"code", values.kode_kanca},
                      {"kanca", named->second.first},
                      {"line", std::to_string(named->second.second)}};
    } else if (auto coded = code_of_kanca_.find(KancaKey(values.kanca));
               coded != code_of_kanca_.end() && coded->second.first != values.kode_kanca) {
      invalid.reason_key = "units.import.invalid.kanca_code";
      invalid.args = {{"kanca", values.kanca},
                      {"code", coded->second.first},
                      {"line", std::to_string(coded->second.second)}};
    }
  }

  const std::array<std::size_t, 4>& index_;
  MasterCsv& out_;
  std::unordered_map<std::string, std::uint64_t> units_;  // KODE UKER → line
  std::unordered_map<std::string, std::pair<std::string, std::uint64_t>> kanca_of_code_;
  std::unordered_map<std::string, std::pair<std::string, std::uint64_t>> code_of_kanca_;
};

// The content as UTF-8 text without a byte order mark, or why it cannot be read.
std::variant<std::string, MasterCsvRefusal> Decode(std::string_view content, bool& windows_1252) {
  if (content.starts_with("\xFF\xFE") || content.starts_with("\xFE\xFF")) {
    return MasterCsvRefusal{"units.import.error.utf16", {}};
  }
  if (content.starts_with(kUtf8Bom)) content.remove_prefix(kUtf8Bom.size());
  windows_1252 = !ingest::IsValidUtf8(content);
  if (!windows_1252) return std::string(content);
  std::string text;
  ingest::AppendCp1252AsUtf8(content, text);
  return text;
}

}  // namespace

std::variant<MasterCsv, MasterCsvRefusal> ParseMasterCsv(std::string_view content) {
  MasterCsv out;
  auto decoded = Decode(content, out.windows_1252);
  if (auto* refusal = std::get_if<MasterCsvRefusal>(&decoded)) return std::move(*refusal);
  const std::string& text = std::get<std::string>(decoded);
  if (text.find('\0') != std::string::npos)
    return MasterCsvRefusal{"units.import.error.binary", {}};
  out.delimiter = SniffDelimiter(text);
  auto tokens = Tokenizer(text, out.delimiter).Run();
  if (const auto* line = std::get_if<std::uint64_t>(&tokens)) {
    return MasterCsvRefusal{"units.import.error.open_quote", {{"line", std::to_string(*line)}}};
  }
  const auto& records = std::get<std::vector<Record>>(tokens);
  if (records.empty()) return MasterCsvRefusal{"units.import.error.empty", {}};
  auto header = MapHeader(records.front().fields, out.unknown_headers);
  if (auto* refusal = std::get_if<MasterCsvRefusal>(&header)) return std::move(*refusal);
  if (records.size() == 1) return MasterCsvRefusal{"units.import.error.no_lines", {}};
  LineChecker checker(std::get<std::array<std::size_t, 4>>(header), out);
  for (std::size_t idx = 1; idx < records.size(); ++idx) checker.Add(records[idx]);
  return out;
}

std::string MasterCsvText(const std::vector<MasterValues>& units) {
  std::string text(kUtf8Bom);
  text += "KODE UKER,UKER,KODE KANCA,KANCA\r\n";
  for (const auto& unit : units) {
    text += core::CsvField(unit.kode_uker) + ',' + core::CsvField(unit.uker) + ',' +
            core::CsvField(unit.kode_kanca) + ',' + core::CsvField(unit.kanca) + "\r\n";
  }
  return text;
}

}  // namespace smedash::data_management
