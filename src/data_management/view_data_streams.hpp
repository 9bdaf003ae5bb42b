//! The View data exports as response bodies made while they are sent (http::BodyStream):
//! the rows are read from the database a chunk at a time, so an export of any size holds
//! one chunk in memory, and each step gives the request worker back.
#pragma once
#include <filesystem>
#include <memory>
#include <string>

#include "data_management/view_data_export.hpp"
#include "data_management/view_data_service.hpp"
#include "http/response.hpp"

namespace smedash::data_management::view_data {

// The CSV: its header, then one piece per chunk of rows.
std::shared_ptr<http::BodyStream> CsvExportStream(std::shared_ptr<ViewDataService> service,
                                                  ExportPlan plan, CsvStyle style);

// The XLSX: the rows are written into a workbook under `folder` (a chunk per step; each
// step sends nothing), then the finished file is sent in pieces and removed with `folder`.
std::shared_ptr<http::BodyStream> XlsxExportStream(std::shared_ptr<ViewDataService> service,
                                                   ExportPlan plan,
                                                   const std::filesystem::path& folder,
                                                   const std::string& sheet_name);

}  // namespace smedash::data_management::view_data
