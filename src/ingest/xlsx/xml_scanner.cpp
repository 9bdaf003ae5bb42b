#include "ingest/xlsx/xml_scanner.hpp"

#include <algorithm>
#include <cstring>
#include <string_view>

#include "ingest/sheet.hpp"
#include "ingest/source/text_encoding.hpp"
#include "ingest/validate/reasons.hpp"

namespace smedash::ingest {
namespace {

constexpr std::size_t kMaxDepth = 256;
// Text without a '<' is handed on in pieces of about this size, so a long run of text
// never has to fit in the buffer.
constexpr std::size_t kTextPieceBytes = 64 * 1024;

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

// Control characters XML 1.0 does not allow anywhere (expat refuses them too); a NUL
// would also break the database load later.
bool IsForbiddenControl(unsigned char c) { return c < 0x20 && c != '\t' && c != '\n' && c != '\r'; }

bool IsXmlChar(unsigned long code) {
  return code == 0x9 || code == 0xA || code == 0xD || (code >= 0x20 && code <= 0xD7FF) ||
         (code >= 0xE000 && code <= 0xFFFD) || (code >= 0x10000 && code <= 0x10FFFF);
}

// Values, names and text in a sheet are a few bytes long: a plain loop beats memchr's
// call and set-up there.
char* FindByte(char* p, char* end, char c) {
  while (p < end && *p != c) ++p;
  return p < end ? p : nullptr;
}

// The name after its prefix ("x:c" → "c"). Names are a few bytes: a loop, not memchr.
std::string_view WithoutPrefix(std::string_view name) {
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (name[i] == ':') return name.substr(i + 1);
  }
  return name;
}

// Where a start tag ends: the first '>' outside a quoted attribute value.
char* FindTagEnd(char* p, char* end) {
  char quote = 0;
  for (; p < end; ++p) {
    const char c = *p;
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return p;
    }
  }
  return nullptr;
}

char* Find(char* begin, char* end, std::string_view what) {
  const std::string_view text(begin, static_cast<std::size_t>(end - begin));
  const auto at = text.find(what);
  return at == std::string_view::npos ? nullptr : begin + at;
}

}  // namespace

XmlScanner::XmlScanner(XmlHandler& handler, XmlInput& source, std::size_t chunk_bytes)
    : handler_(handler),
      source_(source),
      chunk_bytes_(std::max<std::size_t>(chunk_bytes, 1)),
      capacity_(chunk_bytes_ + kMaxTokenBytes) {
  buffer_ = std::make_unique_for_overwrite<char[]>(capacity_);
}

void XmlScanner::Fail() const { throw MalformedXml(source_.Name(), token_start_); }

bool XmlScanner::Fill() {
  if (eof_) return false;
  if (pos_ > 0) {
    std::memmove(buffer_.get(), buffer_.get() + pos_, end_ - pos_);
    end_ -= pos_;
    consumed_before_ += pos_;
    pos_ = 0;
  }
  // What is left unconsumed is one unfinished token (text is handed on in pieces).
  if (end_ > kMaxTokenBytes) {
    throw FileError(reason::kFileXmlTagTooLarge, {{"part", source_.Name()}},
                    "File XLSX rusak: bagian '" + source_.Name() +
                        "' berisi satu tag lebih dari 1 MiB. Simpan ulang dari Excel lalu unggah "
                        "lagi.");
  }
  const std::size_t room = std::min(capacity_ - end_, chunk_bytes_);
  const std::size_t got = source_.Read(buffer_.get() + end_, room);
  if (got == 0) {
    eof_ = true;
    started_ = true;  // fewer than three bytes in all: no byte order mark to look for
    return false;
  }
  end_ += got;
  if (!started_ && (end_ >= 3 || eof_)) {
    started_ = true;
    const std::string_view head(buffer_.get(), end_);
    if (head.starts_with("\xEF\xBB\xBF")) {
      pos_ = 3;
    } else if (head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF")) {
      throw FileError(reason::kFileXmlUtf16, {{"part", source_.Name()}},
                      "File XLSX ini memakai XML UTF-16 pada bagian '" + source_.Name() +
                          "', yang tidak didukung. Simpan ulang dari Excel lalu unggah lagi.");
    }
  }
  return true;
}

