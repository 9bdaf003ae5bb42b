//! The SAX interface shared by the two XML readers of the XLSX reader: expat (XmlParser,
//! for the package's small parts) and the fast worksheet scanner (XmlScanner).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "ingest/sheet.hpp"

namespace smedash::ingest {

// Element names reach handlers without their namespace prefix ("x:c" → "c"): OOXML
// writers differ in prefixes, never in local names. Attribute names keep theirs; use
// FindAttribute.
class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  // `attributes` is expat's layout: name, value, name, value, ..., nullptr; every string
  // NUL-terminated, entities already decoded.
  virtual void OnStart(std::string_view name, const char** attributes) = 0;
  virtual void OnEnd(std::string_view name) = 0;
  // Text content, entities decoded and line ends normalised to "\n"; one text node may
  // arrive in several calls.
  virtual void OnText(std::string_view text) = 0;
};

// The value of the attribute whose local name is `name`, or nullptr.
const char* FindAttribute(const char** attributes, std::string_view name);

// The name after its namespace prefix, if any.
std::string_view LocalName(const char* name);

// The refusal of a part that declares a DOCTYPE or entities (billion laughs, external
// entities): both XML readers refuse them alike.
FileError DoctypeRefused(const std::string& part);

// The refusal of a part that is not well-formed XML, at byte `offset` of it. Neither reader
// says what is wrong: the admin cannot mend the XML, only save the file again from Excel.
FileError MalformedXml(const std::string& part, std::uint64_t offset);

// Where XML bytes come from: a zip entry being inflated, or a string in tests.
class XmlInput {
 public:
  virtual ~XmlInput() = default;
  // Up to `size` bytes; 0 only at the end.
  virtual std::size_t Read(char* dest, std::size_t size) = 0;
  // The part's name, for messages ("xl/worksheets/sheet1.xml").
  virtual const std::string& Name() const = 0;
};

// A reader that feeds an XmlHandler and can pause between events, so a pull-style
// RowReader can hand out one row at a time.
class XmlEventSource {
 public:
  virtual ~XmlEventSource() = default;
  // Parses on, or resumes after Suspend(). Returns false once the whole document has been
  // parsed. Throws FileError for malformed or refused XML, and rethrows what a handler
  // threw.
  virtual bool Step() = 0;
  // From a handler: pause right after the current event; the next Step() resumes.
  virtual void Suspend() = 0;
};

}  // namespace smedash::ingest
