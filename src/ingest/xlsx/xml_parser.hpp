//! Streaming SAX parsing of one zip entry with expat, fed in chunks straight from the
//! inflater, hardened for untrusted input: any DOCTYPE (and so any entity declaration,
//! internal or external) stops the parse with FileError.
#pragma once
#include <cstddef>
#include <exception>
#include <string>
#include <string_view>

#include "ingest/xlsx/xml_events.hpp"

struct XML_ParserStruct;

namespace smedash::ingest {

class XmlParser final : public XmlEventSource {
 public:
  XmlParser(XmlHandler& handler, XmlInput& source);
  ~XmlParser();
  XmlParser(const XmlParser&) = delete;
  XmlParser& operator=(const XmlParser&) = delete;

  // Parses the next chunk of the entry, or resumes after Suspend().
  bool Step() override;
  // Parses the whole entry.
  void ParseAll() {
    while (Step()) {
    }
  }
  void Suspend() override;

 private:
  static void StartThunk(void* self, const char* name, const char** attributes);
  static void EndThunk(void* self, const char* name);
  static void TextThunk(void* self, const char* text, int length);
  static void DoctypeThunk(void* self, const char* name, const char* sysid, const char* pubid,
                           int has_internal_subset);
  // Stops the parse for good; Step() throws `error`.
  void Abort(const FileError& error);
  [[noreturn]] void ThrowParseError();

  XML_ParserStruct* parser_ = nullptr;
  XmlHandler& handler_;
  XmlInput& source_;
  bool suspended_ = false;
  bool finished_ = false;
  std::exception_ptr handler_error_;  // a handler's exception, carried across expat's C frames
};

}  // namespace smedash::ingest
