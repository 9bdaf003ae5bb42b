// View data (/data/view/, admins): loan_data a page of rows at a time, filtered by position
// (the latest by default), kanca, unit, segment and grade, searched, sorted by any column of
// the table, paged with the server's cursors (keyset paging), counted, exported. The view
// (filters, sort and page) lives in the URL, so back/forward and reload keep it.
import { ApiError, apiGet } from './api.mjs';
import { bindUrlState, stateToSearch } from './dashboard_state.mjs';
import { clearFormErrors, el, showAlert, showFormError } from './dom.mjs';
import { formatDate } from './format.mjs';
import { pageLang, t } from './i18n.mjs';
import { EMPTY, countText, effectiveDir, nextSort, overXlsxLimit, pageText, valueText } from './view_data_format.mjs';

const $ = (id) => document.getElementById(id);
const form = $('view-data-filter');
const feedback = $('view-data-feedback');
const tbody = $('view-data-tbody');
const stateBox = $('view-data-state');
const countBox = $('view-data-count');
const table = $('view-data-table');
const headers = [...table.querySelectorAll('thead th[data-sort]')];
const SORTABLE = headers.map((th) => th.dataset.sort);
const FILTERS = ['position', 'kanca', 'unit', 'segment', 'grade', 'q'];
const lang = pageLang();

const SCHEMA = {
  position: { fallback: '' }, // '' = the latest position
  kanca: { fallback: '' },
  unit: { fallback: '' },
  segment: { fallback: '' },
  grade: { fallback: '', values: ['1', '2', '3', '4', '5'] },
  q: { fallback: '' },
  sort: { fallback: 'periode', values: SORTABLE },
  dir: { fallback: '', values: ['asc', 'desc'] },
  after: { fallback: '' },
  before: { fallback: '' },
  page: { fallback: '1', values: (value) => /^[1-9]\d{0,6}$/.test(value) },
};

let options = null; // GET /api/v1/loan-data/options
let columns = new Map(); // name → { type, header }
let url = null;
let answer = null; // the page shown
let count = null; // the count of the filters shown
let countedFor = null; // the filters `count` belongs to
let generation = 0; // bumped for every load, so an older answer is dropped

// ---- the filter form ----------------------------------------------------------------

function option(value, text) {
  return el('option', { attrs: { value }, text });
}

function fillPositions(selected) {
  const [latest, ...older] = options.positions;
  const list = [];
  list.push(option('', latest ? t('view_data.position.latest', { date: formatDate(latest) }) : EMPTY));
  list.push(option('all', t('view_data.position.all')));
  for (const position of older) list.push(option(position, formatDate(position)));
  if (selected && selected !== 'all' && !options.positions.includes(selected)) {
    list.push(option(selected, formatDate(selected)));
  }
  $('view-data-position').replaceChildren(...list);
}

function fillUnits(kanca) {
  const units = options.units.filter((unit) => !kanca || unit.kanca === kanca);
  $('view-data-unit').replaceChildren(option('', t('view_data.unit.all')),
    ...units.map((unit) => option(unit.code, unit.name ? `${unit.code} · ${unit.name}` : unit.code)));
}

function fillSelects() {
  $('view-data-kanca').replaceChildren(option('', t('view_data.kanca.all')),
    ...options.kancas.map((kanca) => option(kanca.id, kanca.code ? `${kanca.code} · ${kanca.name}` : kanca.name)));
  $('view-data-segment').replaceChildren(option('', t('view_data.segment.all')),
    ...options.segments.map((segment) => option(segment, segment)));
  $('view-data-grade').replaceChildren(option('', t('view_data.grade.all')),
    ...options.grades.map((grade) => option(String(grade), String(grade))));
}

// A value the URL names that the lists lack still shows (and filters), never silently dropped.
function selectValue(select, value) {
  if (value && ![...select.options].some((item) => item.value === value)) select.append(option(value, value));
  select.value = value;
}

function fillForm(state) {
  fillPositions(state.position);
  fillUnits(state.kanca);
  for (const name of FILTERS) {
    const input = form.elements.namedItem(name);
    if (input instanceof HTMLSelectElement) selectValue(input, state[name]);
    else input.value = state[name];
  }
}

