//! The refusals of an .xls file as a whole, each with its translation key
//! (validate/reasons.hpp) and the same text in Indonesian, made in one place because the
//! container reader, the checked copy and the FreeXL reader share some of them.
#pragma once
#include "ingest/sheet.hpp"

namespace smedash::ingest::xls_refusal {

FileError Container();    // the OLE2 structure is not valid
FileError NotWorkbook();  // OLE2, but no Excel 97-2003 workbook stream in it
FileError CannotOpen();
FileError Unsupported(int freexl_code);  // FreeXL refused it with an error of its own
FileError TooLarge();
FileError Password();
FileError NoSheet();
FileError WorkingCopy();  // the checked copy FreeXL reads could not be written

}  // namespace smedash::ingest::xls_refusal
