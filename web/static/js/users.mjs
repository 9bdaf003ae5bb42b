// User management (admins): the user table with a search filter, and modals to create,
// edit, reset a password, activate/deactivate and unlock. The server enforces every rule;
// the page also keeps an admin from deactivating or demoting their own account.
import { apiGet, apiPatch, apiPost } from './api.mjs';
import { clearFormErrors, el, icon, setFormBusy, showAlert, showFormError } from './dom.mjs';
import { formatDateTime } from './format.mjs';
import { t } from './i18n.mjs';

const USERNAME_RE = /^[A-Za-z0-9._@+-]{3,150}$/;
const MIN_PASSWORD_LENGTH = 10;

const root = document.getElementById('users-app');
const currentUserId = root.dataset.currentUserId;
const tbody = document.getElementById('users-tbody');
const stateBox = document.getElementById('users-state');
const countBox = document.getElementById('users-count');
const searchInput = document.getElementById('users-search');
const feedback = document.getElementById('users-feedback');

const createForm = document.getElementById('user-create-form');
const editForm = document.getElementById('user-edit-form');
const passwordForm = document.getElementById('user-password-form');
const confirmForm = document.getElementById('user-confirm-form');

let users = [];
let editing = null;     // the user an open modal works on
let pendingAction = null;  // what the confirm modal does when confirmed

function modal(form) {
  return window.bootstrap.Modal.getOrCreateInstance(form.closest('.modal'));
}

function isSelf(user) {
  return String(user.id) === currentUserId;
}

function isLocked(user) {
  return Boolean(user.locked_until) && new Date(user.locked_until).getTime() > Date.now();
}

function fullName(user) {
  return [user.first_name, user.last_name].filter(Boolean).join(' ');
}

function roleLabel(role) {
  return role === 'admin' ? t('role.admin') : t('role.user');
}

function passwordLength(text) {
  return [...text].length;
}

// ---- the table -------------------------------------------------------------------

function muted(text) {
  return el('span', { className: 'text-body-secondary', text });
}

function cellOrDash(value) {
  return value ? document.createTextNode(value) : muted('-');
}

// E-mail above phone number.
function contactCell(user) {
  if (!user.email && !user.phone_number) return el('td', { className: 'users-contact' }, [muted('-')]);
  return el('td', { className: 'users-contact' }, [
    user.email ? el('div', { className: 'users-email', text: user.email }) : null,
    user.phone_number
      ? el('div', { className: 'users-phone text-body-secondary text-nowrap', text: user.phone_number })
      : null,
  ]);
}

function statusCell(user) {
  const cell = el('td', { className: 'users-status' });
  cell.append(user.is_active
    ? el('span', { className: 'badge bg-success-subtle text-success-emphasis status-badge status-active', text: t('users.status.active') })
    : el('span', { className: 'badge bg-secondary-subtle text-secondary-emphasis status-badge status-inactive', text: t('users.status.inactive') }));
  if (isLocked(user)) {
    cell.append(el('div', { className: 'small text-warning-emphasis mt-1 users-locked' }, [
      icon('lock-fill'), ' ', t('users.status.locked', { time: formatDateTime(user.locked_until) }),
    ]));
  }
  return cell;
}

function actionButton(action, iconName, label, { disabled = false, title = label, variant = 'outline-secondary' } = {}) {
  return el('button', {
    className: `btn btn-sm btn-${variant}`,
    attrs: { type: 'button', 'aria-label': label, title, disabled, 'data-action': action },
  }, [icon(iconName)]);
}

function actionsCell(user) {
  const self = isSelf(user);
  const group = el('div', { className: 'btn-group', attrs: { role: 'group', 'aria-label': t('users.col.actions') } });
  group.append(actionButton('edit', 'pencil', t('users.action.edit')));
  group.append(actionButton('reset-password', 'key', t('users.action.reset_password')));
  if (user.is_active) {
    group.append(actionButton('deactivate', 'person-slash', t('users.action.deactivate'), {
      disabled: self, title: self ? t('validation.self_deactivate') : t('users.action.deactivate'),
      variant: 'outline-danger',
    }));
  } else {
    group.append(actionButton('activate', 'person-check', t('users.action.activate'), { variant: 'outline-success' }));
  }
  if (isLocked(user)) {
    group.append(actionButton('unlock', 'unlock', t('users.action.unlock'), { variant: 'outline-warning' }));
  }
  return el('td', { className: 'text-end text-nowrap' }, [group]);
}

