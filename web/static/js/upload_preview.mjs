// The preview's tables on the upload page: how each header maps, the position dates found
// with their rows, and the first rows as the import will read them. Data as text only.
import { el } from './dom.mjs';
import { formatDate, formatNumber } from './format.mjs';
import { t } from './i18n.mjs';

const $ = (id) => document.getElementById(id);

function mappingRow(header) {
  const badge = {
    mapped: el('span', { className: 'badge text-bg-success', text: t('upload.preview.mapping.mapped') }),
    unknown: el('span', { className: 'badge text-bg-warning', text: t('upload.preview.mapping.unknown') }),
    duplicate: el('span', { className: 'badge text-bg-danger', text: t('upload.preview.mapping.duplicate') }),
  }[header.status];
  const name = header.header === ''
    ? el('span', { className: 'text-body-secondary fst-italic', text: t('upload.preview.mapping.empty_header') })
    : el('code', { text: header.header });
  const column = header.column && header.status === 'mapped'
    ? header.column
    : el('span', { className: 'text-body-secondary', text: t('upload.preview.mapping.ignored') });
  return el('tr', { dataset: { status: header.status } }, [el('td', {}, [name]), el('td', {}, [column]), el('td', {}, [badge])]);
}

function renderPeriodes(preview) {
  const tbody = $('upload-periodes-tbody');
  tbody.replaceChildren(...preview.periodes.map((item) => el('tr', {}, [
    el('td', { text: formatDate(item.periode) }),
    el('td', { className: 'text-end', text: formatNumber(item.rows) }),
  ])));
  if (!preview.periodes.length) {
    tbody.append(el('tr', {}, [el('td', { className: 'text-body-secondary', attrs: { colspan: 2 }, text: t('upload.preview.periodes.none') })]));
  }
  const note = $('upload-periodes-note');
  note.hidden = !preview.rows_without_periode;
  note.textContent = t('upload.preview.periodes.unreadable', { count: formatNumber(preview.rows_without_periode) });
}

// A stored value (PostgreSQL text form) as the dashboards will show it, so the admin sees
// how each cell was read: "1.234.567,89" for an amount, "31/12/2024" for a date.
function displayValue(value, kind) {
  switch (kind) {
    case 'date':
      return formatDate(value);
    case 'amount':
      return formatNumber(value, { fractionDigits: 2 });
    case 'rate':
      return formatNumber(value, { fractionDigits: Math.min(4, (value.split('.')[1] || '').length) });
    case 'number':
      return formatNumber(value);
    case 'flag':
      return value === 't' ? 'Y' : 'N';
    default:
      return value;
  }
}

// One cell of the sample: the value as it will be stored, the file's text below it when
// they differ (so "9000000000" → "9.000.000.000,00" shows how the amount was read).
function sampleCell(cell, header) {
  const td = el('td');
  if (header.status !== 'mapped') {
    td.className = 'upload-ignored';
    td.append(el('span', { text: cell.raw }));
    return td;
  }
  if (cell.value === null || cell.value === undefined) {
    td.append(el('span', { text: cell.raw }));
    return td;
  }
  const shown = displayValue(cell.value, header.kind);
  td.append(el('span', { className: 'upload-value', text: shown }));
  if (cell.raw !== shown && cell.raw !== '') td.append(el('small', { className: 'upload-raw', text: cell.raw }));
  return td;
}

function renderSample(preview) {
  $('upload-sample-head').replaceChildren(
    el('th', { attrs: { scope: 'col' }, text: t('upload.preview.sample.line') }),
    ...preview.headers.map((header) => el('th', {
      attrs: { scope: 'col' },
      className: header.status === 'mapped' ? '' : 'upload-ignored',
      text: header.column && header.status === 'mapped' ? header.column : header.header,
    })),
  );
  const tbody = $('upload-sample-tbody');
  tbody.replaceChildren();
  for (const row of preview.rows) {
    const line = el('th', { attrs: { scope: 'row' }, text: formatNumber(row.line) });
    if (row.rejected) line.append(el('span', { className: 'badge text-bg-danger ms-1', text: t('upload.preview.sample.rejected') }));
    tbody.append(el('tr', { className: row.rejected ? 'upload-row-rejected' : '', dataset: { line: row.line } }, [
      line, ...row.cells.map((cell, index) => sampleCell(cell, preview.headers[index])),
    ]));
    if (row.issues.length) {
      const list = el('ul', { className: 'mb-0 small' }, row.issues.map((issue) => el('li', {
        className: issue.rejects_row ? 'text-danger' : 'text-warning-emphasis', text: issue.reason,
      })));
      tbody.append(el('tr', { className: 'upload-row-issues' }, [el('td', { attrs: { colspan: preview.headers.length + 1 } }, [list])]));
    }
  }
  if (!preview.rows.length) {
    tbody.append(el('tr', {}, [el('td', { className: 'text-body-secondary', text: t('upload.preview.sample.none') })]));
  }
}

// Fills the mapping, positions and sample tables from the API's preview.
export function renderPreviewTables(preview) {
  $('upload-mapping-tbody').replaceChildren(...preview.headers.map(mappingRow));
  renderPeriodes(preview);
  renderSample(preview);
}
