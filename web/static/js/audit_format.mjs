// The audit log's words and shapes, apart from the page so node can test them: the known
// actions by category (labels translated; an action added later shows as its raw name),
// times in the bank's clock, detail objects as readable key/value text, and the filters
// as they travel in the address.
import { formatNumber } from './format.mjs';
import { t } from './i18n.mjs';

// Every action the server writes today, grouped as the action filter offers them. A
// category's value ("auth") matches each of its actions ("auth.sign_in", ...).
export const ACTION_GROUPS = [
  { category: 'auth', label: () => t('audit.category.auth'), actions: [
    ['auth.sign_in', () => t('audit.action.auth.sign_in')],
    ['auth.sign_in_failed', () => t('audit.action.auth.sign_in_failed')],
    ['auth.sign_out', () => t('audit.action.auth.sign_out')],
  ] },
  { category: 'user', label: () => t('audit.category.user'), actions: [
    ['user.create', () => t('audit.action.user.create')],
    ['user.update', () => t('audit.action.user.update')],
    ['user.password_change', () => t('audit.action.user.password_change')],
    ['user.reset_admin', () => t('audit.action.user.reset_admin')],
  ] },
  { category: 'upload', label: () => t('audit.category.upload'), actions: [
    ['upload.stage', () => t('audit.action.upload.stage')],
    ['upload.process', () => t('audit.action.upload.process')],
    ['upload.cancel', () => t('audit.action.upload.cancel')],
    ['upload.retry', () => t('audit.action.upload.retry')],
    ['upload.load', () => t('audit.action.upload.load')],
  ] },
  { category: 'data', label: () => t('audit.category.data'), actions: [
    ['data.delete', () => t('audit.action.data.delete')],
  ] },
  { category: 'segment_map', label: () => t('audit.category.segment_map'), actions: [
    ['segment_map.add', () => t('audit.action.segment_map.add')],
    ['segment_map.change', () => t('audit.action.segment_map.change')],
    ['segment_map.remove', () => t('audit.action.segment_map.remove')],
  ] },
  { category: 'unit_master', label: () => t('audit.category.unit_master'), actions: [
    ['unit_master.edit', () => t('audit.action.unit_master.edit')],
    ['unit_master.remove', () => t('audit.action.unit_master.remove')],
    ['unit_master.import', () => t('audit.action.unit_master.import')],
  ] },
];

const ACTION_LABELS = new Map(ACTION_GROUPS.flatMap((group) => group.actions));

// "Masuk" for "auth.sign_in"; the action itself when this page does not know it.
export function actionLabel(action) {
  const label = ACTION_LABELS.get(action);
  return label ? label() : String(action);
}

const DETAIL_LABELS = {
  username: () => t('audit.detail.username'),
  role: () => t('audit.detail.role'),
  first_name: () => t('audit.detail.first_name'),
  last_name: () => t('audit.detail.last_name'),
  email: () => t('audit.detail.email'),
  phone_number: () => t('audit.detail.phone_number'),
  is_active: () => t('audit.detail.is_active'),
  password: () => t('audit.detail.password'),
  unlock: () => t('audit.detail.unlock'),
  file: () => t('audit.detail.file'),
  file_name: () => t('audit.detail.file_name'),
  file_size: () => t('audit.detail.file_size'),
  number_style: () => t('audit.detail.number_style'),
  can_process: () => t('audit.detail.can_process'),
  problem: () => t('audit.detail.problem'),
  rows_accepted: () => t('audit.detail.rows_accepted'),
  rows_rejected: () => t('audit.detail.rows_rejected'),
  rows_replaced: () => t('audit.detail.rows_replaced'),
  rows_deleted: () => t('audit.detail.rows_deleted'),
  periodes: () => t('audit.detail.periodes'),
  code: () => t('audit.detail.code'),
  before: () => t('audit.detail.before'),
  after: () => t('audit.detail.after'),
  added: () => t('audit.detail.added'),
  changed: () => t('audit.detail.changed'),
  unchanged: () => t('audit.detail.unchanged'),
  invalid: () => t('audit.detail.invalid'),
};

