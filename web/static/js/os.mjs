// Dashboard OS (/os/): pick group, metric, position (and a kanca); the KANCA KONSOL, KANCA
// ONLY and KCP ONLY tables with their totals, and three charts: E by kanca, the group's
// split by grade and the metric over the last positions. One API call per view
// (/api/v1/dashboard/os), the pickers from /api/v1/positions; the view lives in the URL.
import { chartCard, exactTooltip, GRADE_COLOURS, PALETTE } from './charts.mjs';
import {
  chartNumber,
  columnDate,
  formatAmount,
  formatValue,
  unitLabel,
} from './dashboard_format.mjs';
import {
  GROUPS,
  METRICS,
  exportHref,
  fillSelect,
  groupLabel,
  groupOptions,
  kancaById,
  kancaOptions,
  loadPositions,
  metricLabel,
  positionLine,
  positionOptions,
  setBusy,
  setHref,
  setupPrint,
  showError,
  showNoData,
  unitSwitch,
  viewLoader,
} from './dashboard_page.mjs';
import { bindUrlState, unitField } from './dashboard_state.mjs';
import { comparisonTable } from './dashboard_table.mjs';
import { el } from './dom.mjs';
import { pageLang, t } from './i18n.mjs';

const $ = (id) => document.getElementById(id);
const root = $('os-app');
const feedback = $('os-feedback');
const lang = pageLang();

const TABLES = [
  { id: 'konsol', title: () => t('dash.os.table.konsol'), nameHeader: () => t('dash.table.kanca') },
  { id: 'kanca_only', title: () => t('dash.os.table.kanca_only'), nameHeader: () => t('dash.table.kanca') },
  { id: 'kcp_only', title: () => t('dash.os.table.kcp_only'), nameHeader: () => t('dash.table.uker') },
];
const TABLE_ELEMENT = { konsol: 'os-konsol', kanca_only: 'os-kanca-only', kcp_only: 'os-kcp-only' };
const GRADES = [
  { kol: 1, label: () => t('dash.grade.1') },
  { kol: 2, label: () => t('dash.grade.2') },
  { kol: 3, label: () => t('dash.grade.3') },
  { kol: 4, label: () => t('dash.grade.4') },
  { kol: 5, label: () => t('dash.grade.5') },
];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const schema = {
  group: { fallback: 'SME', values: GROUPS },
  metric: { fallback: 'os', values: METRICS },
  position: { fallback: '', values: (value) => ISO_DATE.test(value) },
  kanca: { fallback: 'all', values: (value) => value.length <= 100 },
  unit: unitField(),
};

let positions = null;
const units = unitSwitch($('os-unit'), (unit) => urlState.update({ unit }));
const charts = {
  byKanca: chartCard({ id: 'os-chart-kanca', title: t('dash.os.chart.by_kanca'), fileName: 'os_by_kanca' }),
  byGrade: chartCard({ id: 'os-chart-grade', title: t('dash.os.chart.by_grade'), fileName: 'os_by_grade' }),
  trend: chartCard({ id: 'os-chart-trend', title: t('dash.os.chart.trend'), fileName: 'os_trend' }),
};
$('os-charts').append(
  el('div', { className: 'col-12 col-xl-5' }, [charts.byKanca.card]),
  el('div', { className: 'col-12 col-md-5 col-xl-3' }, [charts.byGrade.card]),
  el('div', { className: 'col-12 col-md-7 col-xl-4' }, [charts.trend.card]),
);

function apiParams(state) {
  return {
    group: state.group,
    metric: state.metric,
    position: state.position,
    kanca: state.kanca === 'all' ? '' : state.kanca,
  };
}

function rowsOf(table, state) {
  const linkable = table.id === 'konsol' && state.kanca === 'all';
  return table.rows.map((row) => ({
    key: row.code ?? row.kanca_id ?? row.name,
    code: row.code ?? null,
    name: row.name,
    note: table.id === 'kcp_only' ? row.kanca_name : null,
    values: row.values,
    changes: row.changes,
    komitmen: row.komitmen ?? null,
    href: linkable ? urlState.href({ kanca: row.kanca_id }) : null,
    kanca_id: row.kanca_id,
  })).concat(table.total ? [{
    key: 'total',
    name: t('dash.table.total'),
    kind: 'total',
    values: table.total.values,
    changes: table.total.changes,
    komitmen: table.total.komitmen ?? null,
  }] : []);
}

function drawTables(data, state) {
  const lookup = Object.fromEntries((data.tables || []).map((table) => [table.id, table]));
  const what = `${metricLabel(data.metric)} · ${groupLabel(positions, data.group)}`;
  for (const spec of TABLES) {
    const table = lookup[spec.id] || { id: spec.id, rows: [], total: null };
    const unitText = data.metric_kind === 'amount' ? ` (${unitLabel(state.unit)})` : '';
    $(`${TABLE_ELEMENT[spec.id]}-table`).replaceChildren(comparisonTable({
      id: `os-table-${spec.id}`,
      caption: `${spec.title()} – ${what}${unitText}`,
      captionHidden: true,
      columns: data.columns,
      unit: state.unit,
      lang,
      codeColumn: true,
      komitmen: data.komitmen ?? null,
      nameHeader: spec.nameHeader(),
      emptyText: t('dash.table.empty'),
      sections: [{ metricKind: data.metric_kind, riseIsGood: data.rise_is_good, rows: rowsOf({ ...table, id: spec.id }, state) }],
      linkRow: (row) => urlState.update({ kanca: row.kanca_id }),
    }));
  }
}

