// Small DOM helpers for the page modules. Data always goes in through textContent or
// attributes, never as HTML.
import { t } from './i18n.mjs';

// el('td', { className: 'text-end', text: user.email, attrs: { title: 'x' } }, [children])
export function el(tag, options = {}, children = []) {
  const node = document.createElement(tag);
  const { className, text, attrs, dataset } = options;
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (attrs) {
    for (const [name, value] of Object.entries(attrs)) {
      if (value === false || value === null || value === undefined) continue;
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  if (dataset) Object.assign(node.dataset, dataset);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// An icon from Bootstrap Icons, hidden from screen readers.
export function icon(name) {
  return el('i', { className: `bi bi-${name}`, attrs: { 'aria-hidden': 'true' } });
}

// Removes every field error and the form-level alert of `form`.
export function clearFormErrors(form) {
  form.querySelectorAll('.is-invalid').forEach((input) => input.classList.remove('is-invalid'));
  form.querySelectorAll('[data-error-for]').forEach((node) => {
    node.textContent = '';
  });
  const alert = form.querySelector('[data-form-alert]');
  if (alert) {
    alert.textContent = '';
    alert.hidden = true;
  }
}

// Shows `message` under the input named `field`, or in the form's alert when the form has
// no such field. Returns true when it found the field.
export function showFormError(form, field, message) {
  const input = field ? form.elements.namedItem(field) : null;
  const feedback = field ? form.querySelector(`[data-error-for="${CSS.escape(field)}"]`) : null;
  if (input instanceof HTMLElement && feedback) {
    input.classList.add('is-invalid');
    feedback.textContent = message;
    input.focus();
    return true;
  }
  const alert = form.querySelector('[data-form-alert]');
  if (alert) {
    alert.textContent = message;
    alert.hidden = false;
  }
  return false;
}

// Disables the form's submit button(s) and shows a spinner while `busy`.
export function setFormBusy(form, busy) {
  form.setAttribute('aria-busy', String(busy));
  form.querySelectorAll('button[type="submit"]').forEach((button) => {
    button.disabled = busy;
    const spinner = button.querySelector('.spinner-border');
    if (spinner) spinner.hidden = !busy;
  });
}

// Replaces the contents of `container` with a dismissible Bootstrap alert.
export function showAlert(container, kind, message) {
  const close = el('button', {
    className: 'btn-close',
    attrs: { type: 'button', 'data-bs-dismiss': 'alert', 'aria-label': t('common.close') },
  });
  const alert = el('div', {
    className: `alert alert-${kind} alert-dismissible fade show d-flex align-items-start gap-2`,
    attrs: { role: kind === 'danger' ? 'alert' : 'status' },
  }, [icon(kind === 'success' ? 'check-circle-fill' : 'exclamation-triangle-fill'), el('div', { text: message }), close]);
  container.replaceChildren(alert);
}
