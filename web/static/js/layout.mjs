// The shared layout's behaviour: on small screens the sidebar slides in from the left
// when the navbar toggler is pressed and closes on the backdrop, the close button,
// Escape, or after a menu link is followed.

const OPEN_CLASS = 'sidebar-open';

function setupSidebar() {
  const sidebar = document.getElementById('app-sidebar');
  const toggler = document.querySelector('[data-sidebar-toggle]');
  const backdrop = document.querySelector('.sidebar-backdrop');
  if (!sidebar || !toggler) return;

  const isOpen = () => document.body.classList.contains(OPEN_CLASS);

  const setOpen = (open) => {
    document.body.classList.toggle(OPEN_CLASS, open);
    toggler.setAttribute('aria-expanded', String(open));
    if (backdrop) backdrop.hidden = !open;
    if (open) {
      const first = sidebar.querySelector('a, button');
      if (first) first.focus();
    }
  };

  toggler.addEventListener('click', () => setOpen(!isOpen()));
  document.querySelectorAll('[data-sidebar-close]').forEach((node) => {
    node.addEventListener('click', () => {
      setOpen(false);
      toggler.focus();
    });
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && isOpen()) {
      setOpen(false);
      toggler.focus();
    }
  });
  sidebar.addEventListener('click', (event) => {
    if (event.target instanceof Element && event.target.closest('a.nav-link')) setOpen(false);
  });
  // Growing past the breakpoint leaves the sidebar docked; drop the mobile state.
  const wide = window.matchMedia('(min-width: 992px)');
  wide.addEventListener('change', (event) => {
    if (event.matches) setOpen(false);
  });
}

// Forms marked data-once disable their submit button after the first submit, so a
// double click cannot post twice (sign-out, and the sign-in page).
function setupSubmitOnce() {
  document.querySelectorAll('form[data-once]').forEach((form) => {
    form.addEventListener('submit', () => {
      form.querySelectorAll('button[type="submit"]').forEach((button) => {
        button.disabled = true;
      });
    });
  });
}

window.addEventListener('pageshow', (event) => {
  if (!event.persisted) return;
  document.querySelectorAll('form[data-once] button[type="submit"]').forEach((button) => {
    button.disabled = false;
  });
});

setupSidebar();
setupSubmitOnce();
