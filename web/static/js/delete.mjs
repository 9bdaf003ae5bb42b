// Deleting loan data (admins): choose one position, a range, an upload or everything; see
// what goes (positions, rows, OS) from the server's preview; then delete. The delete sends
// the preview's data_version, so the server refuses it if the data moved in between, and
// "everything" is enabled only once the confirmation text is typed exactly. The server
// checks every rule again.
import { apiGet, apiPost } from './api.mjs';
import { clearFormErrors, el, setFormBusy, showAlert, showFormError } from './dom.mjs';
import { formatDate, formatDateTime } from './format.mjs';
import { t } from './i18n.mjs';
import { doneMessage, renderPreview } from './delete_preview.mjs';

// A delete answering later than this is waiting for the loader's lock: say so.
const WAITING_NOTE_MS = 1500;

const $ = (id) => document.getElementById(id);
const confirmText = $('delete-app').dataset.confirmText;
const feedback = $('delete-feedback');
const form = $('delete-form');
const previewCard = $('delete-preview');
const confirmForm = $('delete-confirm-form');
const typedBox = $('delete-confirm-typed');
const typedInput = $('delete-confirm-text');
const submitButton = $('delete-submit');

let preview = null; // the preview on screen; any change of the choice drops it

function mode() {
  return form.elements.namedItem('mode').value;
}

// The choice as API fields: { mode, position } / { mode, from, to } / { mode, upload }.
function selection() {
  const value = (name) => form.elements.namedItem(name).value;
  switch (mode()) {
    case 'position': return { mode: 'position', position: value('position') };
    case 'range': return { mode: 'range', from: value('from'), to: value('to') };
    case 'upload': return { mode: 'upload', upload: value('upload') };
    default: return { mode: 'all' };
  }
}

function showModeFields() {
  for (const box of form.querySelectorAll('[data-mode-fields]')) box.hidden = box.dataset.modeFields !== mode();
}

function dropPreview() {
  preview = null;
  previewCard.hidden = true;
  typedInput.value = '';
  clearFormErrors(confirmForm);
}

function canSubmit() {
  if (!preview || !preview.can_delete) return false;
  return preview.selection.mode !== 'all' || typedInput.value === confirmText;
}

function updateSubmit() {
  submitButton.disabled = !canSubmit();
}

// ---- the choices -------------------------------------------------------------------

function fillSelect(select, options, emptyText) {
  if (options.length === 0) {
    select.replaceChildren(el('option', { text: emptyText, attrs: { value: '' } }));
    select.disabled = true;
    return;
  }
  select.disabled = false;
  select.replaceChildren(...options.map(([value, text]) => el('option', { text, attrs: { value } })));
}

async function loadChoices(wanted = {}) {
  const [{ positions }, { uploads }] = await Promise.all([
    apiGet('/api/v1/positions'),
    apiGet('/api/v1/uploads?status=completed&limit=100'),
  ]);
  const dates = positions.map((date) => [date, formatDate(date)]); // newest first
  for (const select of form.querySelectorAll('[data-position-select]')) {
    fillSelect(select, dates, t('delete.no_positions'));
  }
  if (dates.length > 0) form.elements.namedItem('from').value = dates.at(-1)[0];
  fillSelect($('delete-upload'), uploads.map((upload) => [String(upload.id), t('delete.upload_option', {
    id: upload.id, file: upload.file_name, date: formatDateTime(upload.created_at),
  })]), t('delete.no_uploads'));
  for (const [name, value] of Object.entries(wanted)) {
    const field = form.elements.namedItem(name);
    if (!field || !value) continue;
    if (field instanceof RadioNodeList) field.value = value;
    else if ([...field.options].some((option) => option.value === value)) field.value = value;
  }
  showModeFields();
}

// ---- preview and delete --------------------------------------------------------------

async function showPreview(event) {
  event.preventDefault();
  clearFormErrors(form);
  dropPreview();
  const fields = selection();
  if (Object.values(fields).some((value) => value === '')) {
    showFormError(form, null, t('delete.choose_first'));
    return;
  }
  setFormBusy(form, true);
  try {
    preview = await apiGet(`/api/v1/data/delete/preview?${new URLSearchParams(fields)}`);
    renderPreview(preview);
    typedBox.hidden = preview.selection.mode !== 'all' || !preview.can_delete;
    $('delete-confirm-label').textContent = t('delete.confirm.type', { text: confirmText });
    $('delete-confirm').hidden = !preview.can_delete;
    previewCard.hidden = false;
    updateSubmit();
    previewCard.scrollIntoView({ block: 'nearest' });
  } catch (error) {
    if (error.status !== 401) showFormError(form, error.field, error.message);
  } finally {
    setFormBusy(form, false);
  }
}

async function runDelete(event) {
  event.preventDefault();
  if (!canSubmit()) return;
  clearFormErrors(confirmForm);
  const body = { ...selection(), data_version: preview.data_version };
  if (body.mode === 'all') body.confirmation = typedInput.value;
  setFormBusy(confirmForm, true);
  const waiting = setTimeout(() => { $('delete-waiting').hidden = false; }, WAITING_NOTE_MS);
  try {
    const { deleted } = await apiPost('/api/v1/data/delete', body);
    dropPreview();
    showAlert(feedback, 'success', doneMessage(deleted));
    await loadChoices(selection());
  } catch (error) {
    if (error.status !== 401) showFormError(confirmForm, null, error.message);
  } finally {
    clearTimeout(waiting);
    $('delete-waiting').hidden = true;
    setFormBusy(confirmForm, false);
    updateSubmit();
  }
}

form.addEventListener('submit', showPreview);
form.addEventListener('change', () => {
  showModeFields();
  dropPreview();
});
confirmForm.addEventListener('submit', runDelete);
typedInput.addEventListener('input', updateSubmit);
$('delete-cancel').addEventListener('click', dropPreview);

// A link may choose for the admin: /data/delete/?mode=upload&upload=12 (from the history).
const wanted = Object.fromEntries(new URLSearchParams(window.location.search));
loadChoices(wanted).catch((error) => {
  if (error.status !== 401) showAlert(feedback, 'danger', t('delete.load_failed', { message: error.message }));
}).finally(() => $('delete-app').setAttribute('aria-busy', 'false'));
