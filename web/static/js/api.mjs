// Calls the JSON API: same-origin cookies, JSON in and out, the CSRF token on every
// state-changing request, and one error type carrying the server's {code, message, field}.
import { t } from './i18n.mjs';

export class ApiError extends Error {
  constructor({ status, code, message, field = null }) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

function csrfToken() {
  const meta = document.querySelector('meta[name="csrf-token"]');
  return meta ? meta.content : '';
}

function redirectToLogin() {
  const next = window.location.pathname + window.location.search;
  window.location.assign(`/accounts/login/?next=${encodeURIComponent(next)}`);
}

async function readJson(response) {
  const type = response.headers.get('content-type') || '';
  if (response.status === 204 || !type.includes('application/json')) return null;
  try {
    return await response.json();
  } catch {
    return null;
  }
}

// api('PATCH', '/api/v1/users/3', { is_active: false }) → the parsed JSON body (or null
// for 204). Throws ApiError; on 401 it also sends the browser to the sign-in page.
export async function api(method, path, body = undefined) {
  if (body === undefined) return send(method, path, undefined, undefined);
  return send(method, path, JSON.stringify(body), 'application/json');
}

// POSTs a chosen file as the raw request body (the reference-data and komitmen imports),
// with the same answers and errors as api().
export function apiPostFile(path, file, contentType = 'application/octet-stream') {
  return send('POST', path, file, contentType);
}

async function send(method, path, body, contentType) {
  const upper = method.toUpperCase();
  const headers = { Accept: 'application/json' };
  const init = { method: upper, headers, credentials: 'same-origin' };
  if (body !== undefined) {
    headers['Content-Type'] = contentType;
    init.body = body;
  }
  if (upper !== 'GET' && upper !== 'HEAD') headers['X-CSRF-Token'] = csrfToken();

  let response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError({ status: 0, code: 'network', message: t('error.network') });
  }
  const data = await readJson(response);
  if (response.ok) return data;

  const error = data && data.error ? data.error : {};
  if (response.status === 401) redirectToLogin();
  throw new ApiError({
    status: response.status,
    code: error.code || `http_${response.status}`,
    message: error.message || t('error.unexpected'),
    field: error.field || null,
  });
}

export const apiGet = (path) => api('GET', path);
export const apiPost = (path, body) => api('POST', path, body);
export const apiPatch = (path, body) => api('PATCH', path, body);
export const apiDelete = (path) => api('DELETE', path);
