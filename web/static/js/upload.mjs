// The admin's upload page: choose a file (sent at once with XMLHttpRequest so the bytes
// sent can be shown), read the server's preview, press Process, then watch the server's
// progress until the summary and the rejected rows. Uploads run on the server: the page
// lists unfinished ones so an admin who left can come back to them.
import { ApiError, apiDelete, apiGet, apiPost } from './api.mjs';
import { el, icon, showAlert } from './dom.mjs';
import { formatDate, formatDateTime, formatNumber } from './format.mjs';
import { t } from './i18n.mjs';
import { bytesLabel, durationLabel, numberStyleLabel, progressPercent, statusBadge } from './upload_format.mjs';
import { createIssuesPanel } from './upload_issues.mjs';
import { renderPreviewTables } from './upload_preview.mjs';

const POLL_MS = 1000;
// A busy server (another file's preview is running) is asked again this many times in all,
// after the wait it names in Retry-After.
const BUSY_ATTEMPTS = 3;
const ACCEPTED_EXTENSIONS = ['.csv', '.xlsx', '.xls'];

const root = document.getElementById('upload-app');
const maxBytes = Number(root.dataset.maxBytes);
const maxLabel = root.dataset.maxLabel;
const $ = (id) => document.getElementById(id);

const feedback = $('upload-feedback');
const form = $('upload-form');
const fileInput = $('upload-file');
const formAlert = $('upload-form-alert');
const sections = {
  choose: $('upload-choose'),
  preview: $('upload-preview'),
  progress: $('upload-progress'),
  summary: $('upload-summary'),
};
const processButton = $('upload-process');

let current = null;       // the upload shown: { id, file_name, ... } from the API
let pollTimer = null;
let watchGeneration = 0;  // bumped when watching stops, so a reply in flight is dropped
let sending = false;

// ---- small helpers -------------------------------------------------------------------

function show(name) {
  for (const [key, section] of Object.entries(sections)) section.hidden = key !== name;
}

function showError(error) {
  showAlert(feedback, 'danger', error instanceof Error ? error.message : String(error));
}

const issues = createIssuesPanel($('upload-issues'), { prefix: 'upload', onError: showError });

function setBusy(button, busy) {
  button.disabled = busy;
  const spinner = button.querySelector('.spinner-border');
  if (spinner) spinner.hidden = !busy;
}

function stopPolling() {
  watchGeneration += 1;
  if (pollTimer !== null) window.clearTimeout(pollTimer);
  pollTimer = null;
}

// ---- choosing and sending the file ----------------------------------------------------

function formError(message) {
  formAlert.textContent = message;
  formAlert.hidden = !message;
}

function resetToChoose() {
  stopPolling();
  current = null;
  form.reset();
  formError('');
  $('upload-sending').hidden = true;
  fileInput.disabled = false;
  show('choose');
  loadActive();
}

function errorOf(xhr) {
  try {
    const body = JSON.parse(xhr.responseText);
    return body && body.error ? body.error : null;
  } catch {
    return null;
  }
}

// The JSON error the server sent, or a message for what the status means. Too large: the
// page's own message, which names the file's size as well as the limit.
function sendError(xhr) {
  if (xhr.status === 413) {
    return t('upload.error.too_large', { size: bytesLabel(fileInput.files[0]?.size ?? 0), limit: maxLabel });
  }
  const error = errorOf(xhr);
  if (error && error.message) return error.message;
  if (xhr.status === 0) return t('upload.error.send_failed');
  return t('error.unexpected');
}

// Seconds to wait before asking a busy server again: its Retry-After, within reason.
function retryAfter(xhr) {
  const seconds = Number.parseInt(xhr.getResponseHeader('Retry-After') ?? '', 10);
  return Number.isFinite(seconds) ? Math.min(Math.max(seconds, 1), 30) : 5;
}

function csrfToken() {
  const meta = document.querySelector('meta[name="csrf-token"]');
  return meta ? meta.content : '';
}

