#include "ingest/xlsx/workbook_parts.hpp"

#include <string_view>
#include <vector>

#include "ingest/sheet.hpp"
#include "ingest/validate/reasons.hpp"
#include "ingest/xlsx/xml_parser.hpp"

namespace smedash::ingest {
namespace {

struct Relationship {
  std::string id;
  std::string type;  // the full type URI; only its last segment matters
  std::string target;
  bool external = false;
};

bool TypeIs(const Relationship& relationship, std::string_view last_segment) {
  const auto slash = relationship.type.rfind('/');
  const std::string_view tail = slash == std::string::npos
                                    ? std::string_view(relationship.type)
                                    : std::string_view(relationship.type).substr(slash + 1);
  return tail == last_segment;
}

class RelationshipsHandler final : public XmlHandler {
 public:
  std::vector<Relationship> relationships;

  void OnStart(std::string_view name, const char** attributes) override {
    if (name != "Relationship") return;
    Relationship relationship;
    if (const char* id = FindAttribute(attributes, "Id")) relationship.id = id;
    if (const char* type = FindAttribute(attributes, "Type")) relationship.type = type;
    if (const char* target = FindAttribute(attributes, "Target")) relationship.target = target;
    if (const char* mode = FindAttribute(attributes, "TargetMode")) {
      relationship.external = std::string_view(mode) == "External";
    }
    relationships.push_back(std::move(relationship));
  }
  void OnEnd(std::string_view) override {}
  void OnText(std::string_view) override {}
};

struct SheetEntry {
  std::string name;
  std::string relationship_id;
};

class WorkbookHandler final : public XmlHandler {
 public:
  std::vector<SheetEntry> sheets;
  bool date1904 = false;

  void OnStart(std::string_view name, const char** attributes) override {
    if (name == "sheet") {
      SheetEntry sheet;
      if (const char* sheet_name = FindAttribute(attributes, "name")) sheet.name = sheet_name;
      if (const char* id = FindAttribute(attributes, "id")) sheet.relationship_id = id;
      sheets.push_back(std::move(sheet));
    } else if (name == "workbookPr") {
      if (const char* value = FindAttribute(attributes, "date1904")) {
        const std::string_view flag(value);
        date1904 = flag == "1" || flag == "true";
      }
    }
  }
  void OnEnd(std::string_view) override {}
  void OnText(std::string_view) override {}
};

void ParsePart(const ZipArchive& archive, std::uint64_t index, const std::string& name,
               const ReaderLimits& limits, XmlHandler& handler) {
  ZipEntryReader entry(archive, index, name, limits);
  XmlParser parser(handler, entry);
  parser.ParseAll();
}

std::vector<Relationship> ReadRelationships(const ZipArchive& archive, const std::string& path,
                                            const ReaderLimits& limits) {
  const auto index = archive.Find(path);
  if (!index) return {};
  RelationshipsHandler handler;
  ParsePart(archive, *index, path, limits, handler);
  return std::move(handler.relationships);
}

std::string FolderOf(const std::string& path) {
  const auto slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
}

std::string FileNameOf(const std::string& path) {
  const auto slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

std::string ResolvePartPath(const std::string& base_folder, const std::string& target) {
  const std::string joined =
      !target.empty() && target.front() == '/' ? target.substr(1) : base_folder + target;
  std::vector<std::string_view> segments;
  std::string_view rest(joined);
  while (!rest.empty()) {
    const auto slash = rest.find('/');
    const std::string_view segment = rest.substr(0, slash);
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
    if (segment.empty() || segment == ".") continue;
    if (segment == "..") {
      if (segments.empty()) {
        throw FileError(
            reason::kFileRelationshipOutside, {{"target", target}},
            "File XLSX rusak: sebuah relasi menunjuk ke luar paket ('" + target + "').");
      }
      segments.pop_back();
      continue;
    }
    segments.push_back(segment);
  }
  std::string path;
  for (const auto segment : segments) {
    if (!path.empty()) path.push_back('/');
    path.append(segment);
  }
  return path;
}

WorkbookParts ReadWorkbookParts(const ZipArchive& archive, const ReaderLimits& limits) {
  // The package relationships name the main part; "xl/workbook.xml" is what every writer
  // uses, so it is the fallback when they are missing.
  std::string workbook_path = "xl/workbook.xml";
  for (const auto& relationship : ReadRelationships(archive, "_rels/.rels", limits)) {
    if (TypeIs(relationship, "officeDocument") && !relationship.external) {
      workbook_path = ResolvePartPath("", relationship.target);
      break;
    }
  }
  const auto workbook_index = archive.Find(workbook_path);
  if (!workbook_index) {
    throw FileError(
        reason::kFileNotWorkbook, {},
        "File ini arsip zip, tetapi bukan buku kerja Excel (tidak ada xl/workbook.xml). "
        "Unggah file .xlsx yang disimpan dari Excel.");
  }
  WorkbookHandler workbook;
  ParsePart(archive, *workbook_index, workbook_path, limits, workbook);

  const std::string folder = FolderOf(workbook_path);
  const auto relationships =
      ReadRelationships(archive, folder + "_rels/" + FileNameOf(workbook_path) + ".rels", limits);

  WorkbookParts parts;
  parts.date1904 = workbook.date1904;
  for (const auto& relationship : relationships) {
    if (relationship.external) continue;
    if (TypeIs(relationship, "sharedStrings") && !parts.shared_strings) {
      parts.shared_strings = ResolvePartPath(folder, relationship.target);
    } else if (TypeIs(relationship, "styles") && !parts.styles) {
      parts.styles = ResolvePartPath(folder, relationship.target);
    }
  }
  // The first sheet in workbook order that is a worksheet (not a chart sheet).
  for (const auto& sheet : workbook.sheets) {
    for (const auto& relationship : relationships) {
      if (relationship.id == sheet.relationship_id && TypeIs(relationship, "worksheet") &&
          !relationship.external) {
        parts.sheet_name = sheet.name;
        parts.sheet_path = ResolvePartPath(folder, relationship.target);
        return parts;
      }
    }
  }
  throw FileError(reason::kFileNoSheet, {},
                  "File XLSX tidak berisi lembar kerja (worksheet) yang dapat dibaca.");
}

}  // namespace smedash::ingest
