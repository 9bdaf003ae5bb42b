// Texts for the page's scripts: the server puts every translation of the request's
// language into <script type="application/json" id="i18n">, and t() reads it.

let texts = null;

function load() {
  if (texts) return texts;
  const block = typeof document !== 'undefined' ? document.getElementById('i18n') : null;
  try {
    texts = block ? JSON.parse(block.textContent) : {};
  } catch {
    texts = {};
  }
  return texts;
}

// t('users.msg.created', { username: 'budi' }) → "Pengguna budi berhasil ditambahkan."
// A missing key returns the key itself, so a gap is visible (and the unit test catches it).
export function t(key, vars = {}) {
  const text = Object.prototype.hasOwnProperty.call(load(), key) ? texts[key] : key;
  return text.replace(/\{(\w+)\}/g, (whole, name) =>
    Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole);
}

// The page's language ("id" or "en").
export function pageLang() {
  return typeof document !== 'undefined' && document.documentElement.lang === 'en' ? 'en' : 'id';
}
