// The upload history (/data/history/): every upload, newest first, 25 a page, filtered by
// file name, status, uploader and upload date. Filters and page live in the URL, so a view
// can be bookmarked and back/forward walk through views. While any upload on the page is
// queued or processing the page asks again every few seconds, so its progress moves.
import { ApiError, apiGet } from './api.mjs';
import { bindUrlState, stateToSearch } from './dashboard_state.mjs';
import { clearFormErrors, el, showAlert, showFormError } from './dom.mjs';
import { formatDateTime, formatNumber } from './format.mjs';
import { t } from './i18n.mjs';
import { RUNNING, durationText, positionsCell, progressCell, uploaderLabel } from './history_format.mjs';
import { bytesLabel, statusBadge } from './upload_format.mjs';

const POLL_MS = 2000;
const FINISHED = new Set(['completed', 'failed']);

const SCHEMA = {
  name: { fallback: '' },
  status: { fallback: '' },
  uploader: { fallback: '' },
  from: { fallback: '' },
  to: { fallback: '' },
  page: { fallback: '1', values: (value) => /^[1-9]\d{0,6}$/.test(value) },
};
const FILTERS = ['name', 'status', 'uploader', 'from', 'to'];

const $ = (id) => document.getElementById(id);
const form = $('history-filter');
const feedback = $('history-feedback');
const tbody = $('history-tbody');
const stateBox = $('history-state');

let generation = 0;  // bumped for every load, so an older answer is dropped
let pollTimer = null;

// ---- the filter form -----------------------------------------------------------------

// The uploader choices: everyone in the history, the command line, and whoever the URL
// names even when they are not (any more) in it, so the select never hides a filter.
function fillUploaders(uploaders, commandLine, selected) {
  const select = $('history-uploader');
  const options = [el('option', { attrs: { value: '' }, text: t('history.filter.uploader_all') })];
  for (const uploader of uploaders) {
    options.push(el('option', { attrs: { value: String(uploader.id) }, text: uploader.name }));
  }
  if (commandLine || selected === 'cli') {
    options.push(el('option', { attrs: { value: 'cli' }, text: t('history.command_line') }));
  }
  if (selected && !options.some((option) => option.value === selected)) {
    options.push(el('option', { attrs: { value: selected }, text: t('history.filter.uploader_id', { id: selected }) }));
  }
  select.replaceChildren(...options);
  select.value = selected;
}

function fillForm(state) {
  for (const name of FILTERS) {
    const input = form.elements.namedItem(name);
    if (name === 'uploader' && ![...input.options].some((option) => option.value === state.uploader)) {
      fillUploaders([], false, state.uploader);
    }
    input.value = state[name];
  }
}

// ---- the table -----------------------------------------------------------------------

function rowsCell(upload, field) {
  const known = FINISHED.has(upload.status);
  return el('td', { className: 'text-end', text: known ? formatNumber(upload[field] ?? 0) : '-' });
}

function uploadRow(upload) {
  const link = el('a', { className: 'fw-semibold history-file', attrs: { href: `/data/history/${upload.id}/` }, text: upload.file_name });
  const status = [statusBadge(upload.status)];
  if (RUNNING.has(upload.status)) status.push(progressCell(upload));
  const positions = upload.periodes.map((item) => item.periode).join(', ');
  return el('tr', { dataset: { uploadId: upload.id, status: upload.status } }, [
    el('td', { className: 'history-file-cell' }, [link]),
    el('td', { className: upload.uploaded_by ? '' : 'fst-italic', text: uploaderLabel(upload) }),
    el('td', { text: formatDateTime(upload.created_at) }),
    el('td', { className: 'text-end text-nowrap', text: bytesLabel(upload.file_size) }),
    el('td', { className: 'text-nowrap', attrs: { title: positions || null } }, positionsCell(upload.periodes)),
    rowsCell(upload, 'rows_total'),
    rowsCell(upload, 'rows_accepted'),
    rowsCell(upload, 'rows_rejected'),
    el('td', {}, status),
    el('td', { className: 'text-end text-nowrap', text: durationText(upload) }),
  ]);
}

function showPager(answer, state) {
  const from = answer.total ? (answer.page - 1) * answer.per_page + 1 : 0;
  const to = Math.min(answer.total, answer.page * answer.per_page);
  $('history-count').textContent = answer.total
    ? t('history.count', { from: formatNumber(from), to: formatNumber(to), total: formatNumber(answer.total) })
    : '';
  const page = Number(state.page);
  const links = [['history-prev', page - 1, page > 1], ['history-next', page + 1, to < answer.total]];
  for (const [id, target, enabled] of links) {
    const link = $(id);
    link.href = url.href({ page: String(target) });
    link.classList.toggle('disabled', !enabled);
    link.setAttribute('aria-disabled', String(!enabled));
  }
}

function showMessage(text) {
  stateBox.hidden = !text;
  stateBox.replaceChildren(text);
}

// `quiet`: a progress refresh, which leaves the filter form as the admin is editing it.
function render(answer, state, quiet) {
  tbody.replaceChildren(...answer.uploads.map(uploadRow));
  if (!quiet) fillUploaders(answer.uploaders, answer.command_line, state.uploader);
  const filtered = FILTERS.some((name) => state[name] !== '');
  if (answer.uploads.length) showMessage('');
  else if (answer.total) showMessage(t('history.page_empty'));
  else showMessage(filtered ? t('history.empty_filtered') : t('history.empty'));
  showPager(answer, state);
}

// ---- loading -------------------------------------------------------------------------

function stopPolling() {
  if (pollTimer !== null) window.clearTimeout(pollTimer);
  pollTimer = null;
}

async function load(state, { quiet = false } = {}) {
  stopPolling();
  const current = ++generation;
  if (!quiet) {
    clearFormErrors(form);
    feedback.replaceChildren();
    stateBox.hidden = false;
    stateBox.replaceChildren(el('span', { className: 'spinner-border spinner-border-sm me-2', attrs: { 'aria-hidden': 'true' } }), t('history.loading'));
  }
  try {
    const answer = await apiGet(`/api/v1/uploads/history${stateToSearch(SCHEMA, state)}`);
    if (current !== generation) return;
    render(answer, state, quiet);
    if (answer.uploads.some((upload) => RUNNING.has(upload.status))) {
      pollTimer = window.setTimeout(() => load(state, { quiet: true }), POLL_MS);
    }
  } catch (error) {
    if (current !== generation) return;
    showMessage('');
    if (error instanceof ApiError && error.status === 400 && error.field) {
      showFormError(form, error.field, error.message);
      return;
    }
    showAlert(feedback, 'danger', error.message);
    if (quiet) pollTimer = window.setTimeout(() => load(state, { quiet: true }), POLL_MS * 5);
  }
}

const url = bindUrlState(SCHEMA, (state) => {
  fillForm(state);
  load(state);
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const changes = { page: '1' };
  for (const name of FILTERS) changes[name] = form.elements.namedItem(name).value.trim();
  url.update(changes);
});

$('history-reset').addEventListener('click', () => {
  url.update(Object.fromEntries([...FILTERS.map((name) => [name, '']), ['page', '1']]));
});

for (const id of ['history-prev', 'history-next']) {
  $(id).addEventListener('click', (event) => {
    event.preventDefault();
    const link = event.currentTarget;
    if (link.classList.contains('disabled')) return;
    url.update({ page: new URL(link.href).searchParams.get('page') ?? '1' });
  });
}

url.show();
