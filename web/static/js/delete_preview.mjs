// What a delete removes, as the delete page shows it before the admin confirms: the
// positions with their rows and OS (exact decimal strings from the API, formatted digit by
// digit), the totals, the upload an upload delete is about, and uploads being loaded now.
import { el } from './dom.mjs';
import { formatDate, formatDateTime, formatNumber, formatRupiah } from './format.mjs';
import { t } from './i18n.mjs';

const $ = (id) => document.getElementById(id);

function positionRow(position) {
  return el('tr', { dataset: { position: position.position } }, [
    el('td', { text: formatDate(position.position) }),
    el('td', { className: 'text-end', text: formatNumber(position.rows) }),
    el('td', { className: 'text-end text-nowrap', text: formatRupiah(position.os) }),
  ]);
}

function uploadLines(upload) {
  const lines = [t('delete.upload.info', {
    id: upload.id,
    file: upload.file_name,
    user: upload.uploaded_by || t('delete.upload.command_line'),
    date: formatDateTime(upload.created_at),
  })];
  if (upload.positions_elsewhere.length > 0) {
    lines.push(t('delete.upload.elsewhere', { dates: upload.positions_elsewhere.map((date) => formatDate(date)).join(', ') }));
  }
  if (upload.file === 'stored') lines.push(t('delete.upload.file.stored'));
  else if (upload.file === 'missing') lines.push(t('delete.upload.file.missing'));
  else lines.push(t('delete.upload.file.outside'));
  return lines;
}

// Fills the preview card from GET /api/v1/data/delete/preview's answer.
export function renderPreview(preview) {
  const empty = $('delete-preview-empty');
  const nothing = preview.positions.length === 0;
  empty.hidden = preview.can_delete || !preview.message;
  empty.textContent = preview.can_delete ? '' : preview.message;
  $('delete-preview-body').hidden = !preview.can_delete;

  const stat = (name) => document.querySelector(`#delete-preview-stats [data-stat="${name}"]`);
  stat('positions').textContent = formatNumber(preview.positions.length);
  stat('rows').textContent = formatNumber(preview.rows);
  stat('os').textContent = formatRupiah(preview.os);
  $('delete-preview-tbody').replaceChildren(...preview.positions.map(positionRow));
  $('delete-preview-table').hidden = nothing;
  $('delete-preview-total-rows').textContent = formatNumber(preview.rows);
  $('delete-preview-total-os').textContent = formatRupiah(preview.os);

  const uploadBox = $('delete-preview-upload');
  uploadBox.hidden = !preview.upload;
  const lines = preview.upload ? uploadLines(preview.upload) : [];
  if (preview.upload && nothing) lines.push(t('delete.upload.no_rows'));
  uploadBox.replaceChildren(...lines.map((line) => el('p', { className: 'mb-1', text: line })));

  const loading = $('delete-preview-loading');
  loading.hidden = preview.loading.length === 0;
  loading.textContent = preview.loading.length === 0 ? '' : t('delete.loading_uploads', {
    files: preview.loading.map((upload) => `${upload.file_name} (#${upload.id})`).join(', '),
    seconds: preview.lock_wait_seconds,
  });
}

// The success message of POST /api/v1/data/delete's answer.
export function doneMessage(deleted) {
  const values = {
    positions: formatNumber(deleted.positions.length),
    rows: formatNumber(deleted.rows),
    os: formatRupiah(deleted.os),
  };
  if (deleted.upload_id === null) return t('delete.msg.done', values);
  const text = t('delete.msg.done_upload', { ...values, id: deleted.upload_id });
  return deleted.file_removed ? `${text} ${t('delete.msg.file_removed')}` : text;
}
