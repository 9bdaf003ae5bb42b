// The segment map (admins): every mapped CODE with its segment and what the latest position
// holds of it, the CODEs in the data that the map lacks (one click adds one), and adding,
// changing or removing a CODE. The server checks every rule and re-aggregates the
// dashboards on each change; this page only reloads the list afterwards.
import { api, apiDelete, apiGet, apiPost } from './api.mjs';
import { clearFormErrors, el, icon, setFormBusy, showAlert, showFormError } from './dom.mjs';
import { formatDate, formatNumber, formatRupiah } from './format.mjs';
import { t } from './i18n.mjs';

const feedback = document.getElementById('segments-feedback');
const addForm = document.getElementById('segments-add-form');
const tbody = document.getElementById('segments-tbody');
const stateBox = document.getElementById('segments-state');
const countBox = document.getElementById('segments-count');
const latestBox = document.getElementById('segments-latest');
const searchInput = document.getElementById('segments-search');
const unknownCard = document.getElementById('segments-unknown');
const unknownBody = document.getElementById('segments-unknown-tbody');
const confirmForm = document.getElementById('segments-confirm-form');

let listing = null; // the last answer of GET /api/v1/segments
let removing = null; // the code the confirm modal removes

const codePath = (code) => `/api/v1/segments/${encodeURIComponent(code)}`;

function modal(form) {
  return window.bootstrap.Modal.getOrCreateInstance(form.closest('.modal'));
}

function success(message) {
  showAlert(feedback, 'success', message);
}

function failure(error) {
  if (error.status !== 401) showAlert(feedback, 'danger', error.message);
}

function segmentOptions(select, selected) {
  select.replaceChildren(...listing.segments.map((segment) =>
    el('option', { text: segment, attrs: { value: segment, selected: segment === selected } })));
  select.value = selected;
}

function segmentSelect(code, selected) {
  const select = el('select', {
    className: 'form-select form-select-sm',
    attrs: { 'aria-label': t('segments.segment_of', { code }), 'data-role': 'segment' },
  });
  segmentOptions(select, selected);
  return select;
}

function amountCells(entry) {
  return [
    el('td', { className: 'text-end', text: formatNumber(entry.rows) }),
    el('td', { className: 'text-end text-nowrap', text: formatRupiah(entry.os) }),
  ];
}

function actionButton(action, iconName, label, kind) {
  return el('button', {
    className: `btn btn-sm btn-outline-${kind}`,
    attrs: { type: 'button', 'data-action': action },
  }, [icon(iconName), ` ${label}`]);
}

// ---- the tables --------------------------------------------------------------------

function mappedRow(entry) {
  const save = actionButton('save', 'check-lg', t('segments.save'), 'primary');
  save.disabled = true;
  const select = segmentSelect(entry.code, entry.segment);
  select.addEventListener('change', () => {
    save.disabled = select.value === entry.segment;
  });
  const actions = el('div', { className: 'btn-group' }, [save,
    actionButton('remove', 'trash', t('segments.remove'), 'danger')]);
  return el('tr', { dataset: { code: entry.code } }, [
    el('td', { className: 'reference-code', text: entry.code }),
    el('td', {}, [select]),
    ...amountCells(entry),
    el('td', { className: 'text-end' }, [actions]),
  ]);
}

function unknownRow(entry) {
  const rows = entry.rows > 0
    ? amountCells(entry)
    : [el('td', { className: 'text-end reference-note', text: t('segments.unknown.earlier'), attrs: { colspan: 2 } })];
  return el('tr', { dataset: { code: entry.code } }, [
    el('td', { className: 'reference-code', text: entry.code }),
    ...rows,
    el('td', {}, [segmentSelect(entry.code, listing.fallback_segment)]),
    el('td', { className: 'text-end' }, [actionButton('add', 'plus-lg', t('segments.unknown.add'), 'primary')]),
  ]);
}

function matches(entry, query) {
  return !query || entry.code.toLowerCase().includes(query) || entry.segment.toLowerCase().includes(query);
}

function renderMapped() {
  const query = searchInput.value.trim().toLowerCase();
  const shown = listing.codes.filter((entry) => matches(entry, query));
  tbody.replaceChildren(...shown.map(mappedRow));
  countBox.textContent = t('segments.count', { shown: shown.length, total: listing.codes.length });
  stateBox.hidden = shown.length > 0;
  stateBox.textContent = listing.codes.length === 0 ? t('segments.empty') : t('segments.none_match');
}