// Sends the file as the raw request body, so the server streams it to disk as it comes.
// `attempt` counts the tries while the server answers that it is busy.
function sendFile(file, attempt = 1) {
  const params = new URLSearchParams({
    name: file.name,
    number_style: $('upload-style').value,
    notes: $('upload-notes').value.trim(),
  });
  const xhr = new XMLHttpRequest();
  xhr.open('POST', `/api/v1/uploads?${params}`);
  xhr.setRequestHeader('Content-Type', 'application/octet-stream');
  xhr.setRequestHeader('Accept', 'application/json');
  xhr.setRequestHeader('X-CSRF-Token', csrfToken());
  const bar = $('upload-sending-bar');
  const text = $('upload-sending-text');
  xhr.upload.onprogress = (event) => {
    if (!event.lengthComputable) return;
    bar.value = Math.round((event.loaded / event.total) * 100);
    text.textContent = t('upload.sending_progress', { sent: bytesLabel(event.loaded), total: bytesLabel(event.total) });
  };
  xhr.upload.onload = () => {
    // Every byte is there; the server now hashes the file and reads it for the preview.
    bar.removeAttribute('value');
    text.textContent = t('upload.reading');
  };
  const done = () => {
    sending = false;
    fileInput.disabled = false;
    $('upload-sending').hidden = true;
  };
  xhr.onload = () => {
    if (xhr.status === 503 && errorOf(xhr)?.code === 'busy' && attempt < BUSY_ATTEMPTS) {
      // Another file is being previewed: say so, keep this one, and send it again shortly.
      const seconds = retryAfter(xhr);
      formError(`${sendError(xhr)} ${t('upload.retrying', { seconds })}`);
      window.setTimeout(() => {
        formError('');
        sendFile(file, attempt + 1);
      }, seconds * 1000);
      return;
    }
    done();
    if (xhr.status === 401) {
      window.location.assign(`/accounts/login/?next=${encodeURIComponent(window.location.pathname)}`);
      return;
    }
    if (xhr.status !== 201) {
      formError(sendError(xhr));
      fileInput.value = '';
      return;
    }
    const body = JSON.parse(xhr.responseText);
    renderPreview(body.upload, body.preview, body.same_file_as);
  };
  xhr.onerror = () => {
    done();
    formError(t('upload.error.send_failed'));
  };
  sending = true;
  fileInput.disabled = true;
  bar.value = 0;
  text.textContent = '';
  $('upload-sending').hidden = false;
  xhr.send(file);
}

fileInput.addEventListener('change', () => {
  formError('');
  feedback.replaceChildren();
  const file = fileInput.files[0];
  if (!file || sending) return;
  const name = file.name.toLowerCase();
  if (!ACCEPTED_EXTENSIONS.some((extension) => name.endsWith(extension))) {
    formError(t('upload.error.extension', { name: file.name }));
    fileInput.value = '';
    return;
  }
  if (file.size > maxBytes) {
    formError(t('upload.error.too_large', { size: bytesLabel(file.size), limit: maxLabel }));
    fileInput.value = '';
    return;
  }
  sendFile(file);
});

// ---- the preview ---------------------------------------------------------------------

function renderPreview(upload, preview, sameFile) {
  current = upload;
  $('upload-preview-file').textContent = t('upload.preview.file', { name: upload.file_name, size: bytesLabel(upload.file_size) });
  $('upload-preview-reader').textContent = preview.reader || preview.format || '-';
  $('upload-preview-style').textContent = numberStyleLabel(preview.number_style);
  $('upload-preview-rows').textContent = formatNumber(preview.data_rows);

  const same = $('upload-same-file');
  same.hidden = !sameFile;
  if (sameFile) {
    same.textContent = t('upload.preview.same_file', { date: formatDateTime(sameFile.created_at), id: sameFile.id, name: sameFile.file_name });
  }
  const problem = $('upload-problem');
  problem.hidden = preview.can_process;
  problem.textContent = preview.problem ? preview.problem.message : '';
  const unknown = $('upload-unknown-columns');
  unknown.hidden = !preview.unknown_headers.length;
  unknown.textContent = t('upload.preview.unknown_columns', { columns: preview.unknown_headers.join(', ') });

  renderPreviewTables(preview);

  setBusy(processButton, false);
  processButton.disabled = !preview.can_process || upload.status !== 'staged';
  const reason = $('upload-process-reason');
  reason.hidden = preview.can_process;
  reason.textContent = preview.problem ? t('upload.process_blocked', { reason: preview.problem.message }) : '';
  $('upload-cancel').hidden = !(upload.status === 'staged' || (upload.status === 'failed' && !upload.started_at));
  show('preview');
}

