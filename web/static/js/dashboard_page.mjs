// What the dashboard pages share: the pickers filled from /api/v1/positions, the amount
// unit switch, the export links, the "no data" panel, loading and error states, and the
// labels of metrics and kanca.
import { apiGet } from './api.mjs';
import { UNITS, tableDate, unitLabel } from './dashboard_format.mjs';
import { el, showAlert } from './dom.mjs';
import { t } from './i18n.mjs';

export const METRICS = ['os', 'dpk', 'dpk_pct', 'npl', 'npl_pct', 'lr', 'lr_pct', 'lar', 'lar_pct', 'nsb'];
export const GROUPS = ['SME', 'MEDIUM', 'SMALL_KUR', 'SMALL', 'SMALL_NCC', 'CC', 'KUR'];

const METRIC_LABELS = {
  os: () => t('dash.metric.os'),
  dpk: () => t('dash.metric.dpk'),
  dpk_pct: () => t('dash.metric.dpk_pct'),
  npl: () => t('dash.metric.npl'),
  npl_pct: () => t('dash.metric.npl_pct'),
  lr: () => t('dash.metric.lr'),
  lr_pct: () => t('dash.metric.lr_pct'),
  lar: () => t('dash.metric.lar'),
  lar_pct: () => t('dash.metric.lar_pct'),
  nsb: () => t('dash.metric.nsb'),
};

export function metricLabel(metric) {
  return (METRIC_LABELS[metric] || (() => metric))();
}

// "amount" | "percent" | "count", as the API names it, for metrics named without a
// response (Grafik Harian's points carry every metric).
export function metricKind(metric) {
  if (metric === 'nsb') return 'count';
  return metric.endsWith('_pct') ? 'percent' : 'amount';
}

export function loadPositions() {
  return apiGet('/api/v1/positions');
}

export function groupLabel(positions, code) {
  const group = (positions.groups || []).find((item) => item.code === code);
  return group ? group.label : code;
}

export function kancaById(positions, id) {
  return (positions.kancas || []).find((kanca) => kanca.id === id) || null;
}

// Replaces a <select>'s options: [{ value, label }], selecting `value`.
export function fillSelect(select, options, value) {
  select.replaceChildren(...options.map((option) => el('option', {
    attrs: { value: option.value, selected: option.value === value },
    text: option.label,
  })));
  select.value = value;
}

export function positionOptions(positions, { latestLabel = true } = {}) {
  const list = positions.positions || [];
  const options = list.map((date) => ({ value: date, label: tableDate(date) }));
  if (latestLabel && list.length) {
    options.unshift({ value: '', label: t('dash.filter.latest', { date: tableDate(list[0]) }) });
  }
  return options;
}

export function groupOptions(positions) {
  const groups = positions.groups && positions.groups.length
    ? positions.groups
    : GROUPS.map((code) => ({ code, label: code }));
  return groups.map((group) => ({ value: group.code, label: group.label }));
}

export function kancaOptions(positions, allLabel) {
  return [{ value: 'all', label: allLabel },
    ...(positions.kancas || []).map((kanca) => ({
      value: kanca.id,
      label: kanca.code ? `${kanca.code} – ${kanca.name}` : kanca.name,
    }))];
}

// The Rp / Rp juta / Rp M switch as a radio button group inside `container`.
export function unitSwitch(container, onChange) {
  const name = `${container.id || 'unit'}-choice`;
  const parts = [];
  for (const unit of UNITS) {
    const id = `${name}-${unit}`;
    const input = el('input', {
      className: 'btn-check',
      attrs: { type: 'radio', name, id, value: unit, autocomplete: 'off' },
    });
    input.addEventListener('change', () => {
      if (input.checked) onChange(unit);
    });
    parts.push(input, el('label', { className: 'btn btn-sm btn-outline-primary', attrs: { for: id }, text: unitLabel(unit) }));
  }
  container.replaceChildren(el('div', {
    className: 'btn-group',
    attrs: { role: 'group', 'aria-label': t('dash.unit.label') },
  }, parts));
  return {
    set(unit) {
      container.querySelectorAll('input').forEach((input) => {
        input.checked = input.value === unit;
      });
    },
  };
}

// A URL under /api/v1/dashboard/<kind>/export with the view's parameters (empty ones left
// out) plus format and unit.
export function exportHref(kind, params, format, unit) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(name, value);
  }
  query.set('format', format);
  query.set('unit', unit);
  return `/api/v1/dashboard/${kind}/export?${query}`;
}

export function setHref(link, href) {
  if (link) link.setAttribute('href', href);
}

// Shows the "no data" panel (and hides `content`) when nothing is loaded.
export function showNoData(noData, content, none) {
  if (noData) noData.hidden = !none;
  if (content) content.hidden = none;
}

// Buttons marked data-print print the page (the print stylesheet drops the chrome).
export function setupPrint() {
  document.querySelectorAll('[data-print]').forEach((button) => {
    button.addEventListener('click', () => window.print());
  });
}

export function setBusy(root, busy) {
  root.setAttribute('aria-busy', String(busy));
  root.classList.toggle('dash-busy', busy);
}

export function showError(feedback, error) {
  showAlert(feedback, 'danger', error instanceof Error ? error.message : String(error));
}

export function clearFeedback(feedback) {
  feedback.replaceChildren();
}

// "Posisi 09/10/2025" line under a page title, with the unit shown.
export function positionLine(position, unit) {
  return t('dash.position_line', { date: tableDate(position), unit: unitLabel(unit) });
}

// Loads JSON for a view and drops answers that arrive after a newer request started, so
// a fast click sequence never shows an older view last.
export function latestOnly() {
  let generation = 0;
  return async (path) => {
    generation += 1;
    const mine = generation;
    const data = await apiGet(path);
    return mine === generation ? data : null;
  };
}

// A page's `show(state)`: fetches `/api/v1/dashboard/<endpoint>` for the state's API
// parameters (only when they changed since the view shown, so a unit switch redraws
// without a request), then draws it. On an error the content stays visible when data is
// loaded (`hasData()`), so a bookmark of a position since deleted can still be changed.
export function viewLoader({ endpoint, apiParams, draw, root, feedback, content, hasData }) {
  const fetchView = latestOnly();
  let view = null; // { key, data } of the API answer shown
  return async (state) => {
    const query = new URLSearchParams(Object.entries(apiParams(state)).filter(([, value]) => value !== ''));
    const key = `/api/v1/dashboard/${endpoint}?${query}`;
    setBusy(root, true);
    try {
      if (!view || view.key !== key) {
        const data = await fetchView(key);
        if (!data) return;
        view = { key, data };
      }
      clearFeedback(feedback);
      draw(view.data, state);
    } catch (error) {
      if (hasData()) content.hidden = false;
      showError(feedback, error);
    } finally {
      setBusy(root, false);
    }
  };
}
