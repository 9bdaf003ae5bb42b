// Number, money and date formatting for the pages, in Indonesian (default) or English.
//
// Money arrives from the API as exact decimal STRINGS ("1234567.89") and is formatted
// digit by digit, never through a float, so a balance of 12.345.678.901.234,56 prints
// exactly. Dates are shown as dd/mm/yyyy in both languages (the bank's convention).

const SEPARATORS = {
  id: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

const DECIMAL_RE = /^([+-])?(\d+)(?:\.(\d*))?$/;

// The page's language from <html lang>, or Indonesian outside a browser.
export function currentLang() {
  const lang = typeof document !== 'undefined' ? document.documentElement.lang : '';
  return lang === 'en' ? 'en' : 'id';
}

function separatorsFor(lang) {
  return SEPARATORS[lang === 'en' ? 'en' : 'id'];
}

// Turns the accepted inputs into a canonical decimal string. Strings must be plain
// decimals ("-1234.5"); numbers are accepted only when they are safe integers, because a
// fractional float has already lost exactness; bigint is exact.
function toDecimalString(value) {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) {
      throw new TypeError(`format: pass money and fractional numbers as decimal strings, got ${value}`);
    }
    return String(value);
  }
  if (typeof value === 'string') return value.trim();
  throw new TypeError(`format: expected a decimal string, got ${typeof value}`);
}

// Splits "-001234.5678" into { negative, intDigits: "1234", fracDigits: "5678" }.
function parseDecimal(text) {
  const match = DECIMAL_RE.exec(text);
  if (!match) throw new RangeError(`format: "${text}" is not a decimal number`);
  const intDigits = match[2].replace(/^0+(?=\d)/, '');
  return { negative: match[1] === '-', intDigits, fracDigits: match[3] ?? '' };
}

// Adds one to a string of decimal digits ("199" → "200", "99" → "100").
function incrementDigits(digits) {
  const out = digits.split('');
  let idx = out.length - 1;
  while (idx >= 0) {
    if (out[idx] === '9') {
      out[idx] = '0';
      idx -= 1;
    } else {
      out[idx] = String(Number(out[idx]) + 1);
      return out.join('');
    }
  }
  return `1${out.join('')}`;
}

// Rounds half away from zero to `digits` fraction digits, on the strings themselves.
function roundDecimal({ negative, intDigits, fracDigits }, digits) {
  if (fracDigits.length <= digits) {
    return { negative, intDigits, fracDigits: fracDigits.padEnd(digits, '0') };
  }
  const kept = intDigits + fracDigits.slice(0, digits);
  const roundUp = fracDigits.charCodeAt(digits) >= '5'.charCodeAt(0);
  let all = roundUp ? incrementDigits(kept) : kept;
  all = all.padStart(digits + 1, '0');
  const cut = all.length - digits;
  return { negative, intDigits: all.slice(0, cut), fracDigits: all.slice(cut) };
}

function groupThousands(intDigits, separator) {
  return intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

function isZero(parts) {
  return /^0*$/.test(parts.intDigits) && /^0*$/.test(parts.fracDigits);
}

// The formatted absolute value plus its sign, shared by money and plain numbers.
function formatParts(value, { lang, fractionDigits }) {
  const sep = separatorsFor(lang ?? currentLang());
  const parts = roundDecimal(parseDecimal(toDecimalString(value)), fractionDigits);
  const body = groupThousands(parts.intDigits, sep.group) +
    (fractionDigits > 0 ? sep.decimal + parts.fracDigits : '');
  return { body, negative: parts.negative && !isZero(parts) };
}

function checkDigits(fractionDigits) {
  if (!Number.isInteger(fractionDigits) || fractionDigits < 0 || fractionDigits > 20) {
    throw new RangeError(`format: fractionDigits must be an integer 0..20, got ${fractionDigits}`);
  }
}

// formatRupiah("1234567.89") → "Rp 1.234.567,89" (id) or "Rp 1,234,567.89" (en).
// Options: lang ("id"/"en"; default the page's), fractionDigits (default 2),
// negative: "minus" (default, "-Rp 1.000,00") or "parens" ("(Rp 1.000,00)"),
// empty: what null/undefined/"" show as (default "-").
export function formatRupiah(value, options = {}) {
  const { lang, fractionDigits = 2, negative = 'minus', empty = '-' } = options;
  if (value === null || value === undefined || value === '') return empty;
  checkDigits(fractionDigits);
  const { body, negative: isNegative } = formatParts(value, { lang, fractionDigits });
  const text = `Rp ${body}`;
  if (!isNegative) return text;
  return negative === 'parens' ? `(${text})` : `-${text}`;
}

// formatNumber("1234.5", { fractionDigits: 1 }) → "1.234,5"; formatNumber(1500) → "1.500".
// Numbers must be safe integers; decimals come as strings, like money.
export function formatNumber(value, options = {}) {
  const { lang, fractionDigits = 0, negative = 'minus', empty = '-' } = options;
  if (value === null || value === undefined || value === '') return empty;
  checkDigits(fractionDigits);
  const { body, negative: isNegative } = formatParts(value, { lang, fractionDigits });
  if (!isNegative) return body;
  return negative === 'parens' ? `(${body})` : `-${body}`;
}

function pad2(number) {
  return String(number).padStart(2, '0');
}

const DATE_ONLY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

// formatDate("2025-10-31") → "31/10/2025". A full ISO timestamp is shown as the local date.
export function formatDate(value, { empty = '-' } = {}) {
  if (value === null || value === undefined || value === '') return empty;
  const match = DATE_ONLY_RE.exec(String(value));
  if (match) return `${match[3]}/${match[2]}/${match[1]}`;
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`format: "${value}" is not a date`);
  return `${pad2(date.getDate())}/${pad2(date.getMonth() + 1)}/${date.getFullYear()}`;
}

// formatDateTime("2025-10-31T07:05:00Z") → "31/10/2025 14:05" in the browser's time zone
// (WIB in the bank). A 24-hour clock in both languages.
export function formatDateTime(value, { empty = '-' } = {}) {
  if (value === null || value === undefined || value === '') return empty;
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`format: "${value}" is not a date-time`);
  return `${pad2(date.getDate())}/${pad2(date.getMonth() + 1)}/${date.getFullYear()} ` +
    `${pad2(date.getHours())}:${pad2(date.getMinutes())}`;
}