// Lists longer than this show their first items and how many more (the unit master
// import lists every unit it wrote).
const MAX_LIST_ITEMS = 10;

function pad2(number) {
  return String(number).padStart(2, '0');
}

// formatAuditTime("2025-10-09T01:02:03Z", "Asia/Jakarta") → "09/10/2025 08:02:03": the
// server's display zone, not the browser's, so every admin reads the same clock.
export function formatAuditTime(iso, timeZone) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  let parts;
  try {
    parts = new Intl.DateTimeFormat('en-GB', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
    }).formatToParts(date);
  } catch {
    // An unknown zone name: the browser's own clock is better than nothing.
    return `${pad2(date.getDate())}/${pad2(date.getMonth() + 1)}/${date.getFullYear()} `
      + `${pad2(date.getHours())}:${pad2(date.getMinutes())}:${pad2(date.getSeconds())}`;
  }
  const part = Object.fromEntries(parts.map(({ type, value }) => [type, value]));
  return `${part.day}/${part.month}/${part.year} ${part.hour}:${part.minute}:${part.second}`;
}

// One detail value as text: numbers in the page's style, yes/no, lists joined, nested
// objects as "key: value" pairs. Text only: the caller puts it in with textContent.
export function detailValueText(value) {
  if (value === null || value === undefined || value === '') return t('audit.none');
  if (typeof value === 'boolean') return value ? t('audit.yes') : t('audit.no');
  if (typeof value === 'number') return Number.isSafeInteger(value) ? formatNumber(value) : String(value);
  if (Array.isArray(value)) {
    const shown = value.slice(0, MAX_LIST_ITEMS).map(detailValueText).join(', ');
    if (value.length <= MAX_LIST_ITEMS) return shown;
    return `${shown} ${t('audit.more', { count: formatNumber(value.length - MAX_LIST_ITEMS) })}`;
  }
  if (typeof value === 'object') {
    const pairs = Object.entries(value).map(([key, inner]) => `${detailLabel(key)}: ${detailValueText(inner)}`);
    return `{${pairs.join('; ')}}`;
  }
  return String(value);
}

export function detailLabel(key) {
  const label = Object.prototype.hasOwnProperty.call(DETAIL_LABELS, key) ? DETAIL_LABELS[key] : null;
  return label ? label() : key;
}

// The detail object as [{ key, label, text }], in the server's order; a detail that is not
// an object (never written today) becomes one row without a label.
export function detailEntries(detail) {
  if (detail === null || typeof detail !== 'object' || Array.isArray(detail)) {
    return detail === null || detail === undefined ? [] : [{ key: '', label: '', text: detailValueText(detail) }];
  }
  const pairs = Object.entries(detail);
  // PostgreSQL (jsonb) stores keys shortest first, so "after" comes before "before"; a
  // change reads the other way round.
  const after = pairs.findIndex(([key]) => key === 'after');
  const before = pairs.findIndex(([key]) => key === 'before');
  if (after >= 0 && before > after) pairs.splice(after, 0, ...pairs.splice(before, 1));
  return pairs.map(([key, value]) => ({ key, label: detailLabel(key), text: detailValueText(value) }));
}

export const FILTER_NAMES = ['actor', 'action', 'from', 'to', 'q'];

// The filters of an address's query string, blanks dropped, in a fixed order.
export function filterParams(search) {
  const given = new URLSearchParams(search);
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const value = (given.get(name) || '').trim();
    if (value) params.set(name, value);
  }
  return params;
}

// `base` with the filters and, optionally, one page cursor ({ before } or { after }).
export function withQuery(base, filters, cursor = {}) {
  const params = new URLSearchParams(filters);
  for (const name of ['before', 'after']) {
    if (cursor[name] !== undefined && cursor[name] !== null) params.set(name, String(cursor[name]));
  }
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}
