// How View data shows a loan row's values and its counts: dates dd/mm/yyyy, amounts from
// their exact decimal strings in the page's number style, flags as words. Pure (no DOM),
// so node tests it.
import { formatDate, formatNumber } from './format.mjs';
import { t } from './i18n.mjs';

export const EMPTY = '–';

// The text of `value` for a column of `type` (the API's column types).
export function valueText(type, value, lang) {
  if (value === null || value === undefined || value === '') return EMPTY;
  switch (type) {
    case 'date':
      return formatDate(value);
    case 'amount':
      return formatNumber(value, { lang, fractionDigits: 2 });
    case 'rate':
      return formatNumber(value, { lang, fractionDigits: 4 });
    case 'integer':
      return formatNumber(value, { lang });
    case 'flag':
      return value ? t('view_data.flag.yes') : t('view_data.flag.no');
    default:
      return String(value);
  }
}

// "41 baris", "Lebih dari 100.000 baris" (the count stopped at its cap) or "Sedikitnya
// 4.200 baris" (a search over every position stopped counting at its time budget).
export function countText(count, lang) {
  const shown = formatNumber(count.count, { lang });
  if (count.bound === 'more_than') return t('view_data.count.more', { count: shown });
  if (count.bound === 'at_least') return t('view_data.count.at_least', { count: shown });
  return t('view_data.count.exact', { count: shown });
}

// Whether an XLSX of the counted rows would pass the sheet limit, as far as the count knows.
export function overXlsxLimit(count, max) {
  if (!count) return false;
  return count.bound === 'more_than' ? count.count >= max : count.count > max;
}

// "Halaman 3 · baris 201–300" for page `page` (1-based) of `shown` rows.
export function pageText(page, pageRows, shown, lang) {
  if (shown === 0) return t('view_data.page.none', { page: formatNumber(page, { lang }) });
  const from = (page - 1) * pageRows + 1;
  return t('view_data.page.info', {
    page: formatNumber(page, { lang }),
    from: formatNumber(from, { lang }),
    to: formatNumber(from + shown - 1, { lang }),
  });
}

// The sort a click on `column` asks for: the other direction of the current column, or a
// new column from its usual start (newest position first, other columns smallest first).
export function nextSort(current, column) {
  if (current.sort === column) return { sort: column, dir: current.dir === 'desc' ? 'asc' : 'desc' };
  return { sort: column, dir: column === 'periode' ? 'desc' : 'asc' };
}

// The direction a sort shows when the URL names none.
export function effectiveDir(sort, dir) {
  if (dir === 'asc' || dir === 'desc') return dir;
  return sort === 'periode' ? 'desc' : 'asc';
}
