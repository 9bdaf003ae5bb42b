#include "ingest/xlsx/xml_events.hpp"

#include <cstring>

#include "ingest/validate/reasons.hpp"

namespace smedash::ingest {

std::string_view LocalName(const char* name) {
  const char* colon = std::strchr(name, ':');
  return colon != nullptr ? std::string_view(colon + 1) : std::string_view(name);
}

const char* FindAttribute(const char** attributes, std::string_view name) {
  for (; attributes[0] != nullptr; attributes += 2) {
    if (LocalName(attributes[0]) == name) return attributes[1];
  }
  return nullptr;
}

FileError DoctypeRefused(const std::string& part) {
  return FileError(reason::kFileDoctype, {{"part", part}},
                   "File XLSX ditolak: bagian '" + part +
                       "' berisi deklarasi DOCTYPE/entitas, yang tidak pernah ada di file Excel "
                       "asli.");
}

FileError MalformedXml(const std::string& part, std::uint64_t offset) {
  const std::string at = std::to_string(offset);
  return FileError(reason::kFileXmlMalformed, {{"part", part}, {"offset", at}},
                   "File XLSX rusak: bagian '" + part + "' bukan XML yang benar (sekitar byte " +
                       at + "). Simpan ulang dari Excel lalu unggah lagi.");
}

}  // namespace smedash::ingest
