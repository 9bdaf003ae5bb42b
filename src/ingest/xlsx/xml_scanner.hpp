//! A fast, restricted XML reader for worksheet parts. A sheet is millions of tiny
//! <c><v>…</v></c> elements, where expat spends most of an import's time; this scanner
//! reads the same XML several times faster and feeds the same XmlHandler events.
//!
//! It reads well-formed XML 1.0 content in UTF-8: elements, attributes (either quote),
//! the five predefined entities and character references, CDATA, comments and processing
//! instructions. It refuses what a spreadsheet never contains: a DOCTYPE (so no entity can
//! be declared), any other encoding, undefined entities, mismatched or unclosed tags, text
//! outside the root element, tags over 1 MiB, nesting over 256 levels. Byte-level UTF-8
//! validity of text is left to the handler (SheetRows checks every cell's text).
#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "ingest/xlsx/xml_events.hpp"

namespace smedash::ingest {

class XmlScanner final : public XmlEventSource {
 public:
  static constexpr std::size_t kDefaultChunkBytes = 256 * 1024;
  static constexpr std::size_t kMaxTokenBytes = 1024 * 1024;

  // `chunk_bytes` is how much is read per call (tests use tiny chunks to cross every
  // boundary).
  XmlScanner(XmlHandler& handler, XmlInput& source, std::size_t chunk_bytes = kDefaultChunkBytes);

  bool Step() override;
  void Suspend() override { suspended_ = true; }

 private:
  bool NextToken();  // false: the buffered bytes hold no complete token yet
  bool Fill();       // false at the end of the input
  bool NeedMore();   // false, or FileError when the input has ended mid-token
  // Both decode in place, in the buffer: a token is never looked at again.
  void Text(char* begin, char* end);
  void StartTag(char* begin, char* end);
  void EndTag(const char* begin, const char* end);
  void Declaration(const char* begin, const char* end);
  void Finish();
  [[noreturn]] void Fail() const;  // MalformedXml at token_start_

  XmlHandler& handler_;
  XmlInput& source_;
  std::size_t chunk_bytes_;
  std::unique_ptr<char[]> buffer_;
  std::size_t capacity_ = 0;
  std::size_t pos_ = 0;
  std::size_t end_ = 0;
  std::uint64_t consumed_before_ = 0;  // bytes dropped from the buffer's front, for messages
  std::uint64_t token_start_ = 0;      // where the token being read starts, as expat reports
  bool eof_ = false;
  bool started_ = false;  // the first bytes (byte order mark) have been looked at
  bool suspended_ = false;
  bool finished_ = false;
  bool root_seen_ = false;
  bool root_closed_ = false;

  std::string open_names_;                // names of open elements, back to back
  std::vector<std::size_t> open_starts_;  // where each starts in open_names_
  std::vector<const char*> attributes_;   // of the current tag, pointing into the buffer
};

}  // namespace smedash::ingest