bool XmlScanner::NeedMore() {
  if (eof_) Fail();  // the input ends inside a tag
  return false;
}

bool XmlScanner::Step() {
  if (finished_) return false;
  suspended_ = false;
  while (!suspended_) {
    if (NextToken()) continue;
    if (Fill()) continue;
    // The input has ended; what is left may still be complete (trailing text).
    if (pos_ < end_ && NextToken()) continue;
    Finish();
    finished_ = true;
    return false;
  }
  return true;
}

void XmlScanner::Finish() {
  if (!root_seen_ || !open_starts_.empty()) {  // no element, or one left open
    token_start_ = consumed_before_ + end_;
    Fail();
  }
}

bool XmlScanner::NextToken() {
  if (!started_) return false;  // the byte order mark has not been checked yet
  char* const base = buffer_.get();
  char* p = base + pos_;
  char* const end = base + end_;
  if (p == end) return false;
  token_start_ = consumed_before_ + pos_;

  if (*p != '<') {
    char* lt = FindByte(p, end, '<');
    if (lt == nullptr) {
      if (!eof_ && static_cast<std::size_t>(end - p) < kTextPieceBytes) return false;
      lt = end;
      if (!eof_) {
        // Hand on a piece, but never cut an entity or a CR LF pair in two.
        char* amp = nullptr;
        for (char* q = end - 1; q >= end - 12 && q > p; --q) {
          if (*q == ';') break;
          if (*q == '&') amp = q;
        }
        if (amp != nullptr) lt = amp;
        if (lt[-1] == '\r') --lt;
      }
    }
    Text(p, lt);
    pos_ = static_cast<std::size_t>(lt - base);
    return true;
  }

  if (end - p < 2) return NeedMore();
  if (p[1] == '/') {
    const char* gt = FindByte(p, end, '>');
    if (gt == nullptr) return NeedMore();
    pos_ = static_cast<std::size_t>(gt + 1 - base);
    EndTag(p + 2, gt);
    return true;
  }
  if (p[1] == '?') {
    const char* close = Find(p + 2, end, "?>");
    if (close == nullptr) return NeedMore();
    pos_ = static_cast<std::size_t>(close + 2 - base);
    Declaration(p + 2, close);
    return true;
  }
  if (p[1] == '!') {
    if (end - p < 9 && !eof_) return false;  // not enough to tell what follows
    const std::string_view head(p, static_cast<std::size_t>(std::min<std::ptrdiff_t>(end - p, 9)));
    if (head.starts_with("<!--")) {
      const char* close = Find(p + 4, end, "-->");
      if (close == nullptr) return NeedMore();
      pos_ = static_cast<std::size_t>(close + 3 - base);
      return true;
    }
    if (head == "<![CDATA[") {
      char* close = Find(p + 9, end, "]]>");
      if (close == nullptr) return NeedMore();
      if (open_starts_.empty()) Fail();  // CDATA outside the root
      pos_ = static_cast<std::size_t>(close + 3 - base);
      // CDATA is literal text: no entities, but line ends are still normalised.
      char* out = p + 9;
      for (const char* q = p + 9; q < close; ++q) {
        if (IsForbiddenControl(static_cast<unsigned char>(*q))) Fail();
        if (*q != '\r') {
          *out++ = *q;
        } else {
          *out++ = '\n';
          if (q + 1 < close && q[1] == '\n') ++q;
        }
      }
      handler_.OnText(std::string_view(p + 9, static_cast<std::size_t>(out - (p + 9))));
      return true;
    }
    throw DoctypeRefused(source_.Name());
  }
  char* gt = FindTagEnd(p + 1, end);
  if (gt == nullptr) return NeedMore();
  pos_ = static_cast<std::size_t>(gt + 1 - base);
  StartTag(p + 1, gt);
  return true;
}

