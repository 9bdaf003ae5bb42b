// /data/komitmen/: the chosen target file goes to the server for a preview (month guessed
// from its name, what replacing the month changes, rejected rows, warnings; nothing saved),
// then the same file again when the admin applies it. Below, the history of uploads.
import { apiGet, apiPostFile } from './api.mjs';
import { clearFormErrors, el, showAlert, showFormError } from './dom.mjs';
import { formatNumber } from './format.mjs';
import { t } from './i18n.mjs';
import {
  formatTarget, GROUPS, issueTables, monthLabel, statusLabel, uploadedWhen,
} from './komitmen_format.mjs';

const app = document.getElementById('komitmen-app');
const feedback = document.getElementById('komitmen-feedback');
const form = document.getElementById('komitmen-upload-form');
const fileInput = document.getElementById('komitmen-file');
const reading = document.getElementById('komitmen-reading');
const preview = document.getElementById('komitmen-preview');
const monthForm = document.getElementById('komitmen-month-form');
const monthInput = document.getElementById('komitmen-month');
const applyButton = document.getElementById('komitmen-apply');
const maxBytes = Number(app.dataset.maxBytes);

let chosen = null; // the File previewed, sent again on apply
// A month asked for in the address (?month=2025-11, from a month's "upload again").
const askedMonth = new URLSearchParams(window.location.search).get('month');

function target(path, month) {
  const query = new URLSearchParams({ name: chosen.name });
  if (month) query.set('month', month);
  return `${path}?${query}`;
}

function groupLabel(code) {
  return (GROUPS.find((group) => group.code === code) || { label: code }).label;
}

function largestRow(change) {
  return el('tr', {}, [
    el('td', { className: 'reference-code', text: change.kode_uker }),
    el('td', { text: change.uker }),
    el('td', { text: `${groupLabel(change.group)} ${change.measure}` }),
    el('td', { className: 'text-end', text: formatTarget(change.before, change.measure) }),
    el('td', { className: 'text-end', text: formatTarget(change.after, change.measure) }),
    el('td', { className: 'text-end', text: formatTarget(change.difference, change.measure) }),
  ]);
}

function note(kind, text, id) {
  return el('div', { className: `alert alert-${kind} py-2 small`, text, attrs: { id } });
}

function changeNotes(result) {
  const notes = [];
  if (result.replaces) {
    const { replaces, changes } = result;
    notes.push(note('warning', t('komitmen.preview.replaces', {
      file: replaces.file_name, user: replaces.uploaded_by, when: uploadedWhen(replaces.uploaded_at),
    }), 'komitmen-replaces'));
    notes.push(note('info', t('komitmen.preview.changes', {
      added: formatNumber(changes.added), removed: formatNumber(changes.removed),
      changed: formatNumber(changes.changed), unchanged: formatNumber(changes.unchanged),
    }), 'komitmen-changes'));
  } else {
    notes.push(note('info', t('komitmen.preview.new_month', { month: monthLabel(result.month) }), 'komitmen-changes'));
  }
  if (!result.rows) notes.push(note('danger', t('komitmen.preview.no_rows'), 'komitmen-no-rows'));
  return notes;
}

function showPreview(result) {
  document.getElementById('komitmen-preview-title').textContent = t('komitmen.preview.title', { name: result.file.name });
  monthInput.value = result.month;
  document.getElementById('komitmen-month-note').textContent =
    result.month_guessed ? t('komitmen.preview.month_guessed') : t('komitmen.preview.month_given');
  document.getElementById('komitmen-describe').textContent = t('komitmen.preview.describe', { describe: result.file.describe });
  const stats = { rows: result.rows, rejected: result.rejected.length, warnings: result.warnings.length, unknown: result.unknown_units.length };
  for (const [stat, value] of Object.entries(stats)) {
    preview.querySelector(`[data-stat="${stat}"]`).textContent = formatNumber(value);
  }
  document.getElementById('komitmen-notes').replaceChildren(...changeNotes(result));
  const largest = result.replaces ? result.changes.largest : [];
  document.getElementById('komitmen-largest').hidden = !largest.length;
  document.getElementById('komitmen-largest-tbody').replaceChildren(...largest.map(largestRow));
  document.getElementById('komitmen-preview-issues').replaceChildren(...issueTables('komitmen-preview', result));
  applyButton.disabled = !result.rows;
  preview.hidden = false;
}

