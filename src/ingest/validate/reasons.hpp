//! Translation keys of every ingest reject, warning and file-level refusal; the texts are in
//! web/i18n/{id,en}/ingest.json and say what is wrong and the expected format. Named here so
//! code never spells a key twice; tests check that both languages define each one.
#pragma once
#include <array>
#include <string_view>

namespace smedash::ingest::reason {

// Row rejected (RowIssue::rejects_row). Every one gets the arg {column}.
inline constexpr std::string_view kPositionDateEmpty = "ingest.reject.position_date_empty";
inline constexpr std::string_view kPositionDate = "ingest.reject.position_date";
inline constexpr std::string_view kAmount = "ingest.reject.amount";
inline constexpr std::string_view kAmountAmbiguous = "ingest.reject.amount_ambiguous";
inline constexpr std::string_view kAmountNotIndonesian = "ingest.reject.amount_not_id";
inline constexpr std::string_view kAmountNotInternational = "ingest.reject.amount_not_en";
inline constexpr std::string_view kAmountTooLarge = "ingest.reject.amount_too_large";
inline constexpr std::string_view kRate = "ingest.reject.rate";
inline constexpr std::string_view kRateAmbiguous = "ingest.reject.rate_ambiguous";
inline constexpr std::string_view kRateTooLarge = "ingest.reject.rate_too_large";
inline constexpr std::string_view kGradeEmpty = "ingest.reject.grade_empty";
inline constexpr std::string_view kGrade = "ingest.reject.grade";
inline constexpr std::string_view kFlag = "ingest.reject.flag";
// A required text column (KANCA) left empty.
inline constexpr std::string_view kRequiredEmpty = "ingest.reject.required_empty";
inline constexpr std::string_view kCodeEmpty = "ingest.reject.code_empty";
inline constexpr std::string_view kIdentifierEmpty = "ingest.reject.identifier_empty";
inline constexpr std::string_view kIdentifierNotWhole = "ingest.reject.identifier_not_whole";
inline constexpr std::string_view kIdentifierExponent = "ingest.reject.identifier_exponent";
inline constexpr std::string_view kTextTooLong = "ingest.reject.text_too_long";  // {max} {length}
inline constexpr std::string_view kTextNul = "ingest.reject.text_nul";
// For the pipeline: a second row of the same (PERIODE, NOMOR REKENING) in one file.
// Args {periode} ("yyyy-mm-dd"), {account}, {first_line}.
inline constexpr std::string_view kDuplicateAccount = "ingest.reject.duplicate_account";

// Warnings (rejects_row = false): the value is stored empty, the row loads. Arg {column}.
inline constexpr std::string_view kWarnDate = "ingest.warn.date";
inline constexpr std::string_view kWarnWholeNumber = "ingest.warn.whole_number";
// File-level warnings for the upload report.
inline constexpr std::string_view kWarnUnknownHeaders = "ingest.warn.unknown_headers";  // {headers}
inline constexpr std::string_view kWarnUnknownCodes = "ingest.warn.unknown_codes";      // {codes}
// The same bytes (SHA-256) were uploaded before: {date} and {upload_id} of that upload.
inline constexpr std::string_view kWarnSameFile = "ingest.warn.same_file";
// Auto number style still undecided at the end of a file that had ambiguous amounts: the
// admin should choose the style and upload again.
inline constexpr std::string_view kWarnStyleUndecided = "ingest.warn.style_undecided";

// The whole file refused (ImportReport::error_key).
inline constexpr std::string_view kFileEmpty = "ingest.file.empty";
inline constexpr std::string_view kFileHeaderOnly = "ingest.file.header_only";
// {missing} and {found}: comma-separated header lists.
inline constexpr std::string_view kFileMissingColumns = "ingest.file.missing_columns";
inline constexpr std::string_view kFileDuplicateColumns =
    "ingest.file.duplicate_columns";  // {columns}
inline constexpr std::string_view kFileNoRowsAccepted = "ingest.file.no_rows_accepted";
inline constexpr std::string_view kFileTooLarge = "ingest.file.too_large";        // {max_mb}
inline constexpr std::string_view kFileNumberStyle = "ingest.file.number_style";  // {value}
// Refused by the readers (FileError with a key): the file is not what its name says, or
// cannot be read. Their what() is the same text in Indonesian, for logs and error_log.
inline constexpr std::string_view kFileZeroBytes = "ingest.file.zero_bytes";
inline constexpr std::string_view kFileUnsupportedType =
    "ingest.file.unsupported_type";  // {extension}
inline constexpr std::string_view kFileNoExtension = "ingest.file.no_extension";
// The content is not what the extension says: {extension} (".xlsx") and the {expected}
// format ("XLSX (zip)", "CSV", "Excel 97-2003 (OLE2)"); one key per content found.
inline constexpr std::string_view kFileContentZip = "ingest.file.content_zip";
inline constexpr std::string_view kFileContentOle2 = "ingest.file.content_ole2";
inline constexpr std::string_view kFileContentText = "ingest.file.content_text";
inline constexpr std::string_view kFileContentUtf16 = "ingest.file.content_utf16";
inline constexpr std::string_view kFileContentBinary = "ingest.file.content_binary";
inline constexpr std::string_view kFileBinary = "ingest.file.binary";  // a .csv with a NUL
// CSV: {line} where the problem is.
inline constexpr std::string_view kFileUtf16 = "ingest.file.utf16";
inline constexpr std::string_view kFileNulByte = "ingest.file.nul_byte";  // {line}
inline constexpr std::string_view kFileUnterminatedQuote =
    "ingest.file.unterminated_quote";  // {line}
// {line}, the cap {max} and the {delimiter} used ("';'", "tab").
inline constexpr std::string_view kFileTooManyFields = "ingest.file.too_many_fields";
inline constexpr std::string_view kFileFieldTooLarge =
    "ingest.file.field_too_large";  // {line} {max_kib}
// The same inside quotes: also the {quote_line} where the quote opened.
inline constexpr std::string_view kFileFieldTooLargeQuoted = "ingest.file.field_too_large_quoted";
// XLSX: the archive. {part} is the name of a part in it ("xl/worksheets/sheet1.xml").
inline constexpr std::string_view kFileNotZip = "ingest.file.not_zip";
inline constexpr std::string_view kFileZipEntries = "ingest.file.zip_entries";    // {count} {max}
inline constexpr std::string_view kFilePartOutside = "ingest.file.part_outside";  // {part}
inline constexpr std::string_view kFileZipBomb = "ingest.file.zip_bomb";          // {part}
inline constexpr std::string_view kFilePartWrongSize = "ingest.file.part_wrong_size";  // {part}
inline constexpr std::string_view kFileEncrypted = "ingest.file.encrypted";
inline constexpr std::string_view kFileCompression = "ingest.file.compression";
// The archive's headers disagree with each other (zip_directory.hpp): damaged or altered.
inline constexpr std::string_view kFileZipInconsistent = "ingest.file.zip_inconsistent";
// XLSX: the package inside it.
inline constexpr std::string_view kFileNotWorkbook = "ingest.file.not_workbook";
inline constexpr std::string_view kFileNoSheet = "ingest.file.no_sheet";
inline constexpr std::string_view kFileRelationshipOutside =
    "ingest.file.relationship_outside";  // {target}
inline constexpr std::string_view kFileSheetMissing =
    "ingest.file.sheet_missing";                                         // {sheet} {part}
inline constexpr std::string_view kFileDoctype = "ingest.file.doctype";  // {part}
// A part that is not well-formed XML: {part} and the byte {offset} in it where reading
// stopped. No detail of what is wrong: the admin cannot mend XML, only save again.
inline constexpr std::string_view kFileXmlMalformed = "ingest.file.xml_malformed";
inline constexpr std::string_view kFileXmlTagTooLarge = "ingest.file.xml_tag_too_large";  // {part}
inline constexpr std::string_view kFileXmlTooDeep = "ingest.file.xml_too_deep";           // {part}
inline constexpr std::string_view kFileXmlUtf16 = "ingest.file.xml_utf16";                // {part}
inline constexpr std::string_view kFileXmlEncoding =
    "ingest.file.xml_encoding";  // {encoding} {part}
inline constexpr std::string_view kFileSharedStringsTooLarge =
    "ingest.file.shared_strings_too_large";  // {max_mb}
inline constexpr std::string_view kFileSharedStringTooLarge =
    "ingest.file.shared_string_too_large";  // {max_kib}
// XLSX: the worksheet. {cell} is its address ("C7"), {row} a row number.
inline constexpr std::string_view kFileCellTooLarge = "ingest.file.cell_too_large";  // {max_kib}
inline constexpr std::string_view kFileCellUtf8 = "ingest.file.cell_utf8";
inline constexpr std::string_view kFileFormulaWithoutValue = "ingest.file.formula_without_value";
inline constexpr std::string_view kFileRowNumber = "ingest.file.row_number";  // {row} as written
inline constexpr std::string_view kFileTooManyRows = "ingest.file.too_many_rows";
inline constexpr std::string_view kFileCellReference =
    "ingest.file.cell_reference";  // {cell} as written
inline constexpr std::string_view kFileTooManyColumns = "ingest.file.too_many_columns";  // {row}
// A cell refers to a shared string that is not there: {cell} and the {index} as written.
inline constexpr std::string_view kFileSharedStringIndex = "ingest.file.shared_string_index";
// XLS: the OLE2 container is not valid, or holds no Excel 97-2003 workbook stream.
inline constexpr std::string_view kFileXlsContainer = "ingest.file.xls_container";
inline constexpr std::string_view kFileXlsNotWorkbook = "ingest.file.xls_not_workbook";
inline constexpr std::string_view kFileXlsCannotOpen = "ingest.file.xls_cannot_open";
// FreeXL refused the workbook with an error {code} of its own.
inline constexpr std::string_view kFileXlsUnsupported = "ingest.file.xls_unsupported";
inline constexpr std::string_view kFileXlsTooLarge = "ingest.file.xls_too_large";
inline constexpr std::string_view kFileXlsPassword = "ingest.file.xls_password";
inline constexpr std::string_view kFileXlsNoSheet = "ingest.file.xls_no_sheet";
// The checked copy FreeXL reads could not be written (the disk is probably full).
inline constexpr std::string_view kFileXlsWorkingCopy = "ingest.file.xls_working_copy";
// An .xls whose declared sheet grids (rows × columns, summed) are over the cap FreeXL may
// allocate: {cells}, the largest grid's {rows} and {columns}, and the cap {max}.
inline constexpr std::string_view kFileXlsGridTooLarge = "ingest.file.xls_grid_too_large";
// Raised by ingest/load (its file_refusal.hpp names them too): the reader's own explanation,
// and PostgreSQL refusing the rows; both {detail}.
inline constexpr std::string_view kFileUnreadable = "ingest.file.unreadable";
inline constexpr std::string_view kFileDatabaseError = "ingest.file.database_error";
// Names of the number styles, for reports: "Indonesia (1.234.567,89)".
inline constexpr std::string_view kStyleIndonesian = "ingest.style.id";
inline constexpr std::string_view kStyleInternational = "ingest.style.en";
inline constexpr std::string_view kStyleAuto = "ingest.style.auto";

inline constexpr std::array kAll = {
    kPositionDateEmpty,
    kPositionDate,
    kAmount,
    kAmountAmbiguous,
    kAmountNotIndonesian,
    kAmountNotInternational,
    kAmountTooLarge,
    kRate,
    kRateAmbiguous,
    kRateTooLarge,
    kGradeEmpty,
    kGrade,
    kFlag,
    kRequiredEmpty,
    kCodeEmpty,
    kIdentifierEmpty,
    kIdentifierNotWhole,
    kIdentifierExponent,
    kTextTooLong,
    kTextNul,
    kDuplicateAccount,
    kWarnDate,
    kWarnWholeNumber,
    kWarnUnknownHeaders,
    kWarnUnknownCodes,
    kWarnSameFile,
    kWarnStyleUndecided,
    kFileEmpty,
    kFileHeaderOnly,
    kFileMissingColumns,
    kFileDuplicateColumns,
    kFileNoRowsAccepted,
    kFileTooLarge,
    kFileZeroBytes,
    kFileUnsupportedType,
    kFileNoExtension,
    kFileContentZip,
    kFileContentOle2,
    kFileContentText,
    kFileContentUtf16,
    kFileContentBinary,
    kFileBinary,
    kFileUtf16,
    kFileNulByte,
    kFileUnterminatedQuote,
    kFileTooManyFields,
    kFileFieldTooLarge,
    kFileFieldTooLargeQuoted,
    kFileNotZip,
    kFileZipEntries,
    kFilePartOutside,
    kFileZipBomb,
    kFilePartWrongSize,
    kFileEncrypted,
    kFileCompression,
    kFileZipInconsistent,
    kFileNotWorkbook,
    kFileNoSheet,
    kFileRelationshipOutside,
    kFileSheetMissing,
    kFileDoctype,
    kFileXmlMalformed,
    kFileXmlTagTooLarge,
    kFileXmlTooDeep,
    kFileXmlUtf16,
    kFileXmlEncoding,
    kFileSharedStringsTooLarge,
    kFileSharedStringTooLarge,
    kFileCellTooLarge,
    kFileCellUtf8,
    kFileFormulaWithoutValue,
    kFileRowNumber,
    kFileTooManyRows,
    kFileCellReference,
    kFileTooManyColumns,
    kFileSharedStringIndex,
    kFileXlsContainer,
    kFileXlsNotWorkbook,
    kFileXlsCannotOpen,
    kFileXlsUnsupported,
    kFileXlsTooLarge,
    kFileXlsPassword,
    kFileXlsNoSheet,
    kFileXlsWorkingCopy,
    kFileNumberStyle,
    kFileXlsGridTooLarge,
    kFileUnreadable,
    kFileDatabaseError,
    kStyleIndonesian,
    kStyleInternational,
    kStyleAuto,
};

}  // namespace smedash::ingest::reason
