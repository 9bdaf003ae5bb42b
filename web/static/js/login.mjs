// The sign-in page: show/hide the password, and one submit only (the button is disabled
// and shows a spinner once the form is sent).

function setupPasswordToggle() {
  document.querySelectorAll('[data-password-toggle]').forEach((button) => {
    const input = document.getElementById(button.dataset.passwordToggle);
    if (!input) return;
    button.addEventListener('click', () => {
      const show = input.type === 'password';
      input.type = show ? 'text' : 'password';
      button.setAttribute('aria-pressed', String(show));
      const label = show ? button.dataset.labelHide : button.dataset.labelShow;
      button.setAttribute('aria-label', label);
      button.title = label;
      const glyph = button.querySelector('.bi');
      if (glyph) glyph.className = show ? 'bi bi-eye-slash' : 'bi bi-eye';
      input.focus();
    });
  });
}

function setupSubmitOnce() {
  document.querySelectorAll('form[data-once]').forEach((form) => {
    form.addEventListener('submit', (event) => {
      if (form.dataset.sent) {
        event.preventDefault();
        return;
      }
      form.dataset.sent = '1';
      form.querySelectorAll('button[type="submit"]').forEach((button) => {
        button.disabled = true;
        const spinner = button.querySelector('.spinner-border');
        if (spinner) spinner.hidden = false;
      });
    });
  });
}

// Coming back with the Back button restores the page from cache with the button still
// disabled; make it usable again.
window.addEventListener('pageshow', (event) => {
  if (!event.persisted) return;
  document.querySelectorAll('form[data-once]').forEach((form) => {
    delete form.dataset.sent;
    form.querySelectorAll('button[type="submit"]').forEach((button) => {
      button.disabled = false;
      const spinner = button.querySelector('.spinner-border');
      if (spinner) spinner.hidden = true;
    });
  });
});

setupPasswordToggle();
setupSubmitOnce();