// A preview refused for its month still shows the month field, to choose one.
function showMonthProblem(message) {
  document.getElementById('komitmen-preview-title').textContent = t('komitmen.preview.title', { name: chosen.name });
  for (const node of preview.querySelectorAll('[data-stat]')) node.textContent = '';
  document.getElementById('komitmen-notes').replaceChildren();
  document.getElementById('komitmen-largest').hidden = true;
  document.getElementById('komitmen-preview-issues').replaceChildren();
  document.getElementById('komitmen-month-note').textContent = '';
  document.getElementById('komitmen-describe').textContent = '';
  applyButton.disabled = true;
  preview.hidden = false;
  showFormError(monthForm, null, message);
  monthInput.focus();
}

async function runPreview(month) {
  clearFormErrors(form);
  clearFormErrors(monthForm);
  reading.hidden = false;
  fileInput.disabled = true;
  try {
    showPreview(await apiPostFile(target('/api/v1/komitmen/preview', month), chosen));
  } catch (error) {
    if (error.status === 401) return;
    if (error.field === 'month') showMonthProblem(error.message);
    else {
      preview.hidden = true;
      showFormError(form, null, error.message);
    }
  } finally {
    reading.hidden = true;
    fileInput.disabled = false;
  }
}

function reset() {
  chosen = null;
  preview.hidden = true;
  form.reset();
  clearFormErrors(form);
  clearFormErrors(monthForm);
}

function historyRow(upload) {
  const month = upload.status === 'current'
    ? el('a', { text: monthLabel(upload.month), attrs: { href: `/data/komitmen/${upload.month}/` } })
    : monthLabel(upload.month);
  return el('tr', { dataset: { id: String(upload.id), month: upload.month, status: upload.status } }, [
    el('td', {}, [month]),
    el('td', { className: 'reference-code', text: upload.file_name }),
    el('td', { text: upload.uploaded_by }),
    el('td', { text: uploadedWhen(upload.uploaded_at) }),
    el('td', { className: 'text-end', text: formatNumber(upload.units) }),
    el('td', { className: 'text-end', text: formatNumber(upload.rejected) }),
    el('td', {}, [el('span', { className: `badge komitmen-status-${upload.status}`, text: statusLabel(upload.status) })]),
    el('td', { className: 'text-end', text: formatNumber(upload.edits) }),
  ]);
}

async function loadHistory() {
  const state = document.getElementById('komitmen-history-state');
  try {
    const { uploads } = await apiGet('/api/v1/komitmen');
    document.getElementById('komitmen-history-tbody').replaceChildren(...uploads.map(historyRow));
    state.textContent = uploads.length ? '' : t('komitmen.history.empty');
    state.hidden = uploads.length > 0;
  } catch (error) {
    state.textContent = error.message;
  }
}

fileInput.addEventListener('change', async () => {
  preview.hidden = true;
  chosen = fileInput.files[0] || null;
  if (!chosen) return;
  if (chosen.size > maxBytes) {
    showFormError(form, null, t('komitmen.upload.too_large', { size: `${formatNumber(Math.floor(maxBytes / 1048576))} MB` }));
    return;
  }
  await runPreview(askedMonth);
});

monthInput.addEventListener('change', () => {
  if (chosen && monthInput.value) runPreview(monthInput.value);
});

monthForm.addEventListener('submit', (event) => event.preventDefault());

applyButton.addEventListener('click', async () => {
  if (!chosen || applyButton.disabled) return;
  const spinner = applyButton.querySelector('.spinner-border');
  applyButton.disabled = true;
  spinner.hidden = false;
  try {
    const result = await apiPostFile(target('/api/v1/komitmen', monthInput.value), chosen);
    reset();
    showAlert(feedback, 'success', t('komitmen.applied', { month: monthLabel(result.month), units: formatNumber(result.rows) }));
    const alertBody = feedback.querySelector('.alert > div');
    alertBody.append(' ', el('a', { text: t('komitmen.applied_link'), attrs: { href: `/data/komitmen/${result.month}/`, id: 'komitmen-applied-link' } }));
    await loadHistory();
  } catch (error) {
    applyButton.disabled = false;
    if (error.status !== 401) showFormError(monthForm, null, error.message);
  } finally {
    spinner.hidden = true;
  }
});

document.getElementById('komitmen-cancel').addEventListener('click', reset);

loadHistory();
