#include "ingest/demo/demo_writers.hpp"

#include <xlsxwriter.h>

#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/money.hpp"

namespace smedash::ingest::demo {
namespace {

const DemoCell& CellOf(const DemoRow& row, Column column) {
  return row[static_cast<std::size_t>(column)];
}

class CsvWriter : public DemoFileWriter {
 public:
  CsvWriter(const std::filesystem::path& path, std::span<const Column> layout)
      : path_(path), layout_(layout.begin(), layout.end()) {
    file_ = std::fopen(path.c_str(), "wb");
    if (file_ == nullptr) throw std::runtime_error("cannot create " + path.string());
    // Large writes: a 100 MB benchmark file should cost seconds, not minutes.
    std::setvbuf(file_, nullptr, _IOFBF, 1 << 20);
    line_.reserve(4096);
    for (std::size_t i = 0; i < layout_.size(); ++i) {
      if (i > 0) line_ += ',';
      line_ += Spec(layout_[i]).header;
    }
    line_ += '\n';
    Flush();
  }
  ~CsvWriter() override {
    if (file_ != nullptr) std::fclose(file_);
  }

  void WriteRow(const DemoRow& row) override {
    for (std::size_t i = 0; i < layout_.size(); ++i) {
      if (i > 0) line_ += ',';
      const DemoCell& cell = CellOf(row, layout_[i]);
      switch (cell.kind) {
        case DemoCell::Kind::kEmpty:
          break;
        case DemoCell::Kind::kText:
          AppendText(cell.text);
          break;
        case DemoCell::Kind::kNumber: {
          char buffer[32];
          line_.append(buffer, core::FormatScaled(cell.scaled, cell.scale, buffer));
          break;
        }
        case DemoCell::Kind::kDate: {
          // dd/mm/yyyy, as the bank's exports and domain.md's example write dates.
          char iso[core::Date::kIsoSize];
          cell.date.FormatIso(iso);
          const char text[10] = {iso[8], iso[9], '/',    iso[5], iso[6],
                                 '/',    iso[0], iso[1], iso[2], iso[3]};
          line_.append(text, sizeof text);
          break;
        }
      }
    }
    line_ += '\n';
    if (line_.size() > 64 * 1024) Flush();
  }

  void Close() override {
    Flush();
    const bool failed = std::ferror(file_) != 0;
    const bool close_failed = std::fclose(file_) != 0;
    file_ = nullptr;
    if (failed || close_failed) throw std::runtime_error("cannot write " + path_.string());
  }

 private:
  void AppendText(std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
      line_ += text;
      return;
    }
    line_ += '"';
    for (char c : text) {
      if (c == '"') line_ += '"';
      line_ += c;
    }
    line_ += '"';
  }
  void Flush() {
    std::fwrite(line_.data(), 1, line_.size(), file_);
    line_.clear();
  }

  std::filesystem::path path_;
  std::vector<Column> layout_;
  std::FILE* file_ = nullptr;
  std::string line_;
};

class XlsxWriter : public DemoFileWriter {
 public:
  XlsxWriter(const std::filesystem::path& path, std::span<const Column> layout,
             const std::filesystem::path& temp_dir, std::int64_t created)
      : path_(path), layout_(layout.begin(), layout.end()), temp_dir_(temp_dir.string()) {
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;  // rows go to disk as written: flat memory
    options.tmpdir = temp_dir_.data();
    // Always: libxlsxwriter must decide before the first row whether a part may pass 4 GB
    // (its sheet does at about 3M rows), and our reader takes its ZIP64 headers as they are.
    options.use_zip64 = LXW_TRUE;
    workbook_ = workbook_new_opt(path.c_str(), &options);
    if (workbook_ == nullptr) throw std::runtime_error("cannot create " + path.string());
    properties_.created = static_cast<time_t>(created);
    workbook_set_properties(workbook_, &properties_);
    sheet_ = workbook_add_worksheet(workbook_, "SME");
    header_ = workbook_add_format(workbook_);
    format_set_bold(header_);
    date_ = workbook_add_format(workbook_);
    format_set_num_format(date_, "dd/mm/yyyy");
    amount_ = workbook_add_format(workbook_);
    format_set_num_format(amount_, "#,##0.00");
    for (std::size_t i = 0; i < layout_.size(); ++i) {
      const std::string header(Spec(layout_[i]).header);
      worksheet_write_string(sheet_, 0, static_cast<lxw_col_t>(i), header.c_str(), header_);
    }
  }
  ~XlsxWriter() override {
    // An unfinished workbook is still closed so libxlsxwriter frees it; the file is junk.
    if (workbook_ != nullptr) workbook_close(workbook_);
  }

  void WriteRow(const DemoRow& row) override {
    ++row_;
    for (std::size_t i = 0; i < layout_.size(); ++i) {
      const DemoCell& cell = CellOf(row, layout_[i]);
      const auto column = static_cast<lxw_col_t>(i);
      switch (cell.kind) {
        case DemoCell::Kind::kEmpty:
          break;  // sparse, as Excel writes it
        case DemoCell::Kind::kText:
          text_.assign(cell.text.data(), cell.text.size());
          worksheet_write_string(sheet_, row_, column, text_.c_str(), nullptr);
          break;
        case DemoCell::Kind::kNumber: {
          // scaled / 10^scale is exactly representable to 15 digits, and libxlsxwriter
          // prints it with %.16G, so the cell's text is the exact decimal.
          double divisor = 1;
          for (int d = 0; d < cell.scale; ++d) divisor *= 10;
          worksheet_write_number(sheet_, row_, column, static_cast<double>(cell.scaled) / divisor,
                                 cell.scale == 2 ? amount_ : nullptr);
          break;
        }
        case DemoCell::Kind::kDate: {
          lxw_datetime date{cell.date.Year(), cell.date.Month(), cell.date.Day(), 0, 0, 0};
          worksheet_write_datetime(sheet_, row_, column, &date, date_);
          break;
        }
      }
    }
  }

  void Close() override {
    const lxw_error error = workbook_close(workbook_);
    workbook_ = nullptr;
    if (error != LXW_NO_ERROR) {
      throw std::runtime_error("cannot write " + path_.string() + ": " + lxw_strerror(error));
    }
  }

 private:
  std::filesystem::path path_;
  std::vector<Column> layout_;
  std::string temp_dir_;
  lxw_doc_properties properties_{};
  lxw_workbook* workbook_ = nullptr;
  lxw_worksheet* sheet_ = nullptr;
  lxw_format* header_ = nullptr;
  lxw_format* date_ = nullptr;
  lxw_format* amount_ = nullptr;
  lxw_row_t row_ = 0;
  std::string text_;
};

}  // namespace

std::unique_ptr<DemoFileWriter> OpenCsvWriter(const std::filesystem::path& path,
                                              std::span<const Column> layout) {
  return std::make_unique<CsvWriter>(path, layout);
}

std::unique_ptr<DemoFileWriter> OpenXlsxWriter(const std::filesystem::path& path,
                                               std::span<const Column> layout,
                                               const std::filesystem::path& temp_dir,
                                               std::int64_t created) {
  return std::make_unique<XlsxWriter>(path, layout, temp_dir, created);
}

}  // namespace smedash::ingest::demo
