//! Excel date serials to "yyyy-mm-dd", in the 1900 date system (with Lotus 1-2-3's
//! phantom 29 February 1900 that Excel keeps) and the 1904 date system.
#pragma once
#include <string>

namespace smedash::ingest {

// Writes the calendar day of `serial` (any time of day dropped) to `out` and returns true,
// or returns false when it is no real day: below 1 in the 1900 system (serial 0 is Excel's "0
// January 1900") or below 0 in the 1904 system, exactly 60 in the 1900 system (1900-02-29, which
// never existed), past 9999-12-31, or not finite. 1900 system: 1 = 1900-01-01, 59 = 1900-02-28, 61
// = 1900-03-01, 45000 = 2023-03-15. 1904 system: 0 = 1904-01-01.
bool ExcelSerialToIsoDate(double serial, bool date1904, std::string& out);

}  // namespace smedash::ingest
