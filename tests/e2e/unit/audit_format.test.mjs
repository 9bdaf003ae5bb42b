// Unit tests for web/static/js/audit_format.mjs: the audit log page's action labels, its
// clock (the server's zone, whatever the machine's), detail values as text, and the
// filters as they travel in the address.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';

import {
  ACTION_GROUPS, actionLabel, detailEntries, detailValueText, filterParams, formatAuditTime,
  withQuery,
} from '../../../web/static/js/audit_format.mjs';

const texts = (lang) => JSON.parse(readFileSync(new URL(`../../../web/i18n/${lang}/audit.json`, import.meta.url), 'utf8'));

describe('actions', () => {
  test('every listed action belongs to its category and has a label in both languages', () => {
    const id = texts('id');
    const en = texts('en');
    for (const group of ACTION_GROUPS) {
      assert.ok(`audit.category.${group.category}` in id, group.category);
      for (const [action, label] of group.actions) {
        assert.ok(action.startsWith(`${group.category}.`), action);
        // Outside a page t() answers with its key: the label is the key the server's
        // CSV export uses too (audit.action.<action>).
        assert.equal(label(), `audit.action.${action}`);
        assert.ok(`audit.action.${action}` in id && `audit.action.${action}` in en, action);
      }
    }
  });

  test('the actions the server writes are all listed', () => {
    const listed = ACTION_GROUPS.flatMap((group) => group.actions.map(([action]) => action));
    for (const action of ['auth.sign_in', 'auth.sign_in_failed', 'auth.sign_out', 'user.create',
      'user.update', 'upload.stage', 'upload.process', 'upload.cancel', 'upload.load',
      'upload.retry', 'data.delete', 'segment_map.change', 'unit_master.import']) {
      assert.ok(listed.includes(action), action);
    }
  });

  test('an action the page does not know shows as itself', () => {
    assert.equal(actionLabel('report.print'), 'report.print');
    assert.equal(actionLabel('auth.sign_out'), 'audit.action.auth.sign_out');
  });
});

describe('formatAuditTime', () => {
  test('shows dd/mm/yyyy HH:MM:SS in the given zone', () => {
    assert.equal(formatAuditTime('2025-10-09T01:02:03Z', 'Asia/Jakarta'), '09/10/2025 08:02:03');
    assert.equal(formatAuditTime('2025-12-31T17:00:00Z', 'Asia/Jakarta'), '01/01/2026 00:00:00');
    assert.equal(formatAuditTime('2025-12-31T17:00:00Z', 'UTC'), '31/12/2025 17:00:00');
  });

  test('leaves text that is not a time as it is', () => {
    assert.equal(formatAuditTime('kemarin', 'Asia/Jakarta'), 'kemarin');
  });
});

describe('detail', () => {
  test('values become text: yes/no, numbers, lists, nested objects, empty', () => {
    assert.equal(detailValueText(true), 'audit.yes');
    assert.equal(detailValueText(false), 'audit.no');
    assert.equal(detailValueText(1234567), '1.234.567');
    assert.equal(detailValueText(['2025-10-08', '2025-10-09']), '2025-10-08, 2025-10-09');
    assert.equal(detailValueText(null), 'audit.none');
    assert.equal(detailValueText({ kanca: 'KC Garut', office: false }), '{kanca: KC Garut; office: audit.no}');
  });

  test('long lists show their first ten items and how many more', () => {
    const text = detailValueText(Array.from({ length: 12 }, (_, index) => index + 1));
    assert.equal(text, '1, 2, 3, 4, 5, 6, 7, 8, 9, 10 audit.more');
  });

  test('markup stays text', () => {
    const [row] = detailEntries({ file_name: '<img src=x onerror=alert(1)>.csv' });
    assert.deepEqual(row, { key: 'file_name', label: 'audit.detail.file_name', text: '<img src=x onerror=alert(1)>.csv' });
  });

  test('a change reads before, then after, whatever order the database keeps', () => {
    const rows = detailEntries({ code: '42210', after: 'KUR', before: 'CC' });
    assert.deepEqual(rows.map((row) => row.key), ['code', 'before', 'after']);
  });

  test('unknown keys keep their name; a detail that is not an object is one row', () => {
    assert.deepEqual(detailEntries({ mode: 'range' }), [{ key: 'mode', label: 'mode', text: 'range' }]);
    assert.deepEqual(detailEntries('teks'), [{ key: '', label: '', text: 'teks' }]);
    assert.deepEqual(detailEntries({}), []);
  });
});

describe('filters in the address', () => {
  test('only the filters travel, blanks dropped, cursors added on request', () => {
    const params = filterParams('?actor=3&action=&q=%20budi%20&before=99&x=1');
    assert.equal(params.toString(), 'actor=3&q=budi');
    assert.equal(withQuery('/accounts/audit/', params, { before: 42 }), '/accounts/audit/?actor=3&q=budi&before=42');
    assert.equal(withQuery('/accounts/audit/', new URLSearchParams()), '/accounts/audit/');
  });
});
