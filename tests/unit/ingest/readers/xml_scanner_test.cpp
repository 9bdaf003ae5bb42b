// Tests for src/ingest/xlsx/xml_scanner.cpp: on every document below, in chunks from one
// byte up, the scanner must report exactly what expat reports, or refuse what expat
// refuses.
#include "ingest/xlsx/xml_scanner.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "fixtures.hpp"
#include "ingest/sheet.hpp"
#include "ingest/validate/reasons.hpp"
#include "ingest/xlsx/xml_parser.hpp"

namespace smedash::ingest {
namespace {

class StringInput final : public XmlInput {
 public:
  explicit StringInput(std::string text) : text_(std::move(text)) {}
  std::size_t Read(char* dest, std::size_t size) override {
    const std::size_t n = std::min(size, text_.size() - pos_);
    std::copy_n(text_.data() + pos_, n, dest);
    pos_ += n;
    return n;
  }
  const std::string& Name() const override { return name_; }

 private:
  std::string text_;
  std::size_t pos_ = 0;
  std::string name_ = "test.xml";
};

// Events as text; adjacent text pieces are merged (both readers may split text).
class Recorder final : public XmlHandler {
 public:
  std::vector<std::string> events;
  XmlEventSource* source = nullptr;
  bool suspend_after_end = false;

