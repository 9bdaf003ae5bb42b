// A JavaScript twin of the server's template engine (src/ui/template.cpp), used by the
// unit tests to check that every template parses and uses only the variables its page
// supplies. Same rules: {{name}} escaped, {{{name}}} raw, {{t:key}} escaped translation,
// {{#name}}…{{/name}} when non-empty, {{^name}}…{{/name}} when empty; an unknown variable
// or an unclosed section throws.

export function escapeHtml(text) {
  return String(text)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function lookup(vars, name) {
  if (!Object.prototype.hasOwnProperty.call(vars, name)) {
    throw new Error(`template: no variable '${name}'`);
  }
  return String(vars[name]);
}

export function renderTemplate(text, vars, translate) {
  let out = '';
  let pos = 0;
  while (pos < text.length) {
    const open = text.indexOf('{{', pos);
    if (open < 0) return out + text.slice(pos);
    out += text.slice(pos, open);
    const raw = text.startsWith('{{{', open);
    const closeMark = raw ? '}}}' : '}}';
    const tagStart = open + (raw ? 3 : 2);
    const close = text.indexOf(closeMark, tagStart);
    if (close < 0) throw new Error('template: unclosed tag');
    const tag = text.slice(tagStart, close);
    pos = close + closeMark.length;
    if (raw) {
      out += lookup(vars, tag);
    } else if (tag.startsWith('t:')) {
      out += escapeHtml(translate(tag.slice(2)));
    } else if (tag.startsWith('#') || tag.startsWith('^')) {
      const name = tag.slice(1);
      const closing = `{{/${name}}}`;
      const end = text.indexOf(closing, pos);
      if (end < 0) throw new Error(`template: section '${name}' is not closed`);
      const shown = (lookup(vars, name) === '') === tag.startsWith('^');
      if (shown) out += renderTemplate(text.slice(pos, end), vars, translate);
      pos = end + closing.length;
    } else if (tag.startsWith('/')) {
      throw new Error(`template: stray '{{${tag}}}'`);
    } else {
      out += escapeHtml(lookup(vars, tag));
    }
  }
  return out;
}

// Every tag in `text`, as { kind: 'var'|'raw'|'t'|'if'|'unless'|'end', name }.
export function templateTags(text) {
  const tags = [];
  const re = /\{\{\{([^{}]*)\}\}\}|\{\{([^{}]*)\}\}/g;
  for (const match of text.matchAll(re)) {
    if (match[1] !== undefined) {
      tags.push({ kind: 'raw', name: match[1] });
      continue;
    }
    const tag = match[2];
    if (tag.startsWith('t:')) tags.push({ kind: 't', name: tag.slice(2) });
    else if (tag.startsWith('#')) tags.push({ kind: 'if', name: tag.slice(1) });
    else if (tag.startsWith('^')) tags.push({ kind: 'unless', name: tag.slice(1) });
    else if (tag.startsWith('/')) tags.push({ kind: 'end', name: tag.slice(1) });
    else tags.push({ kind: 'var', name: tag });
  }
  return tags;
}
