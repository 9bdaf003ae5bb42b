// The comparison table every dashboard shows (domain.md sections 6-7): a name column (and
// a code column), the values at positions A B C D E, then DtD % MoM % MtD % YtD % YoY %.
// Header cells carry the dates actually compared; a missing position or change shows "–";
// changes are coloured by the metric's good direction. Rows come in sections (Summary:
// END BAL, BD KOL 2, …; Dashboard OS: one untitled section) and total rows go in <tfoot>.
// Every cell carries data-col and every row data-key, for links, tests and exports.
// When the month has targets (issue 6), three more columns: Komitmen <month>, % Ach with
// its dot (> 100 % green, ≥ 95 % amber, else red) and Gap.
import {
  DASH,
  achievementTone,
  changeTone,
  columnDate,
  formatAchievement,
  formatChange,
  formatChangePercent,
  formatValue,
  monthHeader,
} from './dashboard_format.mjs';
import { el } from './dom.mjs';
import { pageLang, t } from './i18n.mjs';

export const VALUE_COLUMNS = ['A', 'B', 'C', 'D', 'E'];
// Each change and the position it is measured from (E − base).
export const CHANGES = [
  { key: 'dtd', label: 'DtD', base: 'D' },
  { key: 'mom', label: 'MoM', base: 'B' },
  { key: 'mtd', label: 'MtD', base: 'C' },
  { key: 'ytd', label: 'YtD', base: 'A' },
  { key: 'yoy', label: 'YoY', base: 'Y' },
];

const COLUMN_MEANING = {
  A: () => t('dash.column.A'),
  B: () => t('dash.column.B'),
  C: () => t('dash.column.C'),
  D: () => t('dash.column.D'),
  E: () => t('dash.column.E'),
};

function headerCell(mainText, subText, { col, title, className = '' }) {
  return el('th', {
    className: `text-end cmp-head ${className}`.trim(),
    attrs: { scope: 'col', title, 'data-col': col },
  }, [
    el('span', { className: 'cmp-head-main', text: mainText }),
    subText ? el('span', { className: 'cmp-head-sub', text: subText }) : null,
  ]);
}

function headerRow(columns, { codeColumn, nameHeader, lang, komitmen }) {
  const cells = [];
  if (codeColumn) cells.push(el('th', { attrs: { scope: 'col', 'data-col': 'code' }, text: t('dash.table.code') }));
  cells.push(el('th', { className: 'cmp-name', attrs: { scope: 'col', 'data-col': 'name' }, text: nameHeader }));
  for (const letter of VALUE_COLUMNS) {
    const date = columns[letter] ?? null;
    cells.push(headerCell(letter, columnDate(date, { lang }), {
      col: letter,
      title: `${COLUMN_MEANING[letter]()}: ${date ? columnDate(date, { lang }) : t('dash.table.no_position')}`,
      className: letter === 'E' ? 'cmp-e' : '',
    }));
  }
  for (const change of CHANGES) {
    const base = columns[change.base] ?? null;
    const title = t('dash.table.change_title', {
      label: change.label,
      to: columnDate(columns.E ?? null, { lang }),
      from: base ? columnDate(base, { lang }) : t('dash.table.no_position'),
    });
    cells.push(headerCell(change.label, `vs ${columnDate(base, { lang })}`, { col: change.key, title, className: 'cmp-change-start' }));
    cells.push(headerCell('%', '', { col: `${change.key}_pct`, title }));
  }
  if (komitmen) {
    const month = monthHeader(komitmen.month, { lang });
    cells.push(headerCell(t('dash.komitmen.target'), month, {
      col: 'komitmen', title: t('dash.komitmen.target_title', { month }), className: 'cmp-change-start',
    }));
    cells.push(headerCell(t('dash.komitmen.achievement'), '', { col: 'achievement', title: t('dash.komitmen.achievement_title') }));
    cells.push(headerCell(t('dash.komitmen.gap'), '', { col: 'gap', title: t('dash.komitmen.gap_title') }));
  }
  return el('tr', {}, cells);
}

function numberCell(text, { col, tone = 'neutral', className = '' }) {
  const missing = text === DASH;
  return el('td', {
    className: `text-end cmp-num${tone !== 'neutral' ? ` cmp-${tone}` : ''}${missing ? ' cmp-missing' : ''} ${className}`.trim(),
    attrs: { 'data-col': col },
    text,
  });
}

const TONE_TITLES = {
  good: () => t('dash.komitmen.tone.good'),
  warn: () => t('dash.komitmen.tone.warn'),
  bad: () => t('dash.komitmen.tone.bad'),
};