processButton.addEventListener('click', async () => {
  if (!current || processButton.disabled) return;
  setBusy(processButton, true);  // stays disabled: a second click cannot queue twice
  feedback.replaceChildren();
  try {
    const { upload } = await apiPost(`/api/v1/uploads/${current.id}/process`);
    watch(upload);
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) {
      // Already queued or done (another tab, another admin): show where it is.
      showAlert(feedback, 'warning', error.message);
      refresh(current.id);
      return;
    }
    setBusy(processButton, false);
    showError(error);
  }
});

$('upload-cancel').addEventListener('click', async () => {
  if (!current) return;
  const { file_name: name, id } = current;
  try {
    await apiDelete(`/api/v1/uploads/${id}`);
    resetToChoose();
    showAlert(feedback, 'success', t('upload.cancelled', { name }));
  } catch (error) {
    showError(error);
  }
});

// ---- progress and summary ------------------------------------------------------------

const PHASE_LABELS = {
  reading: () => t('upload.progress.reading'),
  aggregating: () => t('upload.progress.aggregating'),
  done: () => t('upload.progress.done'),
};

function renderProgress(upload) {
  const progress = upload.progress || {};
  $('upload-progress-title').textContent = t('upload.progress.title', { name: upload.file_name });
  const bar = $('upload-progress-bar');
  const percent = progressPercent(upload);
  const queued = percent === null;
  if (queued) {
    bar.removeAttribute('value');  // indeterminate until the worker reports
  } else {
    bar.value = percent;
  }
  $('upload-progress-phase').textContent = queued
    ? t('upload.progress.queued')
    : (PHASE_LABELS[progress.phase] || (() => progress.phase))();
  $('upload-progress-rows').textContent = progress.rows_read ? t('upload.progress.rows', { rows: formatNumber(progress.rows_read) }) : '';
  $('upload-progress-rate').textContent = progress.rows_per_second
    ? t('upload.progress.rate', { rate: formatNumber(Math.round(progress.rows_per_second)) })
    : '';
  $('upload-progress-eta').textContent = progress.eta_seconds !== null && progress.eta_seconds !== undefined
    ? t('upload.progress.eta', { time: durationLabel(progress.eta_seconds) })
    : '';
  show('progress');
}

function setStat(name, text) {
  root.querySelector(`[data-stat="${name}"]`).textContent = text;
}

function renderSummary(upload) {
  const completed = upload.status === 'completed';
  const title = $('upload-summary-title');
  const name = upload.file_name;
  title.replaceChildren(statusBadge(upload.status), ' ',
    completed ? t('upload.summary.completed', { name }) : t('upload.summary.failed', { name }));
  const error = $('upload-summary-error');
  error.hidden = !upload.error;
  error.textContent = upload.error ? upload.error.message : '';

  setStat('rows_total', formatNumber(upload.rows_total ?? 0));
  setStat('rows_accepted', formatNumber(upload.rows_accepted ?? 0));
  setStat('rows_rejected', formatNumber(upload.rows_rejected ?? 0));
  setStat('warnings', formatNumber(upload.warnings ?? 0));
  setStat('rows_replaced', formatNumber(upload.rows_replaced ?? 0));
  setStat('duration', upload.duration_seconds === null ? '-' : durationLabel(upload.duration_seconds));

  $('upload-summary-periodes-box').hidden = !upload.periodes.length;
  $('upload-summary-periodes-tbody').replaceChildren(...upload.periodes.map((item) => el('tr', {}, [
    el('td', { text: formatDate(item.periode) }),
    el('td', { className: 'text-end', text: formatNumber(item.rows_loaded) }),
    el('td', { className: 'text-end', text: formatNumber(item.rows_replaced) }),
  ])));
  const codes = $('upload-summary-codes');
  codes.hidden = !upload.unknown_codes.length;
  codes.textContent = t('upload.summary.unknown_codes', { codes: upload.unknown_codes.join(', ') });

  issues.show(upload.id);
  show('summary');
}