function userRow(user) {
  const self = isSelf(user);
  const usernameCell = el('td', { className: 'fw-semibold users-username' }, [user.username]);
  if (self) usernameCell.append(' ', el('span', { className: 'badge text-bg-light border', text: t('users.you') }));
  const roleBadge = el('span', {
    className: `badge role-badge${user.role === 'admin' ? ' role-badge-admin' : ''}`,
    text: roleLabel(user.role),
  });
  const row = el('tr', {
    className: user.is_active ? '' : 'users-row-inactive',
    dataset: { userId: String(user.id), username: user.username },
  }, [
    usernameCell,
    el('td', { className: 'users-name' }, [cellOrDash(fullName(user))]),
    contactCell(user),
    el('td', {}, [roleBadge]),
    statusCell(user),
    el('td', { className: 'users-last-login text-nowrap' }, [
      user.last_login ? formatDateTime(user.last_login) : muted(t('users.never')),
    ]),
    actionsCell(user),
  ]);
  return row;
}

function matches(user, query) {
  if (!query) return true;
  const haystack = [user.username, fullName(user), user.email, user.phone_number]
    .filter(Boolean).join('\n').toLocaleLowerCase();
  return haystack.includes(query);
}

function render() {
  const query = searchInput.value.trim().toLocaleLowerCase();
  const shown = users.filter((user) => matches(user, query));
  tbody.replaceChildren(...shown.map(userRow));
  countBox.textContent = t('users.count', { shown: shown.length, total: users.length });
  if (users.length === 0) {
    stateBox.textContent = t('users.empty');
    stateBox.hidden = false;
  } else if (shown.length === 0) {
    stateBox.textContent = t('users.no_match', { query: searchInput.value.trim() });
    stateBox.hidden = false;
  } else {
    stateBox.hidden = true;
  }
}

function sortUsers(list) {
  return [...list].sort((a, b) => a.username.localeCompare(b.username));
}

function replaceUser(updated) {
  users = sortUsers(users.map((user) => (user.id === updated.id ? updated : user)));
  render();
}

async function loadUsers() {
  stateBox.hidden = false;
  stateBox.replaceChildren(el('span', { className: 'spinner-border spinner-border-sm me-2', attrs: { 'aria-hidden': 'true' } }), t('users.loading'));
  try {
    const data = await apiGet('/api/v1/users');
    users = sortUsers(data.users);
    render();
  } catch (error) {
    const retry = el('button', { className: 'btn btn-sm btn-outline-primary ms-2', attrs: { type: 'button' }, text: t('users.retry') });
    retry.addEventListener('click', loadUsers);
    stateBox.replaceChildren(el('span', { className: 'text-danger', text: t('users.load_failed', { message: error.message }) }), retry);
    countBox.textContent = '';
  }
}

// ---- forms -------------------------------------------------------------------------

function success(message) {
  showAlert(feedback, 'success', message);
}

// Runs `request` with the form disabled; server errors go to their field or the alert.
async function submitWith(form, request) {
  if (form.getAttribute('aria-busy') === 'true') return;
  setFormBusy(form, true);
  try {
    await request();
  } catch (error) {
    if (error.status !== 401) showFormError(form, error.field, error.message);
  } finally {
    setFormBusy(form, false);
  }
}

function fieldValue(form, name) {
  return form.elements.namedItem(name).value;
}

function checkPasswordPair(form) {
  const password = fieldValue(form, 'password');
  if (passwordLength(password) < MIN_PASSWORD_LENGTH) {
    showFormError(form, 'password', t('validation.password_length'));
    return false;
  }
  if (password !== fieldValue(form, 'password_confirm')) {
    showFormError(form, 'password_confirm', t('validation.password_mismatch'));
    return false;
  }
  return true;
}

function openCreate() {
  createForm.reset();
  clearFormErrors(createForm);
  modal(createForm).show();
}

createForm.addEventListener('submit', (event) => {
  event.preventDefault();
  clearFormErrors(createForm);
  const username = fieldValue(createForm, 'username').trim();
  if (!USERNAME_RE.test(username)) {
    showFormError(createForm, 'username', t('validation.username'));
    return;
  }
  if (!checkPasswordPair(createForm)) return;
  const body = {
    username,
    password: fieldValue(createForm, 'password'),
    role: fieldValue(createForm, 'role'),
    first_name: fieldValue(createForm, 'first_name').trim(),
    last_name: fieldValue(createForm, 'last_name').trim(),
    email: fieldValue(createForm, 'email').trim(),
    phone_number: fieldValue(createForm, 'phone_number').trim(),
  };
  submitWith(createForm, async () => {
    const data = await apiPost('/api/v1/users', body);
    users = sortUsers([...users.filter((user) => user.id !== data.user.id), data.user]);
    render();
    modal(createForm).hide();
    success(t('users.msg.created', { username: data.user.username }));
  });
});

function openEdit(user) {
  editing = user;
  editForm.reset();
  clearFormErrors(editForm);
  editForm.querySelector('[data-fill="username"]').textContent = user.username;
  editForm.elements.namedItem('first_name').value = user.first_name || '';
  editForm.elements.namedItem('last_name').value = user.last_name || '';
  editForm.elements.namedItem('email').value = user.email || '';
  editForm.elements.namedItem('phone_number').value = user.phone_number || '';
  const role = editForm.elements.namedItem('role');
  role.value = user.role;
  role.disabled = isSelf(user);
  document.getElementById('edit-role-hint').hidden = !isSelf(user);
  modal(editForm).show();
}

