// Home (/): the latest position's cards (OS, %DPK, %NPL, %LAR, NSB, each with its DtD and
// MtD change), a small OS trend, the last upload and its status, and the business days of
// the last weeks without data. One API call (/api/v1/dashboard/home). With nothing loaded
// the page keeps its "no data" card (with the upload link for admins).
import { apiGet } from './api.mjs';
import { PALETTE, chartCard, exactTooltip } from './charts.mjs';
import {
  DASH,
  changeTone,
  chartNumber,
  columnDate,
  formatChange,
  formatChangePercent,
  formatValue,
  tableDate,
  unitLabel,
} from './dashboard_format.mjs';
import { metricLabel, setBusy, showError, unitSwitch } from './dashboard_page.mjs';
import { bindUrlState, unitField } from './dashboard_state.mjs';
import { el } from './dom.mjs';
import { formatDateTime, formatNumber } from './format.mjs';
import { pageLang, t } from './i18n.mjs';
import { statusBadge } from './upload_format.mjs';

const $ = (id) => document.getElementById(id);
const root = $('home-app');
const lang = pageLang();
const CHANGES = [
  { key: 'dtd', label: 'DtD', base: 'D' },
  { key: 'mtd', label: 'MtD', base: 'C' },
];

let data = null;
const units = unitSwitch($('home-unit'), (unit) => urlState.update({ unit }));
const trend = chartCard({ id: 'home-trend', title: t('dash.home.trend'), fileName: 'os_trend', height: 'sm' });
$('home-trend-col').append(trend.card);

function valueText(card, unit) {
  const text = formatValue(card.value, card.metric_kind, { unit, lang });
  if (text === DASH) return text;
  if (card.metric_kind === 'percent') return `${text}%`;
  return text;
}

function changeLine(card, change, columns, unit) {
  const delta = card[change.key] ?? null;
  const tone = delta ? changeTone(delta.value, card.rise_is_good) : 'neutral';
  const suffix = card.metric_kind === 'percent' ? ` ${t('dash.home.pp')}` : '';
  const value = formatChange(delta?.value ?? null, card.metric_kind, { unit, lang });
  const percent = formatChangePercent(delta?.percent ?? null, { lang });
  const base = columns?.[change.base] ?? null;
  return el('div', {
    className: `home-change cmp-${tone}`,
    dataset: { change: change.key },
    attrs: { title: t('dash.table.change_title', { label: change.label, to: columnDate(columns?.E ?? null, { lang }), from: base ? columnDate(base, { lang }) : t('dash.table.no_position') }) },
  }, [
    el('span', { className: 'home-change-label', text: change.label }),
    el('span', { className: 'home-change-value', text: value === DASH ? value : `${value}${suffix}` }),
    el('span', { className: 'home-change-pct', text: percent === DASH ? '' : `${percent}%` }),
  ]);
}

function figureCard(card, columns, unit) {
  const unitText = card.metric_kind === 'amount' ? unitLabel(unit) : (card.metric_kind === 'count' ? t('dash.home.customers') : '');
  return el('section', { className: 'card app-card home-card', attrs: { id: `home-card-${card.metric}`, 'aria-label': metricLabel(card.metric) } }, [
    el('div', { className: 'card-body' }, [
      el('h3', { className: 'home-card-label', text: metricLabel(card.metric) }),
      el('p', { className: 'home-card-value mb-0' }, [
        el('span', { className: 'home-card-number', text: valueText(card, unit) }),
        unitText ? el('span', { className: 'home-card-unit', text: unitText }) : null,
      ]),
      el('div', { className: 'home-changes' }, CHANGES.map((change) => changeLine(card, change, columns, unit))),
    ]),
  ]);
}

function drawTrend(points, unit) {
  trend.setTitle(t('dash.home.trend_title', { unit: unitLabel(unit) }), 'os_trend');
  trend.draw({
    type: 'line',
    data: {
      labels: points.map((point) => columnDate(point.position, { lang })),
      datasets: [{
        label: metricLabel('os'),
        data: points.map((point) => chartNumber(point.os, 'amount', unit)),
        borderColor: PALETTE[0],
        backgroundColor: 'rgba(0, 82, 156, 0.12)',
        fill: true,
        pointRadius: 1.5,
        tension: 0.2,
      }],
    },
    options: {
      plugins: { legend: { display: false }, tooltip: exactTooltip((_, idx) => formatValue(points[idx].os, 'amount', { unit, lang })) },
      scales: { x: { ticks: { maxTicksLimit: 6 } } },
    },
  });
}

function drawUpload(upload) {
  $('home-upload-none').hidden = Boolean(upload);
  $('home-upload-facts').hidden = !upload;
  if (!upload) return;
  $('home-upload-file').textContent = upload.file_name;
  $('home-upload-status').replaceChildren(statusBadge(upload.status));
  $('home-upload-time').textContent = formatDateTime(upload.completed_at || upload.created_at, { empty: DASH });
  $('home-upload-rows').textContent = t('dash.home.upload.rows_value', {
    accepted: formatNumber(upload.rows_accepted ?? 0),
    rejected: formatNumber(upload.rows_rejected ?? 0),
  });
}

function drawMissing(days) {
  $('home-missing-none').hidden = days.length > 0;
  $('home-missing-list').replaceChildren(...days.map((day) => el('li', {
    className: 'badge text-bg-warning-subtle home-missing-day', text: tableDate(day),
  })));
}

function draw(state) {
  const none = !data.position;
  $('home-data-card').hidden = !none;
  $('home-figures').hidden = none;
  $('home-actions').hidden = none;
  $('home-details').hidden = none && !data.last_upload;
  $('home-trend-col').hidden = none;
  $('home-missing').parentElement.hidden = none;
  drawUpload(data.last_upload ?? null);
  drawMissing(data.missing_days || []);
  if (none) return;
  units.set(state.unit);
  $('home-position').textContent = t('dash.position_line', { date: tableDate(data.position), unit: unitLabel(state.unit) });
  $('home-cards').replaceChildren(...(data.cards || []).map((card) => figureCard(card, data.columns, state.unit)));
  drawTrend(data.trend || [], state.unit);
}

const urlState = bindUrlState({ unit: unitField() }, (state) => {
  if (data) draw(state);
});

async function start() {
  try {
    data = await apiGet('/api/v1/dashboard/home');
    draw(urlState.get());
  } catch (error) {
    showError($('home-feedback'), error);
  } finally {
    setBusy(root, false);
  }
}

start();
