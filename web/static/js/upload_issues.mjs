// An upload's rejected rows and warnings: a kind filter, CSV and XLSX downloads of that
// kind, and the table a page at a time (GET /api/v1/uploads/{id}/issues). Shared by the
// upload page's summary and the history's detail page; the panel builds its own elements,
// their ids starting with `prefix` ("upload" → #upload-issues-tbody, #upload-issues-csv…).
import { apiGet } from './api.mjs';
import { el, icon } from './dom.mjs';
import { formatNumber } from './format.mjs';
import { t } from './i18n.mjs';

const PER_PAGE = 50;
const KINDS = [
  ['all', () => t('upload.issues.filter.all')],
  ['rejected', () => t('upload.issues.filter.rejected')],
  ['warning', () => t('upload.issues.filter.warning')],
];

function issueRow(issue) {
  return el('tr', { className: issue.rejects_row ? 'upload-issue-rejected' : 'upload-issue-warning' }, [
    el('td', { className: 'text-end', text: formatNumber(issue.line) }),
    el('td', { text: issue.column || '-' }),
    el('td', {}, [el('code', { className: 'upload-raw-value', text: issue.raw_value })]),
    el('td', { text: issue.reason }),
    el('td', {}, [issue.rejects_row
      ? el('span', { className: 'badge text-bg-danger', text: t('upload.issues.kind.rejected') })
      : el('span', { className: 'badge text-bg-warning', text: t('upload.issues.kind.warning') })]),
  ]);
}

function downloadLink(id, iconName, label) {
  return el('a', { className: 'btn btn-sm btn-outline-primary', attrs: { id, href: '#' } }, [icon(iconName), ' ', label]);
}

function pagerButton(id, label) {
  return el('button', { className: 'btn btn-sm btn-outline-secondary', attrs: { type: 'button', id }, text: label });
}

// Builds the panel inside `container`; `onError(error)` reports a failed load. Returns
// { show(uploadId) }, which loads the first page of that upload's issues.
export function createIssuesPanel(container, { prefix, onError }) {
  const id = (name) => `${prefix}-issues-${name}`;
  const kind = el('select', { className: 'form-select form-select-sm upload-issues-kind', attrs: { id: id('kind') } },
    KINDS.map(([value, label]) => el('option', { attrs: { value }, text: label() })));
  const csv = downloadLink(id('csv'), 'filetype-csv', t('upload.issues.download_csv'));
  const xlsx = downloadLink(id('xlsx'), 'file-earmark-spreadsheet', t('upload.issues.download_xlsx'));
  const tbody = el('tbody', { attrs: { id: id('tbody') } });
  const count = el('span', { className: 'small text-body-secondary me-auto', attrs: { id: id('count'), 'aria-live': 'polite' } });
  const previous = pagerButton(id('prev'), t('upload.issues.previous'));
  const next = pagerButton(id('next'), t('upload.issues.next'));
  const headings = [
    ['text-end', t('upload.issues.col.line')], ['', t('upload.issues.col.column')],
    ['', t('upload.issues.col.raw_value')], ['', t('upload.issues.col.reason')], ['', t('upload.issues.col.kind')],
  ];
  container.replaceChildren(
    el('div', { className: 'card-body pb-2 d-flex flex-wrap align-items-center gap-2' }, [
      el('h3', { className: 'h6 mb-0 me-auto', text: t('upload.issues.title') }),
      el('label', { className: 'small text-body-secondary', attrs: { for: id('kind') }, text: t('upload.issues.filter') }),
      kind, csv, xlsx,
    ]),
    el('div', { className: 'table-responsive' }, [
      el('table', { className: 'table table-sm table-hover align-top mb-0 upload-issues-table', attrs: { id: id('table') } }, [
        el('thead', {}, [el('tr', {}, headings.map(([className, label]) => el('th', { className, attrs: { scope: 'col' }, text: label })))]),
        tbody,
      ]),
    ]),
    el('div', { className: 'card-body pt-2 d-flex align-items-center gap-2' }, [count, previous, next]),
  );

  let uploadId = null;
  let page = 1;
  let generation = 0;  // a reply for an earlier upload or page is dropped

  async function load() {
    if (uploadId === null) return;
    const current = ++generation;
    const base = `/api/v1/uploads/${uploadId}`;
    csv.href = `${base}/issues.csv?kind=${kind.value}`;
    xlsx.href = `${base}/issues.xlsx?kind=${kind.value}`;
    try {
      const answer = await apiGet(`${base}/issues?kind=${kind.value}&page=${page}&per_page=${PER_PAGE}`);
      if (current !== generation) return;
      tbody.replaceChildren(...answer.items.map(issueRow));
      if (!answer.items.length) {
        tbody.append(el('tr', {}, [el('td', { className: 'text-body-secondary', attrs: { colspan: 5 }, text: t('upload.issues.none') })]));
      }
      const from = answer.total ? (answer.page - 1) * answer.per_page + 1 : 0;
      const to = Math.min(answer.total, answer.page * answer.per_page);
      count.textContent = answer.total
        ? t('upload.issues.count', { from: formatNumber(from), to: formatNumber(to), total: formatNumber(answer.total) })
        : '';
      previous.disabled = answer.page <= 1;
      next.disabled = to >= answer.total;
      for (const link of [csv, xlsx]) link.classList.toggle('disabled', !answer.total);
    } catch (error) {
      if (current === generation) onError(error);
    }
  }

  kind.addEventListener('change', () => {
    page = 1;
    load();
  });
  previous.addEventListener('click', () => {
    page = Math.max(1, page - 1);
    load();
  });
  next.addEventListener('click', () => {
    page += 1;
    load();
  });

  return {
    show(id) {
      uploadId = id;
      page = 1;
      load();
    },
  };
}
