// One upload's whole report (/data/history/{id}/): status, who and when, the counts, the
// error and its log, positions loaded with the rows each replaced, unknown CODEs and
// columns, the rejected rows and warnings (the upload page's panel), the original file,
// and "process again" for a failed upload. While it is queued or processing the page
// follows its progress.
import { ApiError, apiGet, apiPost } from './api.mjs';
import { el, showAlert } from './dom.mjs';
import { formatDate, formatDateTime, formatNumber } from './format.mjs';
import { t } from './i18n.mjs';
import { RUNNING, durationText, progressText, uploaderLabel } from './history_format.mjs';
import { bytesLabel, numberStyleLabel, progressPercent, statusBadge, statusLabel } from './upload_format.mjs';
import { createIssuesPanel } from './upload_issues.mjs';

const POLL_MS = 1000;

const root = document.getElementById('history-detail-app');
const uploadId = Number(root.dataset.uploadId);
const fileKept = root.dataset.fileKept === '1';
const $ = (id) => document.getElementById(id);
const feedback = $('history-feedback');
const retryButton = $('history-retry');

let pollTimer = null;
let issuesShownFor = null;  // the finished run whose issues the panel shows

function showError(error) {
  showAlert(feedback, 'danger', error instanceof Error ? error.message : String(error));
}

const issues = createIssuesPanel($('history-issues'), { prefix: 'history', onError: showError });

function setFact(name, value) {
  const cell = root.querySelector(`[data-fact="${name}"]`);
  const code = cell.querySelector('code');
  (code || cell).textContent = value === null || value === undefined || value === '' ? '-' : String(value);
}

function setStat(name, text) {
  root.querySelector(`[data-stat="${name}"]`).textContent = text;
}

function listOrNone(id, items) {
  const list = $(id);
  list.replaceChildren(...(items.length
    ? items.map((item) => el('li', {}, [el('code', { text: item })]))
    : [el('li', { className: 'small text-body-secondary', text: t('history.detail.none') })]));
}

function renderHeader(upload) {
  $('history-detail-file').textContent = upload.file_name;
  $('history-detail-status').replaceChildren(statusBadge(upload.status));
  $('history-detail-subtitle').textContent = t('history.detail.subtitle', {
    id: upload.id,
    name: uploaderLabel(upload),
    time: formatDateTime(upload.created_at),
  });
  $('history-download').hidden = !fileKept;
  $('history-file-gone').hidden = fileKept;
  // Only a completed upload has rows to delete; the delete page shows which it still holds.
  $('history-delete').hidden = upload.status !== 'completed';
}

function renderRetry(upload) {
  let reason = '';
  if (upload.status !== 'failed') {
    reason = t('history.detail.retry_only_failed', { status: statusLabel(upload.status) });
  } else if (!fileKept) {
    reason = t('history.detail.retry_file_gone');
  }
  retryButton.disabled = reason !== '';
  retryButton.querySelector('.spinner-border').hidden = true;
  $('history-retry-reason').textContent = reason;
}

function renderProgress(upload) {
  const running = RUNNING.has(upload.status);
  $('history-progress').hidden = !running;
  if (!running) return;
  const bar = $('history-progress-bar');
  const percent = progressPercent(upload);
  if (percent === null) bar.removeAttribute('value');
  else bar.value = percent;
  $('history-progress-text').textContent = progressText(upload);
}

function renderReport(upload) {
  const error = $('history-error');
  error.hidden = !upload.error;
  $('history-error-message').textContent = upload.error ? upload.error.message : '';
  const log = upload.error_log ?? '';
  $('history-error-log-box').hidden = !log || (upload.error && log === upload.error.message);
  $('history-error-log').textContent = log;

  const finished = upload.status === 'completed' || upload.status === 'failed';
  const count = (value) => (finished ? formatNumber(value ?? 0) : '-');
  setStat('rows_total', count(upload.rows_total));
  setStat('rows_accepted', count(upload.rows_accepted));
  setStat('rows_rejected', count(upload.rows_rejected));
  setStat('warnings', count(upload.warnings));
  setStat('rows_replaced', count(upload.rows_replaced));
  setStat('duration', durationText(upload));

  setFact('uploader', uploaderLabel(upload));
  setFact('created_at', formatDateTime(upload.created_at));
  setFact('size', `${bytesLabel(upload.file_size)} (${t('history.detail.bytes', { bytes: formatNumber(upload.file_size) })})`);
  const decided = upload.decided_number_style ? ` → ${numberStyleLabel(upload.decided_number_style)}` : '';
  setFact('number_style', `${numberStyleLabel(upload.number_style)}${decided}`);
  setFact('reader', upload.reader);
  setFact('queued_at', formatDateTime(upload.queued_at));
  setFact('started_at', formatDateTime(upload.started_at));
  setFact('completed_at', formatDateTime(upload.completed_at));
  setFact('attempts', formatNumber(upload.attempts));
  setFact('sha256', upload.sha256);
  setFact('notes', upload.notes);

  const periodes = $('history-periodes-tbody');
  periodes.replaceChildren(...upload.periodes.map((item) => el('tr', {}, [
    el('td', { text: formatDate(item.periode) }),
    el('td', { className: 'text-end', text: formatNumber(item.rows_loaded) }),
    el('td', { className: 'text-end', text: formatNumber(item.rows_replaced) }),
  ])));
  if (!upload.periodes.length) {
    periodes.append(el('tr', {}, [el('td', { className: 'text-body-secondary', attrs: { colspan: 3 }, text: t('history.detail.no_periodes') })]));
  }
  listOrNone('history-codes', upload.unknown_codes);
  listOrNone('history-headers', upload.unknown_headers);

  // A run's issues are final when it finishes; show them once per finished run, and none
  // while a run (or a run again) is still to come.
  $('history-issues').closest('section').hidden = !finished;
  const run = `${upload.status}:${upload.completed_at}`;
  if (finished && issuesShownFor !== run) {
    issuesShownFor = run;
    issues.show(upload.id);
  }
}

function render(upload) {
  renderHeader(upload);
  renderRetry(upload);
  renderProgress(upload);
  renderReport(upload);
}

async function load() {
  if (pollTimer !== null) window.clearTimeout(pollTimer);
  pollTimer = null;
  try {
    const { upload } = await apiGet(`/api/v1/uploads/${uploadId}`);
    render(upload);
    if (RUNNING.has(upload.status)) pollTimer = window.setTimeout(load, POLL_MS);
  } catch (error) {
    showError(error);
    pollTimer = window.setTimeout(load, POLL_MS * 5);  // keep trying: the job goes on
  }
}

retryButton.addEventListener('click', async () => {
  if (retryButton.disabled) return;
  retryButton.disabled = true;  // stays disabled: a second click cannot queue twice
  retryButton.querySelector('.spinner-border').hidden = false;
  feedback.replaceChildren();
  try {
    const { upload } = await apiPost(`/api/v1/uploads/${uploadId}/retry`);
    showAlert(feedback, 'success', t('history.detail.retry_done', { name: upload.file_name }));
    render(upload);
    pollTimer = window.setTimeout(load, POLL_MS);
  } catch (error) {
    showAlert(feedback, error instanceof ApiError && error.status === 409 ? 'warning' : 'danger', error.message);
    load();
  }
});

load();
