#include "ingest/columns.hpp"

#include <map>
#include <string>

namespace smedash::ingest {

const std::array<ColumnSpec, kColumnCount>& Columns() {
  // Column and ValueKind share enumerator names (kRate, kCode), so kinds are qualified.
  using enum Column;
  using V = ValueKind;
  static const std::array<ColumnSpec, kColumnCount> columns = {{
      {kPeriode, "PERIODE", "periode", V::kPositionDate, true},
      {kKanca, "KANCA", "kanca", V::kText, true},
      {kKodeUker, "KODE UKER", "kode_uker", V::kCode, true},
      {kUker, "UKER", "uker", V::kText, false},
      {kLnType, "LN TYPE", "ln_type", V::kText, false},
      {kNomorRekening, "NOMOR REKENING", "nomor_rekening", V::kIdentifier, true},
      {kNamaDebitur, "NAMA DEBITUR", "nama_debitur", V::kText, false},
      {kPlafon, "PLAFON", "plafon", V::kAmount, false},
      {kNextPmtDate, "NEXT PMT DATE", "next_pmt_date", V::kDate, false},
      {kNextIntPmtDate, "NEXT INT PMT DATE", "next_int_pmt_date", V::kDate, false},
      {kRate, "RATE", "rate", V::kRate, false},
      {kTglMenunggak, "TGL MENUNGGAK", "tgl_menunggak", V::kDate, false},
      {kTglRealisasi, "TGL REALISASI", "tgl_realisasi", V::kDate, false},
      {kTglJatuhTempo, "TGL JATUH TEMPO", "tgl_jatuh_tempo", V::kDate, false},
      {kJangkaWaktu, "JANGKA WAKTU", "jangka_waktu", V::kWholeNumber, false},
      {kFlagRestruk, "FLAG RESTRUK", "flag_restruk", V::kFlag, false},
      {kCifNo, "CIFNO", "cif_no", V::kIdentifier, true},
      {kKolLancar, "KOLEKTIBILITAS LANCAR", "kolektibilitas_lancar", V::kAmount, false},
      {kKolDpk, "KOLEKTIBILITAS DPK", "kolektibilitas_dpk", V::kAmount, false},
      {kKolKurangLancar, "KOLEKTIBILITAS KURANG LANCAR", "kolektibilitas_kurang_lancar", V::kAmount,
       false},
      {kKolDiragukan, "KOLEKTIBILITAS DIRAGUKAN", "kolektibilitas_diragukan", V::kAmount, false},
      {kKolMacet, "KOLEKTIBILITAS MACET", "kolektibilitas_macet", V::kAmount, false},
      {kTunggakanPokok, "TUNGGAKAN POKOK", "tunggakan_pokok", V::kAmount, false},
      {kTunggakanBunga, "TUNGGAKAN BUNGA", "tunggakan_bunga", V::kAmount, false},
      {kTunggakanPinalti, "TUNGGAKAN PINALTI", "tunggakan_pinalti", V::kAmount, false},
      {kCode, "CODE", "code", V::kCode, true},
      {kDescription, "DESCRIPTION", "description", V::kText, false},
      {kKolAdk, "KOL_ADK", "kol_adk", V::kGrade, true},
      {kPnPengelolaSinglepn, "PN PENGELOLA SINGLEPN", "pn_pengelola_singlepn", V::kText, false},
      {kPnPengelola1, "PN PENGELOLA 1", "pn_pengelola_1", V::kText, false},
      {kPnPemrakarsa, "PN PEMRAKARSA", "pn_pemrakarsa", V::kText, false},
      {kPnReferral, "PN REFERRAL", "pn_referral", V::kText, false},
      {kPnRestruk, "PN RESTRUK", "pn_restruk", V::kText, false},
      {kPnPengelola2, "PN PENGELOLA 2", "pn_pengelola_2", V::kText, false},
      {kPnPemutus, "PN PEMUTUS", "pn_pemutus", V::kText, false},
      {kPnCrm, "PN CRM", "pn_crm", V::kText, false},
      {kPnRmReferralNaikSegmentasi, "PN RM REFERRAL NAIK SEGMENTASI",
       "pn_rm_referral_naik_segmentasi", V::kText, false},
      {kPnRmCrr, "PN RM CRR", "pn_rm_crr", V::kText, false},
      {kPnRm, "PN RM", "pn_rm", V::kText, false},
      {kNamaRm, "NAMA RM", "nama_rm", V::kText, false},
      {kOs, "OS", "os_reported", V::kAmount, false},
      {kNasabah, "NASABAH", "nasabah", V::kWholeNumber, false},
      {kDubNasabah, "DUB NASABAH", "dub_nasabah", V::kFlag, false},
  }};
  return columns;
}

std::string NormalizeHeader(std::string_view header) {
  // ASCII rules only: std::isspace/std::toupper depend on the process locale, and a header
  // must match the same way whatever locale the server runs in.
  std::string out;
  out.reserve(header.size());
  for (std::size_t i = 0; i < header.size(); ++i) {
    const char c = header[i];
    // A UTF-8 BOM or a non-breaking space is not part of a header's name.
    if (header.substr(i, 3) == "\xEF\xBB\xBF") {
      i += 2;
      continue;
    }
    if (header.substr(i, 2) == "\xC2\xA0") {
      ++i;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f' || c == '_' ||
        c == '-' || c == '.') {
      continue;
    }
    out += c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
  }
  return out;
}

std::optional<Column> ColumnForHeader(std::string_view header) {
  // Normalised once: mapping runs per file, but a reader's preview may call this often.
  static const std::map<std::string, Column, std::less<>> by_name = [] {
    std::map<std::string, Column, std::less<>> names;
    for (const auto& spec : Columns()) names.emplace(NormalizeHeader(spec.header), spec.column);
    return names;
  }();
  auto it = by_name.find(NormalizeHeader(header));
  if (it == by_name.end()) return std::nullopt;
  return it->second;
}

}  // namespace smedash::ingest
