// Unit tests for web/static/js/dashboard_state.mjs's pure half: a view's state from the
// query string and back, with fallbacks for absent or unacceptable values, so bookmarks
// round-trip and a hand-edited URL cannot select something that does not exist.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { parseState, stateToSearch, storedUnit, unitField } from '../../../web/static/js/dashboard_state.mjs';

const schema = {
  group: { fallback: 'SME', values: ['SME', 'MEDIUM', 'SMALL_KUR', 'KUR'] },
  metric: { fallback: 'os', values: ['os', 'npl', 'npl_pct'] },
  position: { fallback: '', values: (value) => /^\d{4}-\d{2}-\d{2}$/.test(value) },
  kanca: { fallback: 'all' },
  unit: unitField(),
};

describe('parseState', () => {
  test('an empty query string is every fallback (juta outside a browser)', () => {
    assert.deepEqual(parseState(schema, ''), { group: 'SME', metric: 'os', position: '', kanca: 'all', unit: 'juta' });
  });

  test('reads accepted values', () => {
    assert.deepEqual(
      parseState(schema, '?group=SMALL_KUR&metric=npl_pct&position=2025-10-09&kanca=25&unit=m'),
      { group: 'SMALL_KUR', metric: 'npl_pct', position: '2025-10-09', kanca: '25', unit: 'm' },
    );
  });

  test('values outside the list or failing the predicate fall back', () => {
    assert.deepEqual(
      parseState(schema, '?group=small&metric=DROP&position=09/10/2025&unit=ribu'),
      { group: 'SME', metric: 'os', position: '', kanca: 'all', unit: 'juta' },
    );
  });

  test('decodes what URLSearchParams encodes (a kanca without a code)', () => {
    assert.equal(parseState(schema, '?kanca=k%3Akc+baru').kanca, 'k:kc baru');
  });

  test('a field absent from the URL asks its `absent` function each time', () => {
    let remembered = 'rp';
    const withMemory = { unit: { fallback: 'juta', absent: () => remembered, values: ['rp', 'juta', 'm'] } };
    assert.equal(parseState(withMemory, '').unit, 'rp');
    remembered = 'm';
    assert.equal(parseState(withMemory, '').unit, 'm');
    assert.equal(parseState(withMemory, '?unit=juta').unit, 'juta');
  });
});

describe('stateToSearch', () => {
  test('leaves fallbacks out, so the default view is the bare path', () => {
    assert.equal(stateToSearch(schema, parseState(schema, '')), '');
  });

  test('round-trips a chosen view in the schema order', () => {
    const state = { unit: 'm', kanca: 'k:kc baru', position: '2025-10-09', metric: 'npl', group: 'KUR' };
    const search = stateToSearch(schema, state);
    assert.equal(search, '?group=KUR&metric=npl&position=2025-10-09&kanca=k%3Akc+baru&unit=m');
    assert.deepEqual(parseState(schema, search), { group: 'KUR', metric: 'npl', position: '2025-10-09', kanca: 'k:kc baru', unit: 'm' });
  });

  test('ignores keys the schema does not name', () => {
    assert.equal(stateToSearch(schema, { group: 'KUR', other: 'x' }), '?group=KUR');
  });
});

describe('remembered unit', () => {
  test('without a browser storage it is the default, Rp juta', () => {
    assert.equal(storedUnit(), 'juta');
  });
});
