// Static checks of web/: translations complete in both languages, every text key used by
// a template or script exists, templates parse with exactly the variables the server
// provides, and nothing breaks the strict CSP (no inline script, style or handlers) or
// writes data as HTML.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { renderTemplate, templateTags } from '../support/template.mjs';

const web = fileURLToPath(new URL('../../../web/', import.meta.url));

function filesUnder(dir, ext) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(full, ext));
    else if (entry.name.endsWith(ext)) out.push(full);
  }
  return out.sort();
}

const read = (file) => readFileSync(file, 'utf8');
const rel = (file) => path.relative(web, file);
// Each language is every web/i18n/<lang>/*.json merged (one file per capability); a key
// defined twice is a mistake.
const languageFiles = (lang) => filesUnder(path.join(web, 'i18n', lang), '.json');
function readLanguage(lang) {
  const merged = {};
  for (const file of languageFiles(lang)) {
    for (const [key, text] of Object.entries(JSON.parse(read(file)))) {
      assert.ok(!(key in merged), `${rel(file)}: ${key} is defined twice`);
      merged[key] = text;
    }
  }
  return merged;
}
const texts = {
  id: readLanguage('id'),
  en: readLanguage('en'),
};
const templates = filesUnder(path.join(web, 'templates'), '.html');
const scripts = filesUnder(path.join(web, 'static/js'), '.mjs');

// Keys the C++ server renders itself (sidebar, titles, roles, errors, validation).
const SERVER_KEYS = [
  'nav.section.dashboard', 'nav.home', 'nav.section.admin', 'nav.users', 'nav.section.account',
  'nav.password',
  'role.admin', 'role.user',
  'page.home.title', 'page.users.title', 'page.password.title', 'page.logout.title',
  'page.error.title', 'page.login.title',
  'error.not_found', 'error.forbidden', 'error.internal', 'error.method_not_allowed',
  'login.error.invalid', 'login.error.locked',
  'validation.username', 'validation.password_length', 'validation.email', 'validation.phone',
  'validation.role', 'validation.name_length', 'validation.username_taken',
  'validation.self_deactivate', 'validation.self_demote', 'validation.current_password',
  'validation.not_found_user',
  'nav.section.data', 'nav.upload', 'page.upload.title',
  'nav.history', 'page.history.title', 'page.history_detail.title', 'history.error.status',
  'history.error.uploader', 'history.error.date', 'history.error.range', 'history.error.name',
  'history.error.page', 'history.error.per_page', 'history.error.file_gone',
  'history.error.not_retryable', 'history.error.retry_file_gone',
  'nav.os', 'nav.summary', 'nav.grafik_harian',
  'page.os.title', 'page.summary.title', 'page.grafik_harian.title',
  'nav.segments', 'nav.units', 'page.segments.title', 'page.units.title',
  'segments.error.code', 'segments.error.segment', 'segments.error.exists',
  'segments.error.not_found', 'units.error.not_found', 'units.error.no_master', 'units.error.uker',
  'units.error.kanca', 'units.error.kind', 'units.error.kode_kanca', 'units.error.kcp_own_code',
  'units.error.kanca_has_code', 'units.error.code_taken', 'units.import.error.utf16',
  'units.import.error.binary', 'units.import.error.open_quote', 'units.import.error.empty',
  'units.import.error.no_lines', 'units.import.error.missing_headers',
  'units.import.error.duplicate_header', 'units.import.invalid.missing',
  'units.import.invalid.code', 'units.import.invalid.name', 'units.import.invalid.duplicate',
  'units.import.invalid.kanca_name', 'units.import.invalid.kanca_code',
  'nav.audit', 'page.audit.title', 'audit.error.query', 'audit.error.not_found', 'audit.csv.id',
  'audit.csv.time', 'audit.csv.actor', 'audit.csv.actor_id', 'audit.csv.action',
  'audit.csv.action_code', 'audit.csv.target', 'audit.csv.detail', 'audit.csv.ip',
  'nav.view_data', 'page.view_data.title', 'view_data.export.sheet', 'view_data.error.position',
  'view_data.error.kanca', 'view_data.error.unit', 'view_data.error.segment',
  'view_data.error.grade', 'view_data.error.search', 'view_data.error.search_length',
  'view_data.error.sort', 'view_data.error.cursor', 'view_data.error.format',
  'view_data.error.xlsx_too_many',
  'nav.delete', 'page.delete.title', 'delete.error.mode', 'delete.error.date_missing',
  'delete.error.date', 'delete.error.range_order', 'delete.error.upload',
  'delete.error.upload_not_found', 'delete.error.upload_state', 'delete.error.confirmation',
  'delete.error.data_version', 'delete.error.stale', 'delete.error.busy_upload',
  'delete.error.busy', 'delete.empty.position', 'delete.empty.range', 'delete.empty.all',
];

