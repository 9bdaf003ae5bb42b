#include "ingest/load/file_refusal.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "ingest/validate/reasons.hpp"

namespace smedash::ingest {
namespace {

struct Text {
  std::string_view key;
  std::string_view text;
};

// The same texts as web/i18n/id/ingest.json: error_log must read the same as the page.
constexpr std::array<Text, 8> kTexts = {{
    {reason::kFileEmpty,
     "File kosong: tidak ada baris judul kolom. Baris pertama harus berisi judul kolom seperti "
     "PERIODE, KANCA, KODE UKER."},
    {reason::kFileHeaderOnly,
     "File hanya berisi baris judul kolom tanpa data. Tambahkan baris data di bawah judul "
     "kolom."},
    {reason::kFileMissingColumns,
     "Kolom wajib tidak ditemukan: {missing}. Kolom yang ditemukan: {found}. Kolom wajib: "
     "PERIODE, KANCA, KODE UKER, NOMOR REKENING, CIFNO, CODE, KOL_ADK, serta OS atau kelima "
     "kolom KOLEKTIBILITAS."},
    {reason::kFileDuplicateColumns,
     "Kolom berikut muncul lebih dari sekali: {columns}. Setiap kolom hanya boleh ada satu "
     "kali; hapus salinannya lalu unggah ulang."},
    {reason::kFileNoRowsAccepted,
     "Tidak ada baris yang dapat dimuat: semua baris ditolak. Lihat daftar baris yang ditolak "
     "untuk alasannya."},
    {reason::kFileXlsGridTooLarge,
     "File .xls ini menyatakan lembar kerja berisi {cells} sel seluruhnya (yang terbesar {rows} "
     "baris × {columns} kolom), melebihi {max} sel yang dapat dimuat file pinjaman .xls. "
     "Keterangan ukurannya rusak atau telah diubah. Buka di Excel, simpan sebagai .xlsx, lalu "
     "unggah file itu."},
    {kFileUnreadable, "{detail}"},
    {kFileDatabaseError, "Data tidak dapat disimpan ke basis data: {detail}"},
}};

}  // namespace

FileRefusal Refusal(std::string_view key, std::map<std::string, std::string> args) {
  return FileRefusal{std::string(key), std::move(args), {}};
}

FileRefusal RefusalOf(const FileError& error) {
  if (error.Key().empty()) return Refusal(kFileUnreadable, {{"detail", error.what()}});
  FileRefusal refusal = Refusal(error.Key(), error.Args());
  refusal.reader_text = error.what();
  return refusal;
}

std::string RefusalMessage(const FileRefusal& refusal) {
  const auto entry = std::find_if(kTexts.begin(), kTexts.end(),
                                  [&](const Text& text) { return text.key == refusal.key; });
  // A reader's text is complete; an unknown key still says something useful.
  if (entry == kTexts.end()) return refusal.reader_text.empty() ? refusal.key : refusal.reader_text;
  std::string text(entry->text);
  for (const auto& [name, value] : refusal.args) {
    const std::string placeholder = "{" + name + "}";
    for (auto pos = text.find(placeholder); pos != std::string::npos;
         pos = text.find(placeholder, pos + value.size())) {
      text.replace(pos, placeholder.size(), value);
    }
  }
  return text;
}

}  // namespace smedash::ingest