function axisTicks(kind) {
  return {
    callback(value) {
      return kind === 'percent' ? `${value.toLocaleString(lang === 'en' ? 'en-US' : 'id-ID')}%`
        : value.toLocaleString(lang === 'en' ? 'en-US' : 'id-ID');
    },
  };
}

function drawCharts(data, state) {
  const kind = data.metric_kind;
  const unit = state.unit;
  const scope = state.kanca === 'all' ? '' : ` · ${kancaById(positions, state.kanca)?.name ?? state.kanca}`;
  const metric = metricLabel(data.metric);
  const byKanca = data.charts?.by_kanca || [];
  charts.byKanca.setTitle(
    (state.kanca === 'all'
      ? t('dash.os.chart.by_kanca_title', { metric, date: columnDate(data.position, { lang }) })
      : t('dash.os.chart.by_unit_title', { metric, date: columnDate(data.position, { lang }) })) + scope,
    `os_${data.group}_${data.metric}_${data.position}_by_kanca`,
  );
  charts.byKanca.draw({
    type: 'bar',
    data: {
      labels: byKanca.map((item) => item.name),
      datasets: [{ label: metric, data: byKanca.map((item) => chartNumber(item.value, kind, unit)), backgroundColor: PALETTE[0] }],
    },
    options: {
      indexAxis: byKanca.length > 8 ? 'y' : 'x',
      plugins: { legend: { display: false }, tooltip: exactTooltip((_, idx) => formatValue(byKanca[idx].value, kind, { unit, lang })) },
      scales: { [byKanca.length > 8 ? 'x' : 'y']: { ticks: axisTicks(kind) } },
    },
  });

  const grades = data.charts?.by_grade || [];
  charts.byGrade.setTitle(
    t('dash.os.chart.by_grade_title', { group: groupLabel(positions, data.group) }) + scope,
    `os_${data.group}_${data.position}_by_grade`,
  );
  charts.byGrade.draw({
    type: 'doughnut',
    data: {
      labels: grades.map((item) => GRADES[item.kol - 1]?.label() ?? String(item.kol)),
      datasets: [{ data: grades.map((item) => chartNumber(item.os, 'amount', unit)), backgroundColor: GRADE_COLOURS }],
    },
    options: {
      plugins: {
        legend: { position: 'bottom' },
        tooltip: exactTooltip((_, idx) => `${formatAmount(grades[idx].os, { unit, lang })} ${unitLabel(unit)}`),
      },
    },
  });

  const trend = data.charts?.trend || [];
  charts.trend.setTitle(
    t('dash.os.chart.trend_title', { metric, count: trend.length }) + scope,
    `os_${data.group}_${data.metric}_trend`,
  );
  charts.trend.draw({
    type: 'line',
    data: {
      labels: trend.map((point) => columnDate(point.position, { lang })),
      datasets: [{
        label: metric,
        data: trend.map((point) => chartNumber(point.value, kind, unit)),
        borderColor: PALETTE[0],
        backgroundColor: PALETTE[0],
        pointRadius: 2,
        tension: 0.2,
      }],
    },
    options: {
      plugins: { legend: { display: false }, tooltip: exactTooltip((_, idx) => formatValue(trend[idx].value, kind, { unit, lang })) },
      scales: { y: { ticks: axisTicks(kind) } },
    },
  });
}

function updateLinks(state) {
  const params = apiParams(state);
  setHref($('os-export-xlsx'), exportHref('os', params, 'xlsx', state.unit));
  for (const spec of TABLES) {
    setHref($(`${TABLE_ELEMENT[spec.id]}-csv`), exportHref('os', { ...params, table: spec.id }, 'csv', state.unit));
  }
  setHref($('os-kanca-all'), urlState.href({ kanca: 'all' }));
}

function showPickers(state, data) {
  $('os-group').value = state.group;
  $('os-metric').value = state.metric;
  $('os-position').value = state.position;
  $('os-kanca').value = kancaById(positions, state.kanca) ? state.kanca : 'all';
  units.set(state.unit);
  $('os-subtitle').textContent = positionLine(data.position, state.unit);
  const kanca = state.kanca === 'all' ? null : kancaById(positions, state.kanca);
  $('os-kanca-banner').hidden = !kanca;
  $('os-kanca-banner-text').textContent = kanca ? t('dash.os.kanca_banner', { name: kanca.name }) : '';
}

function draw(data, state) {
  showNoData($('dash-nodata'), $('os-content'), data.position === null);
  $('os-actions').hidden = data.position === null;
  if (data.position === null) {
    $('os-subtitle').textContent = t('dash.nodata.subtitle');
    return;
  }
  showPickers(state, data);
  drawTables(data, state);
  drawCharts(data, state);
  updateLinks(state);
}

const show = viewLoader({
  endpoint: 'os', apiParams, draw, root, feedback, content: $('os-content'),
  hasData: () => Boolean(positions?.latest),
});

const urlState = bindUrlState(schema, show);

function wirePickers() {
  $('os-filters').addEventListener('submit', (event) => event.preventDefault());
  $('os-group').addEventListener('change', (event) => urlState.update({ group: event.target.value }));
  $('os-metric').addEventListener('change', (event) => urlState.update({ metric: event.target.value }));
  $('os-position').addEventListener('change', (event) => urlState.update({ position: event.target.value }));
  $('os-kanca').addEventListener('change', (event) => urlState.update({ kanca: event.target.value }));
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
  fillSelect($('os-group'), groupOptions(positions), state.group);
  fillSelect($('os-position'), positionOptions(positions), state.position);
  fillSelect($('os-kanca'), kancaOptions(positions, t('dash.filter.kanca_all')), state.kanca);
  wirePickers();
  if (!positions.latest) {
    draw({ position: null }, state);
    setBusy(root, false);
    return;
  }
  urlState.show();
}

start();
