// The unit hierarchy (admins): every unit with its kanca, kind (the kanca's own office or a
// KCP), where that comes from (the data or a master entry) and its last position, filtered
// by kanca and searched; editing a unit's name, kanca and kind; returning a unit to what
// the data says; importing a master list (units_import.mjs). The server checks every rule
// and re-aggregates the dashboards; this page reloads the list after each change.
import { api, apiDelete, apiGet } from './api.mjs';
import { clearFormErrors, el, icon, setFormBusy, showAlert, showFormError } from './dom.mjs';
import { formatDate, formatDateTime } from './format.mjs';
import { t } from './i18n.mjs';
import { setupImport } from './units_import.mjs';

const NEW_KANCA = 'new:'; // the kanca picker's "new kanca" value: keys are upper case

const feedback = document.getElementById('units-feedback');
const tbody = document.getElementById('units-tbody');
const stateBox = document.getElementById('units-state');
const countBox = document.getElementById('units-count');
const kancaFilter = document.getElementById('units-kanca');
const searchInput = document.getElementById('units-search');
const editForm = document.getElementById('units-edit-form');
const confirmForm = document.getElementById('units-confirm-form');

let units = [];
let kancas = [];
let editing = null; // the unit the edit modal works on
let removing = null; // the unit the confirm modal returns to the data

const masterPath = (code) => `/api/v1/units/${encodeURIComponent(code)}/master`;

function modal(form) {
  return window.bootstrap.Modal.getOrCreateInstance(form.closest('.modal'));
}

function success(message) {
  showAlert(feedback, 'success', message);
}

function kancaLabel(kanca) {
  return kanca.code ? `${kanca.code} · ${kanca.name}` : kanca.name;
}

function note(text) {
  return el('div', { className: 'reference-note', text });
}

// ---- the table ---------------------------------------------------------------------

function kancaCell(unit) {
  const children = [el('div', { text: unit.kanca }),
    note(unit.kode_kanca ? t('units.kanca_code', { code: unit.kode_kanca }) : t('units.no_code'))];
  if (unit.master && unit.rows && unit.rows.kanca.toUpperCase() !== unit.kanca_key) {
    children.push(note(t('units.rows_say', { kanca: unit.rows.kanca })));
  }
  return el('td', {}, children);
}

function kindCell(unit) {
  const office = unit.kind === 'office';
  return el('td', {}, [el('span', {
    className: `badge ${office ? 'text-bg-primary' : 'text-bg-light border'}`,
    text: office ? t('units.kind.office') : t('units.kind.kcp'),
  })]);
}

function sourceCell(unit) {
  if (!unit.master) return el('td', { text: t('units.source.rows') });
  const label = unit.master.source === 'import' ? t('units.source.import') : t('units.source.edit');
  const by = t('units.source.by', {
    name: unit.master.updated_by || '-',
    time: formatDateTime(unit.master.updated_at),
  });
  return el('td', {}, [el('div', { text: label }), note(by)]);
}

function actionsCell(unit) {
  const edit = el('button', {
    className: 'btn btn-sm btn-outline-primary',
    attrs: { type: 'button', 'data-action': 'edit' },
  }, [icon('pencil'), ` ${t('units.action.edit')}`]);
  const buttons = [edit];
  if (unit.master) {
    buttons.push(el('button', {
      className: 'btn btn-sm btn-outline-secondary',
      attrs: { type: 'button', 'data-action': 'remove-master' },
    }, [icon('arrow-counterclockwise'), ` ${t('units.action.remove_master')}`]));
  }
  return el('td', { className: 'text-end' }, [el('div', { className: 'btn-group' }, buttons)]);
}

function unitRow(unit) {
  return el('tr', { dataset: { code: unit.kode_uker } }, [
    el('td', { className: 'reference-code', text: unit.kode_uker }),
    el('td', { text: unit.uker || t('units.no_name') }),
    kancaCell(unit),
    kindCell(unit),
    sourceCell(unit),
    el('td', { text: unit.last_position ? formatDate(unit.last_position) : t('units.no_data') }),
    actionsCell(unit),
  ]);
}

function matches(unit, kancaKey, query) {
  if (kancaKey && unit.kanca_key !== kancaKey) return false;
  return !query || unit.kode_uker.toLowerCase().includes(query) || unit.uker.toLowerCase().includes(query);
}

function render() {
  const query = searchInput.value.trim().toLowerCase();
  const shown = units.filter((unit) => matches(unit, kancaFilter.value, query));
  tbody.replaceChildren(...shown.map(unitRow));
  countBox.textContent = t('units.count', { shown: shown.length, total: units.length });
  stateBox.hidden = shown.length > 0;
  stateBox.textContent = units.length === 0 ? t('units.empty') : t('units.none_match');
}

function fillKancaFilter() {
  const selected = kancaFilter.value;
  kancaFilter.replaceChildren(el('option', { text: t('units.filter.all'), attrs: { value: '' } }),
    ...kancas.map((kanca) => el('option', { text: kancaLabel(kanca), attrs: { value: kanca.key } })));
  kancaFilter.value = kancas.some((kanca) => kanca.key === selected) ? selected : '';
}

async function load() {
  try {
    ({ units, kancas } = await apiGet('/api/v1/units'));
    fillKancaFilter();
    render();
  } catch (error) {
    const retry = el('button', { className: 'btn btn-sm btn-outline-primary ms-2', attrs: { type: 'button' }, text: t('units.retry') });
    retry.addEventListener('click', load);
    stateBox.hidden = false;
    stateBox.replaceChildren(el('span', { className: 'text-danger', text: t('units.load_failed', { message: error.message }) }), retry);
  }
}

