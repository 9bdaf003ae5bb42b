// Cells the upload history shows in its list and its detail page: who uploaded, the
// positions loaded, how long it took (or has been running), and a running upload's progress.
import { el } from './dom.mjs';
import { formatDate, formatNumber } from './format.mjs';
import { t } from './i18n.mjs';
import { durationLabel, progressPercent } from './upload_format.mjs';

export const RUNNING = new Set(['queued', 'processing']);

// `smedash import` uploads have no user: "baris perintah" / "command line".
export function uploaderLabel(upload) {
  return upload.uploaded_by ? upload.uploaded_by.name : t('history.command_line');
}

// "09/10/2025", or for several positions their range with the count below it.
export function positionsCell(periodes) {
  if (!periodes.length) return ['-'];
  const first = formatDate(periodes[0].periode);
  if (periodes.length === 1) return [first];
  return [
    t('history.positions.range', { first, last: formatDate(periodes.at(-1).periode) }),
    el('div', { className: 'small text-body-secondary', text: t('history.positions.count', { count: formatNumber(periodes.length) }) }),
  ];
}

// The recorded duration once finished; the time so far while processing.
export function durationText(upload, now = Date.now()) {
  if (upload.status === 'processing' && upload.started_at) {
    return t('history.running_for', { time: durationLabel((now - Date.parse(upload.started_at)) / 1000) });
  }
  if (upload.duration_seconds === null || upload.duration_seconds === undefined) return '-';
  return durationLabel(upload.duration_seconds);
}

// "45% · 12.000 baris", or what a queued upload waits for.
export function progressText(upload) {
  const percent = progressPercent(upload);
  if (percent === null) return t('upload.progress.queued');
  const rows = upload.progress?.rows_read ?? 0;
  return t('history.progress', { percent, rows: formatNumber(rows) });
}

// A slim bar with the progress text under it, for a table cell.
export function progressCell(upload) {
  const percent = progressPercent(upload);
  const bar = el('progress', { className: 'upload-progress history-progress', attrs: { max: 100, 'aria-label': t('upload.status.processing') } });
  if (percent !== null) bar.value = percent;
  return el('div', { className: 'history-progress-cell' }, [
    bar,
    el('div', { className: 'small text-body-secondary', text: progressText(upload) }),
  ]);
}
