'use strict';
// string_decoder: decodes a stream of byte chunks into strings, holding back the bytes of a
// character split across chunks. The state lives in a 7-byte array as in node: bytes 0-3 are the
// incomplete character, 4 the bytes still missing, 5 the bytes buffered, 6 the encoding.

const kNativeDecoder = Symbol('kNativeDecoder');

const MISSING = 4;
const BUFFERED = 5;
const ENCODING = 6;
const kSize = 7;

// node's encoding numbers.
const ASCII = 0;
const UTF8 = 1;
const BASE64 = 2;
const UCS2 = 3;
const LATIN1 = 4;
const HEX = 5;
const BASE64URL = 7;

const encodingIds = {
  __proto__: null,
  ascii: ASCII,
  utf8: UTF8,
  base64: BASE64,
  utf16le: UCS2,
  latin1: LATIN1,
  hex: HEX,
  base64url: BASE64URL,
};

function normalizeEncoding(enc) {
  if (enc == null || enc === '') return 'utf8';
  if (typeof enc !== 'string') return undefined;
  switch (enc.toLowerCase()) {
    case 'utf8': case 'utf-8': return 'utf8';
    case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return 'utf16le';
    case 'latin1': case 'binary': return 'latin1';
    case 'base64': return 'base64';
    case 'base64url': return 'base64url';
    case 'hex': return 'hex';
    case 'ascii': return 'ascii';
    default: return undefined;
  }
}

function newState() {
  const B = globalThis.Buffer;
  if (typeof B === 'function' && typeof B.alloc === 'function') return B.alloc(kSize);
  return new Uint8Array(kSize);
}

// ---- bytes -> string for each encoding ----

let utf8Decoder;
const CHUNK = 8192;

function fromCodes(codes) {
  let out = '';
  for (let i = 0; i < codes.length; i += CHUNK) {
    out += String.fromCharCode.apply(null, codes.subarray(i, i + CHUNK));
  }
  return out;
}

const b64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const b64url = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function toBase64(bytes, table, pad) {
  let out = '';
  let i = 0;
  const n = bytes.length;
  for (; i + 2 < n; i += 3) {
    const v = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += table[v >> 18] + table[(v >> 12) & 63] + table[(v >> 6) & 63] + table[v & 63];
  }
  if (n - i === 1) {
    const v = bytes[i] << 16;
    out += table[v >> 18] + table[(v >> 12) & 63] + (pad ? '==' : '');
  } else if (n - i === 2) {
    const v = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += table[v >> 18] + table[(v >> 12) & 63] + table[(v >> 6) & 63] + (pad ? '=' : '');
  }
  return out;
}

const hexDigits = '0123456789abcdef';

function makeString(bytes, enc) {
  switch (enc) {
    case UTF8:
      // Keep a leading BOM (node's decoder does not strip it); invalid sequences become U+FFFD.
      if (utf8Decoder === undefined) utf8Decoder = new TextDecoder('utf-8', { ignoreBOM: true });
      return utf8Decoder.decode(bytes);
    case UCS2: {
      const units = new Uint16Array(bytes.length >> 1);
      for (let i = 0; i < units.length; i++) units[i] = bytes[2 * i] | (bytes[2 * i + 1] << 8);
      return fromCodes(units);
    }
    case LATIN1:
      return fromCodes(bytes);
    case ASCII: {
      const codes = new Uint8Array(bytes.length);
      for (let i = 0; i < bytes.length; i++) codes[i] = bytes[i] & 0x7f;
      return fromCodes(codes);
    }
    case HEX: {
      let out = '';
      for (let i = 0; i < bytes.length; i++) out += hexDigits[bytes[i] >> 4] + hexDigits[bytes[i] & 15];
      return out;
    }
    case BASE64:
      return toBase64(bytes, b64, true);
    case BASE64URL:
      return toBase64(bytes, b64url, false);
    default:
      return '';
  }
}

// ---- the decoder state machine ----

