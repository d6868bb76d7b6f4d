'use strict';
// util.parseEnv: the .env format as Node's dotenv reader understands it (KEY=value lines,
// `export ` prefixes, # comments, quoted values; "\n" expands inside double quotes).

// Only spaces are trimmed, as Node does.
function trimSpaces(s) {
  let start = 0;
  let end = s.length;
  while (start < end && s[start] === ' ') start++;
  while (end > start && s[end - 1] === ' ') end--;
  return s.slice(start, end);
}

function parseEnv(content) {
  const store = new Map();
  let rest = trimSpaces(content.replace(/\r/g, ''));
  while (rest.length > 0) {
    if (rest[0] === '\n' || rest[0] === '#') {
      const nl = rest.indexOf('\n');
      if (nl !== -1) {
        rest = rest.slice(nl + 1);
        continue;
      }
    }
    const eq = rest.indexOf('=');
    if (eq === -1) break;
    let key = trimSpaces(rest.slice(0, eq));
    rest = rest.slice(eq + 1);
    if (key === '') break;
    if (key.startsWith('export ')) key = key.slice(7);
    rest = rest.replace(/^ +/, '');
    if (rest.length === 0) {
      store.set(key, '');
      break;
    }
    const quote = rest[0];
    if (quote === '"' || quote === "'" || quote === '`') {
      const close = rest.indexOf(quote, 1);
      if (close === -1) {
        // No closing quote: the rest of the line, quote included, is the value.
        const nl = rest.indexOf('\n');
        if (nl === -1) break;
        store.set(key, rest.slice(0, nl));
        rest = rest.slice(nl);
        continue;
      }
      let value = rest.slice(1, close);
      if (quote === '"') value = value.replace(/\\n/g, '\n');
      store.set(key, value);
      const nl = rest.indexOf('\n', close + 1);
      rest = nl === -1 ? '' : rest.slice(nl);
      continue;
    }
    const nl = rest.indexOf('\n');
    let value = nl === -1 ? rest : rest.slice(0, nl);
    rest = nl === -1 ? '' : rest.slice(nl);
    const hash = value.indexOf('#');
    if (hash !== -1) value = value.slice(0, hash);
    store.set(key, trimSpaces(value));
  }
  // Node keeps the pairs in a sorted map, so keys come out in sorted order.
  const result = {};
  for (const key of [...store.keys()].sort()) result[key] = store.get(key);
  return result;
}

module.exports = { parseEnv };
