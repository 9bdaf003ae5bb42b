// Dashboard Summary (/summary/), "Performance Highlights SME": RO (all kanca) or one kanca,
// tabs Konsol, Only and Medium Only, ten sections (END BAL … NASABAH) each with its header
// row and group (or kanca) rows, in one comparison table. One API call per view.
import { unitLabel } from './dashboard_format.mjs';
import {
  exportHref,
  fillSelect,
  kancaById,
  kancaOptions,
  loadPositions,
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
import { pageLang, t } from './i18n.mjs';

const $ = (id) => document.getElementById(id);
const root = $('summary-app');
const feedback = $('summary-feedback');
const lang = pageLang();

const TABS = ['konsol', 'only', 'medium'];
const TAB_LABELS = {
  konsol: () => t('dash.summary.tab.konsol'),
  only: () => t('dash.summary.tab.only'),
  medium: () => t('dash.summary.tab.medium'),
};
const TAB_HELP = {
  konsol: () => t('dash.summary.help.konsol'),
  only: () => t('dash.summary.help.only'),
  medium: () => t('dash.summary.help.medium'),
};
const SECTION_TITLES = {
  os: () => t('dash.section.os'),
  dpk: () => t('dash.section.dpk'),
  dpk_pct: () => t('dash.section.dpk_pct'),
  npl: () => t('dash.section.npl'),
  npl_pct: () => t('dash.section.npl_pct'),
  lr: () => t('dash.section.lr'),
  lr_pct: () => t('dash.section.lr_pct'),
  lar: () => t('dash.section.lar'),
  lar_pct: () => t('dash.section.lar_pct'),
  nsb: () => t('dash.section.nsb'),
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const schema = {
  tab: { fallback: 'konsol', values: TABS },
  kanca: { fallback: 'all', values: (value) => value.length <= 100 },
  position: { fallback: '', values: (value) => ISO_DATE.test(value) },
  unit: unitField(),
};

let positions = null;
const units = unitSwitch($('summary-unit'), (unit) => urlState.update({ unit }));

function apiParams(state) {
  return { tab: state.tab, kanca: state.kanca, position: state.position };
}

function sectionOf(section, state) {
  const title = SECTION_TITLES[section.metric] ? SECTION_TITLES[section.metric]() : section.metric;
  return {
    key: section.metric,
    title: section.metric_kind === 'amount' ? `${title} (${unitLabel(state.unit)})` : title,
    metricKind: section.metric_kind,
    riseIsGood: section.rise_is_good,
    rows: section.rows.map((row) => ({
      key: row.kind === 'header' ? `${section.metric}:header` : `${section.metric}:${row.group ?? row.kanca_id ?? row.code ?? row.label}`,
      code: row.code ?? null,
      name: row.label,
      kind: row.kind,
      indent: row.kind === 'header' ? 0 : (row.label.startsWith('–') ? 2 : 1),
      values: row.values,
      changes: row.changes,
      komitmen: row.komitmen ?? null,
    })),
  };
}

function scopeName(data) {
  return data.kanca ? data.kanca.name : t('dash.filter.kanca_all');
}

function drawTable(data, state) {
  $('summary-table').replaceChildren(comparisonTable({
    id: 'summary-table-main',
    caption: `${t('dash.summary.heading')} – ${TAB_LABELS[state.tab]()} – ${scopeName(data)}`,
    captionHidden: true,
    columns: data.columns,
    unit: state.unit,
    lang,
    codeColumn: state.tab === 'medium',
    komitmen: data.komitmen ?? null,
    nameHeader: state.tab === 'medium' ? t('dash.table.kanca') : t('dash.table.segment'),
    emptyText: t('dash.table.empty'),
    sections: (data.sections || []).map((section) => sectionOf(section, state)),
  }));
}

function drawTabs(state) {
  for (const link of $('summary-tabs').querySelectorAll('a[data-tab]')) {
    const active = link.dataset.tab === state.tab;
    link.classList.toggle('active', active);
    if (active) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
    link.setAttribute('href', urlState.href({ tab: link.dataset.tab }));
  }
  $('summary-tab-help').textContent = TAB_HELP[state.tab]();
}

function draw(data, state) {
  const none = data.position === null;
  showNoData($('dash-nodata'), $('summary-content'), none);
  $('summary-actions').hidden = none;
  if (none) {
    $('summary-subtitle').textContent = t('dash.nodata.subtitle');
    return;
  }
  $('summary-kanca').value = kancaById(positions, state.kanca) ? state.kanca : 'all';
  $('summary-position').value = state.position;
  units.set(state.unit);
  $('summary-subtitle').textContent = `${scopeName(data)} · ${positionLine(data.position, state.unit)}`;
  drawTabs(state);
  drawTable(data, state);
  const params = apiParams(state);
  setHref($('summary-export-xlsx'), exportHref('summary', params, 'xlsx', state.unit));
  setHref($('summary-export-csv'), exportHref('summary', params, 'csv', state.unit));
}

const show = viewLoader({
  endpoint: 'summary', apiParams, draw, root, feedback, content: $('summary-content'),
  hasData: () => Boolean(positions?.latest),
});

const urlState = bindUrlState(schema, show);

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
  fillSelect($('summary-kanca'), kancaOptions(positions, t('dash.filter.kanca_all')), state.kanca);
  fillSelect($('summary-position'), positionOptions(positions), state.position);
  $('summary-filters').addEventListener('submit', (event) => event.preventDefault());
  $('summary-kanca').addEventListener('change', (event) => urlState.update({ kanca: event.target.value }));
  $('summary-position').addEventListener('change', (event) => urlState.update({ position: event.target.value }));
  $('summary-tabs').addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[data-tab]') : null;
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    urlState.update({ tab: link.dataset.tab });
  });
  if (!positions.latest) {
    draw({ position: null }, state);
    setBusy(root, false);
    return;
  }
  urlState.show();
}

start();
