// Labels the upload page shows: statuses, number styles, file sizes and durations, in the
// page's language with Indonesian or English separators.
import { el } from './dom.mjs';
import { formatNumber } from './format.mjs';
import { t } from './i18n.mjs';

const STATUS_LABELS = {
  staged: () => t('upload.status.staged'),
  queued: () => t('upload.status.queued'),
  processing: () => t('upload.status.processing'),
  completed: () => t('upload.status.completed'),
  failed: () => t('upload.status.failed'),
  cancelled: () => t('upload.status.cancelled'),
};

const STYLE_LABELS = {
  auto: () => t('upload.format.auto'),
  id: () => t('upload.format.id'),
  en: () => t('upload.format.en'),
};

export function statusLabel(status) {
  return (STATUS_LABELS[status] || (() => status))();
}

export function statusBadge(status) {
  const kind = { completed: 'success', failed: 'danger', cancelled: 'secondary', processing: 'primary' }[status] || 'warning';
  return el('span', {
    className: `badge text-bg-${kind} upload-status upload-status-${status}`,
    text: statusLabel(status),
  });
}

export function bytesLabel(bytes) {
  if (bytes >= 1024 * 1024) return `${formatNumber((bytes / (1024 * 1024)).toFixed(1), { fractionDigits: 1 })} MB`;
  return `${formatNumber(Math.ceil(bytes / 1024))} KB`;
}

// "0,4 detik", "12 detik", "3 menit 5 detik", "1 jam 2 menit". Takes a number, or numeric
// text as the API sends an upload's duration_seconds ("12.345678").
export function durationLabel(totalSeconds) {
  const exact = Math.max(0, Number(totalSeconds));
  if (exact < 10) {
    return t('upload.duration.seconds', { seconds: formatNumber(exact.toFixed(1), { fractionDigits: 1 }) });
  }
  const seconds = Math.round(exact);
  if (seconds < 60) return t('upload.duration.seconds', { seconds: formatNumber(seconds) });
  if (seconds < 3600) {
    return t('upload.duration.minutes', { minutes: Math.floor(seconds / 60), seconds: seconds % 60 });
  }
  return t('upload.duration.hours', {
    hours: formatNumber(Math.floor(seconds / 3600)),
    minutes: Math.floor((seconds % 3600) / 60),
  });
}

// How far a running upload is, 0..100 (at most 99 while rows are still read), or null while
// no worker has reported yet (queued, or just claimed): an indeterminate bar.
export function progressPercent(upload) {
  const progress = upload.progress || {};
  if (upload.status === 'queued' || !progress.phase) return null;
  const total = progress.bytes_total || 0;
  if (progress.phase !== 'reading' || total <= 0) return 100;
  return Math.min(99, Math.floor((progress.bytes_read / total) * 100));
}

export function numberStyleLabel(style) {
  return (STYLE_LABELS[style] || (() => style))();
}