function render(upload) {
  current = upload;
  if (upload.status === 'queued' || upload.status === 'processing') {
    renderProgress(upload);
    return true;  // keep watching
  }
  if (upload.status === 'completed' || upload.status === 'failed') renderSummary(upload);
  return false;
}

// Polls the upload every second while it is queued or processing.
function watch(upload) {
  stopPolling();
  feedback.replaceChildren();
  if (!render(upload)) return;
  const generation = watchGeneration;
  const tick = async () => {
    try {
      const { upload: latest } = await apiGet(`/api/v1/uploads/${upload.id}`);
      if (generation !== watchGeneration) return;  // the admin moved on
      if (render(latest)) {
        pollTimer = window.setTimeout(tick, POLL_MS);
      } else {
        pollTimer = null;
        loadActive();
      }
    } catch (error) {
      if (generation !== watchGeneration) return;
      showError(error);
      pollTimer = window.setTimeout(tick, POLL_MS * 5);  // keep trying: the job goes on
    }
  };
  pollTimer = window.setTimeout(tick, POLL_MS);
}

// Shows an upload wherever it is: its preview when staged, else its progress or summary.
async function refresh(id) {
  try {
    const { upload } = await apiGet(`/api/v1/uploads/${id}`);
    if (upload.status === 'staged') {
      const { preview } = await apiGet(`/api/v1/uploads/${id}/preview`);
      renderPreview(upload, preview, null);
    } else {
      watch(upload);
    }
  } catch (error) {
    showError(error);
  }
}

$('upload-again').addEventListener('click', resetToChoose);

// ---- unfinished uploads --------------------------------------------------------------

// Lists them; at page load (`resume`) also watches the newest one already running, so an
// admin who left during processing comes back to its progress.
async function loadActive({ resume = false } = {}) {
  try {
    const { uploads } = await apiGet('/api/v1/uploads?status=active');
    const running = uploads.find((upload) => upload.status === 'queued' || upload.status === 'processing');
    if (resume && running && !current && !sending) watch(running);
    const list = $('upload-active-list');
    list.replaceChildren(...uploads.map((upload) => {
      const open = el('button', {
        className: 'btn btn-sm btn-outline-primary ms-auto',
        attrs: { type: 'button', 'data-upload-id': upload.id },
        text: t('upload.active.open'),
      });
      open.addEventListener('click', () => refresh(upload.id));
      return el('li', { className: 'list-group-item d-flex flex-wrap align-items-center gap-2', dataset: { uploadId: upload.id } }, [
        icon('file-earmark-spreadsheet'),
        el('span', { className: 'fw-semibold', text: upload.file_name }),
        statusBadge(upload.status),
        el('span', {
          className: 'small text-body-secondary',
          text: t('upload.active.by', { name: upload.uploaded_by ? upload.uploaded_by.name : '-', time: formatDateTime(upload.created_at) }),
        }),
        open,
      ]);
    }));
    $('upload-active').hidden = !uploads.length;
  } catch (error) {
    showError(error);
  }
}

$('upload-file-hint').textContent = t('upload.hint.file', { limit: maxLabel });
loadActive({ resume: true });
