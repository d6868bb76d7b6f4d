'use strict';
// TextEncoder, TextDecoder (utf-8, utf-16le, latin1), atob and btoa.

const { encodeUtf8, decodeUtf8 } = internalBinding('encoding');
const { codes: { ERR_INVALID_ARG_TYPE, ERR_ENCODING_NOT_SUPPORTED, ERR_ENCODING_INVALID_ENCODED_DATA, ERR_INVALID_THIS, ERR_MISSING_ARGS } } = require('internal/errors');

const kEncoding = Symbol('encoding');
const kFatal = Symbol('fatal');
const kIgnoreBOM = Symbol('ignoreBOM');
const kBOMSeen = Symbol('BOMseen');
const kPending = Symbol('pending');

const labels = new Map();
for (const [name, list] of [
  ['utf-8', ['unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'utf-8', 'utf8', 'x-unicode20utf8']],
  ['utf-16le', ['csunicode', 'iso-10646-ucs-2', 'ucs-2', 'unicode', 'unicodefeff', 'utf-16', 'utf-16le']],
  ['utf-16be', ['unicodefffe', 'utf-16be']],
  ['windows-1252', ['ansi_x3.4-1968', 'ascii', 'cp1252', 'cp819', 'csisolatin1', 'ibm819', 'iso-8859-1', 'iso-ir-100', 'iso8859-1', 'iso88591', 'iso_8859-1', 'iso_8859-1:1987', 'l1', 'latin1', 'us-ascii', 'windows-1252', 'x-cp1252']],
]) {
  for (const l of list) labels.set(l, name);
}

// Labels are matched after removing ASCII whitespace (TAB, LF, FF, CR, SPACE) at both ends, as the
// Encoding Standard says; other whitespace (NUL, VT, NBSP, U+2028...) makes the label unknown.
function trimAsciiWhitespace(s) {
  let start = 0;
  let end = s.length;
  const isWs = (c) => c === 0x09 || c === 0x0A || c === 0x0C || c === 0x0D || c === 0x20;
  while (start < end && isWs(s.charCodeAt(start))) start++;
  while (end > start && isWs(s.charCodeAt(end - 1))) end--;
  return s.slice(start, end);
}

function getEncodingFromLabel(label) {
  label = `${label}`;
  return labels.get(label) ?? labels.get(trimAsciiWhitespace(label.toLowerCase()));
}

function toView(input) {
  if (input === undefined) return new Uint8Array(0);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  if (input instanceof ArrayBuffer || (typeof SharedArrayBuffer === 'function' && input instanceof SharedArrayBuffer)) return new Uint8Array(input);
  throw new ERR_INVALID_ARG_TYPE('input', ['ArrayBuffer', 'ArrayBufferView'], input);
}

class TextEncoder {
  get encoding() {
    return 'utf-8';
  }

  encode(input = '') {
    return encodeUtf8(`${input}`);
  }

  encodeInto(src, dest) {
    if (!(dest instanceof Uint8Array)) throw new ERR_INVALID_ARG_TYPE('dest', 'Uint8Array', dest);
    src = `${src}`;
    let read = 0;
    let written = 0;
    const len = dest.length;
    for (const ch of src) {
      const bytes = encodeUtf8(ch);
      if (written + bytes.length > len) break;
      dest.set(bytes, written);
      written += bytes.length;
      read += ch.length;
    }
    return { read, written };
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, opts, inspect) {
    if (typeof depth === 'number' && depth < 0) return this;
    return inspect({ encoding: this.encoding }, opts);
  }
}
Object.defineProperty(TextEncoder.prototype, Symbol.toStringTag, { value: 'TextEncoder', configurable: true });
Object.defineProperties(TextEncoder.prototype, { encode: { enumerable: true }, encodeInto: { enumerable: true }, encoding: { enumerable: true } });

class TextDecoder {
  constructor(encoding = 'utf-8', options = {}) {
    encoding = `${encoding}`;
    const enc = getEncodingFromLabel(encoding);
    if (enc === undefined) throw new ERR_ENCODING_NOT_SUPPORTED(encoding);
    if (options !== undefined && options !== null && typeof options !== 'object') {
      throw new ERR_INVALID_ARG_TYPE('options', 'object', options);
    }
    this[kEncoding] = enc;
    this[kFatal] = Boolean(options && options.fatal);
    this[kIgnoreBOM] = Boolean(options && options.ignoreBOM);
    this[kBOMSeen] = false;
    this[kPending] = null;
  }

  get encoding() {
    return this[kEncoding];
  }

  get fatal() {
    return this[kFatal];
  }

  get ignoreBOM() {
    return this[kIgnoreBOM];
  }

  decode(input = undefined, options = {}) {
    if (this === null || typeof this !== 'object' || !(kEncoding in this)) throw new ERR_INVALID_THIS('TextDecoder');
    let bytes = toView(input);
    const stream = Boolean(options && options.stream);
    if (this[kPending] !== null) {
      const joined = new Uint8Array(this[kPending].length + bytes.length);
      joined.set(this[kPending]);
      joined.set(bytes, this[kPending].length);
      bytes = joined;
      this[kPending] = null;
    }
    if (stream) {
      const keep = incompleteTail(this[kEncoding], bytes);
      if (keep > 0) {
        this[kPending] = bytes.slice(bytes.length - keep);
        bytes = bytes.subarray(0, bytes.length - keep);
      }
    }
    const ignoreBOM = this[kIgnoreBOM] || this[kBOMSeen];
    if (bytes.length > 0) this[kBOMSeen] = stream;
    let out;
    switch (this[kEncoding]) {
      case 'utf-8':
        out = decodeUtf8(bytes, this[kFatal], ignoreBOM);
        if (out === undefined) throw new ERR_ENCODING_INVALID_ENCODED_DATA('utf-8');
        break;
      case 'utf-16le':
      case 'utf-16be':
        out = decodeUtf16(bytes, this[kEncoding], this[kFatal], ignoreBOM);
        break;
      default:
        out = decodeWindows1252(bytes);
    }
    if (!stream) this[kBOMSeen] = false;
    return out;
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, opts, inspect) {
    if (typeof depth === 'number' && depth < 0) return this;
    return `TextDecoder ${inspect({ encoding: this.encoding, fatal: this.fatal, ignoreBOM: this.ignoreBOM }, opts)}`;
  }
}
Object.defineProperty(TextDecoder.prototype, Symbol.toStringTag, { value: 'TextDecoder', configurable: true });
Object.defineProperties(TextDecoder.prototype, { decode: { enumerable: true }, encoding: { enumerable: true }, fatal: { enumerable: true }, ignoreBOM: { enumerable: true } });

// Bytes at the end of `bytes` that may start a character completed by the next chunk.
function incompleteTail(encoding, bytes) {
  const n = bytes.length;
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    // An odd byte, and a high surrogate whose low half may come next.
    let keep = n % 2;
    if (n - keep >= 2) {
      const i = n - keep - 2;
      const unit = encoding === 'utf-16le' ? bytes[i] | (bytes[i + 1] << 8) : (bytes[i] << 8) | bytes[i + 1];
      if (unit >= 0xD800 && unit <= 0xDBFF) keep += 2;
    }
    return keep;
  }
  if (encoding !== 'utf-8') return 0;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const b = bytes[n - back];
    if ((b & 0xC0) === 0x80) continue;
    // Only C2..F4 start a sequence; other bytes can never complete, so they are not held back.
    const need = b >= 0xF5 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

function decodeUtf16(bytes, encoding, fatal, ignoreBOM) {
  const le = encoding === 'utf-16le';
  let start = 0;
  if (!ignoreBOM && bytes.length >= 2 && bytes[0] === (le ? 0xFF : 0xFE) && bytes[1] === (le ? 0xFE : 0xFF)) start = 2;
  let out = '';
  const chunk = [];
  for (let i = start; i + 1 < bytes.length; i += 2) {
    chunk.push(le ? bytes[i] | (bytes[i + 1] << 8) : (bytes[i] << 8) | bytes[i + 1]);
    if (chunk.length === 8192) {
      out += String.fromCharCode(...chunk);
      chunk.length = 0;
    }
  }
  out += String.fromCharCode(...chunk);
  let tail = '';
  if ((bytes.length - start) % 2 === 1) {
    // A trailing odd byte is one error, together with a high surrogate just before it.
    const last = out.charCodeAt(out.length - 1);
    if (last >= 0xD800 && last <= 0xDBFF) out = out.slice(0, -1);
    tail = '\ufffd';
  }
  const wellFormed = out.toWellFormed();
  if (fatal && (tail !== '' || wellFormed !== out)) throw new ERR_ENCODING_INVALID_ENCODED_DATA(encoding);
  return wellFormed + tail;
}

// Node decodes the "latin1" family byte for byte (ISO-8859-1), not as windows-1252.
function decodeWindows1252(bytes) {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    out += String.fromCharCode(b);
  }
  return out;
}

const base64Chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function btoa(input) {
  if (arguments.length === 0) throw new ERR_MISSING_ARGS('input');
  input = `${input}`;
  let out = '';
  for (let i = 0; i < input.length; i++) {
    if (input.charCodeAt(i) > 0xff) {
      const { DOMException } = require('internal/event_target');
      throw new DOMException('Invalid character', 'InvalidCharacterError');
    }
  }
  for (let i = 0; i < input.length; i += 3) {
    const a = input.charCodeAt(i);
    const b = i + 1 < input.length ? input.charCodeAt(i + 1) : NaN;
    const c = i + 2 < input.length ? input.charCodeAt(i + 2) : NaN;
    out += base64Chars[a >> 2];
    out += base64Chars[((a & 3) << 4) | (Number.isNaN(b) ? 0 : b >> 4)];
    out += Number.isNaN(b) ? '=' : base64Chars[((b & 15) << 2) | (Number.isNaN(c) ? 0 : c >> 6)];
    out += Number.isNaN(c) ? '=' : base64Chars[c & 63];
  }
  return out;
}

function atob(input) {
  if (arguments.length === 0) throw new ERR_MISSING_ARGS('input');
  input = `${input}`.replace(/[\t\n\f\r ]/g, '');
  if (input.length % 4 === 0) input = input.replace(/==?$/, '');
  const invalid = () => {
    const { DOMException } = require('internal/event_target');
    return new DOMException('The string to be decoded is not correctly encoded.', 'InvalidCharacterError');
  };
  if (input.length % 4 === 1 || /[^A-Za-z0-9+/]/.test(input)) throw invalid();
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (let i = 0; i < input.length; i++) {
    buffer = (buffer << 6) | base64Chars.indexOf(input[i]);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((buffer >> bits) & 0xff);
    }
  }
  return out;
}

module.exports = { TextEncoder, TextDecoder, atob, btoa, getEncodingFromLabel };