namespace {

// Decodes [begin, end) in place (the result is never longer): entities, line ends
// normalised to "\n"; in attribute values every whitespace character becomes a space
// (XML 1.0, 3.3.3). Sets `end` to the new end. Returns false on a forbidden control
// character or an entity that is unknown or malformed.
bool DecodeInPlace(char* begin, char*& end, bool attribute) {
  char* out = begin;
  while (out < end && *out != '&' && *out != '\r' &&
         !(attribute && (*out == '\n' || *out == '\t'))) {
    if (IsForbiddenControl(static_cast<unsigned char>(*out))) return false;
    ++out;  // nothing to change up to here: skip without copying
  }
  const char* p = out;
  while (p < end) {
    const char c = *p;
    if (IsForbiddenControl(static_cast<unsigned char>(c))) return false;
    if (c != '&' && c != '\r' && !(attribute && (c == '\n' || c == '\t'))) {
      *out++ = c;
      ++p;
      continue;
    }
    if (c == '\r') {
      *out++ = attribute ? ' ' : '\n';
      p += (p + 1 < end && p[1] == '\n') ? 2 : 1;
      continue;
    }
    if (c != '&') {  // \n or \t in an attribute value
      *out++ = ' ';
      ++p;
      continue;
    }
    const char* semi =
        static_cast<const char*>(std::memchr(p, ';', std::min<std::ptrdiff_t>(end - p, 12)));
    if (semi == nullptr) return false;
    const std::string_view name(p + 1, static_cast<std::size_t>(semi - p - 1));
    p = semi + 1;
    if (name == "lt") {
      *out++ = '<';
    } else if (name == "gt") {
      *out++ = '>';
    } else if (name == "amp") {
      *out++ = '&';
    } else if (name == "quot") {
      *out++ = '"';
    } else if (name == "apos") {
      *out++ = '\'';
    } else if (name.size() >= 2 && name[0] == '#') {
      const bool hex = name[1] == 'x';
      const std::string_view digits = name.substr(hex ? 2 : 1);
      if (digits.empty()) return false;
      unsigned long code = 0;
      for (const char digit_char : digits) {
        int digit;
        if (digit_char >= '0' && digit_char <= '9') {
          digit = digit_char - '0';
        } else if (hex && digit_char >= 'a' && digit_char <= 'f') {
          digit = digit_char - 'a' + 10;
        } else if (hex && digit_char >= 'A' && digit_char <= 'F') {
          digit = digit_char - 'A' + 10;
        } else {
          return false;
        }
        code = code * (hex ? 16 : 10) + static_cast<unsigned long>(digit);
        if (code > 0x10FFFF) return false;
      }
      if (!IsXmlChar(code)) return false;
      // "&#N;" is at least 4 bytes and its UTF-8 at most 4, and longer only for larger
      // values, so writing in place never overtakes the reader.
      std::string utf8;
      AppendUtf8(static_cast<char32_t>(code), utf8);
      std::memcpy(out, utf8.data(), utf8.size());
      out += utf8.size();
    } else {
      return false;
    }
  }
  end = out;
  return true;
}

}  // namespace

void XmlScanner::Text(char* begin, char* end) {
  if (begin == end) return;
  if (open_starts_.empty()) {
    // Outside the root only whitespace may appear.
    for (const char* p = begin; p < end; ++p) {
      if (!IsSpace(*p)) Fail();
    }
    return;
  }
  bool plain = true;  // the common case: no entity, no CR
  for (const char* p = begin; p < end; ++p) {
    const auto c = static_cast<unsigned char>(*p);
    if (c == '&' || c == '\r') {
      plain = false;
    } else if (IsForbiddenControl(c)) {
      Fail();
    }
  }
  if (!plain) {
    if (!DecodeInPlace(begin, end, /*attribute=*/false)) Fail();
  }
  handler_.OnText(std::string_view(begin, static_cast<std::size_t>(end - begin)));
}

