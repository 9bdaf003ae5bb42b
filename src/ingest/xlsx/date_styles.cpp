#include "ingest/xlsx/date_styles.hpp"

#include <charconv>
#include <string>
#include <unordered_map>

#include "ingest/source/date_formats.hpp"
#include "ingest/xlsx/xml_parser.hpp"

namespace smedash::ingest {
namespace {

std::uint32_t ParseId(const char* text) {
  std::uint32_t id = 0;
  if (text == nullptr) return 0;
  const std::string_view value(text);
  std::from_chars(value.data(), value.data() + value.size(), id);
  return id;
}

class StylesHandler final : public XmlHandler {
 public:
  std::unordered_map<std::uint32_t, bool> custom_is_date;
  std::vector<std::uint32_t> cell_format_ids;  // cellXfs, in order

  void OnStart(std::string_view name, const char** attributes) override {
    if (name == "numFmt") {
      const char* code = FindAttribute(attributes, "formatCode");
      custom_is_date[ParseId(FindAttribute(attributes, "numFmtId"))] =
          code != nullptr && IsDateFormatCode(code);
    } else if (name == "cellXfs") {
      in_cell_xfs_ = true;
    } else if (name == "xf" && in_cell_xfs_) {
      cell_format_ids.push_back(ParseId(FindAttribute(attributes, "numFmtId")));
    }
  }
  void OnEnd(std::string_view name) override {
    if (name == "cellXfs") in_cell_xfs_ = false;
  }
  void OnText(std::string_view) override {}

 private:
  bool in_cell_xfs_ = false;  // <xf> also appears in cellStyleXfs, which cells do not use
};

}  // namespace

DateStyles::DateStyles(const ZipArchive& archive, std::uint64_t index, const std::string& name,
                       const ReaderLimits& limits) {
  StylesHandler handler;
  ZipEntryReader entry(archive, index, name, limits);
  XmlParser parser(handler, entry);
  parser.ParseAll();
  is_date_.reserve(handler.cell_format_ids.size());
  for (const std::uint32_t id : handler.cell_format_ids) {
    const auto custom = handler.custom_is_date.find(id);
    is_date_.push_back(custom != handler.custom_is_date.end() ? custom->second
                                                              : IsBuiltinDateFormat(id));
  }
}

}  // namespace smedash::ingest
