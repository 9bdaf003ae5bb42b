#include "ingest/columns.hpp"

#include <cctype>
#include <string>

namespace smedash::ingest {

const std::array<ColumnSpec, kColumnCount>& Columns() {
  using enum Column;
  using enum ValueKind;
  static const std::array<ColumnSpec, kColumnCount> columns = {{
      {kPeriode, "PERIODE", "periode", kPositionDate, true},
      {kKanca, "KANCA", "kanca", kText, true},
      {kKodeUker, "KODE UKER", "kode_uker", kCode, true},
      {kUker, "UKER", "uker", kText, false},
      {kLnType, "LN TYPE", "ln_type", kText, false},
      {kNomorRekening, "NOMOR REKENING", "nomor_rekening", kIdentifier, true},
      {kNamaDebitur, "NAMA DEBITUR", "nama_debitur", kText, false},
      {kPlafon, "PLAFON", "plafon", kAmount, false},
      {kNextPmtDate, "NEXT PMT DATE", "next_pmt_date", kDate, false},
      {kNextIntPmtDate, "NEXT INT PMT DATE", "next_int_pmt_date", kDate, false},
      {kRate, "RATE", "rate", kRate, false},
      {kTglMenunggak, "TGL MENUNGGAK", "tgl_menunggak", kDate, false},
      {kTglRealisasi, "TGL REALISASI", "tgl_realisasi", kDate, false},
      {kTglJatuhTempo, "TGL JATUH TEMPO", "tgl_jatuh_tempo", kDate, false},
      {kJangkaWaktu, "JANGKA WAKTU", "jangka_waktu", kWholeNumber, false},
      {kFlagRestruk, "FLAG RESTRUK", "flag_restruk", kFlag, false},
      {kCifNo, "CIFNO", "cif_no", kIdentifier, true},
      {kKolLancar, "KOLEKTIBILITAS LANCAR", "kolektibilitas_lancar", kAmount, false},
      {kKolDpk, "KOLEKTIBILITAS DPK", "kolektibilitas_dpk", kAmount, false},
      {kKolKurangLancar, "KOLEKTIBILITAS KURANG LANCAR", "kolektibilitas_kurang_lancar", kAmount,
       false},
      {kKolDiragukan, "KOLEKTIBILITAS DIRAGUKAN", "kolektibilitas_diragukan", kAmount, false},
      {kKolMacet, "KOLEKTIBILITAS MACET", "kolektibilitas_macet", kAmount, false},
      {kTunggakanPokok, "TUNGGAKAN POKOK", "tunggakan_pokok", kAmount, false},
      {kTunggakanBunga, "TUNGGAKAN BUNGA", "tunggakan_bunga", kAmount, false},
      {kTunggakanPinalti, "TUNGGAKAN PINALTI", "tunggakan_pinalti", kAmount, false},
      {kCode, "CODE", "code", kCode, true},
      {kDescription, "DESCRIPTION", "description", kText, false},
      {kKolAdk, "KOL_ADK", "kol_adk", kGrade, true},
      {kPnPengelolaSinglepn, "PN PENGELOLA SINGLEPN", "pn_pengelola_singlepn", kText, false},
      {kPnPengelola1, "PN PENGELOLA 1", "pn_pengelola_1", kText, false},
      {kPnPemrakarsa, "PN PEMRAKARSA", "pn_pemrakarsa", kText, false},
      {kPnReferral, "PN REFERRAL", "pn_referral", kText, false},
      {kPnRestruk, "PN RESTRUK", "pn_restruk", kText, false},
      {kPnPengelola2, "PN PENGELOLA 2", "pn_pengelola_2", kText, false},
      {kPnPemutus, "PN PEMUTUS", "pn_pemutus", kText, false},
      {kPnCrm, "PN CRM", "pn_crm", kText, false},
      {kPnRmReferralNaikSegmentasi, "PN RM REFERRAL NAIK SEGMENTASI",
       "pn_rm_referral_naik_segmentasi", kText, false},
      {kPnRmCrr, "PN RM CRR", "pn_rm_crr", kText, false},
      {kPnRm, "PN RM", "pn_rm", kText, false},
      {kNamaRm, "NAMA RM", "nama_rm", kText, false},
      {kOs, "OS", "os_reported", kAmount, false},
      {kNasabah, "NASABAH", "nasabah", kWholeNumber, false},
      {kDubNasabah, "DUB NASABAH", "dub_nasabah", kFlag, false},
  }};
  return columns;
}

std::string NormalizeHeader(std::string_view header) {
  std::string out;
  out.reserve(header.size());
  for (unsigned char c : header) {
    if (std::isspace(c) || c == '_' || c == '-' || c == '.') continue;
    out += static_cast<char>(std::toupper(c));
  }
  // A UTF-8 BOM or non-breaking spaces around a header are not part of its name.
  for (std::string_view junk : {"\xEF\xBB\xBF", "\xC2\xA0"}) {
    for (auto pos = out.find(junk); pos != std::string::npos; pos = out.find(junk)) {
      out.erase(pos, junk.size());
    }
  }
  return out;
}

std::optional<Column> ColumnForHeader(std::string_view header) {
  std::string normalized = NormalizeHeader(header);
  for (const auto& spec : Columns()) {
    if (NormalizeHeader(spec.header) == normalized) return spec.column;
  }
  return std::nullopt;
}

}  // namespace smedash::ingest
