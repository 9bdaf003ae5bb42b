// Unit tests for web/static/js/view_data_format.mjs: a loan row's values as View data
// shows them, the count and page lines, the XLSX limit check and the sort a click asks for.
// Outside a page t() answers with its key and {placeholders} filled.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
  EMPTY, countText, effectiveDir, nextSort, overXlsxLimit, pageText, valueText,
} from '../../../web/static/js/view_data_format.mjs';

describe('values', () => {
  test('amounts keep every digit of their decimal string, in each language', () => {
    assert.equal(valueText('amount', '12345678901234567.89', 'id'), '12.345.678.901.234.567,89');
    assert.equal(valueText('amount', '12345678901234567.89', 'en'), '12,345,678,901,234,567.89');
    assert.equal(valueText('amount', '-1500.5', 'id'), '-1.500,50');
    assert.equal(valueText('rate', '11.5000', 'id'), '11,5000');
    assert.equal(valueText('integer', 106, 'id'), '106');
    assert.equal(valueText('integer', 1500, 'id'), '1.500');
  });

  test('dates show day first, flags as words, missing values as a dash', () => {
    assert.equal(valueText('date', '2025-10-09', 'id'), '09/10/2025');
    assert.equal(valueText('flag', true, 'id'), 'view_data.flag.yes');
    assert.equal(valueText('flag', false, 'id'), 'view_data.flag.no');
    for (const type of ['text', 'date', 'amount', 'flag']) {
      assert.equal(valueText(type, null, 'id'), EMPTY);
      assert.equal(valueText(type, undefined, 'id'), EMPTY);
    }
    assert.equal(valueText('text', '<b>PT Satu</b>', 'id'), '<b>PT Satu</b>', 'text stays text');
  });
});

describe('counts and pages', () => {
  test('an exact count, one stopped at its cap and one stopped in time read differently', () => {
    assert.equal(countText({ count: 41, exact: true, bound: 'exact' }, 'id'), 'view_data.count.exact');
    assert.equal(countText({ count: 100000, exact: false, bound: 'more_than' }, 'id'), 'view_data.count.more');
    assert.equal(countText({ count: 4200, exact: false, bound: 'at_least' }, 'id'), 'view_data.count.at_least');
  });

  test('an XLSX is refused ahead only when the rows are known to pass the limit', () => {
    assert.equal(overXlsxLimit(null, 10), false);
    assert.equal(overXlsxLimit({ count: 10, bound: 'exact' }, 10), false);
    assert.equal(overXlsxLimit({ count: 11, bound: 'exact' }, 10), true);
    assert.equal(overXlsxLimit({ count: 10, bound: 'more_than' }, 10), true);
    assert.equal(overXlsxLimit({ count: 5, bound: 'more_than' }, 10), false);
    assert.equal(overXlsxLimit({ count: 10, bound: 'at_least' }, 10), false);
    assert.equal(overXlsxLimit({ count: 11, bound: 'at_least' }, 10), true);
  });

  test('the page line names the rows shown', () => {
    assert.equal(pageText(1, 100, 0, 'id'), 'view_data.page.none');
    assert.equal(pageText(3, 100, 100, 'id'), 'view_data.page.info');
  });
});

describe('sorting', () => {
  test('a click on the sorted column turns it round, on another starts it afresh', () => {
    assert.deepEqual(nextSort({ sort: 'os', dir: 'asc' }, 'os'), { sort: 'os', dir: 'desc' });
    assert.deepEqual(nextSort({ sort: 'os', dir: 'desc' }, 'os'), { sort: 'os', dir: 'asc' });
    assert.deepEqual(nextSort({ sort: 'os', dir: 'desc' }, 'periode'), { sort: 'periode', dir: 'desc' });
    assert.deepEqual(nextSort({ sort: 'periode', dir: 'desc' }, 'nama_debitur'), { sort: 'nama_debitur', dir: 'asc' });
  });

  test('without a direction the position goes newest first, the rest smallest first', () => {
    assert.equal(effectiveDir('periode', ''), 'desc');
    assert.equal(effectiveDir('os', ''), 'asc');
    assert.equal(effectiveDir('os', 'desc'), 'desc');
  });
});
