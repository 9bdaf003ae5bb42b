#include "data_management/view_data_streams.hpp"

#include <fstream>
#include <stdexcept>

namespace smedash::data_management::view_data {
namespace {

constexpr std::size_t kFilePieceBytes = 1024 * 1024;

class CsvStream final : public http::BodyStream {
 public:
  CsvStream(std::shared_ptr<ViewDataService> service, ExportPlan plan, CsvStyle style)
      : service_(std::move(service)), plan_(std::move(plan)), style_(style) {}

  std::optional<std::string> Next() override {
    if (!header_sent_) {
      header_sent_ = true;
      return CsvHeader(style_);
    }
    const auto rows = service_->ReadExportRows(plan_, progress_);
    if (rows.empty()) return std::nullopt;
    std::string piece;
    for (const auto& row : rows) AppendCsvRow(piece, row, style_);
    return piece;
  }

 private:
  std::shared_ptr<ViewDataService> service_;
  ExportPlan plan_;
  CsvStyle style_;
  ExportProgress progress_;
  bool header_sent_ = false;
};

class XlsxStream final : public http::BodyStream {
 public:
  XlsxStream(std::shared_ptr<ViewDataService> service, ExportPlan plan,
             std::filesystem::path folder, const std::string& sheet_name)
      : service_(std::move(service)), plan_(std::move(plan)), folder_(std::move(folder)) {
    std::filesystem::create_directories(folder_);
    try {
      writer_ = std::make_unique<XlsxRowWriter>(folder_ / "export.xlsx", sheet_name);
    } catch (...) {
      std::error_code ignored;
      std::filesystem::remove_all(folder_, ignored);
      throw;
    }
  }

  ~XlsxStream() override {
    writer_.reset();  // closes an unfinished workbook before its folder goes
    file_.close();
    std::error_code ignored;
    std::filesystem::remove_all(folder_, ignored);
  }

  std::optional<std::string> Next() override {
    if (writer_) {
      WriteStep();
      return std::string();  // nothing to send until the workbook is finished
    }
    std::string piece(kFilePieceBytes, '\0');
    file_.read(piece.data(), static_cast<std::streamsize>(piece.size()));
    piece.resize(static_cast<std::size_t>(file_.gcount()));
    if (piece.empty()) {
      if (!file_.eof()) throw std::runtime_error("XLSX export: cannot read the workbook");
      return std::nullopt;
    }
    return piece;
  }

 private:
  // One chunk of rows into the sheet, or, once every row is in, the workbook finished and
  // opened for sending.
  void WriteStep() {
    const auto rows = service_->ReadExportRows(plan_, progress_);
    for (const auto& row : rows) writer_->Write(row);
    if (!rows.empty()) return;
    writer_->Close();
    writer_.reset();
    file_.open(folder_ / "export.xlsx", std::ios::binary);
    if (!file_) throw std::runtime_error("XLSX export: cannot open the workbook");
  }

  std::shared_ptr<ViewDataService> service_;
  ExportPlan plan_;
  std::filesystem::path folder_;
  ExportProgress progress_;
  std::unique_ptr<XlsxRowWriter> writer_;
  std::ifstream file_;
};

}  // namespace

std::shared_ptr<http::BodyStream> CsvExportStream(std::shared_ptr<ViewDataService> service,
                                                  ExportPlan plan, CsvStyle style) {
  return std::make_shared<CsvStream>(std::move(service), std::move(plan), style);
}

std::shared_ptr<http::BodyStream> XlsxExportStream(std::shared_ptr<ViewDataService> service,
                                                   ExportPlan plan,
                                                   const std::filesystem::path& folder,
                                                   const std::string& sheet_name) {
  return std::make_shared<XlsxStream>(std::move(service), std::move(plan), folder, sheet_name);
}

}  // namespace smedash::data_management::view_data
