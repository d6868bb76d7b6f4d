'use strict';
// querystring: node's legacy `a=1&b=2` parser and serializer.

const hexTable = [];
for (let i = 0; i < 256; i++) hexTable.push(`%${i < 16 ? '0' : ''}${i.toString(16).toUpperCase()}`);

// Characters escape() leaves alone: A-Z a-z 0-9 - . _ ~ ! ' ( ) *
const unreserved = new Uint8Array(128);
for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!'()*") {
  unreserved[c.charCodeAt(0)] = 1;
}

// Hex digit values, -1 for anything else.
function hexValue(code) {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 70) return code - 55;
  if (code >= 97 && code <= 102) return code - 87;
  return -1;
}

// Percent-encodes `str` as UTF-8, leaving `unreserved` characters as they are. A high
// surrogate takes the next code unit as its pair whatever it is; a surrogate at the very end
// has no pair and is an error.
function percentEncode(str) {
  const len = str.length;
  if (len === 0) return '';
  let out = '';
  let from = 0;
  for (let i = 0; i < len; i++) {
    let c = str.charCodeAt(i);
    if (c < 0x80 && unreserved[c] === 1) continue;
    if (from < i) out += str.slice(from, i);
    if (c < 0x80) {
      out += hexTable[c];
    } else if (c < 0x800) {
      out += hexTable[0xC0 | (c >> 6)] + hexTable[0x80 | (c & 0x3F)];
    } else if (c < 0xD800 || c >= 0xE000) {
      out += hexTable[0xE0 | (c >> 12)] + hexTable[0x80 | ((c >> 6) & 0x3F)] +
        hexTable[0x80 | (c & 0x3F)];
    } else {
      i++;
      if (i >= len) {
        const { ERR_INVALID_URI } = require('internal/errors').codes;
        throw new ERR_INVALID_URI();
      }
      c = 0x10000 + (((c & 0x3FF) << 10) | (str.charCodeAt(i) & 0x3FF));
      out += hexTable[0xF0 | (c >> 18)] + hexTable[0x80 | ((c >> 12) & 0x3F)] +
        hexTable[0x80 | ((c >> 6) & 0x3F)] + hexTable[0x80 | (c & 0x3F)];
    }
    from = i + 1;
  }
  if (from === 0) return str;
  return from < len ? out + str.slice(from) : out;
}

function qsEscape(str) {
  if (typeof str !== 'string') {
    if (typeof str === 'object') str = String(str);
    else str += '';
  }
  return percentEncode(str);
}

function newBytes(length) {
  const B = globalThis.Buffer;
  if (typeof B === 'function' && typeof B.allocUnsafe === 'function') return B.allocUnsafe(length);
  return new Uint8Array(length);
}

// Decodes %XX sequences into bytes, keeping malformed ones as they are; characters beyond
// Latin-1 keep only their low byte, as node's does.
function unescapeBuffer(s, decodeSpaces) {
  s = `${s}`;
  const out = newBytes(s.length);
  let n = 0;
  let decoded = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 43 && decodeSpaces) {
      out[n++] = 32;
      continue;
    }
    if (c === 37 && i < s.length - 2) {
      const hi = hexValue(s.charCodeAt(i + 1));
      const lo = hi === -1 ? -1 : hexValue(s.charCodeAt(i + 2));
      if (lo !== -1) {
        out[n++] = hi * 16 + lo;
        decoded = true;
        i += 2;
        continue;
      }
    }
    out[n++] = c;
  }
  return decoded ? out.slice(0, n) : out;
}

let utf8Decoder;
// `bytes.toString()`, as UTF-8 also for a plain Uint8Array (when there is no Buffer).
function bytesToString(bytes) {
  const B = globalThis.Buffer;
  if (bytes instanceof Uint8Array && !(typeof B === 'function' && bytes instanceof B)) {
    if (utf8Decoder === undefined) utf8Decoder = new TextDecoder('utf-8');
    return utf8Decoder.decode(bytes);
  }
  return bytes.toString();
}

function qsUnescape(s, decodeSpaces) {
  try {
    return decodeURIComponent(s);
  } catch {
    return bytesToString(QueryString.unescapeBuffer(s, decodeSpaces));
  }
}

function stringifyPrimitive(v) {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && isFinite(v)) return `${v}`;
  if (typeof v === 'bigint') return `${v}`;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return '';
}

// With the built-in escape: numbers of 1e21 and more print with a `+` that needs escaping.
function encodeDefault(v, encode) {
  if (typeof v === 'string') return v.length ? encode(v) : '';
  if (typeof v === 'number' && isFinite(v)) return Math.abs(v) < 1e21 ? `${v}` : encode(`${v}`);
  if (typeof v === 'bigint') return `${v}`;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return '';
}

function encodeCustom(v, encode) {
  return encode(stringifyPrimitive(v));
}

