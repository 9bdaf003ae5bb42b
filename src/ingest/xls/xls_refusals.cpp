#include "ingest/xls/xls_refusals.hpp"

#include <string>

#include "ingest/validate/reasons.hpp"

namespace smedash::ingest::xls_refusal {

FileError Container() {
  return FileError(reason::kFileXlsContainer, {},
                   "File XLS rusak: struktur wadah OLE2-nya tidak sah. Buka di Excel, simpan "
                   "ulang, lalu unggah lagi.");
}

FileError NotWorkbook() {
  return FileError(reason::kFileXlsNotWorkbook, {},
                   "File ini berformat OLE2 tetapi bukan buku kerja Excel 97-2003 (.xls). Jika "
                   "ini file .xlsx yang dilindungi kata sandi, hapus kata sandinya di Excel lalu "
                   "simpan ulang.");
}

FileError CannotOpen() {
  return FileError(reason::kFileXlsCannotOpen, {},
                   "File XLS tidak dapat dibuka. Unggah lagi; jika tetap gagal, simpan ulang dari "
                   "Excel sebagai .xlsx.");
}

FileError Unsupported(int freexl_code) {
  const std::string code = std::to_string(freexl_code);
  return FileError(reason::kFileXlsUnsupported, {{"code", code}},
                   "File XLS rusak atau tidak didukung (kode FreeXL " + code +
                       "). Buka di Excel, simpan ulang sebagai .xlsx, lalu unggah lagi.");
}

FileError TooLarge() {
  return FileError(reason::kFileXlsTooLarge, {},
                   "File XLS terlalu besar untuk dibuka. Buka di Excel, simpan sebagai .xlsx, lalu "
                   "unggah file itu.");
}

FileError Password() {
  return FileError(reason::kFileXlsPassword, {},
                   "File XLS ini dilindungi kata sandi. Hapus kata sandinya di Excel, simpan, "
                   "lalu unggah lagi.");
}

FileError NoSheet() {
  return FileError(reason::kFileXlsNoSheet, {},
                   "File XLS tidak berisi lembar kerja yang dapat dibaca.");
}

FileError WorkingCopy() {
  return FileError(reason::kFileXlsWorkingCopy, {},
                   "File XLS tidak dapat disiapkan untuk dibaca: salinan kerjanya tidak dapat "
                   "ditulis (kemungkinan disk server penuh). Coba lagi nanti.");
}

}  // namespace smedash::ingest::xls_refusal
