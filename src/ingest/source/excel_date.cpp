#include "ingest/source/excel_date.hpp"

#include <chrono>
#include <cmath>

namespace smedash::ingest {

bool ExcelSerialToIsoDate(double serial, bool date1904, std::string& out) {
  using namespace std::chrono;
  if (!std::isfinite(serial)) return false;
  const double day = std::floor(serial);
  constexpr double kLastDay1900 = 2958465;  // 9999-12-31
  constexpr double kLastDay1904 = kLastDay1900 - 1462;
  sys_days date;
  if (date1904) {
    if (day < 0 || day > kLastDay1904) return false;
    date = sys_days(year{1904} / January / 1) + days(static_cast<long>(day));
  } else {
    if (day < 1 || day == 60 || day > kLastDay1900) return false;
    // Before the phantom day, serial 1 is 1900-01-01; after it, every serial is one day
    // further from 1899-12-31 than the calendar says.
    const sys_days epoch =
        day < 60 ? sys_days(year{1899} / December / 31) : sys_days(year{1899} / December / 30);
    date = epoch + days(static_cast<long>(day));
  }
  const year_month_day ymd(date);
  const int y = static_cast<int>(ymd.year());
  const unsigned m = static_cast<unsigned>(ymd.month());
  const unsigned d = static_cast<unsigned>(ymd.day());
  out.resize(10);
  out[0] = static_cast<char>('0' + y / 1000);
  out[1] = static_cast<char>('0' + y / 100 % 10);
  out[2] = static_cast<char>('0' + y / 10 % 10);
  out[3] = static_cast<char>('0' + y % 10);
  out[4] = '-';
  out[5] = static_cast<char>('0' + m / 10);
  out[6] = static_cast<char>('0' + m % 10);
  out[7] = '-';
  out[8] = static_cast<char>('0' + d / 10);
  out[9] = static_cast<char>('0' + d % 10);
  return true;
}

}  // namespace smedash::ingest