void XmlScanner::StartTag(char* begin, char* end) {
  const bool self_closing = end > begin && end[-1] == '/';
  if (self_closing) --end;
  char* p = begin;
  while (p < end && !IsSpace(*p)) ++p;
  const std::string_view name(begin, static_cast<std::size_t>(p - begin));
  if (name.empty() || root_closed_) Fail();  // a nameless tag, or a second root
  if (open_starts_.size() >= kMaxDepth) {
    throw FileError(reason::kFileXmlTooDeep, {{"part", source_.Name()}},
                    "File XLSX rusak: bagian '" + source_.Name() +
                        "' berisi elemen bersarang lebih dari 256 tingkat. Simpan ulang dari "
                        "Excel lalu unggah lagi.");
  }

  // Attribute names and values are NUL-terminated in place: the byte after a name ('='
  // or a space) and the closing quote are not needed any more.
  attributes_.clear();
  while (true) {
    while (p < end && IsSpace(*p)) ++p;
    if (p == end) break;
    char* name_begin = p;
    while (p < end && *p != '=' && !IsSpace(*p)) ++p;
    char* name_end = p;
    while (p < end && IsSpace(*p)) ++p;
    if (name_begin == name_end || p == end || *p != '=') Fail();  // no value
    ++p;
    while (p < end && IsSpace(*p)) ++p;
    if (p == end || (*p != '"' && *p != '\'')) Fail();  // a value without quotes
    const char quote = *p++;
    char* value_begin = p;
    char* value_end = FindByte(p, end, quote);
    if (value_end == nullptr) Fail();
    p = value_end + 1;
    if (!DecodeInPlace(value_begin, value_end, /*attribute=*/true)) Fail();
    *name_end = '\0';
    *value_end = '\0';
    attributes_.push_back(name_begin);
    attributes_.push_back(value_begin);
  }
  attributes_.push_back(nullptr);

  root_seen_ = true;
  const std::string_view local = WithoutPrefix(name);
  if (self_closing) {
    handler_.OnStart(local, attributes_.data());
    handler_.OnEnd(local);
    if (open_starts_.empty()) root_closed_ = true;
    return;
  }
  open_starts_.push_back(open_names_.size());
  open_names_.append(name);
  // The handler may suspend; the tag is already recorded as open, so resuming is exact.
  handler_.OnStart(local, attributes_.data());
}

void XmlScanner::EndTag(const char* begin, const char* end) {
  while (end > begin && IsSpace(end[-1])) --end;
  const std::string_view name(begin, static_cast<std::size_t>(end - begin));
  if (open_starts_.empty()) Fail();  // an end tag with no start
  const std::size_t start = open_starts_.back();
  const std::size_t open_size = open_names_.size() - start;
  bool same = open_size == name.size();
  for (std::size_t i = 0; same && i < open_size; ++i) same = open_names_[start + i] == name[i];
  if (!same) Fail();  // closes another element than the one open
  open_starts_.pop_back();
  open_names_.resize(start);
  if (open_starts_.empty()) root_closed_ = true;
  handler_.OnEnd(WithoutPrefix(name));
}

void XmlScanner::Declaration(const char* begin, const char* end) {
  const std::string_view body(begin, static_cast<std::size_t>(end - begin));
  if (!body.starts_with("xml") || (body.size() > 3 && !IsSpace(body[3]))) return;  // a PI
  const auto at = body.find("encoding");
  if (at == std::string_view::npos) return;
  const auto quote = body.find_first_of("\"'", at);
  if (quote == std::string_view::npos) Fail();
  const auto close = body.find(body[quote], quote + 1);
  if (close == std::string_view::npos) Fail();
  std::string encoding(body.substr(quote + 1, close - quote - 1));
  std::transform(encoding.begin(), encoding.end(), encoding.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (encoding != "utf-8" && encoding != "utf8") {
    throw FileError(reason::kFileXmlEncoding, {{"encoding", encoding}, {"part", source_.Name()}},
                    "File XLSX ini memakai pengodean '" + encoding + "' pada bagian '" +
                        source_.Name() +
                        "', yang tidak didukung (hanya UTF-8). Simpan ulang dari Excel lalu "
                        "unggah lagi.");
  }
}

}  // namespace smedash::ingest