editForm.addEventListener('submit', (event) => {
  event.preventDefault();
  clearFormErrors(editForm);
  const user = editing;
  const body = {
    first_name: fieldValue(editForm, 'first_name').trim(),
    last_name: fieldValue(editForm, 'last_name').trim(),
    email: fieldValue(editForm, 'email').trim(),
    phone_number: fieldValue(editForm, 'phone_number').trim(),
  };
  const role = fieldValue(editForm, 'role');
  if (role !== user.role) {
    if (isSelf(user)) {
      showFormError(editForm, 'role', t('validation.self_demote'));
      return;
    }
    body.role = role;
  }
  submitWith(editForm, async () => {
    const data = await apiPatch(`/api/v1/users/${encodeURIComponent(user.id)}`, body);
    replaceUser(data.user);
    modal(editForm).hide();
    success(t('users.msg.updated', { username: data.user.username }));
  });
});

function openResetPassword(user) {
  editing = user;
  passwordForm.reset();
  clearFormErrors(passwordForm);
  passwordForm.querySelector('[data-fill="intro"]').textContent = t('users.form.reset_intro', { username: user.username });
  modal(passwordForm).show();
}

passwordForm.addEventListener('submit', (event) => {
  event.preventDefault();
  clearFormErrors(passwordForm);
  if (!checkPasswordPair(passwordForm)) return;
  const user = editing;
  const password = fieldValue(passwordForm, 'password');
  submitWith(passwordForm, async () => {
    const data = await apiPatch(`/api/v1/users/${encodeURIComponent(user.id)}`, { password });
    replaceUser(data.user);
    passwordForm.reset();
    modal(passwordForm).hide();
    success(t('users.msg.password_reset', { username: data.user.username }));
  });
});

// The confirm modal for activate/deactivate.
function openConfirm({ title, text, confirm, danger, run }) {
  clearFormErrors(confirmForm);
  confirmForm.querySelector('[data-fill="title"]').textContent = title;
  confirmForm.querySelector('[data-fill="text"]').textContent = text;
  confirmForm.querySelector('[data-fill="confirm"]').textContent = confirm;
  const button = document.getElementById('user-confirm-submit');
  button.classList.toggle('btn-danger', danger);
  button.classList.toggle('btn-primary', !danger);
  pendingAction = run;
  modal(confirmForm).show();
}

confirmForm.addEventListener('submit', (event) => {
  event.preventDefault();
  clearFormErrors(confirmForm);
  if (!pendingAction) return;
  const run = pendingAction;
  submitWith(confirmForm, async () => {
    await run();
    pendingAction = null;
    modal(confirmForm).hide();
  });
});

function setActive(user, active) {
  if (!active && isSelf(user)) {
    showAlert(feedback, 'danger', t('validation.self_deactivate'));
    return;
  }
  const name = { username: user.username };
  openConfirm({
    title: active ? t('users.confirm.activate_title') : t('users.confirm.deactivate_title'),
    text: active ? t('users.confirm.activate_text', name) : t('users.confirm.deactivate_text', name),
    confirm: active ? t('users.action.activate') : t('users.action.deactivate'),
    danger: !active,
    run: async () => {
      const data = await apiPatch(`/api/v1/users/${encodeURIComponent(user.id)}`, { is_active: active });
      replaceUser(data.user);
      success(active
        ? t('users.msg.activated', { username: data.user.username })
        : t('users.msg.deactivated', { username: data.user.username }));
    },
  });
}

async function unlock(user, button) {
  button.disabled = true;
  try {
    const data = await apiPatch(`/api/v1/users/${encodeURIComponent(user.id)}`, { unlock: true });
    replaceUser(data.user);
    success(t('users.msg.unlocked', { username: data.user.username }));
  } catch (error) {
    button.disabled = false;
    if (error.status !== 401) showAlert(feedback, 'danger', error.message);
  }
}

// ---- wiring ------------------------------------------------------------------------

tbody.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('button[data-action]') : null;
  if (!button || button.disabled) return;
  const row = button.closest('tr');
  const user = users.find((item) => String(item.id) === row.dataset.userId);
  if (!user) return;
  switch (button.dataset.action) {
    case 'edit': openEdit(user); break;
    case 'reset-password': openResetPassword(user); break;
    case 'deactivate': setActive(user, false); break;
    case 'activate': setActive(user, true); break;
    case 'unlock': unlock(user, button); break;
    default: break;
  }
});

document.getElementById('users-add').addEventListener('click', openCreate);
searchInput.addEventListener('input', render);

// Focus the first field when a form modal opens.
for (const form of [createForm, editForm, passwordForm]) {
  form.closest('.modal').addEventListener('shown.bs.modal', () => {
    const first = form.querySelector('input:not([type="hidden"]):not(:disabled)');
    if (first) first.focus();
  });
}

loadUsers();
