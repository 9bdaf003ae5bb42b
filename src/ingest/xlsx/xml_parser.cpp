#include "ingest/xlsx/xml_parser.hpp"

#include <expat.h>

#include <exception>

#include "ingest/sheet.hpp"

namespace smedash::ingest {
namespace {

// Inflated bytes handed to expat per call: large enough to amortise the call, small
// enough to keep the parser's buffer (and so memory) flat.
constexpr int kChunkBytes = 256 * 1024;

}  // namespace

XmlParser::XmlParser(XmlHandler& handler, XmlInput& source) : handler_(handler), source_(source) {
  parser_ = XML_ParserCreate("UTF-8");
  if (parser_ == nullptr) throw std::bad_alloc();
  XML_SetUserData(parser_, this);
  XML_SetElementHandler(parser_, &StartThunk, &EndThunk);
  XML_SetCharacterDataHandler(parser_, &TextThunk);
  // Spreadsheet parts never carry a DOCTYPE; refusing it outright rules out entity
  // expansion ("billion laughs") and external entities before they are declared.
  XML_SetStartDoctypeDeclHandler(parser_, &DoctypeThunk);
  XML_SetParamEntityParsing(parser_, XML_PARAM_ENTITY_PARSING_NEVER);
}

XmlParser::~XmlParser() { XML_ParserFree(parser_); }

void XmlParser::StartThunk(void* self, const char* name, const char** attributes) {
  auto* parser = static_cast<XmlParser*>(self);
  try {
    parser->handler_.OnStart(LocalName(name), attributes);
  } catch (...) {
    parser->handler_error_ = std::current_exception();
    XML_StopParser(parser->parser_, XML_FALSE);
  }
}

void XmlParser::EndThunk(void* self, const char* name) {
  auto* parser = static_cast<XmlParser*>(self);
  try {
    parser->handler_.OnEnd(LocalName(name));
  } catch (...) {
    parser->handler_error_ = std::current_exception();
    XML_StopParser(parser->parser_, XML_FALSE);
  }
}

void XmlParser::TextThunk(void* self, const char* text, int length) {
  auto* parser = static_cast<XmlParser*>(self);
  try {
    parser->handler_.OnText(std::string_view(text, static_cast<std::size_t>(length)));
  } catch (...) {
    parser->handler_error_ = std::current_exception();
    XML_StopParser(parser->parser_, XML_FALSE);
  }
}

void XmlParser::DoctypeThunk(void* self, const char*, const char*, const char*, int) {
  auto* parser = static_cast<XmlParser*>(self);
  parser->Abort(DoctypeRefused(parser->source_.Name()));
}

void XmlParser::Abort(const FileError& error) {
  if (!handler_error_) handler_error_ = std::make_exception_ptr(error);
  XML_StopParser(parser_, XML_FALSE);
}

void XmlParser::Suspend() { XML_StopParser(parser_, XML_TRUE); }

void XmlParser::ThrowParseError() {
  if (handler_error_) std::rethrow_exception(handler_error_);
  const XML_Index offset = XML_GetCurrentByteIndex(parser_);
  throw MalformedXml(source_.Name(), offset < 0 ? 0 : static_cast<std::uint64_t>(offset));
}

bool XmlParser::Step() {
  XML_Status status;
  if (suspended_) {
    suspended_ = false;
    status = XML_ResumeParser(parser_);
  } else if (finished_) {
    return false;
  } else {
    // Inflate straight into expat's own buffer: no copy, no second buffer.
    void* buffer = XML_GetBuffer(parser_, kChunkBytes);
    if (buffer == nullptr) throw std::bad_alloc();
    const std::size_t got = source_.Read(static_cast<char*>(buffer), kChunkBytes);
    finished_ = got == 0;
    status = XML_ParseBuffer(parser_, static_cast<int>(got), finished_ ? XML_TRUE : XML_FALSE);
  }
  if (status == XML_STATUS_ERROR) ThrowParseError();
  if (status == XML_STATUS_SUSPENDED) suspended_ = true;
  return suspended_ || !finished_;
}

}  // namespace smedash::ingest
