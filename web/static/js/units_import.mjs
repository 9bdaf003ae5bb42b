// The unit master list import on /data/units/: the chosen CSV goes to the server for a
// preview (added, changed, unchanged and invalid lines, nothing saved), then the same file
// again when the admin confirms. The file travels as the raw request body.
import { apiPostFile } from './api.mjs';
import { clearFormErrors, el, showFormError } from './dom.mjs';
import { t } from './i18n.mjs';

const form = document.getElementById('units-import-form');
const fileInput = document.getElementById('units-import-file');
const reading = document.getElementById('units-import-reading');
const preview = document.getElementById('units-import-preview');
const confirmButton = document.getElementById('units-import-confirm');
const cancelButton = document.getElementById('units-import-cancel');

let chosen = null; // the File previewed, sent again on confirm

function kindLabel(kind) {
  return kind === 'office' ? t('units.kind.office') : t('units.kind.kcp');
}

function statusLabel(status) {
  if (status === 'added') return t('units.import.status.added');
  if (status === 'changed') return t('units.import.status.changed');
  return t('units.import.status.unchanged');
}

function kancaText(values) {
  return `${values.kanca} (${values.kode_kanca})`;
}

function beforeText(before) {
  if (!before) return t('units.import.no_master');
  return `${before.uker} · ${kancaText(before)} · ${kindLabel(before.kind)}`;
}

function changeRow(line) {
  return el('tr', { dataset: { line: String(line.line), status: line.status } }, [
    el('td', { text: String(line.line) }),
    el('td', {}, [el('div', { className: 'reference-code', text: line.kode_uker }),
      line.has_data ? null : el('div', { className: 'reference-note', text: t('units.no_data') })]),
    el('td', { text: line.uker }),
    el('td', { text: kancaText(line) }),
    el('td', { text: kindLabel(line.kind) }),
    el('td', { text: statusLabel(line.status) }),
    el('td', { className: 'reference-note', text: beforeText(line.before) }),
  ]);
}

function invalidRow(line) {
  return el('tr', { dataset: { line: String(line.line) } }, [
    el('td', { text: String(line.line) }),
    el('td', { className: 'reference-code', text: line.kode_uker }),
    el('td', { text: line.reason }),
  ]);
}

function note(kind, text) {
  return el('div', { className: `alert alert-${kind} py-2 small`, text });
}

function showPreview(result, name) {
  document.getElementById('units-import-preview-title').textContent = t('units.import.preview_title', { name });
  for (const [stat, value] of Object.entries(result.summary)) {
    preview.querySelector(`[data-stat="${stat}"]`).textContent = String(value);
  }
  const notes = [];
  if (result.encoding === 'windows-1252') notes.push(note('warning', t('units.import.windows_1252')));
  if (result.unknown_headers.length) {
    notes.push(note('secondary', t('units.import.unknown_headers', { columns: result.unknown_headers.join(', ') })));
  }
  const changes = result.lines.filter((line) => line.status !== 'unchanged');
  if (!changes.length) notes.push(note('info', t('units.import.no_changes')));
  document.getElementById('units-import-notes').replaceChildren(...notes);
  document.getElementById('units-import-changes').hidden = !changes.length;
  document.getElementById('units-import-changes-tbody').replaceChildren(...changes.map(changeRow));
  document.getElementById('units-import-unchanged-note').textContent = result.summary.unchanged
    ? t('units.import.unchanged_hidden', { count: result.summary.unchanged }) : '';
  document.getElementById('units-import-invalid').hidden = !result.invalid.length;
  document.getElementById('units-import-invalid-tbody').replaceChildren(...result.invalid.map(invalidRow));
  confirmButton.disabled = !changes.length;
  preview.hidden = false;
}

function reset() {
  chosen = null;
  preview.hidden = true;
  form.reset();
  clearFormErrors(form);
}

// `onImported(result)` runs after a confirmed import (the page reloads its units).
export function setupImport(onImported) {
  fileInput.addEventListener('change', async () => {
    clearFormErrors(form);
    preview.hidden = true;
    chosen = fileInput.files[0] || null;
    if (!chosen) return;
    reading.hidden = false;
    fileInput.disabled = true;
    try {
      showPreview(await apiPostFile('/api/v1/units/import/preview', chosen, 'text/csv'), chosen.name);
    } catch (error) {
      if (error.status !== 401) showFormError(form, null, error.message);
    } finally {
      reading.hidden = true;
      fileInput.disabled = false;
    }
  });

  confirmButton.addEventListener('click', async () => {
    if (!chosen || confirmButton.disabled) return;
    const spinner = confirmButton.querySelector('.spinner-border');
    confirmButton.disabled = true;
    spinner.hidden = false;
    try {
      const result = await apiPostFile('/api/v1/units/import', chosen, 'text/csv');
      reset();
      await onImported(result);
    } catch (error) {
      confirmButton.disabled = false;
      if (error.status !== 401) showFormError(form, null, error.message);
    } finally {
      spinner.hidden = true;
    }
  });

  cancelButton.addEventListener('click', reset);
}