// The variables the server passes to each template (src/ui/page_renderer.cpp).
const LANGUAGE_VARS = ['lang', 'other_lang', 'other_lang_label', 'current_path'];
const LAYOUT_VARS = [...LANGUAGE_VARS, 'title', 'csrf_token', 'user_name', 'user_role',
  'is_admin', 'sidebar', 'page_module', 'i18n_json'];
const TEMPLATE_VARS = {
  'layout.html': [...LAYOUT_VARS, 'body'],
  'login.html': [...LANGUAGE_VARS, 'error', 'next', 'username'],
  'pages/home.html': [...LAYOUT_VARS, 'last_login'],
  'pages/users.html': [...LAYOUT_VARS, 'current_user_id'],
  'pages/upload.html': [...LAYOUT_VARS, 'upload_max_bytes', 'upload_max_label'],
  'pages/history.html': LAYOUT_VARS,
  'pages/history_detail.html': [...LAYOUT_VARS, 'upload_id', 'file_kept'],
  'pages/komitmen.html': [...LAYOUT_VARS, 'max_bytes'],
  'pages/komitmen_month.html': [...LAYOUT_VARS, 'month', 'max_bytes'],
  'pages/os.html': LAYOUT_VARS,
  'pages/summary.html': LAYOUT_VARS,
  'pages/grafik_harian.html': LAYOUT_VARS,
  'pages/segments.html': LAYOUT_VARS,
  'pages/units.html': LAYOUT_VARS,
  'pages/view_data.html': LAYOUT_VARS,
  'pages/delete.html': [...LAYOUT_VARS, 'confirm_text'],
  'pages/audit.html': [...LAYOUT_VARS, 'timezone', 'zone_label'],
  'pages/password.html': LAYOUT_VARS,
  'pages/logout.html': LAYOUT_VARS,
  // Also rendered without the layout for visitors who are not signed in.
  'pages/error.html': [...LANGUAGE_VARS, 'status', 'message'],
};

function placeholders(text) {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}

