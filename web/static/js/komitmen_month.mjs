// /data/komitmen/{YYYY-MM}/: a month's targets as a table under the file's four group
// headers (amounts in Rp juta), each cell editable in place (click, type, Enter saves, Esc
// cancels; the server's message shows by the cell), the upload's issues, and deleting the
// month after a confirmation.
import { apiDelete, apiGet, apiPatch } from './api.mjs';
import { clearFormErrors, el, setFormBusy, showAlert, showFormError } from './dom.mjs';
import { formatNumber } from './format.mjs';
import { t } from './i18n.mjs';
import {
  editableTarget, formatTarget, GROUPS, issueTables, MEASURES, monthLabel, uploadedWhen,
} from './komitmen_format.mjs';

const app = document.getElementById('komitmen-month-app');
const month = app.dataset.month;
const tbody = document.getElementById('komitmen-tbody');
const state = document.getElementById('komitmen-month-state');
const feedback = document.getElementById('komitmen-month-feedback');
const deleteForm = document.getElementById('komitmen-delete-form');

let view = null; // the month as last loaded, kept current by edits

function showInfo() {
  const { upload } = view;
  document.getElementById('komitmen-month-info').textContent = t('komitmen.month.info', {
    file: upload.file_name, user: upload.uploaded_by, when: uploadedWhen(upload.uploaded_at),
    edits: formatNumber(upload.edits),
  });
  document.getElementById('komitmen-month-count').textContent = t('komitmen.month.units', { count: formatNumber(view.units.length) });
}

function header() {
  const unitColumns = [t('komitmen.col.kode_kanca'), t('komitmen.col.kode_uker'), t('komitmen.col.kanca'),
    t('komitmen.col.uker')].map((label) => el('th', { text: label, attrs: { scope: 'col', rowspan: '2' } }));
  const groups = GROUPS.map((group) =>
    el('th', { className: 'text-center komitmen-group', text: group.label, attrs: { scope: 'colgroup', colspan: String(MEASURES.length) } }));
  const measures = GROUPS.flatMap((group) => MEASURES.map((measure) =>
    el('th', { className: 'text-end', text: measure, attrs: { scope: 'col', title: `${group.label} ${measure}` } })));
  return [el('tr', {}, [...unitColumns, ...groups]), el('tr', {}, measures)];
}

function targetCell(unit, group, measure) {
  const value = unit.targets[group.code][measure];
  return el('td', {
    className: 'text-end komitmen-cell',
    text: formatTarget(value, measure),
    attrs: { tabindex: '0', role: 'button', 'aria-label': t('komitmen.month.edit_label', { uker: unit.uker, group: group.label, measure }) },
    dataset: { group: group.code, measure },
  });
}

function unitRow(unit) {
  const name = el('td', { text: unit.uker }, [
    unit.known ? null : el('div', { className: 'reference-note text-warning-emphasis', text: t('komitmen.month.unknown') }),
  ]);
  const cells = GROUPS.flatMap((group) => MEASURES.map((measure) => targetCell(unit, group, measure)));
  return el('tr', { dataset: { kodeUker: unit.kode_uker } }, [
    el('td', { className: 'reference-code', text: unit.kode_kanca }),
    el('td', { className: 'reference-code', text: unit.kode_uker }),
    el('td', { text: unit.kanca }),
    name,
    ...cells,
  ]);
}

function unitOf(cell) {
  const code = cell.closest('tr').dataset.kodeUker;
  return view.units.find((unit) => unit.kode_uker === code);
}

function closeEditor(cell) {
  const unit = unitOf(cell);
  const { group, measure } = cell.dataset;
  cell.classList.remove('komitmen-editing');
  cell.replaceChildren(formatTarget(unit.targets[group][measure], measure));
}

async function save(cell, input, error) {
  const unit = unitOf(cell);
  const { group, measure } = cell.dataset;
  input.disabled = true;
  try {
    const result = await apiPatch(`/api/v1/komitmen/${month}/targets`,
      { kode_uker: unit.kode_uker, group, measure, value: input.value });
    unit.targets[group][measure] = result.after;
    view.upload.edits = result.edits;
    showInfo();
    closeEditor(cell);
    cell.classList.add('komitmen-saved');
    cell.focus();
  } catch (problem) {
    input.disabled = false;
    input.classList.add('is-invalid');
    error.textContent = problem.message;
    input.focus();
  }
}

function openEditor(cell) {
  if (cell.classList.contains('komitmen-editing')) return;
  const unit = unitOf(cell);
  const { group, measure } = cell.dataset;
  const input = el('input', {
    className: 'form-control form-control-sm text-end komitmen-input',
    attrs: { value: editableTarget(unit.targets[group][measure], measure), inputmode: 'decimal', 'aria-label': cell.getAttribute('aria-label') },
  });
  const error = el('div', { className: 'invalid-feedback komitmen-cell-error', attrs: { role: 'alert' } });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      save(cell, input, error);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      closeEditor(cell);
      cell.focus();
    }
  });
  cell.classList.remove('komitmen-saved');
  cell.classList.add('komitmen-editing');
  cell.replaceChildren(input, error);
  input.focus();
  input.select();
}

tbody.addEventListener('click', (event) => {
  const cell = event.target.closest('.komitmen-cell');
  if (cell && !event.target.closest('input')) openEditor(cell);
});
tbody.addEventListener('keydown', (event) => {
  const cell = event.target.closest('.komitmen-cell');
  if (cell && event.target === cell && (event.key === 'Enter' || event.key === 'F2')) {
    event.preventDefault();
    openEditor(cell);
  }
});

function deleteModal() {
  return window.bootstrap.Modal.getOrCreateInstance(document.getElementById('komitmen-delete-modal'));
}

document.getElementById('komitmen-delete').addEventListener('click', () => {
  if (!view) return;
  clearFormErrors(deleteForm);
  document.getElementById('komitmen-delete-title').textContent = t('komitmen.month.delete_title', { month: monthLabel(month) });
  document.getElementById('komitmen-delete-text').textContent =
    t('komitmen.month.delete_text', { month: monthLabel(month), units: formatNumber(view.units.length) });
  deleteModal().show();
});

deleteForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  setFormBusy(deleteForm, true);
  try {
    await apiDelete(`/api/v1/komitmen/${month}`);
    window.location.assign('/data/komitmen/');
  } catch (error) {
    setFormBusy(deleteForm, false);
    if (error.status !== 401) showFormError(deleteForm, null, error.message);
  }
});

async function load() {
  document.getElementById('komitmen-month-heading').textContent = t('komitmen.month.heading', { month: monthLabel(month) });
  try {
    view = await apiGet(`/api/v1/komitmen/${month}`);
  } catch (error) {
    state.textContent = error.message;
    document.getElementById('komitmen-delete').disabled = true;
    if (error.status !== 401) showAlert(feedback, 'warning', error.message);
    return;
  }
  showInfo();
  document.getElementById('komitmen-thead').replaceChildren(...header());
  tbody.replaceChildren(...view.units.map(unitRow));
  state.hidden = true;
  const tables = issueTables('komitmen-month', view.issues);
  document.getElementById('komitmen-month-issues').replaceChildren(...tables);
  document.getElementById('komitmen-no-issues').hidden = tables.length > 0;
}

load();
