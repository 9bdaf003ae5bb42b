// The audit log (admins): filters in the address (a plain GET form, so a filtered view
// can be bookmarked and the back button works), one page of entries newest first with
// links to newer and older pages (keyset cursors from the API), and the CSV of every
// entry the filters match. Read-only: the API has no way to change an entry.
import { apiGet } from './api.mjs';
import { el, showAlert } from './dom.mjs';
import {
  ACTION_GROUPS, actionLabel, detailEntries, filterParams, formatAuditTime, withQuery,
} from './audit_format.mjs';
import { formatNumber } from './format.mjs';
import { t } from './i18n.mjs';

const PAGE = '/accounts/audit/';
const root = document.getElementById('audit-app');
const timeZone = root.dataset.timezone;
const form = document.getElementById('audit-filters');
const actorSelect = document.getElementById('audit-actor');
const actionSelect = document.getElementById('audit-action');
const tbody = document.getElementById('audit-tbody');
const stateBox = document.getElementById('audit-state');
const countBox = document.getElementById('audit-count');
const feedback = document.getElementById('audit-feedback');
const exportLink = document.getElementById('audit-export');
const pageLinks = {
  newest: document.getElementById('audit-newest'),
  newer: document.getElementById('audit-newer'),
  older: document.getElementById('audit-older'),
};

const query = new URLSearchParams(window.location.search);
const filters = filterParams(window.location.search);
const usernames = new Map(); // user id (text) → username, to name "user:12" targets

// ---- the filter form ------------------------------------------------------------------

function fillActionSelect(selected) {
  for (const group of ACTION_GROUPS) {
    const optgroup = el('optgroup', { attrs: { label: group.label() } }, [
      el('option', { text: t('audit.filter.category_all', { category: group.label() }), attrs: { value: group.category } }),
      ...group.actions.map(([action, label]) => el('option', { text: label(), attrs: { value: action } })),
    ]);
    actionSelect.append(optgroup);
  }
  // An action this page does not list (written by a newer server) can still be filtered.
  if (selected && ![...actionSelect.options].some((option) => option.value === selected)) {
    actionSelect.append(el('option', { text: selected, attrs: { value: selected } }));
  }
  actionSelect.value = selected;
}

function fillActorSelect(users, selected) {
  for (const user of users) {
    usernames.set(String(user.id), user.username);
    actorSelect.append(el('option', { text: user.username, attrs: { value: String(user.id) } }));
  }
  if (selected && ![...actorSelect.options].some((option) => option.value === selected)) {
    actorSelect.append(el('option', { text: `#${selected}`, attrs: { value: selected } }));
  }
  actorSelect.value = selected;
}

function fillForm() {
  for (const name of ['from', 'to', 'q']) form.elements.namedItem(name).value = filters.get(name) || '';
  fillActionSelect(filters.get('action') || '');
}

// Blank fields would only clutter the address; the server treats them as absent anyway.
form.addEventListener('submit', (event) => {
  event.preventDefault();
  const params = filterParams(new URLSearchParams(new FormData(form)).toString());
  window.location.assign(withQuery(PAGE, params));
});

// ---- the table ------------------------------------------------------------------------

function muted(text) {
  return el('span', { className: 'text-body-secondary', text });
}

function actorCell(entry) {
  return el('td', { className: 'audit-actor' }, [
    entry.actor_name ? document.createTextNode(entry.actor_name) : muted(t('audit.none')),
    entry.actor_id === null
      ? el('div', { className: 'small text-body-secondary', text: t('audit.no_account') })
      : null,
  ]);
}

function targetCell(entry) {
  if (!entry.target) return el('td', {}, [muted(t('audit.none'))]);
  const match = /^user:(\d+)$/.exec(entry.target);
  const name = match ? usernames.get(match[1]) : undefined;
  return el('td', { className: 'audit-target' }, [
    entry.target,
    name ? el('div', { className: 'small text-body-secondary', text: name }) : null,
  ]);
}

function detailCell(entry) {
  const rows = detailEntries(entry.detail);
  if (rows.length === 0) return el('td', {}, [muted(t('audit.none'))]);
  const list = el('dl', { className: 'audit-detail' });
  for (const row of rows) {
    list.append(el('dt', { text: row.label, attrs: { title: row.key || null } }), el('dd', { text: row.text }));
  }
  return el('td', { className: 'audit-detail-cell' }, [list]);
}

function entryRow(entry) {
  return el('tr', { dataset: { id: String(entry.id), action: entry.action } }, [
    el('td', { className: 'audit-time' }, [
      el('time', { text: formatAuditTime(entry.at, timeZone), attrs: { datetime: entry.at, title: entry.at } }),
    ]),
    actorCell(entry),
    el('td', { className: 'audit-action' }, [
      el('div', { text: actionLabel(entry.action) }),
      el('div', { className: 'audit-code', text: entry.action }),
    ]),
    targetCell(entry),
    detailCell(entry),
    el('td', { className: 'audit-ip' }, [entry.ip_address ? entry.ip_address : muted(t('audit.none'))]),
  ]);
}

function showPageLinks(answer) {
  const paged = query.has('before') || query.has('after');
  pageLinks.newest.hidden = !paged || answer.newer === null;
  pageLinks.newer.hidden = answer.newer === null;
  pageLinks.older.hidden = answer.older === null;
  pageLinks.newest.href = withQuery(PAGE, filters);
  if (answer.newer !== null) pageLinks.newer.href = withQuery(PAGE, filters, { after: answer.newer });
  if (answer.older !== null) pageLinks.older.href = withQuery(PAGE, filters, { before: answer.older });
  document.getElementById('audit-pages').hidden = Object.values(pageLinks).every((link) => link.hidden);
}

function render(answer) {
  tbody.replaceChildren(...answer.entries.map(entryRow));
  stateBox.removeAttribute('aria-busy');
  stateBox.hidden = answer.entries.length > 0;
  stateBox.textContent = t('audit.empty');
  countBox.textContent = answer.entries.length
    ? t('audit.count', { count: formatNumber(answer.entries.length) }) : '';
  showPageLinks(answer);
}

async function loadActors() {
  try {
    const { users } = await apiGet('/api/v1/users');
    fillActorSelect(users, filters.get('actor') || '');
  } catch {
    // The list only offers names: the filter still works from the address without it.
    fillActorSelect([], filters.get('actor') || '');
  }
}

async function loadEntries() {
  const cursor = { before: query.get('before'), after: query.get('after') };
  try {
    render(await apiGet(withQuery('/api/v1/audit', filters, cursor)));
  } catch (error) {
    stateBox.removeAttribute('aria-busy');
    stateBox.hidden = true;
    if (error.status !== 401) showAlert(feedback, 'danger', error.message);
  }
}

document.getElementById('audit-col-time').textContent = t('audit.col.time', { zone: root.dataset.zone });
exportLink.href = withQuery('/api/v1/audit.csv', filters);
fillForm();
// The actors first: targets such as "user:12" are shown with their username.
loadActors().finally(loadEntries);
