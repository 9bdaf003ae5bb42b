//! Checks, before FreeXL opens a workbook, that every field and text FreeXL 1.0.6 reads
//! out of a record of the workbook stream lies inside that record. FreeXL copies each
//! record into one reused buffer and trusts it: a FORMAT record of 15 bytes declaring
//! 65,525 two-byte characters made it copy 131,050 bytes out of its 64 KiB workbook
//! buffer, and an empty DIMENSIONS record made it size a sheet from what the record before
//! left in the buffer (both found by fuzzing).
#pragma once
#include <string_view>

namespace smedash::ingest {

// `stream` is the "Workbook" (BIFF8) or "Book" (BIFF5) stream. Throws FileError when a
// record FreeXL reads is shorter than the fields FreeXL reads from it, or a text in it
// (BOUNDSHEET, FORMAT, LABEL, and SST with its CONTINUE records) runs past it, by MS-XLS
// and by what FreeXL can follow: a shared string's characters may go on into one CONTINUE
// record, no further. A stream FreeXL refuses by itself (no BIFF5/BIFF8 BOF first) passes.
void CheckBiffBounds(std::string_view stream);

}  // namespace smedash::ingest
