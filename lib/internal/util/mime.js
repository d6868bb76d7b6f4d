'use strict';
// util.MIMEType and util.MIMEParams: the WHATWG MIME Sniffing "parse a MIME type" and
// "serialize a MIME type" algorithms.

const { codes: { ERR_INVALID_MIME_SYNTAX } } = require('internal/errors');

const NOT_TOKEN = /[^!#$%&'*+\-.^_`|~A-Za-z0-9]/;
const NOT_QUOTED_STRING_CHAR = /[^\t\u0020-\u007E\u0080-\u00FF]/;
const isWhitespace = (c) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
const lower = (s) => s.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
const search = (s, re) => {
  const m = re.exec(s);
  return m === null ? -1 : m.index;
};

function trimEnd(s) {
  let end = s.length;
  while (end > 0 && isWhitespace(s[end - 1])) end--;
  return s.slice(0, end);
}

function serializeValue(value) {
  if (value.length > 0 && !NOT_TOKEN.test(value)) return value;
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

let parseParams;

class MIMEParams {
  #data = new Map();

  delete(name) {
    this.#data.delete(name);
  }

  get(name) {
    const value = this.#data.get(name);
    return value === undefined ? null : value;
  }

  has(name) {
    return this.#data.has(name);
  }

  set(name, value) {
    name = `${name}`;
    value = `${value}`;
    const badName = search(name, NOT_TOKEN);
    if (name.length === 0 || badName !== -1) {
      throw new ERR_INVALID_MIME_SYNTAX('parameter name', name, badName);
    }
    const badValue = search(value, NOT_QUOTED_STRING_CHAR);
    if (badValue !== -1) throw new ERR_INVALID_MIME_SYNTAX('parameter value', value, badValue);
    this.#data.set(name, value);
  }

  entries() {
    return this.#data.entries();
  }

  keys() {
    return this.#data.keys();
  }

  values() {
    return this.#data.values();
  }

  toString() {
    let out = '';
    for (const [name, value] of this.#data) {
      if (out.length > 0) out += ';';
      out += `${name}=${serializeValue(value)}`;
    }
    return out;
  }

  toJSON() {
    return this.toString();
  }

  // Parameters from `str` starting at the `;` at `position`. Invalid ones are skipped.
  static {
    parseParams = (params, str, position) => {
      const data = params.#data;
      const end = str.length;
      while (position < end) {
        position++; // the ';'
        while (position < end && isWhitespace(str[position])) position++;
        let nameEnd = position;
        while (nameEnd < end && str[nameEnd] !== ';' && str[nameEnd] !== '=') nameEnd++;
        const name = lower(str.slice(position, nameEnd));
        position = nameEnd;
        if (position < end) {
          if (str[position] === ';') continue;
          position++; // the '='
        }
        if (position >= end) break;
        let value;
        if (str[position] === '"') {
          // A quoted string: backslash escapes the next character; a lone trailing one stays.
          value = '';
          position++;
          while (position < end) {
            const c = str[position];
            if (c === '"') break;
            if (c === '\\') {
              position++;
              if (position >= end) {
                value += '\\';
                break;
              }
            }
            value += str[position++];
          }
          while (position < end && str[position] !== ';') position++;
        } else {
          let valueEnd = str.indexOf(';', position);
          if (valueEnd === -1) valueEnd = end;
          value = trimEnd(str.slice(position, valueEnd));
          position = valueEnd;
          if (value === '') continue;
        }
        if (name !== '' && !NOT_TOKEN.test(name) && !NOT_QUOTED_STRING_CHAR.test(value) && !data.has(name)) {
          data.set(name, value);
        }
      }
    };
  }
}

Object.defineProperty(MIMEParams.prototype, Symbol.iterator, {
  value: MIMEParams.prototype.entries, writable: true, configurable: true, enumerable: false,
});


class MIMEType {
  #type;
  #subtype;
  #params;

  constructor(string) {
    const str = `${string}`;
    let start = 0;
    let end = str.length;
    while (start < end && isWhitespace(str[start])) start++;
    while (end > start && isWhitespace(str[end - 1])) end--;
    const input = str.slice(start, end);
    const slash = input.indexOf('/');
    const type = slash === -1 ? input : input.slice(0, slash);
    const badType = search(type, NOT_TOKEN);
    if (type === '' || badType !== -1 || slash === -1) {
      throw new ERR_INVALID_MIME_SYNTAX('type', str, badType);
    }
    let semi = input.indexOf(';', slash + 1);
    if (semi === -1) semi = input.length;
    const subtype = trimEnd(input.slice(slash + 1, semi));
    const badSubtype = search(subtype, NOT_TOKEN);
    if (subtype === '' || badSubtype !== -1) {
      throw new ERR_INVALID_MIME_SYNTAX('subtype', str, badSubtype);
    }
    this.#type = lower(type);
    this.#subtype = lower(subtype);
    this.#params = new MIMEParams();
    parseParams(this.#params, input, semi);
  }

  get type() {
    return this.#type;
  }

  set type(v) {
    v = `${v}`;
    const bad = search(v, NOT_TOKEN);
    if (v.length === 0 || bad !== -1) throw new ERR_INVALID_MIME_SYNTAX('type', v, bad);
    this.#type = lower(v);
  }

  get subtype() {
    return this.#subtype;
  }

  set subtype(v) {
    v = `${v}`;
    const bad = search(v, NOT_TOKEN);
    if (v.length === 0 || bad !== -1) throw new ERR_INVALID_MIME_SYNTAX('subtype', v, bad);
    this.#subtype = lower(v);
  }

  get essence() {
    return `${this.#type}/${this.#subtype}`;
  }

  get params() {
    return this.#params;
  }

  toString() {
    const params = this.#params.toString();
    return `${this.#type}/${this.#subtype}${params.length > 0 ? `;${params}` : ''}`;
  }

  toJSON() {
    return this.toString();
  }
}

module.exports = { MIMEType, MIMEParams };
