//! Headers for sending an upload's original file back: a Content-Disposition that carries
//! the admin's file name safely (RFC 6266 with RFC 8187's filename*), and a content type
//! from the name's extension.
#pragma once
#include <string>
#include <string_view>

namespace smedash::data_management {

// attachment; filename="<ASCII stand-in>"; filename*=UTF-8''<percent-encoded name>
// Only the name's last path component is used. The stand-in, for clients that predate
// filename*, keeps printable ASCII except '"', '\' and '%' and writes '_' for the rest
// (one per character); filename* carries every byte, percent-encoded outside RFC 8187's
// attr-char set, so no quote, semicolon or line break can reach the header.
std::string AttachmentDisposition(std::string_view file_name);

// text/csv, the XLSX or XLS type, or application/octet-stream.
std::string ContentTypeOf(std::string_view file_name);

}  // namespace smedash::data_management