function formFilters() {
  const filters = {};
  for (const name of FILTERS) filters[name] = form.elements.namedItem(name).value.trim();
  return filters;
}

// ---- the table ----------------------------------------------------------------------

function cell(row, name) {
  const { type } = columns.get(name);
  const text = valueText(type, row[name], lang);
  const numeric = type === 'amount' || type === 'integer';
  const td = el('td', { className: numeric ? 'text-end' : '' });
  if (name === 'nomor_rekening' || name === 'cif_no' || name === 'kode_uker') {
    td.append(el('span', { className: 'view-data-code', text }));
  } else if (name === 'code') {
    td.append(el('span', { className: 'view-data-code', text }), ' ', el('span', { className: 'view-data-muted', text: row.segment }));
  } else {
    td.textContent = text;
  }
  return td;
}

function rowElement(row, index) {
  const tr = el('tr', {
    attrs: { tabindex: '0', 'aria-label': t('view_data.row.title', { account: row.nomor_rekening, date: formatDate(row.periode) }) },
    dataset: { index: String(index) },
  }, SORTABLE.map((name) => cell(row, name)));
  return tr;
}

function showSort(state) {
  const dir = effectiveDir(state.sort, state.dir);
  for (const th of headers) {
    const active = th.dataset.sort === state.sort;
    th.setAttribute('aria-sort', active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none');
    th.querySelector('i').className = active ? `bi bi-caret-${dir === 'asc' ? 'up' : 'down'}-fill` : 'bi';
  }
}

function showMessage(text, retry = false) {
  stateBox.hidden = !text;
  if (!text) return;
  const parts = [text];
  if (retry) {
    const button = el('button', { className: 'btn btn-sm btn-outline-primary ms-2', attrs: { type: 'button' }, text: t('view_data.retry') });
    button.addEventListener('click', () => url.show());
    parts.push(button);
  }
  stateBox.replaceChildren(...parts);
}

function showPager(state) {
  const page = Number(state.page);
  $('view-data-page').textContent = pageText(page, options.page_rows, answer.rows.length, lang);
  $('view-data-prev').disabled = !answer.prev;
  $('view-data-next').disabled = !answer.next;
}

function showCount() {
  countBox.textContent = count ? countText(count, lang) : '';
}

function apiQuery(state) {
  const query = {};
  for (const name of [...FILTERS, 'sort', 'dir', 'after', 'before']) query[name] = state[name];
  return stateToSearch(Object.fromEntries(Object.keys(query).map((name) => [name, { fallback: '' }])), query);
}

function filtersKey(state) {
  return JSON.stringify(FILTERS.map((name) => state[name]));
}

function showExportLinks(state) {
  const filters = {};
  for (const name of [...FILTERS, 'sort', 'dir']) filters[name] = state[name];
  const schema = Object.fromEntries(Object.keys(filters).map((name) => [name, { fallback: '' }]));
  const query = stateToSearch(schema, filters).replace(/^\?/, '');
  for (const format of ['csv', 'xlsx']) {
    $(`view-data-export-${format}`).href = `/api/v1/loan-data/export?format=${format}${query ? `&${query}` : ''}`;
  }
}

// ---- loading ------------------------------------------------------------------------

async function loadCount(state) {
  const key = filtersKey(state);
  if (countedFor === key) return;
  countedFor = key;
  count = null;
  countBox.textContent = t('view_data.count.counting');
  try {
    const search = apiQuery({ ...state, sort: '', dir: '', after: '', before: '' });
    const answerCount = await apiGet(`/api/v1/loan-data/count${search}`);
    if (countedFor !== key) return; // the filters changed meanwhile
    count = answerCount;
    showCount();
  } catch (error) {
    if (countedFor !== key) return;
    countedFor = null;
    countBox.textContent = t('view_data.count.failed');
    if (error.status === 401) throw error;
  }
}

async function show(state) {
  const mine = ++generation;
  fillForm(state);
  clearFormErrors(form);
  showSort(state);
  showExportLinks(state);
  table.setAttribute('aria-busy', 'true');
  showMessage(t('view_data.loading'));
  loadCount(state).catch(() => {});
  try {
    const page = await apiGet(`/api/v1/loan-data${apiQuery(state)}`);
    if (mine !== generation) return;
    answer = page;
    tbody.replaceChildren(...answer.rows.map(rowElement));
    if (answer.rows.length) showMessage('');
    else showMessage(options.positions.length ? t('view_data.empty') : t('view_data.no_data'));
    showPager(state);
  } catch (error) {
    if (mine !== generation || !(error instanceof ApiError)) return;
    if (error.status === 401) return;
    if (error.field === 'after' || error.field === 'before') {
      showAlert(feedback, 'warning', error.message);
      url.update({ after: '', before: '', page: '1' });
      return;
    }
    if (error.field && showFormError(form, error.field, error.message)) {
      showMessage('');
      tbody.replaceChildren();
      return;
    }
    tbody.replaceChildren();
    showMessage(t('view_data.load_failed', { message: error.message }), true);
  } finally {
    if (mine === generation) table.setAttribute('aria-busy', 'false');
  }
}

// ---- the row dialog -----------------------------------------------------------------

function openRow(row) {
  const facts = [];
  for (const [name, column] of columns) {
    facts.push(el('dt', { text: column.header }), el('dd', { text: valueText(column.type, row[name], lang) }));
  }
  facts.push(el('dt', { text: t('view_data.row.segment') }), el('dd', { text: row.segment }));
  facts.push(el('dt', { text: t('view_data.row.upload') }), el('dd', { text: row.upload_id ?? EMPTY }));
  $('view-data-row-facts').replaceChildren(...facts);
  $('view-data-row-title').textContent = t('view_data.row.title', { account: row.nomor_rekening, date: formatDate(row.periode) });
  window.bootstrap.Modal.getOrCreateInstance($('view-data-row-modal')).show();
}

function rowAt(target) {
  const tr = target.closest('tr[data-index]');
  return tr && answer ? answer.rows[Number(tr.dataset.index)] : null;
}

// ---- events -------------------------------------------------------------------------

const restart = { after: '', before: '', page: '1' };

form.addEventListener('submit', (event) => {
  event.preventDefault();
  url.update({ ...formFilters(), ...restart });
});

$('view-data-reset').addEventListener('click', () => {
  const cleared = Object.fromEntries(FILTERS.map((name) => [name, '']));
  url.update({ ...cleared, sort: 'periode', dir: '', ...restart });
});

$('view-data-kanca').addEventListener('change', (event) => {
  fillUnits(event.target.value);
});

for (const th of headers) {
  th.querySelector('button').addEventListener('click', () => {
    const state = url.get();
    url.update({ ...nextSort({ sort: state.sort, dir: effectiveDir(state.sort, state.dir) }, th.dataset.sort), ...restart });
  });
}

$('view-data-next').addEventListener('click', () => {
  if (!answer?.next) return;
  url.update({ after: answer.next, before: '', page: String(Number(url.get().page) + 1) });
});

$('view-data-prev').addEventListener('click', () => {
  if (!answer?.prev) return;
  url.update({ before: answer.prev, after: '', page: String(Math.max(1, Number(url.get().page) - 1)) });
});

tbody.addEventListener('click', (event) => {
  const row = rowAt(event.target);
  if (row) openRow(row);
});

tbody.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter' && event.key !== ' ') return;
  const row = rowAt(event.target);
  if (!row) return;
  event.preventDefault();
  openRow(row);
});

$('view-data-export-xlsx').addEventListener('click', (event) => {
  if (!overXlsxLimit(count, options.xlsx_max_rows)) return;
  event.preventDefault();
  showAlert(feedback, 'warning', t('view_data.export.xlsx_too_many', { max: valueText('integer', options.xlsx_max_rows, lang) }));
});

async function start() {
  try {
    options = await apiGet('/api/v1/loan-data/options');
  } catch (error) {
    if (error.status === 401) return;
    const retry = el('button', { className: 'btn btn-sm btn-outline-primary ms-2', attrs: { type: 'button' }, text: t('view_data.retry') });
    retry.addEventListener('click', start);
    stateBox.hidden = false;
    stateBox.replaceChildren(t('view_data.load_failed', { message: error.message }), retry);
    return;
  }
  columns = new Map(options.columns.map((column) => [column.name, column]));
  fillSelects();
  url = bindUrlState(SCHEMA, show);
  url.show();
}

start();
