// A dashboard view's state (position, group, kanca, metric, tab, unit, range…) lives in
// the query string, so a view can be bookmarked and shared and back/forward walks through
// the views. A page describes its fields once as a schema:
//   { group: { fallback: 'SME', values: ['SME', ...] }, position: { fallback: '' }, ... }
// `values` (a list or a predicate) limits what the URL may say; anything else falls back.
// `absent`, when given, is what a URL without the field means (a function: asked each
// time, like the remembered unit);
// `fallback` is also the value left out of URLs.
// The parse/serialise pair is pure (unit-tested in node); the rest binds it to history.
import { DEFAULT_UNIT, isUnit } from './dashboard_format.mjs';

const UNIT_KEY = 'smedash.dashboard.unit';

function allowed(field, value) {
  if (!field.values) return true;
  return typeof field.values === 'function' ? field.values(value) : field.values.includes(value);
}

// The state a query string describes; fields absent or not allowed take their fallback.
export function parseState(schema, search) {
  const params = new URLSearchParams(search);
  const state = {};
  for (const [name, field] of Object.entries(schema)) {
    const value = params.get(name);
    if (value === null || value === '') {
      state[name] = typeof field.absent === 'function' ? field.absent() : field.fallback;
    } else {
      state[name] = allowed(field, value) ? value : field.fallback;
    }
  }
  return state;
}

// The query string ("?a=1&b=2", or "" when everything is at its fallback) for `state`, in
// the schema's order, leaving out fields at their fallback so URLs stay short.
export function stateToSearch(schema, state) {
  const params = new URLSearchParams();
  for (const [name, field] of Object.entries(schema)) {
    const value = state[name];
    if (value === undefined || value === null || value === '' || value === field.fallback) continue;
    params.set(name, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

// The amount unit the user chose last (any dashboard page), or the default.
export function storedUnit() {
  try {
    const unit = window.localStorage.getItem(UNIT_KEY);
    return isUnit(unit) ? unit : DEFAULT_UNIT;
  } catch {
    return DEFAULT_UNIT;
  }
}

export function rememberUnit(unit) {
  try {
    if (isUnit(unit)) window.localStorage.setItem(UNIT_KEY, unit);
  } catch {
    // Storage refused (private mode, quota): the URL still carries the unit.
  }
}

// The schema entry for the amount unit: the URL wins, then the remembered choice.
export function unitField() {
  return { fallback: DEFAULT_UNIT, absent: storedUnit, values: isUnit };
}

// Binds a schema to the page's URL. `onChange(state)` runs for every state the page shows:
// now, after update(), and on back/forward.
export function bindUrlState(schema, onChange) {
  let state = parseState(schema, window.location.search);
  const show = () => onChange({ ...state });
  window.addEventListener('popstate', () => {
    state = parseState(schema, window.location.search);
    show();
  });
  return {
    get: () => ({ ...state }),
    // Merges `changes`, records a history entry (unless nothing changed) and shows it.
    update(changes) {
      const next = { ...state, ...changes };
      if (changes.unit) rememberUnit(changes.unit);
      const search = stateToSearch(schema, next);
      if (search !== window.location.search) {
        window.history.pushState(null, '', `${window.location.pathname}${search}`);
      }
      state = parseState(schema, search);
      show();
    },
    // The URL a change would lead to (for real links: open in a new tab, copy).
    href(changes) {
      return `${window.location.pathname}${stateToSearch(schema, { ...state, ...changes })}`;
    },
    show,
  };
}
