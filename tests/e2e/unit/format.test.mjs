// Unit tests for web/static/js/format.mjs: exact money from decimal strings, numbers,
// and dd/mm/yyyy dates, in Indonesian and English.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
  currentLang,
  formatDate,
  formatDateTime,
  formatNumber,
  formatRupiah,
} from '../../../web/static/js/format.mjs';

describe('formatRupiah', () => {
  test('formats a decimal string the Indonesian way by default', () => {
    assert.equal(formatRupiah('1234567.89'), 'Rp 1.234.567,89');
  });

  test('formats the English way when asked', () => {
    assert.equal(formatRupiah('1234567.89', { lang: 'en' }), 'Rp 1,234,567.89');
  });

  test('pads missing decimals and keeps small numbers ungrouped', () => {
    assert.equal(formatRupiah('0'), 'Rp 0,00');
    assert.equal(formatRupiah('5.5'), 'Rp 5,50');
    assert.equal(formatRupiah('999'), 'Rp 999,00');
    assert.equal(formatRupiah('1000'), 'Rp 1.000,00');
  });

  test('is exact beyond float precision', () => {
    assert.equal(formatRupiah('12345678901234567890.12'), 'Rp 12.345.678.901.234.567.890,12');
    assert.equal(formatRupiah('0.1'), 'Rp 0,10');
    assert.equal(formatRupiah('9007199254740993.01'), 'Rp 9.007.199.254.740.993,01');
  });

  test('rounds half away from zero on the digits', () => {
    assert.equal(formatRupiah('1.005'), 'Rp 1,01');
    assert.equal(formatRupiah('1.004'), 'Rp 1,00');
    assert.equal(formatRupiah('999999.995'), 'Rp 1.000.000,00');
    assert.equal(formatRupiah('-2.345'), '-Rp 2,35');
    assert.equal(formatRupiah('0.995'), 'Rp 1,00');
  });

  test('supports other fraction digit counts', () => {
    assert.equal(formatRupiah('1234567.89', { fractionDigits: 0 }), 'Rp 1.234.568');
    assert.equal(formatRupiah('1234567.49', { fractionDigits: 0 }), 'Rp 1.234.567');
    assert.equal(formatRupiah('1.5', { fractionDigits: 3, lang: 'en' }), 'Rp 1.500');
  });

  test('shows negatives with a minus or in parentheses', () => {
    assert.equal(formatRupiah('-1234567.89'), '-Rp 1.234.567,89');
    assert.equal(formatRupiah('-1234567.89', { negative: 'parens' }), '(Rp 1.234.567,89)');
    assert.equal(formatRupiah('-1234567.89', { negative: 'parens', lang: 'en' }), '(Rp 1,234,567.89)');
  });

  test('never shows a negative zero', () => {
    assert.equal(formatRupiah('-0.001'), 'Rp 0,00');
    assert.equal(formatRupiah('-0', { negative: 'parens' }), 'Rp 0,00');
  });

  test('accepts a plus sign, surrounding spaces and leading zeros', () => {
    assert.equal(formatRupiah('+42'), 'Rp 42,00');
    assert.equal(formatRupiah('  0007.5 '), 'Rp 7,50');
  });

  test('accepts safe integers and bigints but refuses fractional numbers', () => {
    assert.equal(formatRupiah(1500000), 'Rp 1.500.000,00');
    assert.equal(formatRupiah(123456789012345678901234567890n), 'Rp 123.456.789.012.345.678.901.234.567.890,00');
    assert.throws(() => formatRupiah(0.1), TypeError);
    assert.throws(() => formatRupiah(2 ** 60), TypeError);
  });

  test('refuses text that is not a plain decimal', () => {
    for (const bad of ['abc', '1,5', '1.2.3', '1e5', '.5', '--1', 'Rp 1']) {
      assert.throws(() => formatRupiah(bad), RangeError, bad);
    }
    assert.throws(() => formatRupiah({}), TypeError);
  });

  test('shows a dash (or the given text) for missing values', () => {
    assert.equal(formatRupiah(null), '-');
    assert.equal(formatRupiah(undefined), '-');
    assert.equal(formatRupiah(''), '-');
    assert.equal(formatRupiah(null, { empty: 'n/a' }), 'n/a');
  });
});

describe('formatNumber', () => {
  test('groups integers by language', () => {
    assert.equal(formatNumber(1234567), '1.234.567');
    assert.equal(formatNumber(1234567, { lang: 'en' }), '1,234,567');
    assert.equal(formatNumber('0'), '0');
  });

  test('formats decimal strings with the requested digits', () => {
    assert.equal(formatNumber('1234.5', { fractionDigits: 1 }), '1.234,5');
    assert.equal(formatNumber('1234.56', { fractionDigits: 1, lang: 'en' }), '1,234.6');
    assert.equal(formatNumber('98.7654', { fractionDigits: 2 }), '98,77');
    assert.equal(formatNumber('-1234.5'), '-1.235');
    assert.equal(formatNumber('-12', { negative: 'parens' }), '(12)');
  });

  test('rejects bad fraction digit counts', () => {
    assert.throws(() => formatNumber('1', { fractionDigits: -1 }), RangeError);
    assert.throws(() => formatNumber('1', { fractionDigits: 1.5 }), RangeError);
  });
});

describe('formatDate', () => {
  test('turns an ISO date into dd/mm/yyyy without time-zone shifts', () => {
    assert.equal(formatDate('2025-10-31'), '31/10/2025');
    assert.equal(formatDate('2024-02-29'), '29/02/2024');
    assert.equal(formatDate('2025-01-01'), '01/01/2025');
  });

  test('shows a full timestamp as its local date', () => {
    const local = new Date(2025, 9, 31, 23, 59);
    assert.equal(formatDate(local), '31/10/2025');
    assert.equal(formatDate(local.toISOString()), '31/10/2025');
  });

  test('handles missing and invalid values', () => {
    assert.equal(formatDate(null), '-');
    assert.equal(formatDate(''), '-');
    assert.throws(() => formatDate('not a date'), RangeError);
  });
});

describe('formatDateTime', () => {
  test('shows local dd/mm/yyyy HH:MM on a 24-hour clock', () => {
    const local = new Date(2025, 9, 31, 14, 5, 59);
    assert.equal(formatDateTime(local.toISOString()), '31/10/2025 14:05');
    assert.equal(formatDateTime(new Date(2025, 0, 2, 3, 4)), '02/01/2025 03:04');
  });

  test('converts UTC timestamps to the local zone', () => {
    const iso = '2025-10-31T07:05:00Z';
    const expected = new Date(iso);
    const pad = (n) => String(n).padStart(2, '0');
    assert.equal(
      formatDateTime(iso),
      `${pad(expected.getDate())}/${pad(expected.getMonth() + 1)}/${expected.getFullYear()} ` +
        `${pad(expected.getHours())}:${pad(expected.getMinutes())}`,
    );
  });

  test('handles missing and invalid values', () => {
    assert.equal(formatDateTime(null), '-');
    assert.equal(formatDateTime(undefined, { empty: '' }), '');
    assert.throws(() => formatDateTime('2025-13-45T99:00:00Z'), RangeError);
  });
});

describe('currentLang', () => {
  test('is Indonesian outside a browser', () => {
    assert.equal(currentLang(), 'id');
  });
});