  void OnStart(std::string_view name, const char** attributes) override {
    std::string event = "<" + std::string(name);
    for (; *attributes != nullptr; attributes += 2) {
      event += std::string(" ") + attributes[0] + "=[" + attributes[1] + "]";
    }
    events.push_back(event + ">");
  }
  void OnEnd(std::string_view name) override {
    events.push_back("</" + std::string(name) + ">");
    if (suspend_after_end) source->Suspend();
  }
  void OnText(std::string_view text) override {
    if (!events.empty() && events.back().starts_with("T:")) {
      events.back().append(text);
    } else {
      events.push_back("T:" + std::string(text));
    }
  }
};

std::vector<std::string> WithExpat(const std::string& document) {
  StringInput input(document);
  Recorder recorder;
  XmlParser parser(recorder, input);
  parser.ParseAll();
  return recorder.events;
}

std::vector<std::string> WithScanner(const std::string& document, std::size_t chunk) {
  StringInput input(document);
  Recorder recorder;
  XmlScanner scanner(recorder, input, chunk);
  while (scanner.Step()) {
  }
  return recorder.events;
}

// The refusal `read` ends with (a failure when it reads to the end).
template <typename Read>
FileError RefusalOf(Read read) {
  try {
    read();
  } catch (const FileError& error) {
    return error;
  }
  ADD_FAILURE() << "read to the end";
  return FileError("");
}

const std::size_t kChunks[] = {1, 2, 3, 7, 64, XmlScanner::kDefaultChunkBytes};

const char* const kValidDocuments[] = {
    "<a/>",
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<a>x</a>\n",
    "\xEF\xBB\xBF<a>bom</a>",
    "<sheetData><row r=\"1\" spans=\"1:3\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
    "<c r=\"B1\" s='2'><v>1.5E-3</v></c><c r=\"C1\"/></row></sheetData>",
    "<x:worksheet xmlns:x=\"urn:x\"><x:c r=\"A1\"><x:v>5</x:v></x:c></x:worksheet>",
    "<a b=\"x &amp; y &lt;&gt; &quot;q&quot; &apos;\" c='it&apos;s \"fine\"'>"
    "&lt;tag&gt; &amp;amp; &#65;&#x42;&#xe9;&#x1F600;</a>",
    "<a b=\"1 > 0\" c='<'>gt inside values</a>",  // '<' is invalid in a value: see below
    "<a>line1\r\nline2\rline3\nline4</a>",
    "<a b=\"tab\there\r\nnewline\"/>",
    "<a><![CDATA[<not a tag> & no entity]]></a>",
    "<a><![CDATA[cr\r\nlf]]>after</a>",
    "<a><!-- a comment with <tags> & ampersands --><b/><?pi some data?></a>",
    "<!-- before --><a/><!-- after -->\n",
    "<a   b  =  \"spaced\"   ></a   >",
    "<a>\xC3\x84 UTF-8 \xE2\x82\xAC</a>",
    "<a><b><c><d>deep</d></c></b></a>",
    "<a>_x000D_ stays for the handler</a>",
};

TEST(XmlScannerTest, ReportsWhatExpatReports) {
  for (const char* document : kValidDocuments) {
    SCOPED_TRACE(document);
    std::vector<std::string> expected;
    try {
      expected = WithExpat(document);
    } catch (const FileError&) {
      // Expat refuses it (the '<' in a value): the scanner must refuse too, or agree.
      continue;
    }
    for (const std::size_t chunk : kChunks) {
      SCOPED_TRACE("chunk " + std::to_string(chunk));
      EXPECT_EQ(WithScanner(document, chunk), expected);
    }
  }
}

const char* const kInvalidDocuments[] = {
    "",
    "just text",
    "<a>",
    "<a></b>",
    "</a>",
    "<a></a><b/>",
    "<a/>trailing text",
    "<a>&undefined;</a>",
    "<a>&amp</a>",
    "<a>&#0;</a>",
    "<a>&#xD800;</a>",
    "<a>&#x110000;</a>",
    "<a b=unquoted/>",
    "<a b/>",
    "<a b=\"open/>",
    "<a><!-- unclosed comment </a>",
    "<a><![CDATA[unclosed</a>",
    "<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>",
    "<!DOCTYPE a SYSTEM \"http://example.invalid/a.dtd\"><a/>",
    "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>",
    "<a><b></a></b>",
    "<a>control \x01 character</a>",
    "<a b=\"\x1F\"/>",
    "<a><![CDATA[\x02]]></a>",
};

TEST(XmlScannerTest, RefusesWhatExpatRefuses) {
  for (const char* document : kInvalidDocuments) {
    SCOPED_TRACE(document);
    if (std::string_view(document).find("ISO-8859-1") == std::string_view::npos) {
      // (expat would read ISO-8859-1, but the parts we read are always UTF-8.)
      EXPECT_THROW(WithExpat(document), FileError);
    }
    for (const std::size_t chunk : kChunks) {
      SCOPED_TRACE("chunk " + std::to_string(chunk));
      EXPECT_THROW(WithScanner(document, chunk), FileError);
    }
  }
}

TEST(XmlScannerTest, DoctypeIsRefusedWithTheSameMessageAsExpat) {
  const std::string document = "<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>";
  EXPECT_THAT([&] { WithScanner(document, 64); },
              ::testing::ThrowsMessage<FileError>(::testing::HasSubstr("DOCTYPE/entitas")));
  EXPECT_THAT([&] { WithExpat(document); },
              ::testing::ThrowsMessage<FileError>(::testing::HasSubstr("DOCTYPE/entitas")));
}

TEST(XmlScannerTest, SuspendsAfterTheEventAndResumesExactly) {
  const std::string document = "<r><a>1</a><b x=\"2\"/><c>3</c></r>";
  StringInput input(document);
  Recorder recorder;
  XmlScanner scanner(recorder, input, 2);
  recorder.source = &scanner;
  recorder.suspend_after_end = true;
  std::vector<std::size_t> events_at_pause;
  while (scanner.Step()) events_at_pause.push_back(recorder.events.size());
  EXPECT_EQ(recorder.events, WithExpat(document));
  // Paused after </a>, after <b/>'s end, after </c> and after </r>.
  EXPECT_EQ(events_at_pause, (std::vector<std::size_t>{4, 6, 9, 10}));
}

TEST(XmlScannerTest, LongTextIsHandedOnInPiecesWithEntitiesWhole) {
  // 200 KB of text with entities and CRLFs crossing every piece boundary.
  std::string body;
  std::string expected_text;
  while (body.size() < 200000) {
    body += "abc&amp;&#xE9;\r\n";
    expected_text += "abc&\xC3\xA9\n";
  }
  const std::string document = "<a>" + body + "</a>";
  const std::vector<std::string> expected = {"<a>", "T:" + expected_text, "</a>"};
  EXPECT_EQ(WithScanner(document, XmlScanner::kDefaultChunkBytes), expected);
  EXPECT_EQ(WithScanner(document, 4093), expected);
  EXPECT_EQ(WithExpat(document), expected);
}

TEST(XmlScannerTest, RefusesATagLongerThanTheLimit) {
  const std::string document =
      "<a b=\"" + std::string(2 * XmlScanner::kMaxTokenBytes, 'x') + "\"/>";
  EXPECT_THAT([&] { WithScanner(document, XmlScanner::kDefaultChunkBytes); },
              ::testing::ThrowsMessage<FileError>(::testing::HasSubstr("lebih dari 1 MiB")));
  testing::ExpectRefusal(RefusalOf([&] { WithScanner(document, XmlScanner::kDefaultChunkBytes); }),
                         reason::kFileXmlTagTooLarge, {{"part", "test.xml"}});
}

TEST(XmlScannerTest, RefusesNestingDeeperThan256) {
  std::string document;
  for (int i = 0; i < 300; ++i) document += "<a>";
  for (int i = 0; i < 300; ++i) document += "</a>";
  EXPECT_THAT([&] { WithScanner(document, 4096); },
              ::testing::ThrowsMessage<FileError>(::testing::HasSubstr("256 tingkat")));
  testing::ExpectRefusal(RefusalOf([&] { WithScanner(document, 4096); }), reason::kFileXmlTooDeep,
                         {{"part", "test.xml"}});
}

// The admin learns which part is broken and where, not what XML rule it breaks: he cannot
// mend the XML, only save the file again. The scanner names the byte where the offending
// tag starts, whatever its chunks; expat a byte inside that tag.
TEST(XmlScannerTest, MalformedXmlNamesThePartAndTheByteWhereTheBadTagStarts) {
  const std::string document = "<a><b>1</b><c>2</b></a>";
  const std::size_t bad_tag = document.rfind("</b>");
  const std::map<std::string, std::string> args{{"part", "test.xml"},
                                                {"offset", std::to_string(bad_tag)}};
  const FileError expat = RefusalOf([&] { WithExpat(document); });
  testing::ExpectRefusal(expat, reason::kFileXmlMalformed,
                         {{"part", "test.xml"}, {"offset", expat.Args().at("offset")}});
  const std::size_t expat_offset = std::stoul(expat.Args().at("offset"));
  EXPECT_GE(expat_offset, bad_tag);
  EXPECT_LT(expat_offset, bad_tag + 4);
  for (const std::size_t chunk : kChunks) {
    SCOPED_TRACE("chunk " + std::to_string(chunk));
    testing::ExpectRefusal(RefusalOf([&] { WithScanner(document, chunk); }),
                           reason::kFileXmlMalformed, args);
  }
}

TEST(XmlScannerTest, AnElementLeftOpenIsRefusedAtTheEndOfThePart) {
  const std::string document = "<a><b>1</b>";
  testing::ExpectRefusal(RefusalOf([&] { WithScanner(document, 3); }), reason::kFileXmlMalformed,
                         {{"part", "test.xml"}, {"offset", std::to_string(document.size())}});
}

TEST(XmlScannerTest, RefusesUtf16Xml) {
  const std::string document("\xFF\xFE<\0a\0/\0>\0", 10);
  testing::ExpectRefusal(RefusalOf([&] { WithScanner(document, 64); }), reason::kFileXmlUtf16,
                         {{"part", "test.xml"}});
}

TEST(XmlScannerTest, RefusesAnEncodingOtherThanUtf8) {
  const std::string document = "<?xml version=\"1.0\" encoding=\"Windows-1252\"?><a/>";
  testing::ExpectRefusal(RefusalOf([&] { WithScanner(document, 64); }), reason::kFileXmlEncoding,
                         {{"encoding", "windows-1252"}, {"part", "test.xml"}});
}

}  // namespace
}  // namespace smedash::ingest
