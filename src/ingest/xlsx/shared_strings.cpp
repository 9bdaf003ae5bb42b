#include "ingest/xlsx/shared_strings.hpp"

#include <algorithm>

#include "ingest/sheet.hpp"
#include "ingest/validate/reasons.hpp"
#include "ingest/xlsx/ooxml_text.hpp"
#include "ingest/xlsx/xml_parser.hpp"

namespace smedash::ingest {
namespace {

class SharedStringsHandler final : public XmlHandler {
 public:
  SharedStringsHandler(SharedStrings& table, const ReaderLimits& limits)
      : table_(table), limits_(limits) {}

  void OnStart(std::string_view name, const char**) override {
    if (name == "si") {
      in_item_ = true;
      current_.clear();
    } else if (name == "rPh") {
      in_phonetic_ = true;
    } else if (name == "t" && in_item_ && !in_phonetic_) {
      in_text_ = true;
    }
  }

  void OnEnd(std::string_view name) override {
    if (name == "t") {
      in_text_ = false;
    } else if (name == "rPh") {
      in_phonetic_ = false;
    } else if (name == "si") {
      in_item_ = false;
      DecodeOoxmlEscapes(current_);
      table_.Add(current_);
      if (table_.Bytes() > limits_.max_shared_strings_bytes) {
        const std::string max_mb = std::to_string(limits_.max_shared_strings_bytes >> 20);
        throw FileError(reason::kFileSharedStringsTooLarge, {{"max_mb", max_mb}},
                        "File XLSX ditolak: tabel teks bersama (shared strings) lebih dari " +
                            max_mb + " MB. Simpan data sebagai CSV lalu unggah file CSV itu.");
      }
    }
  }

  void OnText(std::string_view text) override {
    if (!in_text_) return;
    current_.append(text);
    if (current_.size() > limits_.max_field_bytes) {
      const std::string max_kib = std::to_string(limits_.max_field_bytes / 1024);
      throw FileError(
          reason::kFileSharedStringTooLarge, {{"max_kib", max_kib}},
          "File XLSX ditolak: satu teks di tabel teks bersama lebih dari " + max_kib + " KiB.");
    }
  }

 private:
  SharedStrings& table_;
  const ReaderLimits& limits_;
  std::string current_;
  bool in_item_ = false;
  bool in_phonetic_ = false;
  bool in_text_ = false;
};

}  // namespace

namespace {

template <typename T>
void MakeRoom(std::vector<T>& items, std::size_t more) {
  if (items.size() + more <= items.capacity()) return;
  items.reserve(std::max(items.size() + more, items.capacity() + items.capacity() / 4 + 1024));
}

}  // namespace

void SharedStrings::Add(std::string_view text) {
  MakeRoom(text_, text.size());
  MakeRoom(ends_, 1);
  text_.insert(text_.end(), text.begin(), text.end());
  ends_.push_back(static_cast<std::uint32_t>(text_.size()));
}

SharedStrings::SharedStrings(const ZipArchive& archive, std::uint64_t index,
                             const std::string& name, const ReaderLimits& limits) {
  SharedStringsHandler handler(*this, limits);
  ZipEntryReader entry(archive, index, name, limits);
  XmlParser parser(handler, entry);
  parser.ParseAll();
}

}  // namespace smedash::ingest
