// What the komitmen pages share: targets shown as the file writes them (amounts in Rp juta,
// DEB in debtors, Indonesian or English number format), month names, and the tables of
// rejected rows, warnings and unknown units. Values arrive as exact decimal strings.
import { el } from './dom.mjs';
import { formatNumber, formatDateTime } from './format.mjs';
import { pageLang, t } from './i18n.mjs';

export const GROUPS = [
  { code: 'KUR_RITEL', label: 'KUR RITEL' },
  { code: 'SMALL_SD_5M', label: 'SMALL SD 5M' },
  { code: 'KECIL_NCC', label: 'KECIL NCC' },
  { code: 'KECIL_CC', label: 'KECIL CC' },
];
export const MEASURES = ['DEB', 'OS', 'PL', 'NPL', 'DPK'];

const MONTHS = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September',
    'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
    'October', 'November', 'December'],
};

// monthLabel("2025-11") → "November 2025".
export function monthLabel(month) {
  const match = /^(\d{4})-(\d{2})$/.exec(month || '');
  if (!match) return month || '';
  return `${MONTHS[pageLang()][Number(match[2]) - 1]} ${match[1]}`;
}

// "1500000000.00" (rupiah, two decimals) → "1500" (Rp juta) exactly; DEB "12.50" → "12.5".
// Trailing zeros dropped; null stays null.
export function fileUnitValue(value, measure) {
  if (value === null || value === undefined) return null;
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(String(value));
  if (!match) return String(value);
  const cents = BigInt(match[2] + (match[3] || '').padEnd(2, '0'));
  const scale = measure === 'DEB' ? 2 : 8; // juta: 10^6 × 10^2 cents
  const divisor = 10n ** BigInt(scale);
  const whole = (cents / divisor).toString();
  const fraction = (cents % divisor).toString().padStart(scale, '0').replace(/0+$/, '');
  return `${match[1]}${whole}${fraction ? `.${fraction}` : ''}`;
}

// For display: "1.500,5" (id) / "1,500.5" (en); "-" for no target.
export function formatTarget(value, measure) {
  const plain = fileUnitValue(value, measure);
  if (plain === null) return '-';
  const decimals = plain.includes('.') ? plain.split('.')[1].length : 0;
  return formatNumber(plain, { fractionDigits: decimals });
}

// For an input: the file unit without grouping, with the page's decimal separator.
export function editableTarget(value, measure) {
  const plain = fileUnitValue(value, measure);
  if (plain === null) return '';
  return pageLang() === 'id' ? plain.replace('.', ',') : plain;
}

export function statusLabel(status) {
  if (status === 'current') return t('komitmen.status.current');
  if (status === 'replaced') return t('komitmen.status.replaced');
  return t('komitmen.status.deleted');
}

export function uploadedWhen(iso) {
  return formatDateTime(iso);
}

function issueRow(issue) {
  return el('tr', { dataset: { line: String(issue.line) } }, [
    el('td', { text: String(issue.line) }),
    el('td', { text: issue.column || '-' }),
    el('td', { className: 'reference-code', text: issue.value || '' }),
    el('td', { text: issue.reason }),
  ]);
}

function unknownRow(unit) {
  return el('tr', { dataset: { line: String(unit.line) } }, [
    el('td', { text: String(unit.line) }),
    el('td', { className: 'reference-code', text: unit.kode_uker }),
    el('td', { text: unit.uker }),
  ]);
}

function table(id, title, headers, rows) {
  if (!rows.length) return null;
  return el('div', { className: 'komitmen-section', attrs: { id } }, [
    el('h4', { className: 'h6 px-3 pt-3', text: title }),
    el('div', { className: 'table-responsive' }, [
      el('table', { className: 'table align-middle mb-0 reference-table' }, [
        el('thead', {}, [el('tr', {}, headers.map((text) => el('th', { text, attrs: { scope: 'col' } })))]),
        el('tbody', {}, rows),
      ]),
    ]),
  ]);
}

// The three issue tables (only those with entries), for a preview or a stored upload.
export function issueTables(prefix, { rejected, warnings, unknown_units: unknown }) {
  const issueHeaders = [t('komitmen.col.line'), t('komitmen.col.column'), t('komitmen.col.value'),
    t('komitmen.col.reason')];
  return [
    table(`${prefix}-rejected`, t('komitmen.preview.rejected_title'), issueHeaders, rejected.map(issueRow)),
    table(`${prefix}-warnings`, t('komitmen.preview.warnings_title'), issueHeaders, warnings.map(issueRow)),
    table(`${prefix}-unknown`, t('komitmen.preview.unknown_title'),
      [t('komitmen.col.line'), t('komitmen.col.kode_uker'), t('komitmen.col.uker')], unknown.map(unknownRow)),
  ].filter(Boolean);
}