function stringify(obj, sep, eq, options) {
  sep = sep || '&';
  eq = eq || '=';
  let encode = QueryString.escape;
  if (options && typeof options.encodeURIComponent === 'function') {
    encode = options.encodeURIComponent;
  }
  const convert = encode === qsEscape ? encodeDefault : encodeCustom;
  if (obj === null || typeof obj !== 'object') return '';
  let out = '';
  for (const k of Object.keys(obj)) {
    const v = obj[k];
    const prefix = convert(k, encode) + eq;
    if (Array.isArray(v)) {
      if (v.length === 0) continue;
      for (let j = 0; j < v.length; j++) {
        if (out) out += sep;
        out += prefix + convert(v[j], encode);
      }
    } else {
      if (out) out += sep;
      out += prefix + convert(v, encode);
    }
  }
  return out;
}

function charCodes(str) {
  const codes = [];
  for (let i = 0; i < str.length; i++) codes.push(str.charCodeAt(i));
  return codes;
}

function decodeWith(s, decoder) {
  try {
    return decoder(s);
  } catch {
    return QueryString.unescape(s, true);
  }
}

function addPair(obj, key, value, keyEncoded, valueEncoded, decode) {
  if (key.length > 0 && keyEncoded) key = decodeWith(key, decode);
  if (value.length > 0 && valueEncoded) value = decodeWith(value, decode);
  const current = obj[key];
  if (current === undefined) obj[key] = value;
  else if (Array.isArray(current)) current.push(value);
  else obj[key] = [current, value];
}

// Splits on `sep` and `eq` (any length). `+` becomes a space. With the built-in decoder, keys
// and values are decoded only when they hold a valid %XX sequence; a custom decoder sees every
// key and value (with `+` as `%20`).
function parse(qs, sep, eq, options) {
  const obj = { __proto__: null };
  if (typeof qs !== 'string' || qs.length === 0) return obj;
  const sepCodes = sep ? charCodes(String(sep)) : [38];
  const eqCodes = eq ? charCodes(String(eq)) : [61];
  const sepLen = sepCodes.length;
  const eqLen = eqCodes.length;
  let pairsLeft = 1000;
  if (options && typeof options.maxKeys === 'number') {
    pairsLeft = options.maxKeys > 0 ? options.maxKeys : -1;
  }
  let decode = QueryString.unescape;
  if (options && typeof options.decodeURIComponent === 'function') {
    decode = options.decodeURIComponent;
  }
  const custom = decode !== qsUnescape;
  const space = custom ? '%20' : ' ';

  let from = 0; // start of the text not yet copied into key or value
  let sepMatched = 0; // characters of sep matched so far
  let eqMatched = 0; // characters of eq matched so far (eqLen once the key is complete)
  let key = '';
  let value = '';
  let keyEncoded = custom;
  let valueEncoded = custom;
  let pct = 0; // progress through a `%XX` sequence: 1 after `%`, 2 after one hex digit

  for (let i = 0; i < qs.length; i++) {
    const c = qs.charCodeAt(i);
    if (c === sepCodes[sepMatched]) {
      if (++sepMatched < sepLen) continue;
      // A whole separator: finish this pair.
      const end = i - sepLen + 1;
      if (eqMatched < eqLen) {
        if (from < end) {
          key += qs.slice(from, end);
        } else if (key.length === 0) {
          // Nothing between two separators.
          if (--pairsLeft === 0) return obj;
          from = i + 1;
          sepMatched = eqMatched = 0;
          continue;
        }
      } else if (from < end) {
        value += qs.slice(from, end);
      }
      addPair(obj, key, value, keyEncoded, valueEncoded, decode);
      if (--pairsLeft === 0) return obj;
      keyEncoded = valueEncoded = custom;
      key = value = '';
      pct = 0;
      from = i + 1;
      sepMatched = eqMatched = 0;
      continue;
    }
    sepMatched = 0;
    if (eqMatched < eqLen) {
      // Still in the key.
      if (c === eqCodes[eqMatched]) {
        if (++eqMatched === eqLen) {
          const end = i - eqLen + 1;
          if (from < end) key += qs.slice(from, end);
          pct = 0;
          from = i + 1;
        }
        continue;
      }
      eqMatched = 0;
      if (!keyEncoded) {
        if (c === 37) {
          pct = 1;
          continue;
        }
        if (pct > 0) {
          if (hexValue(c) !== -1) {
            if (++pct === 3) keyEncoded = true;
            continue;
          }
          pct = 0;
        }
      }
      if (c === 43) {
        if (from < i) key += qs.slice(from, i);
        key += space;
        from = i + 1;
        continue;
      }
      // As in node, other key characters also go through the value's %XX tracking below.
    }
    if (c === 43) {
      if (from < i) value += qs.slice(from, i);
      value += space;
      from = i + 1;
    } else if (!valueEncoded) {
      if (c === 37) {
        pct = 1;
      } else if (pct > 0) {
        if (hexValue(c) !== -1) {
          if (++pct === 3) valueEncoded = true;
        } else {
          pct = 0;
        }
      }
    }
  }

  if (from < qs.length) {
    if (eqMatched < eqLen) key += qs.slice(from);
    else if (sepMatched < sepLen) value += qs.slice(from);
  } else if (eqMatched === 0 && key.length === 0) {
    return obj;
  }
  addPair(obj, key, value, keyEncoded, valueEncoded, decode);
  return obj;
}

const QueryString = module.exports = {
  unescapeBuffer,
  unescape: qsUnescape,
  escape: qsEscape,
  stringify,
  encode: stringify,
  parse,
  decode: parse,
};
