// Change your own password: current, new (at least 10 characters) and confirmation.
// After a change the server signs out the account's other sessions.
import { apiPost } from './api.mjs';
import { clearFormErrors, setFormBusy, showAlert, showFormError } from './dom.mjs';
import { t } from './i18n.mjs';

const MIN_PASSWORD_LENGTH = 10;

const form = document.getElementById('password-form');
const result = document.getElementById('password-result');

function value(name) {
  return form.elements.namedItem(name).value;
}

// The first problem the browser can see before asking the server, as [field, message].
function localProblem() {
  const current = value('current_password');
  const next = value('new_password');
  if (!current) return ['current_password', t('validation.required')];
  if ([...next].length < MIN_PASSWORD_LENGTH) return ['new_password', t('validation.password_length')];
  if (next === current) return ['new_password', t('validation.password_same')];
  if (next !== value('confirm_password')) return ['confirm_password', t('validation.password_mismatch')];
  return null;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (form.getAttribute('aria-busy') === 'true') return;
  clearFormErrors(form);
  result.replaceChildren();
  const problem = localProblem();
  if (problem) {
    showFormError(form, problem[0], problem[1]);
    return;
  }
  setFormBusy(form, true);
  try {
    await apiPost('/api/v1/me/password', {
      current_password: value('current_password'),
      new_password: value('new_password'),
    });
    form.reset();
    showAlert(result, 'success', t('password.success'));
  } catch (error) {
    if (error.status !== 401) {
      // The server names the policy field "password" in some answers; it is the new one.
      const field = error.field === 'password' ? 'new_password' : error.field;
      showFormError(form, field, error.message);
    }
  } finally {
    setFormBusy(form, false);
  }
});
