// Grafik Harian (/grafik-harian/): OS, DPK, NPL and LAR (or their %) as lines, by group
// and kanca, in three views: daily over a date range (default: the last 60 positions),
// compare months (x = day of month, one line per month) and monthly (the last position of
// each month). The figures are also listed in a table. One API call per view.
import { PALETTE, chartCard, exactTooltip } from './charts.mjs';
import { chartNumber, columnDate, formatValue, monthHeader, tableDate, unitLabel } from './dashboard_format.mjs';
import {
  GROUPS,
  exportHref,
  fillSelect,
  groupLabel,
  groupOptions,
  kancaById,
  kancaOptions,
  loadPositions,
  metricKind,
  metricLabel,
  setBusy,
  setHref,
  setupPrint,
  showError,
  showNoData,
  unitSwitch,
  viewLoader,
} from './dashboard_page.mjs';
import { bindUrlState, unitField } from './dashboard_state.mjs';
import { el } from './dom.mjs';
import { pageLang, t } from './i18n.mjs';

const $ = (id) => document.getElementById(id);
const root = $('daily-app');
const feedback = $('daily-feedback');
const lang = pageLang();

const VIEWS = ['daily', 'compare', 'monthly'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH_CHOICES = Array.from({ length: 12 }, (_, idx) => String(idx + 1));
const schema = {
  view: { fallback: 'daily', values: VIEWS },
  group: { fallback: 'SME', values: GROUPS },
  kanca: { fallback: 'all', values: (value) => value.length <= 100 },
  from: { fallback: '', values: (value) => ISO_DATE.test(value) },
  to: { fallback: '', values: (value) => ISO_DATE.test(value) },
  months: { fallback: '3', values: MONTH_CHOICES },
  measure: { fallback: 'amount', values: ['amount', 'pct'] },
  unit: unitField(),
};
// The table's figure columns, in the order the bank reads them.
const TABLE_METRICS = ['os', 'dpk', 'dpk_pct', 'npl', 'npl_pct', 'lr', 'lr_pct', 'lar', 'lar_pct', 'nsb'];
const CHARTS = ['os', 'dpk', 'npl', 'lar'];

let positions = null;
const units = unitSwitch($('daily-unit'), (unit) => urlState.update({ unit }));
const charts = Object.fromEntries(CHARTS.map((metric) => [metric, chartCard({
  id: `daily-chart-${metric}`, title: metricLabel(metric), fileName: `grafik_${metric}`,
})]));
$('daily-charts').append(...CHARTS.map((metric) => el('div', { className: 'col-12 col-lg-6' }, [charts[metric].card])));

function apiParams(state) {
  const params = { view: state.view, group: state.group, kanca: state.kanca, to: state.to };
  if (state.view === 'compare') params.months = state.months;
  else params.from = state.from;
  return params;
}

function chartMetric(base, state) {
  return base === 'os' || state.measure === 'amount' ? base : `${base}_pct`;
}

// "2025-02" → 28: the compare view's x axis runs to the longest month shown.
function daysInMonth(isoMonth) {
  const [year, month] = isoMonth.split('-').map(Number);
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

// The view as [{ label, points }] lines over shared x labels.
function linesOf(data) {
  if (data.view === 'compare') {
    const series = data.series || [];
    const lastDay = Math.max(28, ...series.map((month) => daysInMonth(month.month)));
    const days = Array.from({ length: lastDay }, (_, idx) => idx + 1);
    return {
      labels: days.map(String),
      lines: series.map((month) => ({
        label: monthHeader(month.month, { lang }),
        points: days.map((day) => month.points.find((point) => point.day === day) ?? null),
      })),
    };
  }
  const points = data.points || [];
  const label = data.view === 'monthly'
    ? (point) => monthHeader(point.month, { lang })
    : (point) => columnDate(point.position, { lang });
  return { labels: points.map(label), lines: [{ label: '', points }] };
}

function pointTitle(point, data) {
  if (!point) return '';
  return data.view === 'monthly' ? `${monthHeader(point.month, { lang })} (${tableDate(point.position)})` : tableDate(point.position);
}

function drawCharts(data, state) {
  const { labels, lines } = linesOf(data);
  const scope = `${groupLabel(positions, state.group)} · ${state.kanca === 'all' ? t('dash.filter.kanca_all') : (kancaById(positions, state.kanca)?.name ?? state.kanca)}`;
  for (const base of CHARTS) {
    const metric = chartMetric(base, state);
    const kind = metricKind(metric);
    const unitText = kind === 'amount' ? ` (${unitLabel(state.unit)})` : '';
    charts[base].setTitle(`${metricLabel(metric)}${unitText} – ${scope}`, `grafik_${data.view}_${metric}_${state.group}`);
    charts[base].draw({
      type: 'line',
      data: {
        labels,
        datasets: lines.map((line, idx) => ({
          label: line.label || metricLabel(metric),
          data: line.points.map((point) => (point ? chartNumber(point[metric], kind, state.unit) : null)),
          borderColor: PALETTE[idx % PALETTE.length],
          backgroundColor: PALETTE[idx % PALETTE.length],
          pointRadius: data.view === 'daily' ? 1.5 : 3,
          spanGaps: true,
          tension: 0.15,
        })),
      },
      options: {
        interaction: { mode: 'index', intersect: false },
        plugins: {
          legend: { display: data.view === 'compare' },
          tooltip: exactTooltip((lineIdx, idx) => {
            const point = lines[lineIdx].points[idx];
            return point ? `${formatValue(point[metric], kind, { unit: state.unit, lang })} · ${pointTitle(point, data)}` : '–';
          }),
        },
        scales: { x: { title: { display: data.view === 'compare', text: t('dash.daily.day_of_month') } } },
      },
    });
  }
}

// The rows the table lists: [{ month?, day?, position, ...figures }].
function tableRows(data) {
  if (data.view === 'compare') {
    return (data.series || []).flatMap((month) => month.points.map((point) => ({ ...point, month: month.month })));
  }
  return data.points || [];
}

function drawTable(data, state) {
  const rows = tableRows(data);
  const leading = [];
  if (data.view !== 'daily') leading.push({ key: 'month', header: t('dash.table.month'), cell: (row) => monthHeader(row.month, { lang }) });
  if (data.view === 'compare') leading.push({ key: 'day', header: t('dash.table.day'), cell: (row) => String(row.day) });
  leading.push({ key: 'position', header: t('dash.table.position'), cell: (row) => tableDate(row.position) });
  const head = el('tr', {}, [
    ...leading.map((column) => el('th', { attrs: { scope: 'col', 'data-col': column.key }, text: column.header })),
    ...TABLE_METRICS.map((metric) => el('th', {
      className: 'text-end', attrs: { scope: 'col', 'data-col': metric }, text: metricLabel(metric),
    })),
  ]);
  const body = el('tbody', {}, rows.map((row) => el('tr', { dataset: { key: row.position } }, [
    ...leading.map((column, idx) => el(idx === leading.length - 1 ? 'th' : 'td', {
      attrs: { scope: idx === leading.length - 1 ? 'row' : null, 'data-col': column.key }, text: column.cell(row),
    })),
    ...TABLE_METRICS.map((metric) => el('td', {
      className: 'text-end cmp-num', attrs: { 'data-col': metric },
      text: formatValue(row[metric] ?? null, metricKind(metric), { unit: state.unit, lang }),
    })),
  ])));
  if (!rows.length) {
    body.append(el('tr', {}, [el('td', { className: 'cmp-empty', attrs: { colspan: leading.length + TABLE_METRICS.length }, text: t('dash.table.empty') })]));
  }
  const caption = el('caption', { className: 'visually-hidden', text: t('dash.daily.table_caption', { unit: unitLabel(state.unit) }) });
  const table = el('table', { className: 'table table-sm table-hover cmp-table mb-0', attrs: { id: 'daily-table-main' } }, [caption, el('thead', {}, [head]), body]);
  $('daily-table').replaceChildren(el('div', { className: 'table-responsive cmp-scroll cmp-scroll-tall' }, [table]));
}

function rangeOf(data) {
  const rows = tableRows(data);
  const dates = rows.map((row) => row.position).filter(Boolean).sort();
  return { from: data.from ?? dates[0] ?? '', to: data.to ?? dates.at(-1) ?? '' };
}

function drawPickers(data, state) {
  for (const link of $('daily-views').querySelectorAll('a[data-view]')) {
    const active = link.dataset.view === state.view;
    link.classList.toggle('active', active);
    if (active) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
    link.setAttribute('href', urlState.href({ view: link.dataset.view }));
  }
  for (const node of $('daily-filters').querySelectorAll('[data-for-views]')) {
    node.hidden = !node.dataset.forViews.split(' ').includes(state.view);
  }
  $('daily-group').value = state.group;
  $('daily-kanca').value = kancaById(positions, state.kanca) ? state.kanca : 'all';
  $('daily-months').value = state.months;
  const range = rangeOf(data);
  $('daily-from').value = state.from || range.from;
  $('daily-to').value = state.to || range.to;
  $(`daily-measure-${state.measure}`).checked = true;
  units.set(state.unit);
  const defaults = { daily: t('dash.daily.help.daily'), compare: t('dash.daily.help.compare'), monthly: t('dash.daily.help.monthly') };
  $('daily-range-help').textContent = defaults[state.view];
  $('daily-range-reset').hidden = !state.from && !state.to && state.months === '3';
  $('daily-subtitle').textContent = t('dash.daily.subtitle', { from: tableDate(range.from || null), to: tableDate(range.to || null), unit: unitLabel(state.unit) });
}

function draw(data, state) {
  const none = !positions.latest;
  showNoData($('dash-nodata'), $('daily-content'), none);
  $('daily-actions').hidden = none;
  if (none) {
    $('daily-subtitle').textContent = t('dash.nodata.subtitle');
    return;
  }
  drawPickers(data, state);
  drawCharts(data, state);
  drawTable(data, state);
  const params = apiParams(state);
  setHref($('daily-export-xlsx'), exportHref('daily', params, 'xlsx', state.unit));
  setHref($('daily-export-csv'), exportHref('daily', params, 'csv', state.unit));
}

const show = viewLoader({
  endpoint: 'daily', apiParams, draw, root, feedback, content: $('daily-content'),
  hasData: () => Boolean(positions?.latest),
});

const urlState = bindUrlState(schema, show);

function wire() {
  $('daily-filters').addEventListener('submit', (event) => event.preventDefault());
  $('daily-group').addEventListener('change', (event) => urlState.update({ group: event.target.value }));
  $('daily-kanca').addEventListener('change', (event) => urlState.update({ kanca: event.target.value }));
  $('daily-months').addEventListener('change', (event) => urlState.update({ months: event.target.value }));
  for (const name of ['from', 'to']) {
    $(`daily-${name}`).addEventListener('change', (event) => {
      if (event.target.value === '' || ISO_DATE.test(event.target.value)) urlState.update({ [name]: event.target.value });
    });
  }
  for (const input of $('daily-filters').querySelectorAll('input[name="measure"]')) {
    input.addEventListener('change', () => {
      if (input.checked) urlState.update({ measure: input.value });
    });
  }
  $('daily-range-reset').addEventListener('click', () => urlState.update({ from: '', to: '', months: '3' }));
  $('daily-views').addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[data-view]') : null;
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    urlState.update({ view: link.dataset.view });
  });
}

async function start() {
  setupPrint();
  try {
    positions = await loadPositions();
  } catch (error) {
    setBusy(root, false);
    showError(feedback, error);
    return;
  }
  const state = urlState.get();
  fillSelect($('daily-group'), groupOptions(positions), state.group);
  fillSelect($('daily-kanca'), kancaOptions(positions, t('dash.filter.kanca_all')), state.kanca);
  fillSelect($('daily-months'), MONTH_CHOICES.map((value) => ({ value, label: value })), state.months);
  const dates = positions.positions || [];
  if (dates.length) {
    for (const name of ['from', 'to']) {
      $(`daily-${name}`).min = dates.at(-1);
      $(`daily-${name}`).max = dates[0];
    }
  }
  wire();
  if (!positions.latest) {
    draw({}, state);
    setBusy(root, false);
    return;
  }
  urlState.show();
}

start();