// The row's target, % Ach (with its dot) and Gap; "–" when it has no target.
function komitmenCells(row, section, { unit, lang }) {
  const kind = section.metricKind;
  const target = row.komitmen ?? null;
  const achievement = target?.achievement ?? null;
  const tone = achievementTone(achievement);
  const achievementCell = numberCell(formatAchievement(achievement, { lang }), { col: 'achievement' });
  if (tone) {
    achievementCell.prepend(el('span', {
      className: `ach-dot ach-${tone}`,
      attrs: { 'aria-hidden': 'true', 'data-tone': tone },
    }));
    achievementCell.title = TONE_TITLES[tone]();
  }
  const gap = target?.gap ?? null;
  return [
    numberCell(formatValue(target?.target ?? null, kind, { unit, lang }), { col: 'komitmen', className: 'cmp-change-start' }),
    achievementCell,
    numberCell(formatChange(gap, kind, { unit, lang }), { col: 'gap', tone: gap === null ? 'neutral' : changeTone(gap, section.riseIsGood) }),
  ];
}

function nameCell(row, { linkRow }) {
  const indent = row.indent ? ` cmp-indent-${row.indent}` : '';
  const cell = el('th', { className: `cmp-name${indent}`, attrs: { scope: 'row', 'data-col': 'name' } });
  if (row.href && linkRow) {
    const link = el('a', { className: 'cmp-link', attrs: { href: row.href }, text: row.name });
    link.addEventListener('click', (event) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      linkRow(row);
    });
    cell.append(link);
  } else {
    cell.textContent = row.name;
  }
  if (row.note) cell.append(el('span', { className: 'cmp-note', text: row.note }));
  return cell;
}

function bodyRow(row, section, options) {
  const { unit, lang, codeColumn } = options;
  const kind = section.metricKind;
  const values = row.values || {};
  const changes = row.changes || {};
  const cells = [];
  if (codeColumn) cells.push(el('td', { className: 'cmp-code', attrs: { 'data-col': 'code' }, text: row.kind === 'total' ? '' : (row.code ?? DASH) }));
  cells.push(nameCell(row, options));
  for (const letter of VALUE_COLUMNS) {
    cells.push(numberCell(formatValue(values[letter] ?? null, kind, { unit, lang }), {
      col: letter,
      className: letter === 'E' ? 'cmp-e' : '',
    }));
  }
  for (const change of CHANGES) {
    const delta = changes[change.key] ?? null;
    const tone = delta ? changeTone(delta.value, section.riseIsGood) : 'neutral';
    cells.push(numberCell(formatChange(delta?.value ?? null, kind, { unit, lang }), {
      col: change.key, tone, className: 'cmp-change-start',
    }));
    cells.push(numberCell(formatChangePercent(delta?.percent ?? null, { lang }), { col: `${change.key}_pct`, tone }));
  }
  if (options.komitmen) cells.push(...komitmenCells(row, section, options));
  return el('tr', {
    className: row.kind === 'header' ? 'cmp-row-header' : (row.kind === 'total' ? 'cmp-row-total' : ''),
    dataset: { key: row.key ?? row.name },
  }, cells);
}

function columnCount(codeColumn, komitmen) {
  return (codeColumn ? 2 : 1) + VALUE_COLUMNS.length + CHANGES.length * 2 + (komitmen ? 3 : 0);
}

// Builds the table. `spec`:
//   caption, columns (the API's comparison block), unit, nameHeader, codeColumn,
//   komitmen (the API's top-level komitmen: { month } shows the target columns, null not),
//   sections: [{ title?, key?, metricKind, riseIsGood, rows: [{ key, code?, name, note?,
//     values, changes, komitmen?, kind?: 'row'|'header'|'total', indent?, href? }] }],
//   linkRow(row): called when a row link is followed (without a modifier key),
//   emptyText: shown when no section has a row.
export function comparisonTable(spec) {
  const lang = spec.lang ?? pageLang();
  const options = { ...spec, lang };
  const table = el('table', { className: 'table table-sm table-hover cmp-table mb-0', attrs: { id: spec.id } });
  table.append(el('caption', { className: spec.captionHidden ? 'visually-hidden' : 'cmp-caption', text: spec.caption }));
  table.append(el('thead', {}, [headerRow(spec.columns || {}, options)]));
  const foot = el('tfoot');
  let rowCount = 0;
  for (const section of spec.sections) {
    const body = el('tbody', { dataset: { section: section.key ?? '' } });
    if (section.title) {
      body.append(el('tr', { className: 'cmp-section' }, [
        el('th', { attrs: { scope: 'rowgroup', colspan: columnCount(spec.codeColumn, spec.komitmen) }, text: section.title }),
      ]));
    }
    for (const row of section.rows) {
      const target = row.kind === 'total' ? foot : body;
      target.append(bodyRow(row, section, options));
      if (row.kind !== 'total') rowCount += 1;
    }
    table.append(body);
  }
  if (rowCount === 0 && spec.emptyText) {
    table.append(el('tbody', {}, [el('tr', {}, [
      el('td', { className: 'cmp-empty', attrs: { colspan: columnCount(spec.codeColumn, spec.komitmen) }, text: spec.emptyText }),
    ])]));
  }
  if (foot.childElementCount) table.append(foot);
  return el('div', { className: 'table-responsive cmp-scroll' }, [table]);
}
