//! The loan file's columns (domain.md section 2): header, loan_data column, value kind,
//! and which are required. The one table that readers' headers, validation, COPY and the
//! schema (migrations/0002_loan_data.sql) agree on.
#pragma once
#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace smedash::ingest {

enum class ValueKind {
  kPositionDate,  // PERIODE: required date, bad → row rejected
  kDate,          // optional date: empty, 0, 00/00/0000 → none; bad → stored empty + warning
  kAmount,        // exact decimal, 2 places; bad → row rejected
  kRate,          // percent, 4 places; bad → row rejected
  kWholeNumber,   // JANGKA WAKTU ("106M", "106 BLN"), NASABAH; bad → stored empty + warning
  kGrade,         // KOL_ADK 1..5; bad → row rejected
  kFlag,          // Y/N, YA/TIDAK, TRUE/FALSE, 1/0; empty = N; bad → row rejected
  kCode,          // KODE UKER, CODE: "42210.0" → "42210", "0005" → "5"
  kIdentifier,    // NOMOR REKENING, CIFNO: kept exactly; empty → row rejected
  kText,          // trimmed; over 1,000 characters → row rejected
};

enum class Column : std::size_t {
  kPeriode, kKanca, kKodeUker, kUker, kLnType, kNomorRekening, kNamaDebitur, kPlafon,
  kNextPmtDate, kNextIntPmtDate, kRate, kTglMenunggak, kTglRealisasi, kTglJatuhTempo,
  kJangkaWaktu, kFlagRestruk, kCifNo, kKolLancar, kKolDpk, kKolKurangLancar, kKolDiragukan,
  kKolMacet, kTunggakanPokok, kTunggakanBunga, kTunggakanPinalti, kCode, kDescription, kKolAdk,
  kPnPengelolaSinglepn, kPnPengelola1, kPnPemrakarsa, kPnReferral, kPnRestruk, kPnPengelola2,
  kPnPemutus, kPnCrm, kPnRmReferralNaikSegmentasi, kPnRmCrr,
  kPnRm, kNamaRm, kOs, kNasabah, kDubNasabah,  // the later 33-column layout's extras
  kCount
};
inline constexpr std::size_t kColumnCount = static_cast<std::size_t>(Column::kCount);

struct ColumnSpec {
  Column column;
  std::string_view header;     // as in the seed: "KODE UKER", "KOL_ADK", "CIFNO"
  std::string_view db_name;    // loan_data column: "kode_uker", "kol_adk", "cif_no"
  ValueKind kind;
  bool always_required;        // PERIODE, KANCA, KODE UKER, NOMOR REKENING, CIFNO, CODE, KOL_ADK
};

const std::array<ColumnSpec, kColumnCount>& Columns();
inline const ColumnSpec& Spec(Column column) { return Columns()[static_cast<std::size_t>(column)]; }

// The five KOLEKTIBILITAS columns: required together when the file has no OS column.
inline constexpr std::array<Column, 5> kKolektibilitasColumns = {
    Column::kKolLancar, Column::kKolDpk, Column::kKolKurangLancar, Column::kKolDiragukan,
    Column::kKolMacet};

// Header text in the form used for matching: upper case, trimmed, and spaces, underscores,
// hyphens and dots all removed ("Kode_Uker" = "KODE UKER" → "KODEUKER"; "CIF NO" = "CIFNO").
std::string NormalizeHeader(std::string_view header);
std::optional<Column> ColumnForHeader(std::string_view header);

}  // namespace smedash::ingest