function render() {
  latestBox.textContent = listing.latest_position
    ? t('segments.latest', { date: formatDate(listing.latest_position) })
    : t('segments.no_data');
  document.getElementById('segments-unknown-intro').textContent =
    t('segments.unknown.intro', { segment: listing.fallback_segment });
  unknownCard.hidden = listing.unknown.length === 0;
  unknownBody.replaceChildren(...listing.unknown.map(unknownRow));
  renderMapped();
}

async function load() {
  try {
    listing = await apiGet('/api/v1/segments');
    segmentOptions(addForm.elements.namedItem('segment'), listing.fallback_segment);
    render();
  } catch (error) {
    const retry = el('button', { className: 'btn btn-sm btn-outline-primary ms-2', attrs: { type: 'button' }, text: t('segments.retry') });
    retry.addEventListener('click', load);
    stateBox.hidden = false;
    stateBox.replaceChildren(el('span', { className: 'text-danger', text: t('segments.load_failed', { message: error.message }) }), retry);
  }
}

// ---- changes -----------------------------------------------------------------------

function changeMessage(change) {
  if (!change.changed) return t('segments.msg.unchanged', { code: change.code, segment: change.after });
  if (change.before === null) return t('segments.msg.added', { code: change.code, segment: change.after });
  if (change.after === null) {
    return t('segments.msg.removed', { code: change.code, segment: listing.fallback_segment });
  }
  return t('segments.msg.changed', { code: change.code, before: change.before, after: change.after });
}

// Runs a change from a table button (disabled meanwhile), then reloads the list.
async function runFromButton(button, request) {
  button.disabled = true;
  try {
    const { change } = await request();
    await load();
    success(changeMessage(change));
  } catch (error) {
    button.disabled = false;
    failure(error);
  }
}

function rowSegment(row) {
  return row.querySelector('select[data-role="segment"]').value;
}

tbody.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('button[data-action]') : null;
  if (!button || button.disabled) return;
  const row = button.closest('tr');
  const { code } = row.dataset;
  if (button.dataset.action === 'save') {
    runFromButton(button, () => api('PUT', codePath(code), { segment: rowSegment(row) }));
  } else if (button.dataset.action === 'remove') {
    openRemove(code);
  }
});

unknownBody.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('button[data-action="add"]') : null;
  if (!button || button.disabled) return;
  const row = button.closest('tr');
  runFromButton(button, () => apiPost('/api/v1/segments', { code: row.dataset.code, segment: rowSegment(row) }));
});

addForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearFormErrors(addForm);
  const code = addForm.elements.namedItem('code').value.trim();
  if (!code) {
    showFormError(addForm, 'code', t('segments.error.code'));
    return;
  }
  if (addForm.getAttribute('aria-busy') === 'true') return;
  setFormBusy(addForm, true);
  try {
    const { change } = await apiPost('/api/v1/segments', { code, segment: addForm.elements.namedItem('segment').value });
    addForm.elements.namedItem('code').value = '';
    await load();
    success(changeMessage(change));
  } catch (error) {
    if (error.status !== 401) showFormError(addForm, error.field, error.message);
  } finally {
    setFormBusy(addForm, false);
  }
});

function openRemove(code) {
  removing = code;
  clearFormErrors(confirmForm);
  confirmForm.querySelector('[data-fill="title"]').textContent = t('segments.confirm.title', { code });
  confirmForm.querySelector('[data-fill="text"]').textContent =
    t('segments.confirm.text', { code, segment: listing.fallback_segment });
  modal(confirmForm).show();
}

confirmForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!removing || confirmForm.getAttribute('aria-busy') === 'true') return;
  setFormBusy(confirmForm, true);
  try {
    const { change } = await apiDelete(codePath(removing));
    removing = null;
    modal(confirmForm).hide();
    await load();
    success(changeMessage(change));
  } catch (error) {
    if (error.status !== 401) showFormError(confirmForm, null, error.message);
  } finally {
    setFormBusy(confirmForm, false);
  }
});

searchInput.addEventListener('input', () => {
  if (listing) renderMapped();
});

load();