function decode(state, bytes) {
  const enc = state[ENCODING];
  if (enc === ASCII || enc === HEX || enc === LATIN1) return makeString(bytes, enc);
  let start = 0;
  let n = bytes.length;
  let prepend;
  if (state[MISSING] > 0) {
    if (enc === UTF8) {
      // A byte that is not a continuation byte ends the incomplete character early: what was
      // buffered decodes on its own (to U+FFFD) and the byte starts something new.
      for (let i = 0; i < n && i < state[MISSING]; i++) {
        if ((bytes[i] & 0xC0) !== 0x80) {
          state[MISSING] = 0;
          state.set(bytes.subarray(0, i), state[BUFFERED]);
          state[BUFFERED] += i;
          start += i;
          n -= i;
          break;
        }
      }
    }
    const take = Math.min(n, state[MISSING]);
    state.set(bytes.subarray(start, start + take), state[BUFFERED]);
    start += take;
    n -= take;
    state[MISSING] -= take;
    state[BUFFERED] += take;
    if (state[MISSING] === 0) {
      prepend = makeString(state.subarray(0, state[BUFFERED]), enc);
      state[BUFFERED] = 0;
    }
  }
  if (n === 0) return prepend === undefined ? '' : prepend;

  // Hold back an incomplete character at the end.
  if (enc === UTF8) {
    if (bytes[start + n - 1] & 0x80) {
      for (let i = n - 1; ; i--) {
        state[BUFFERED]++;
        const b = bytes[start + i];
        if ((b & 0xC0) === 0x80) {
          // A continuation byte: keep looking for the lead byte, at most 4 bytes back.
          if (state[BUFFERED] >= 4 || i === 0) {
            state[BUFFERED] = 0;
            break;
          }
          continue;
        }
        let total;
        if ((b & 0xE0) === 0xC0) total = 2;
        else if ((b & 0xF0) === 0xE0) total = 3;
        else if ((b & 0xF8) === 0xF0) total = 4;
        else {
          state[BUFFERED] = 0;
          break;
        }
        if (state[BUFFERED] >= total) {
          // Complete (or too long, thus invalid anyway): nothing to hold back.
          state[BUFFERED] = 0;
          state[MISSING] = 0;
        } else {
          state[MISSING] = total - state[BUFFERED];
        }
        break;
      }
    }
  } else if (enc === UCS2) {
    if (n % 2 === 1) {
      state[BUFFERED] = 1;
      state[MISSING] = 1;
    } else if ((bytes[start + n - 1] & 0xFC) === 0xD8) {
      // A high surrogate waits for its pair.
      state[BUFFERED] = 2;
      state[MISSING] = 2;
    }
  } else {
    // base64, base64url: whole groups of three bytes.
    state[BUFFERED] = n % 3;
    if (state[BUFFERED] > 0) state[MISSING] = 3 - state[BUFFERED];
  }
  if (state[BUFFERED] > 0) {
    n -= state[BUFFERED];
    state.set(bytes.subarray(start + n, start + n + state[BUFFERED]), 0);
  }
  const body = n > 0 ? makeString(bytes.subarray(start, start + n), enc) : '';
  return prepend === undefined ? body : prepend + body;
}

function flush(state) {
  const enc = state[ENCODING];
  if (enc === UCS2 && state[BUFFERED] % 2 === 1) {
    // A lone trailing byte is dropped.
    state[MISSING]--;
    state[BUFFERED]--;
  }
  if (state[BUFFERED] === 0) return '';
  const ret = makeString(state.subarray(0, state[BUFFERED]), enc);
  state[MISSING] = 0;
  state[BUFFERED] = 0;
  return ret;
}

function StringDecoder(encoding) {
  const enc = normalizeEncoding(encoding);
  if (enc === undefined) {
    const { ERR_UNKNOWN_ENCODING } = require('internal/errors').codes;
    throw new ERR_UNKNOWN_ENCODING(encoding);
  }
  this.encoding = enc;
  this[kNativeDecoder] = newState();
  this[kNativeDecoder][ENCODING] = encodingIds[enc];
}

StringDecoder.prototype.write = function write(buf) {
  if (typeof buf === 'string') return buf;
  if (!ArrayBuffer.isView(buf)) {
    const { ERR_INVALID_ARG_TYPE } = require('internal/errors').codes;
    throw new ERR_INVALID_ARG_TYPE('buf', ['Buffer', 'TypedArray', 'DataView'], buf);
  }
  const state = this[kNativeDecoder];
  if (!state) {
    const { ERR_INVALID_THIS } = require('internal/errors').codes;
    throw new ERR_INVALID_THIS('StringDecoder');
  }
  return decode(state, new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength));
};

StringDecoder.prototype.end = function end(buf) {
  let ret = '';
  if (buf !== undefined) ret = this.write(buf);
  if (this[kNativeDecoder][BUFFERED] > 0) ret += flush(this[kNativeDecoder]);
  return ret;
};

StringDecoder.prototype.text = function text(buf, offset) {
  this[kNativeDecoder][MISSING] = 0;
  this[kNativeDecoder][BUFFERED] = 0;
  return this.write(buf.slice(offset));
};

Object.defineProperties(StringDecoder.prototype, {
  lastChar: {
    configurable: true,
    enumerable: true,
    get() {
      return this[kNativeDecoder].subarray(0, 4);
    },
  },
  lastNeed: {
    configurable: true,
    enumerable: true,
    get() {
      return this[kNativeDecoder][MISSING];
    },
  },
  lastTotal: {
    configurable: true,
    enumerable: true,
    get() {
      return this[kNativeDecoder][BUFFERED] + this[kNativeDecoder][MISSING];
    },
  },
});

module.exports = { StringDecoder };
