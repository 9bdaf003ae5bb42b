// Unit tests for web/static/js/dashboard_format.mjs: amounts scaled by moving the decimal
// point of the API's strings, parentheses for negative changes, 2-decimal percentages and
// 1-decimal change %, "–" for missing figures, 09-Okt-25 / Okt'25 headers and the
// good/bad direction of a change. Figures from domain.md section 10 where they fit.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
  DASH,
  achievementTone,
  changeTone,
  chartNumber,
  columnDate,
  formatAchievement,
  formatAmount,
  formatChange,
  formatChangePercent,
  formatValue,
  monthHeader,
  scaleAmount,
  signOf,
  tableDate,
  unitLabel,
} from '../../../web/static/js/dashboard_format.mjs';

describe('scaleAmount', () => {
  test('moves the decimal point 0, 6 or 9 places', () => {
    assert.equal(scaleAmount('17400000000.00', 'rp'), '17400000000.00');
    assert.equal(scaleAmount('17400000000.00', 'juta'), '17400.00000000');
    assert.equal(scaleAmount('17400000000.00', 'm'), '17.40000000000');
  });

  test('pads amounts smaller than the unit with zeros', () => {
    assert.equal(scaleAmount('400000.50', 'juta'), '0.40000050');
    assert.equal(scaleAmount('5', 'm'), '0.000000005');
    assert.equal(scaleAmount('-800000000.00', 'juta'), '-800.00000000');
  });

  test('keeps every digit beyond float precision', () => {
    assert.equal(scaleAmount('123456789012345678901.23', 'juta'), '123456789012345.67890123');
  });

  test('refuses what is not a decimal string or a known unit', () => {
    assert.throws(() => scaleAmount('1e9', 'juta'), RangeError);
    assert.throws(() => scaleAmount('1.000,00', 'juta'), RangeError);
    assert.throws(() => scaleAmount('1', 'ribu'), RangeError);
  });
});

describe('formatAmount and formatValue', () => {
  test('the worked example\'s totals in Rp juta (the default unit)', () => {
    assert.equal(formatAmount('17400000000.00'), '17.400');
    assert.equal(formatAmount('900000000.00'), '900');
    assert.equal(formatAmount('2400000000.00', { lang: 'en' }), '2,400');
  });

  test('Rp shows whole rupiah and Rp M two decimals', () => {
    assert.equal(formatAmount('17400000000.00', { unit: 'rp' }), '17.400.000.000');
    assert.equal(formatAmount('17400000000.00', { unit: 'm' }), '17,40');
    assert.equal(formatAmount('17400000000.00', { unit: 'm', lang: 'en' }), '17.40');
    assert.equal(formatAmount('1234567.89', { unit: 'rp' }), '1.234.568');
  });

  test('rounds half away from zero after scaling', () => {
    assert.equal(formatAmount('1500000.00'), '2');
    assert.equal(formatAmount('1499999.99'), '1');
    assert.equal(formatAmount('-1500000.00'), '(2)');
    assert.equal(formatAmount('12345000.00', { unit: 'm' }), '0,01');
  });

  test('negative amounts in parentheses, never a negative zero', () => {
    assert.equal(formatAmount('-800000000.00'), '(800)');
    assert.equal(formatAmount('-400000.00'), '0');
  });

  test('a missing figure is an en dash, never 0', () => {
    assert.equal(DASH, '–');
    assert.equal(formatAmount(null), '–');
    assert.equal(formatValue(undefined, 'amount'), '–');
    assert.equal(formatValue(null, 'percent'), '–');
    assert.equal(formatValue(null, 'count'), '–');
  });

  test('percentages with 2 decimals and counts whole, whatever the unit', () => {
    assert.equal(formatValue('5.1724', 'percent', { unit: 'rp' }), '5,17');
    assert.equal(formatValue('12.1622', 'percent', { lang: 'en' }), '12.16');
    assert.equal(formatValue('0.0000', 'percent'), '0,00');
    assert.equal(formatValue('5', 'count', { unit: 'm' }), '5');
    assert.equal(formatValue('12345', 'count'), '12.345');
    assert.equal(formatValue('37.5000', 'percent'), '37,50');
  });

  test('an unknown metric kind is a bug, not a blank', () => {
    assert.throws(() => formatValue('1', 'ratio'), RangeError);
  });
});

