// The komitmen target cell reader: the input is a column of cells, one a line ('#' starts
// a number cell), read in order as a file's cells are, so the file's number style is
// decided and enforced as in a real upload. A value read must come back unchanged from
// the text FileUnitText writes for messages.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "komitmen/target_number.hpp"

namespace smedash::fuzz {
namespace {

void ExpectRoundTrip(const komitmen::TargetNumber& read, komitmen::Measure measure) {
  const std::string text = komitmen::FileUnitText(read.value, measure);
  komitmen::TargetNumberReader international(/*semicolon_delimited=*/false);
  (void)international.Read({ingest::Cell::Kind::kText, "0.5"}, measure);  // decides the style
  const auto again = international.Read({ingest::Cell::Kind::kText, text}, measure);
  if (again.status != komitmen::TargetStatus::kValue || again.value != read.value) {
    std::fprintf(stderr, "FileUnitText \"%s\" does not read back as %lld cents\n", text.c_str(),
                 static_cast<long long>(read.value.Cents()));
    std::abort();
  }
}

}  // namespace
}  // namespace smedash::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace smedash;
  if (size == 0) return 0;
  komitmen::TargetNumberReader reader(/*semicolon_delimited=*/(data[0] & 1) != 0);
  std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  for (std::size_t index = 0; !rest.empty(); ++index) {
    const std::size_t end = rest.find('\n');
    std::string_view line = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    ingest::Cell cell{ingest::Cell::Kind::kText, {}};
    if (line.starts_with('#')) {
      cell.kind = ingest::Cell::Kind::kNumber;
      line.remove_prefix(1);
    }
    cell.text.assign(line);
    const auto measure = komitmen::MeasureAt(index);
    const auto read = reader.Read(cell, measure);
    if (read.status == komitmen::TargetStatus::kValue) fuzz::ExpectRoundTrip(read, measure);
    (void)komitmen::TargetName(index % komitmen::kTargetColumns);
  }
  return 0;
}
