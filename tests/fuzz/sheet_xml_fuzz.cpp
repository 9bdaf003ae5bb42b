// A worksheet part's XML without the zip around it (mutations of a zipped sheet rarely get
// past the CRC): the fast XmlScanner must report exactly what expat reports whenever both
// accept the document, at any chunk size; then SheetRows turns the scanner's events into
// rows as the XLSX reader does.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "ingest/xlsx/date_styles.hpp"
#include "ingest/xlsx/shared_strings.hpp"
#include "ingest/xlsx/sheet_rows.hpp"
#include "ingest/xlsx/xml_parser.hpp"
#include "ingest/xlsx/xml_scanner.hpp"
#include "read_rows.hpp"

namespace smedash::fuzz {
namespace {

// The fuzz input as an XmlInput, without a copy.
class SpanInput final : public ingest::XmlInput {
 public:
  SpanInput(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
  std::size_t Read(char* dest, std::size_t size) override {
    const std::size_t n = std::min(size, size_ - pos_);
    std::copy_n(data_ + pos_, n, dest);
    pos_ += n;
    return n;
  }
  const std::string& Name() const override { return name_; }

 private:
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t pos_ = 0;
  std::string name_ = "xl/worksheets/sheet1.xml";
};

// Events as text, adjacent text merged (either reader may split a text node).
class Recorder final : public ingest::XmlHandler {
 public:
  std::vector<std::string> events;

  void OnStart(std::string_view name, const char** attributes) override {
    std::string event = "<" + std::string(name);
    for (; *attributes != nullptr; attributes += 2) {
      event += std::string(" ") + attributes[0] + "=[" + attributes[1] + "]";
    }
    events.push_back(event + ">");
  }
  void OnEnd(std::string_view name) override { events.push_back("</" + std::string(name) + ">"); }
  void OnText(std::string_view text) override {
    if (!events.empty() && events.back().starts_with("T:")) {
      events.back().append(text);
    } else {
      events.push_back("T:" + std::string(text));
    }
  }
};

template <typename Reader, typename... ChunkBytes>
std::optional<std::vector<std::string>> Events(const std::uint8_t* data, std::size_t size,
                                               ChunkBytes... chunk_bytes) {
  SpanInput input(data, size);
  Recorder recorder;
  try {
    Reader reader(recorder, input, chunk_bytes...);
    while (reader.Step()) {
    }
  } catch (const ingest::FileError&) {
    return std::nullopt;
  }
  return std::move(recorder.events);
}

void ReadSheetRows(const std::uint8_t* data, std::size_t size) {
  SpanInput input(data, size);
  const ingest::SharedStrings no_strings;
  const ingest::DateStyles no_styles;
  const ingest::ReaderLimits limits = FuzzLimits();  // SheetRows keeps a reference
  ingest::SheetRows rows(no_strings, no_styles, /*date1904=*/(size & 1) != 0, limits);
  try {
    ingest::XmlScanner scanner(rows, input);
    rows.SetParser(&scanner);
    while (scanner.Step()) rows.ClearReady();
  } catch (const ingest::FileError&) {
  }
}

}  // namespace
}  // namespace smedash::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace smedash;
  // The chunk size follows from the length, so the corpus stays plain XML.
  const std::size_t chunk = 1 + size % 61;
  const auto scanned = fuzz::Events<ingest::XmlScanner>(data, size, chunk);
  const auto parsed = fuzz::Events<ingest::XmlParser>(data, size);
  if (scanned && parsed && *scanned != *parsed) {
    std::fprintf(stderr, "XmlScanner and expat disagree: %zu events against %zu\n", scanned->size(),
                 parsed->size());
    for (std::size_t i = 0; i < std::max(scanned->size(), parsed->size()); ++i) {
      std::fprintf(stderr, "  %s | %s\n", i < scanned->size() ? (*scanned)[i].c_str() : "-",
                   i < parsed->size() ? (*parsed)[i].c_str() : "-");
    }
    std::abort();
  }
  fuzz::ReadSheetRows(data, size);
  return 0;
}
