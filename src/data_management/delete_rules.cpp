#include "data_management/delete_rules.hpp"

#include <charconv>

namespace smedash::data_management {
namespace {

ReferenceProblem Invalid(std::string field, std::string key) {
  return {400, "validation", std::move(key), {}, std::move(field)};
}

// A date field as "yyyy-mm-dd"; the problem names the field.
std::variant<core::Date, ReferenceProblem> DateField(const FieldReader& field,
                                                     std::string_view name) {
  const auto text = field(name);
  if (!text) return Invalid(std::string(name), "delete.error.date_missing");
  const auto date = core::Date::ParseIso(*text);
  if (!date) return Invalid(std::string(name), "delete.error.date");
  return *date;
}

std::optional<std::int64_t> PositiveId(std::string_view text) {
  std::int64_t id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size() || id <= 0) return std::nullopt;
  return id;
}

}  // namespace

std::variant<DeleteSelection, ReferenceProblem> ParseDeleteSelection(const FieldReader& field) {
  const std::string mode = field("mode").value_or("");
  DeleteSelection selection;
  if (mode == "position") {
    selection.mode = DeleteMode::kPosition;
    auto position = DateField(field, "position");
    if (auto* problem = std::get_if<ReferenceProblem>(&position)) return *problem;
    selection.position = std::get<core::Date>(position);
  } else if (mode == "range") {
    selection.mode = DeleteMode::kRange;
    auto from = DateField(field, "from");
    if (auto* problem = std::get_if<ReferenceProblem>(&from)) return *problem;
    auto to = DateField(field, "to");
    if (auto* problem = std::get_if<ReferenceProblem>(&to)) return *problem;
    selection.from = std::get<core::Date>(from);
    selection.to = std::get<core::Date>(to);
    if (*selection.to < *selection.from) return Invalid("to", "delete.error.range_order");
  } else if (mode == "upload") {
    selection.mode = DeleteMode::kUpload;
    const auto id = PositiveId(field("upload").value_or(""));
    if (!id) return Invalid("upload", "delete.error.upload");
    selection.upload_id = *id;
  } else if (mode == "all") {
    selection.mode = DeleteMode::kAll;
  } else {
    return Invalid("mode", "delete.error.mode");
  }
  return selection;
}

ReferenceProblem NothingToDelete(const DeleteSelection& selection) {
  auto problem = [](std::string key, std::map<std::string, std::string> args, std::string field) {
    return ReferenceProblem{404, "nothing_to_delete", std::move(key), std::move(args),
                            std::move(field)};
  };
  switch (selection.mode) {
    case DeleteMode::kPosition:
      return problem("delete.empty.position", {{"date", DisplayDate(selection.position->ToIso())}},
                     "position");
    case DeleteMode::kRange:
      return problem("delete.empty.range",
                     {{"from", DisplayDate(selection.from->ToIso())},
                      {"to", DisplayDate(selection.to->ToIso())}},
                     {});
    case DeleteMode::kUpload:  // an upload can always be deleted (CanDelete)
    case DeleteMode::kAll:
      break;
  }
  return problem("delete.empty.all", {}, {});
}

std::string_view ModeName(DeleteMode mode) {
  switch (mode) {
    case DeleteMode::kPosition:
      return "position";
    case DeleteMode::kRange:
      return "range";
    case DeleteMode::kUpload:
      return "upload";
    case DeleteMode::kAll:
      return "all";
  }
  return "position";
}

bool ConfirmsDeleteAll(std::string_view typed) { return typed == kConfirmAllText; }

std::optional<std::filesystem::path> OwnedStoredFile(const std::filesystem::path& data_dir,
                                                     const std::string& stored_path) {
  const std::filesystem::path path(stored_path);
  if (stored_path.empty() || path.is_absolute() || path.has_root_name()) return std::nullopt;
  for (const auto& part : path) {
    if (part == "..") return std::nullopt;
  }
  return data_dir / path;
}

std::string AuditTarget(const DeleteSelection& selection) {
  switch (selection.mode) {
    case DeleteMode::kPosition:
      return "position:" + selection.position->ToIso();
    case DeleteMode::kRange:
      return "range:" + selection.from->ToIso() + ".." + selection.to->ToIso();
    case DeleteMode::kUpload:
      return "upload:" + std::to_string(selection.upload_id);
    case DeleteMode::kAll:
      return "all";
  }
  return "all";
}

std::string DisplayDate(std::string_view iso) {
  if (iso.size() != core::Date::kIsoSize) return std::string(iso);
  return std::string(iso.substr(8, 2)) + "/" + std::string(iso.substr(5, 2)) + "/" +
         std::string(iso.substr(0, 4));
}

}  // namespace smedash::data_management