describe('changes', () => {
  test('a change shows like its value, negative in parentheses', () => {
    assert.equal(formatChange('800000000.00', 'amount'), '800');
    assert.equal(formatChange('-2150000000.00', 'amount'), '(2.150)');
    assert.equal(formatChange('-0.5000', 'percent'), '(0,50)');
    assert.equal(formatChange('-1', 'count'), '(1)');
  });

  test('change % with one decimal', () => {
    assert.equal(formatChangePercent('4.8193'), '4,8');
    assert.equal(formatChangePercent('14.0984'), '14,1');
    assert.equal(formatChangePercent('51.3043', { lang: 'en' }), '51.3');
    assert.equal(formatChangePercent('-4.8193'), '(4,8)');
    assert.equal(formatChangePercent(null), '–');
  });
});

describe('direction colours', () => {
  test('a rise is good for OS and NSB, bad for DPK, NPL, LR, LAR', () => {
    assert.equal(changeTone('800000000.00', true), 'good');
    assert.equal(changeTone('-800000000.00', true), 'bad');
    assert.equal(changeTone('500000000.00', false), 'bad');
    assert.equal(changeTone('-0.0100', false), 'good');
  });

  test('no change or a missing one is neutral', () => {
    assert.equal(changeTone('0.00', true), 'neutral');
    assert.equal(changeTone('-0.00', false), 'neutral');
    assert.equal(changeTone(null, true), 'neutral');
  });

  test('signOf reads the string', () => {
    assert.equal(signOf('0.0001'), 1);
    assert.equal(signOf('-0.0001'), -1);
    assert.equal(signOf('000'), 0);
    assert.throws(() => signOf('abc'), RangeError);
  });
});

describe('dates and units', () => {
  test('column headers 09-Okt-25 in Indonesian, 09-Oct-25 in English', () => {
    assert.equal(columnDate('2025-10-09'), '09-Okt-25');
    assert.equal(columnDate('2025-10-09', { lang: 'en' }), '09-Oct-25');
    assert.equal(columnDate('2024-12-31'), '31-Des-24');
    assert.equal(columnDate('2025-05-02', { lang: 'en' }), '02-May-25');
    assert.equal(columnDate('2025-08-15'), '15-Agu-25');
    assert.equal(columnDate(null), '–');
    assert.throws(() => columnDate('09/10/2025'), RangeError);
  });

  test("month headers Okt'25", () => {
    assert.equal(monthHeader('2025-10'), "Okt'25");
    assert.equal(monthHeader('2025-10-09', { lang: 'en' }), "Oct'25");
    assert.equal(monthHeader('2024-05'), "Mei'24");
    assert.equal(monthHeader(null), '–');
  });

  test('table dates dd/mm/yyyy', () => {
    assert.equal(tableDate('2025-10-09'), '09/10/2025');
    assert.equal(tableDate(null), '–');
  });

  test('unit labels, the default for anything unknown', () => {
    assert.equal(unitLabel('rp'), 'Rp');
    assert.equal(unitLabel('juta'), 'Rp juta');
    assert.equal(unitLabel('m'), 'Rp M');
    assert.equal(unitLabel('x'), 'Rp juta');
  });

  test('chart numbers follow the unit and keep null gaps', () => {
    assert.equal(chartNumber('17400000000.00', 'amount', 'juta'), 17400);
    assert.equal(chartNumber('17400000000.00', 'amount', 'm'), 17.4);
    assert.equal(chartNumber('5.1724', 'percent', 'juta'), 5.1724);
    assert.equal(chartNumber(null, 'amount', 'juta'), null);
  });
});

describe('achievement dot (issue 6)', () => {
  test('above 100 % is green, from 95 % amber, below red', () => {
    assert.equal(achievementTone('110.0000'), 'good');
    assert.equal(achievementTone('100.0001'), 'good');
    assert.equal(achievementTone('100.0000'), 'warn');
    assert.equal(achievementTone('95.0000'), 'warn');
    assert.equal(achievementTone('94.9999'), 'bad');
    assert.equal(achievementTone('0.0000'), 'bad');
  });

  test('no achievement has no dot; % Ach shows 2 decimals', () => {
    assert.equal(achievementTone(null), null);
    assert.equal(formatAchievement(null), DASH);
    assert.equal(formatAchievement('104.5455'), '104,55');
    assert.equal(formatAchievement('97.1831', { lang: 'en' }), '97.18');
  });
});