describe('translations', () => {
  test('id.json and en.json have the same keys', () => {
    assert.deepEqual(Object.keys(texts.en).sort(), Object.keys(texts.id).sort());
  });

  test('every text is a non-empty string with the same {placeholders} in both languages', () => {
    for (const [key, value] of Object.entries(texts.id)) {
      assert.equal(typeof value, 'string', key);
      assert.ok(value.trim().length > 0, `id ${key} is empty`);
      assert.ok(texts.en[key].trim().length > 0, `en ${key} is empty`);
      assert.deepEqual(placeholders(texts.en[key]), placeholders(value), key);
    }
  });

  test('the keys the server uses exist', () => {
    for (const key of SERVER_KEYS) assert.ok(key in texts.id, `missing ${key}`);
    assert.equal(texts.id['login.error.invalid'], 'Nama pengguna atau kata sandi salah.');
    assert.equal(texts.en['login.error.invalid'], 'Wrong username or password.');
    assert.match(texts.id['login.error.locked'], /\{minutes\}/);
  });

  test('every {{t:key}} in the templates exists', () => {
    for (const file of templates) {
      for (const tag of templateTags(read(file))) {
        if (tag.kind === 't') assert.ok(tag.name in texts.id, `${rel(file)}: unknown key ${tag.name}`);
      }
    }
  });

  test("every t('key') in the scripts exists, and keys are literal", () => {
    let count = 0;
    for (const file of scripts) {
      const source = read(file);
      for (const match of source.matchAll(/\bt\(\s*(['"])([^'"]+)\1/g)) {
        count += 1;
        assert.ok(match[2] in texts.id, `${rel(file)}: unknown key ${match[2]}`);
      }
      const computed = source.match(/(?<!function )\bt\(\s*[`a-zA-Z_$]/);
      assert.equal(computed, null, `${rel(file)}: t() with a computed key`);
    }
    assert.ok(count > 30, `found only ${count} t() calls`);
  });
});

describe('templates', () => {
  test('each known template exists and no unknown template is shipped', () => {
    const names = templates.map((file) => path.relative(path.join(web, 'templates'), file)).sort();
    assert.deepEqual(names, Object.keys(TEMPLATE_VARS).sort());
  });

  for (const [name, vars] of Object.entries(TEMPLATE_VARS)) {
    test(`${name} renders with exactly the variables the server provides`, () => {
      const text = read(path.join(web, 'templates', name));
      const used = new Set(templateTags(text).filter((tag) => tag.kind !== 't').map((tag) => tag.name));
      for (const variable of used) assert.ok(vars.includes(variable), `${name} uses unknown {{${variable}}}`);
      const translate = (key) => texts.id[key];
      const filled = Object.fromEntries(vars.map((v) => [v, `<${v}&>`]));
      const empty = Object.fromEntries(vars.map((v) => [v, '']));
      const html = renderTemplate(text, filled, translate);
      renderTemplate(text, empty, translate);
      assert.doesNotMatch(html, /\{\{|\}\}/, `${name} leaves template syntax behind`);
    });
  }

  test('escaped variables are escaped and raw ones are not', () => {
    const text = read(path.join(web, 'templates/layout.html'));
    const vars = Object.fromEntries(TEMPLATE_VARS['layout.html'].map((v) => [v, '']));
    vars.user_name = '<script>alert(1)</script>';
    vars.body = '<p id="raw-body">x</p>';
    vars.lang = 'id';
    const html = renderTemplate(text, vars, (key) => texts.id[key]);
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(!html.includes('<script>alert(1)'));
    assert.ok(html.includes('<p id="raw-body">x</p>'));
    assert.ok(!html.includes('<script type="module" src="">'), 'empty page_module leaves a script tag');
  });

  test('raw output is used only for server-built HTML and JSON', () => {
    const allowed = new Set(['sidebar', 'body', 'i18n_json']);
    for (const file of templates) {
      for (const tag of templateTags(read(file))) {
        if (tag.kind === 'raw') assert.ok(allowed.has(tag.name), `${rel(file)}: raw {{{${tag.name}}}}`);
      }
    }
  });

  test('the layout has the pieces the pages rely on', () => {
    const text = read(path.join(web, 'templates/layout.html'));
    assert.ok(text.includes('<meta name="csrf-token" content="{{csrf_token}}">'));
    assert.ok(text.includes('<script type="application/json" id="i18n">{{{i18n_json}}}</script>'));
    assert.ok(text.includes('<title>{{title}} · SME Performance Highlights</title>'));
    assert.ok(text.includes('/lang?set={{other_lang}}&amp;next={{current_path}}'));
    assert.ok(text.includes('<form method="post" action="/accounts/logout/"'));
    assert.ok(text.includes('<input type="hidden" name="csrf_token" value="{{csrf_token}}">'));
    assert.ok(text.includes('<link rel="icon" href="/static/app/img/favicon.svg"'));
  });
});

describe('content security policy and safe DOM', () => {
  for (const file of templates) {
    test(`${rel(file)} has no inline script, style or event handler`, () => {
      const text = read(file);
      for (const tag of text.matchAll(/<script\b([^>]*)>/gi)) {
        const attrs = tag[1];
        assert.ok(/\bsrc=/.test(attrs) || /type="application\/json"/.test(attrs), `inline <script${attrs}>`);
      }
      assert.doesNotMatch(text, /<style\b/i);
      assert.doesNotMatch(text, /\sstyle\s*=/i);
      assert.doesNotMatch(text, /\son[a-z]+\s*=/i);
      assert.doesNotMatch(text, /javascript:/i);
    });
  }

  for (const file of scripts) {
    test(`${rel(file)} never writes HTML or evaluates strings`, () => {
      const source = read(file);
      assert.doesNotMatch(source, /\.(innerHTML|outerHTML)\b|insertAdjacentHTML|document\.write|\beval\(|new Function\(/);
      assert.doesNotMatch(source, /\.style\.|setAttribute\(\s*['"]style/);
    });
  }

  test('every asset the templates link exists', () => {
    const mounts = [
      ['/static/app/', path.join(web, 'static/')],
      ['/static/vendor/bootstrap/', path.join(web, 'node_modules/bootstrap/dist/')],
      ['/static/vendor/bootstrap-icons/', path.join(web, 'node_modules/bootstrap-icons/font/')],
      ['/static/vendor/chart.js/', path.join(web, 'node_modules/chart.js/dist/')],
    ];
    const vendorInstalled = existsSync(path.join(web, 'node_modules/bootstrap'));
    for (const file of templates) {
      for (const match of read(file).matchAll(/(?:src|href)="(\/static\/[^"]+)"/g)) {
        const mount = mounts.find(([prefix]) => match[1].startsWith(prefix));
        assert.ok(mount, `${rel(file)}: ${match[1]} is under no mount`);
        if (mount[0] !== '/static/app/' && !vendorInstalled) continue;
        assert.ok(existsSync(mount[1] + match[1].slice(mount[0].length)), `${rel(file)}: ${match[1]} missing`);
      }
    }
  });

  test('scripts import only files that exist', () => {
    for (const file of scripts) {
      for (const match of read(file).matchAll(/from\s+'(\.[^']+)'/g)) {
        assert.ok(existsSync(path.resolve(path.dirname(file), match[1])), `${rel(file)}: ${match[1]}`);
      }
    }
  });
});

describe('no placeholder content', () => {
  test('templates, scripts and texts hold no filler', () => {
    const files = [...templates, ...scripts, ...languageFiles('id'), ...languageFiles('en'),
      path.join(web, 'static/css/app.css')];
    for (const file of files) {
      assert.doesNotMatch(read(file), /lorem ipsum|coming soon|segera hadir|under construction|\bTODO\b|\bFIXME\b/i, rel(file));
    }
  });
});
