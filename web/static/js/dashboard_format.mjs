// How the dashboards show figures (domain.md section 8), without touching the DOM so the
// rules are unit-tested in node: amounts in Rp / Rp juta (default) / Rp M by moving the
// decimal point of the API's decimal STRINGS (never through a float), negative changes in
// parentheses, percentages with 2 decimals and change % with 1, "–" for a missing figure,
// column headers like 09-Okt-25, month headers like Okt'25, and the good/bad colour of a
// change (section 6: a rise in OS or NSB is good, a rise in DPK, NPL, LR or LAR is bad).
import { formatDate, formatNumber } from './format.mjs';

export const DASH = '–';

export const UNITS = ['rp', 'juta', 'm'];
export const DEFAULT_UNIT = 'juta';
// Places the decimal point moves, and decimals shown, per unit. Rupiah and juta are shown
// whole (the bank's reports do); miliar needs two decimals to say anything.
const UNIT_SHIFT = { rp: 0, juta: 6, m: 9 };
const UNIT_DIGITS = { rp: 0, juta: 0, m: 2 };
const UNIT_LABELS = { rp: 'Rp', juta: 'Rp juta', m: 'Rp M' };

const MONTHS = {
  id: ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

const DECIMAL_RE = /^(-)?(\d+)(?:\.(\d+))?$/;
const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH_RE = /^(\d{4})-(\d{2})$/;

export function isUnit(unit) {
  return UNITS.includes(unit);
}

export function unitLabel(unit) {
  return UNIT_LABELS[isUnit(unit) ? unit : DEFAULT_UNIT];
}

function missing(value) {
  return value === null || value === undefined || value === '';
}

// "17400000000.00" in Rp juta → "17400.00000000": the decimal point moved left, exactly.
export function scaleAmount(decimal, unit) {
  const match = DECIMAL_RE.exec(String(decimal).trim());
  if (!match) throw new RangeError(`dashboard: "${decimal}" is not a decimal amount`);
  const shift = UNIT_SHIFT[unit];
  if (shift === undefined) throw new RangeError(`dashboard: unknown unit "${unit}"`);
  const [, sign = '', intPart, fracPart = ''] = match;
  const digits = intPart.padStart(shift + 1, '0') + fracPart;
  const cut = digits.length - fracPart.length - shift;
  const whole = digits.slice(0, cut).replace(/^0+(?=\d)/, '');
  const frac = digits.slice(cut);
  return `${sign}${whole}${frac ? `.${frac}` : ''}`;
}

function withSign(decimal, options) {
  return formatNumber(decimal, { ...options, negative: 'parens', empty: DASH });
}

// An amount in `unit`: formatAmount("17400000000.00", { unit: "juta" }) → "17.400".
export function formatAmount(decimal, { unit = DEFAULT_UNIT, lang } = {}) {
  if (missing(decimal)) return DASH;
  return withSign(scaleAmount(decimal, unit), { lang, fractionDigits: UNIT_DIGITS[unit] });
}

// A value of a metric of `kind` ("amount" | "percent" | "count"), as the tables show it.
export function formatValue(value, kind, { unit = DEFAULT_UNIT, lang } = {}) {
  if (missing(value)) return DASH;
  if (kind === 'amount') return formatAmount(value, { unit, lang });
  if (kind === 'percent') return withSign(value, { lang, fractionDigits: 2 });
  if (kind === 'count') return withSign(value, { lang, fractionDigits: 0 });
  throw new RangeError(`dashboard: unknown metric kind "${kind}"`);
}

// A change of a metric: same digits as its value (percentage points for a percentage),
// negative in parentheses.
export function formatChange(value, kind, options = {}) {
  return formatValue(value, kind, options);
}

// A change in per cent of its base: one decimal, "(4,8)" when negative.
export function formatChangePercent(value, { lang } = {}) {
  if (missing(value)) return DASH;
  return withSign(value, { lang, fractionDigits: 1 });
}

// Sign of a decimal string: -1, 0 or 1 (0 for null too).
export function signOf(decimal) {
  if (missing(decimal)) return 0;
  const match = DECIMAL_RE.exec(String(decimal).trim());
  if (!match) throw new RangeError(`dashboard: "${decimal}" is not a decimal`);
  if (/^0*$/.test(match[2]) && /^0*$/.test(match[3] ?? '')) return 0;
  return match[1] ? -1 : 1;
}

// A decimal string as a BigInt of ten-thousandths ("97.18" → 971800n), for exact
// comparisons of percentages.
function tenThousandths(decimal) {
  const match = DECIMAL_RE.exec(String(decimal).trim());
  if (!match) throw new RangeError(`dashboard: "${decimal}" is not a decimal`);
  const [, sign = '', intPart, fracPart = ''] = match;
  return BigInt(`${sign}${intPart}${fracPart.padEnd(4, '0').slice(0, 4)}`);
}

// The achievement dot of a % Ach (issue 6): 'good' above 100 %, 'warn' from 95 %, else
// 'bad'; null when there is none.
export function achievementTone(percent) {
  if (missing(percent)) return null;
  const value = tenThousandths(percent);
  if (value > 1000000n) return 'good';
  if (value >= 950000n) return 'warn';
  return 'bad';
}

// A % Ach: two decimals like every percentage.
export function formatAchievement(percent, { lang } = {}) {
  if (missing(percent)) return DASH;
  return withSign(percent, { lang, fractionDigits: 2 });
}

// 'good' | 'bad' | 'neutral' for a change, by the metric's good direction.
export function changeTone(change, riseIsGood) {
  const sign = signOf(change);
  if (sign === 0) return 'neutral';
  return (sign > 0) === Boolean(riseIsGood) ? 'good' : 'bad';
}

function monthName(month, lang) {
  return MONTHS[lang === 'en' ? 'en' : 'id'][month - 1];
}

// "2025-10-09" → "09-Okt-25" (id) / "09-Oct-25" (en); null → "–".
export function columnDate(iso, { lang } = {}) {
  if (missing(iso)) return DASH;
  const match = ISO_DATE_RE.exec(iso);
  if (!match) throw new RangeError(`dashboard: "${iso}" is not a yyyy-mm-dd date`);
  return `${match[3]}-${monthName(Number(match[2]), lang)}-${match[1].slice(2)}`;
}

// "2025-10" (or a date in that month) → "Okt'25".
export function monthHeader(iso, { lang } = {}) {
  if (missing(iso)) return DASH;
  const match = ISO_MONTH_RE.exec(String(iso).slice(0, 7));
  if (!match) throw new RangeError(`dashboard: "${iso}" is not a yyyy-mm month`);
  return `${monthName(Number(match[2]), lang)}'${match[1].slice(2)}`;
}

// "2025-10-09" → "09/10/2025"; null → "–".
export function tableDate(iso) {
  return formatDate(iso, { empty: DASH });
}

// A figure as a plain number for chart geometry only (bar heights, line points); labels
// and tooltips use the exact strings above.
export function chartNumber(value, kind, unit = DEFAULT_UNIT) {
  if (missing(value)) return null;
  return Number(kind === 'amount' ? scaleAmount(value, unit) : value);
}