// ---- editing -----------------------------------------------------------------------

const field = (name) => editForm.elements.namedItem(name);
const chosenKanca = () => kancas.find((kanca) => kanca.key === field('kanca_choice').value) || null;
const chosenKind = () => (document.getElementById('units-edit-kind-office').checked ? 'office' : 'kcp');

// Keeps the form consistent: a new kanca needs a name; an office's code is its own; an
// existing kanca's code is its own (typed only when it has none); and says when the
// kanca's current office would become a KCP.
function syncEditForm() {
  const kanca = chosenKanca();
  const office = chosenKind() === 'office';
  document.getElementById('units-edit-kanca-name-group').hidden = kanca !== null;
  const code = field('kode_kanca');
  if (office) {
    code.value = editing.kode_uker;
  } else if (kanca && kanca.code && kanca.office !== editing.kode_uker) {
    code.value = kanca.code;
  } else if (code.readOnly) {
    code.value = '';
  }
  code.readOnly = office || Boolean(kanca && kanca.code && kanca.office !== editing.kode_uker);
  const demote = document.getElementById('units-edit-demote');
  const former = office && kanca && kanca.office && kanca.office !== editing.kode_uker
    ? units.find((unit) => unit.kode_uker === kanca.office) : null;
  demote.hidden = !former;
  demote.textContent = former ? t('units.hint.demote', { code: former.kode_uker, name: former.uker }) : '';
}

function openEdit(unit) {
  editing = unit;
  editForm.reset();
  clearFormErrors(editForm);
  editForm.querySelector('[data-fill="code"]').textContent = unit.kode_uker;
  field('uker').value = unit.uker;
  const choice = field('kanca_choice');
  choice.replaceChildren(...kancas.map((kanca) => el('option', { text: kancaLabel(kanca), attrs: { value: kanca.key } })),
    el('option', { text: t('units.field.kanca_new'), attrs: { value: NEW_KANCA } }));
  choice.value = unit.kanca_key;
  document.getElementById(unit.kind === 'office' ? 'units-edit-kind-office' : 'units-edit-kind-kcp').checked = true;
  field('kode_kanca').value = unit.kode_kanca || '';
  field('kode_kanca').readOnly = false;
  syncEditForm();
  modal(editForm).show();
}

function savedMessage(result) {
  if (!result.changed) return t('units.msg.unchanged', { code: editing.kode_uker });
  const other = result.writes.find((write) => write.kode_uker !== editing.kode_uker);
  return other
    ? t('units.msg.saved_demoted', { code: editing.kode_uker, other: other.kode_uker })
    : t('units.msg.saved', { code: editing.kode_uker });
}

editForm.addEventListener('change', (event) => {
  if (event.target.name === 'kanca_choice' || event.target.name === 'kind') syncEditForm();
});

editForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearFormErrors(editForm);
  const kanca = chosenKanca();
  const body = {
    uker: field('uker').value.trim(),
    kanca: kanca ? kanca.name : field('kanca').value.trim(),
    kode_kanca: field('kode_kanca').value.trim(),
    kind: chosenKind(),
  };
  if (!body.kanca) {
    showFormError(editForm, 'kanca', t('units.error.kanca'));
    return;
  }
  if (editForm.getAttribute('aria-busy') === 'true') return;
  setFormBusy(editForm, true);
  try {
    const result = await api('PUT', masterPath(editing.kode_uker), body);
    modal(editForm).hide();
    await load();
    success(savedMessage(result));
  } catch (error) {
    if (error.status !== 401) showFormError(editForm, error.field, error.message);
  } finally {
    setFormBusy(editForm, false);
  }
});

// ---- back to the data --------------------------------------------------------------

function openRemove(unit) {
  removing = unit;
  clearFormErrors(confirmForm);
  confirmForm.querySelector('[data-fill="title"]').textContent = t('units.confirm.title', { code: unit.kode_uker });
  confirmForm.querySelector('[data-fill="text"]').textContent = t('units.confirm.text', { code: unit.kode_uker });
  modal(confirmForm).show();
}

confirmForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!removing || confirmForm.getAttribute('aria-busy') === 'true') return;
  setFormBusy(confirmForm, true);
  try {
    await apiDelete(masterPath(removing.kode_uker));
    modal(confirmForm).hide();
    await load();
    success(t('units.msg.removed', { code: removing.kode_uker }));
    removing = null;
  } catch (error) {
    if (error.status !== 401) showFormError(confirmForm, null, error.message);
  } finally {
    setFormBusy(confirmForm, false);
  }
});

// ---- wiring ------------------------------------------------------------------------

tbody.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('button[data-action]') : null;
  if (!button) return;
  const unit = units.find((item) => item.kode_uker === button.closest('tr').dataset.code);
  if (!unit) return;
  if (button.dataset.action === 'edit') openEdit(unit);
  if (button.dataset.action === 'remove-master') openRemove(unit);
});

kancaFilter.addEventListener('change', render);
searchInput.addEventListener('input', render);

setupImport(async (result) => {
  await load();
  success(result.summary.added + result.summary.changed > 0
    ? t('units.import.done', { added: result.summary.added, changed: result.summary.changed })
    : t('units.import.done_nothing'));
});

load();
