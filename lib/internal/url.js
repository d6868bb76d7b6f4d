'use strict';
// The WHATWG URL Standard: the URL parser and serializer, URL, URLSearchParams, and node's
// file-URL helpers. Written against https://url.spec.whatwg.org/; node v20 is the reference
// for everything the standard leaves to the host (errors, inspection, property layout).

const {
  codes: {
    ERR_INVALID_URL,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_MISSING_ARGS,
    ERR_INVALID_THIS,
    ERR_INVALID_TUPLE,
    ERR_ARG_NOT_ITERABLE,
    ERR_INVALID_FILE_URL_HOST,
    ERR_INVALID_FILE_URL_PATH,
    ERR_INVALID_URL_SCHEME,
  },
} = require('internal/errors');

const kInspect = Symbol.for('nodejs.util.inspect.custom');

let inspectModule;
function lazyInspect() {
  if (inspectModule === undefined) inspectModule = require('internal/util/inspect');
  return inspectModule;
}

// ---------------------------------------------------------------------------------------------
// Strings, code points, UTF-8 and percent-encoding.

const EOF = -1;

// Lone surrogates become U+FFFD (the USVString conversion).
function toUSV(str) {
  if (typeof str.toWellFormed === 'function') return str.toWellFormed();
  let out = '';
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = i + 1 < str.length ? str.charCodeAt(i + 1) : 0;
      if (d >= 0xdc00 && d <= 0xdfff) {
        out += str[i] + str[i + 1];
        i++;
        continue;
      }
      out += '\ufffd';
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      out += '\ufffd';
    } else {
      out += str[i];
    }
  }
  return out;
}

function codePointsOf(str) {
  const out = [];
  for (const ch of str) out.push(ch.codePointAt(0));
  return out;
}

const isASCIIDigit = (c) => c >= 0x30 && c <= 0x39;
const isASCIIAlpha = (c) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isASCIIAlphanumeric = (c) => isASCIIDigit(c) || isASCIIAlpha(c);
const isASCIIHexDigit = (c) => isASCIIDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
const toLowerASCII = (c) => (c >= 0x41 && c <= 0x5a ? c + 0x20 : c);

function hexValue(c) {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

function utf8Bytes(cp, out) {
  if (cp < 0x80) {
    out.push(cp);
  } else if (cp < 0x800) {
    out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
  } else if (cp < 0x10000) {
    out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  } else {
    out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return out;
}

function stringToUTF8(str) {
  const out = [];
  for (const ch of str) {
    let cp = ch.codePointAt(0);
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    utf8Bytes(cp, out);
  }
  return out;
}

// The WHATWG "UTF-8 decode without BOM" (errors become U+FFFD, one per maximal subpart).
function utf8Decode(bytes) {
  let out = '';
  let cp = 0;
  let needed = 0;
  let seen = 0;
  let lower = 0x80;
  let upper = 0xbf;
  let chunk = [];
  const flush = () => {
    if (chunk.length > 0) {
      out += String.fromCodePoint(...chunk);
      chunk = [];
    }
  };
  const emit = (c) => {
    chunk.push(c);
    if (chunk.length >= 4096) flush();
  };
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (needed === 0) {
      if (b <= 0x7f) {
        emit(b);
      } else if (b >= 0xc2 && b <= 0xdf) {
        needed = 1;
        cp = b & 0x1f;
      } else if (b >= 0xe0 && b <= 0xef) {
        if (b === 0xe0) lower = 0xa0;
        if (b === 0xed) upper = 0x9f;
        needed = 2;
        cp = b & 0xf;
      } else if (b >= 0xf0 && b <= 0xf4) {
        if (b === 0xf0) lower = 0x90;
        if (b === 0xf4) upper = 0x8f;
        needed = 3;
        cp = b & 0x7;
      } else {
        emit(0xfffd);
      }
      continue;
    }
    if (b < lower || b > upper) {
      cp = 0;
      needed = 0;
      seen = 0;
      lower = 0x80;
      upper = 0xbf;
      emit(0xfffd);
      i--; // reprocess this byte
      continue;
    }
    lower = 0x80;
    upper = 0xbf;
    cp = (cp << 6) | (b & 0x3f);
    seen++;
    if (seen === needed) {
      emit(cp);
      cp = 0;
      needed = 0;
      seen = 0;
    }
  }
  if (needed !== 0) emit(0xfffd);
  flush();
  return out;
}

const HEX_BYTE = [];
for (let i = 0; i < 256; i++) HEX_BYTE.push(`%${i < 16 ? '0' : ''}${i.toString(16).toUpperCase()}`);

// Percent-encode sets, as tables over ASCII; code points above U+007E are always encoded.
function makeSet(base, extra) {
  const set = new Uint8Array(128);
  if (base) set.set(base);
  for (let c = 0; c < 0x20; c++) set[c] = 1;
  set[0x7f] = 1;
  for (const ch of extra) set[ch.charCodeAt(0)] = 1;
  return set;
}
const C0_CONTROL_SET = makeSet(null, '');
const FRAGMENT_SET = makeSet(C0_CONTROL_SET, ' "<>`');
const QUERY_SET = makeSet(C0_CONTROL_SET, ' "#<>');
const SPECIAL_QUERY_SET = makeSet(QUERY_SET, '\'');
const PATH_SET = makeSet(QUERY_SET, '?`{}');
const USERINFO_SET = makeSet(PATH_SET, '/:;=@[\\]^|');
const COMPONENT_SET = makeSet(USERINFO_SET, '$%&+,');
const FORM_SET = makeSet(COMPONENT_SET, '!\'()~');

function percentEncodeCodePoint(cp, set) {
  if (cp < 0x80 && !set[cp]) return String.fromCharCode(cp);
  if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
  const bytes = utf8Bytes(cp, []);
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += HEX_BYTE[bytes[i]];
  return out;
}

function percentEncodeString(str, set, spaceAsPlus = false) {
  let out = '';
  let start = 0;
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    if (c < 0x80 && !set[c] && !(spaceAsPlus && c === 0x20)) continue;
    if (start < i) out += str.slice(start, i);
    if (spaceAsPlus && c === 0x20) {
      out += '+';
    } else {
      const cp = str.codePointAt(i);
      if (cp > 0xffff) i++;
      out += percentEncodeCodePoint(cp, set);
    }
    start = i + 1;
  }
  if (start === 0) return str;
  return out + str.slice(start);
}

// Percent-decodes a string (as its UTF-8 bytes) into bytes.
function percentDecodeToBytes(str) {
  const bytes = stringToUTF8(str);
  const out = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x25 && i + 2 < bytes.length) {
      const h = hexValue(bytes[i + 1]);
      const l = hexValue(bytes[i + 2]);
      if (h >= 0 && l >= 0) {
        out.push(h * 16 + l);
        i += 2;
        continue;
      }
    }
    out.push(b);
  }
  return out;
}

function percentDecodeString(str) {
  if (!str.includes('%')) return str;
  return utf8Decode(percentDecodeToBytes(str));
}

// ---------------------------------------------------------------------------------------------
// Hosts: IPv4, IPv6, opaque hosts and domains (with IDNA via punycode).

const FAILURE = null;

function isForbiddenHostCodePoint(c) {
  switch (c) {
    case 0x00: case 0x09: case 0x0a: case 0x0d: case 0x20: case 0x23: case 0x2f: case 0x3a:
    case 0x3c: case 0x3e: case 0x3f: case 0x40: case 0x5b: case 0x5c: case 0x5d: case 0x5e:
    case 0x7c:
      return true;
    default:
      return false;
  }
}

function isForbiddenDomainCodePoint(c) {
  return isForbiddenHostCodePoint(c) || c <= 0x1f || c === 0x25 || c === 0x7f;
}

// Returns the IPv4 number for `input`, or FAILURE.
function parseIPv4Number(input) {
  if (input === '') return FAILURE;
  let radix = 10;
  if (input.length >= 2 && input[0] === '0' && (input[1] === 'x' || input[1] === 'X')) {
    input = input.slice(2);
    radix = 16;
  } else if (input.length >= 2 && input[0] === '0') {
    input = input.slice(1);
    radix = 8;
  }
  if (input === '') return 0;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (radix === 10 ? !isASCIIDigit(c) : radix === 16 ? !isASCIIHexDigit(c) : !(c >= 0x30 && c <= 0x37)) {
      return FAILURE;
    }
  }
  return parseInt(input, radix);
}

function endsInANumber(input) {
  const parts = input.split('.');
  if (parts[parts.length - 1] === '') {
    if (parts.length === 1) return false;
    parts.pop();
  }
  const last = parts[parts.length - 1];
  if (last !== '' && /^[0-9]+$/.test(last)) return true;
  return parseIPv4Number(last) !== FAILURE;
}

// Returns the serialized IPv4 address, or FAILURE.
function parseIPv4(input) {
  const parts = input.split('.');
  if (parts[parts.length - 1] === '' && parts.length > 1) parts.pop();
  if (parts.length > 4) return FAILURE;
  const numbers = [];
  for (const part of parts) {
    const n = parseIPv4Number(part);
    if (n === FAILURE) return FAILURE;
    numbers.push(n);
  }
  for (let i = 0; i < numbers.length - 1; i++) {
    if (numbers[i] > 255) return FAILURE;
  }
  const last = numbers[numbers.length - 1];
  if (last >= 256 ** (5 - numbers.length)) return FAILURE;
  let ipv4 = last;
  for (let i = 0; i < numbers.length - 1; i++) ipv4 += numbers[i] * 256 ** (3 - i);
  const out = [];
  for (let i = 0; i < 4; i++) {
    out.unshift(String(ipv4 % 256));
    ipv4 = Math.floor(ipv4 / 256);
  }
  return out.join('.');
}

// Returns the eight 16-bit pieces, or FAILURE.
function parseIPv6(input) {
  const address = [0, 0, 0, 0, 0, 0, 0, 0];
  let pieceIndex = 0;
  let compress = null;
  let pointer = 0;
  const cps = codePointsOf(input);
  const at = (i) => (i < cps.length ? cps[i] : EOF);
  if (at(pointer) === 0x3a) {
    if (at(pointer + 1) !== 0x3a) return FAILURE;
    pointer += 2;
    pieceIndex++;
    compress = pieceIndex;
  }
  while (at(pointer) !== EOF) {
    if (pieceIndex === 8) return FAILURE;
    if (at(pointer) === 0x3a) {
      if (compress !== null) return FAILURE;
      pointer++;
      pieceIndex++;
      compress = pieceIndex;
      continue;
    }
    let value = 0;
    let length = 0;
    while (length < 4 && isASCIIHexDigit(at(pointer))) {
      value = value * 0x10 + hexValue(at(pointer));
      pointer++;
      length++;
    }
    if (at(pointer) === 0x2e) {
      if (length === 0) return FAILURE;
      pointer -= length;
      if (pieceIndex > 6) return FAILURE;
      let numbersSeen = 0;
      while (at(pointer) !== EOF) {
        let ipv4Piece = null;
        if (numbersSeen > 0) {
          if (at(pointer) === 0x2e && numbersSeen < 4) pointer++;
          else return FAILURE;
        }
        if (!isASCIIDigit(at(pointer))) return FAILURE;
        while (isASCIIDigit(at(pointer))) {
          const number = at(pointer) - 0x30;
          if (ipv4Piece === null) ipv4Piece = number;
          else if (ipv4Piece === 0) return FAILURE;
          else ipv4Piece = ipv4Piece * 10 + number;
          if (ipv4Piece > 255) return FAILURE;
          pointer++;
        }
        address[pieceIndex] = address[pieceIndex] * 0x100 + ipv4Piece;
        numbersSeen++;
        if (numbersSeen === 2 || numbersSeen === 4) pieceIndex++;
      }
      if (numbersSeen !== 4) return FAILURE;
      break;
    } else if (at(pointer) === 0x3a) {
      pointer++;
      if (at(pointer) === EOF) return FAILURE;
    } else if (at(pointer) !== EOF) {
      return FAILURE;
    }
    address[pieceIndex] = value;
    pieceIndex++;
  }
  if (compress !== null) {
    let swaps = pieceIndex - compress;
    pieceIndex = 7;
    while (pieceIndex !== 0 && swaps > 0) {
      const tmp = address[pieceIndex];
      address[pieceIndex] = address[compress + swaps - 1];
      address[compress + swaps - 1] = tmp;
      pieceIndex--;
      swaps--;
    }
  } else if (pieceIndex !== 8) {
    return FAILURE;
  }
  return address;
}

function serializeIPv6(address) {
  // The first longest run of two or more zero pieces is compressed.
  let compress = -1;
  let bestLength = 1;
  for (let i = 0; i < 8;) {
    if (address[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && address[j] === 0) j++;
    if (j - i > bestLength) {
      bestLength = j - i;
      compress = i;
    }
    i = j;
  }
  let out = '';
  let ignore0 = false;
  for (let i = 0; i < 8; i++) {
    if (ignore0 && address[i] === 0) continue;
    ignore0 = false;
    if (compress === i) {
      out += i === 0 ? '::' : ':';
      ignore0 = true;
      continue;
    }
    out += address[i].toString(16);
    if (i !== 7) out += ':';
  }
  return out;
}

function parseOpaqueHost(input) {
  for (let i = 0; i < input.length; i++) {
    if (isForbiddenHostCodePoint(input.charCodeAt(i))) return FAILURE;
  }
  return percentEncodeString(input, C0_CONTROL_SET);
}

// Punycode (RFC 3492).
const PUNY_BASE = 36;
const PUNY_TMIN = 1;
const PUNY_TMAX = 26;
const PUNY_SKEW = 38;
const PUNY_DAMP = 700;
const PUNY_INITIAL_BIAS = 72;
const PUNY_INITIAL_N = 128;
const PUNY_MAXINT = 0x7fffffff;

function punyAdapt(delta, numPoints, firstTime) {
  delta = firstTime ? Math.floor(delta / PUNY_DAMP) : delta >> 1;
  delta += Math.floor(delta / numPoints);
  let k = 0;
  while (delta > ((PUNY_BASE - PUNY_TMIN) * PUNY_TMAX) >> 1) {
    delta = Math.floor(delta / (PUNY_BASE - PUNY_TMIN));
    k += PUNY_BASE;
  }
  return k + Math.floor(((PUNY_BASE - PUNY_TMIN + 1) * delta) / (delta + PUNY_SKEW));
}

function punyThreshold(k, bias) {
  if (k <= bias) return PUNY_TMIN;
  if (k >= bias + PUNY_TMAX) return PUNY_TMAX;
  return k - bias;
}

function punyDigit(d) {
  return String.fromCharCode(d < 26 ? 0x61 + d : 0x16 + d);
}

// Encodes a string's code points; returns null on overflow.
function punycodeEncode(input) {
  const cps = codePointsOf(input);
  let n = PUNY_INITIAL_N;
  let delta = 0;
  let bias = PUNY_INITIAL_BIAS;
  let output = '';
  for (const c of cps) if (c < 0x80) output += String.fromCharCode(c);
  const b = output.length;
  let h = b;
  if (b > 0) output += '-';
  while (h < cps.length) {
    let m = Infinity;
    for (const c of cps) if (c >= n && c < m) m = c;
    if (m - n > Math.floor((PUNY_MAXINT - delta) / (h + 1))) return null;
    delta += (m - n) * (h + 1);
    n = m;
    for (const c of cps) {
      if (c < n) {
        delta++;
        if (delta > PUNY_MAXINT) return null;
      }
      if (c === n) {
        let q = delta;
        for (let k = PUNY_BASE; ; k += PUNY_BASE) {
          const t = punyThreshold(k, bias);
          if (q < t) break;
          output += punyDigit(t + ((q - t) % (PUNY_BASE - t)));
          q = Math.floor((q - t) / (PUNY_BASE - t));
        }
        output += punyDigit(q);
        bias = punyAdapt(delta, h + 1, h === b);
        delta = 0;
        h++;
      }
    }
    delta++;
    n++;
  }
  return output;
}

// Decodes to a string; returns null when the input is not valid punycode.
function punycodeDecode(input) {
  const output = [];
  let n = PUNY_INITIAL_N;
  let i = 0;
  let bias = PUNY_INITIAL_BIAS;
  let b = input.lastIndexOf('-');
  if (b < 0) b = 0;
  for (let j = 0; j < b; j++) {
    const c = input.charCodeAt(j);
    if (c >= 0x80) return null;
    output.push(c);
  }
  for (let pos = b > 0 ? b + 1 : 0; pos < input.length;) {
    const oldi = i;
    let w = 1;
    for (let k = PUNY_BASE; ; k += PUNY_BASE) {
      if (pos >= input.length) return null;
      const c = input.charCodeAt(pos++);
      let digit;
      if (c >= 0x30 && c <= 0x39) digit = c - 0x16;
      else if (c >= 0x41 && c <= 0x5a) digit = c - 0x41;
      else if (c >= 0x61 && c <= 0x7a) digit = c - 0x61;
      else return null;
      if (digit > Math.floor((PUNY_MAXINT - i) / w)) return null;
      i += digit * w;
      const t = punyThreshold(k, bias);
      if (digit < t) break;
      if (w > Math.floor(PUNY_MAXINT / (PUNY_BASE - t))) return null;
      w *= PUNY_BASE - t;
    }
    bias = punyAdapt(i - oldi, output.length + 1, oldi === 0);
    if (Math.floor(i / (output.length + 1)) > PUNY_MAXINT - n) return null;
    n += Math.floor(i / (output.length + 1));
    i %= output.length + 1;
    if (n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return null;
    output.splice(i, 0, n);
    i++;
  }
  return String.fromCodePoint(...output);
}

// Code points UTS #46 maps to nothing (a practical subset of the "ignored" entries).
const IDNA_IGNORED = /[\u00ad\u034f\u180b-\u180d\u180f\u200b\u2060\u2064\ufe00-\ufe0f\ufeff]|\udb40[\udd00-\uddef]/g;
// Code points UTS #46 disallows (a practical subset: controls, noncharacters, private use...).
const IDNA_DISALLOWED = /[\u0000-\u001f\u007f-\u009f\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ue000-\uf8ff\ufdd0-\ufdef\ufff9-\uffff\u2488-\u249b\u2100\u2101\u2105\u2106\u2474-\u2487]/;

function isDisallowedLabelChar(label) {
  return IDNA_DISALLOWED.test(label);
}

// Validity checks of UTS #46 that matter for the URL Standard (CheckHyphens is false).
function isValidIDNALabel(label) {
  if (label === '') return true;
  if (label.normalize('NFC') !== label) return false;
  if (isDisallowedLabelChar(label)) return false;
  // A label must not begin with a combining mark.
  if (/^\p{M}/u.test(label)) return false;
  return true;
}

// The UTS #46 mapping step, approximated: drop ignored code points, then NFKC and lowercase
// (the mapping table is essentially NFKC_Casefold), and the ideographic full stops become '.'.
function idnaMap(str) {
  let mapped = str.replace(IDNA_IGNORED, '');
  mapped = mapped.normalize('NFKC').toLowerCase().normalize('NFKC').toLowerCase();
  mapped = mapped.replace(/[\u3002\uff0e\uff61]/g, '.');
  return mapped.normalize('NFC');
}

// UTS #46 ToASCII with the URL Standard's options (approximated: NFKC and lowercase stand in
// for the mapping table). Returns the ASCII domain, or FAILURE.
function domainToASCIIInternal(domain) {
  let ascii = true;
  for (let i = 0; i < domain.length; i++) {
    if (domain.charCodeAt(i) >= 0x80) {
      ascii = false;
      break;
    }
  }
  const mapped = ascii ? domain.toLowerCase() : idnaMap(domain);
  const labels = mapped.split('.');
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (label.startsWith('xn--')) {
      const decoded = punycodeDecode(label.slice(4));
      if (decoded === null || decoded === '') return FAILURE;
      if (!isValidIDNALabel(decoded)) return FAILURE;
      // Every code point of a decoded label must be valid, not mapped.
      if (idnaMap(decoded) !== decoded) return FAILURE;
      if (punycodeEncode(decoded) !== label.slice(4)) return FAILURE;
      continue;
    }
    if (ascii) continue;
    let labelASCII = true;
    for (let j = 0; j < label.length; j++) {
      if (label.charCodeAt(j) >= 0x80) {
        labelASCII = false;
        break;
      }
    }
    if (labelASCII) continue;
    if (!isValidIDNALabel(label)) return FAILURE;
    const encoded = punycodeEncode(label);
    if (encoded === null) return FAILURE;
    labels[i] = `xn--${encoded}`;
  }
  const result = labels.join('.');
  if (result === '') return FAILURE;
  return result;
}

function domainToUnicodeInternal(domain) {
  return domain.split('.').map((label) => {
    if (label.length >= 4 && label.slice(0, 4).toLowerCase() === 'xn--') {
      const decoded = punycodeDecode(label.slice(4));
      if (decoded !== null) return decoded;
    }
    return label;
  }).join('.');
}

// The host parser. Returns the serialized host, or FAILURE.
function parseHost(input, isOpaque) {
  if (input[0] === '[') {
    if (input[input.length - 1] !== ']') return FAILURE;
    const address = parseIPv6(input.slice(1, -1));
    if (address === FAILURE) return FAILURE;
    return `[${serializeIPv6(address)}]`;
  }
  if (isOpaque) return parseOpaqueHost(input);
  const domain = percentDecodeString(input);
  const asciiDomain = domainToASCIIInternal(domain);
  if (asciiDomain === FAILURE) return FAILURE;
  for (let i = 0; i < asciiDomain.length; i++) {
    if (isForbiddenDomainCodePoint(asciiDomain.charCodeAt(i))) return FAILURE;
  }
  if (endsInANumber(asciiDomain)) return parseIPv4(asciiDomain);
  return asciiDomain;
}

// ---------------------------------------------------------------------------------------------
// URL records and the basic URL parser.

const SPECIAL_SCHEMES = { __proto__: null, ftp: 21, file: null, http: 80, https: 443, ws: 80, wss: 443 };

function isSpecialScheme(scheme) {
  return scheme in SPECIAL_SCHEMES;
}

function defaultPort(scheme) {
  const port = SPECIAL_SCHEMES[scheme];
  return port === undefined ? null : port;
}

function createRecord() {
  // `path` is an array of segments, or a string for an opaque path.
  return {
    scheme: '',
    username: '',
    password: '',
    host: null,
    port: null,
    path: [],
    query: null,
    fragment: null,
  };
}

function cloneRecord(url) {
  const copy = { ...url };
  if (typeof url.path !== 'string') copy.path = url.path.slice();
  return copy;
}

const hasOpaquePath = (url) => typeof url.path === 'string';
const includesCredentials = (url) => url.username !== '' || url.password !== '';
const cannotHaveCredentialsOrPort = (url) => url.host === null || url.host === '' || url.scheme === 'file';

function isWindowsDriveLetter(str, normalizedOnly = false) {
  if (str.length !== 2 || !isASCIIAlpha(str.charCodeAt(0))) return false;
  return str[1] === ':' || (!normalizedOnly && str[1] === '|');
}

// Whether the code points from `start` begin with a Windows drive letter.
function startsWithWindowsDriveLetter(cps, start) {
  if (cps.length - start < 2) return false;
  if (!isASCIIAlpha(cps[start]) || (cps[start + 1] !== 0x3a && cps[start + 1] !== 0x7c)) return false;
  if (cps.length - start === 2) return true;
  const c = cps[start + 2];
  return c === 0x2f || c === 0x5c || c === 0x3f || c === 0x23;
}

// Removes the last path segment; returns whether one was removed. With `keepFirst`, the first
// segment stays (see the opaque-base quirk in basicParse).
function shortenPath(url, keepFirst = false) {
  const path = url.path;
  if (url.scheme === 'file' && path.length === 1 && isWindowsDriveLetter(path[0], true)) return false;
  if (path.length === 0 || (keepFirst && path.length === 1)) return false;
  path.pop();
  return true;
}

function isSingleDot(s) {
  return s === '.' || s.toLowerCase() === '%2e';
}

function isDoubleDot(s) {
  switch (s.toLowerCase()) {
    case '..': case '.%2e': case '%2e.': case '%2e%2e':
      return true;
    default:
      return false;
  }
}

const SCHEME_START = 1;
const SCHEME = 2;
const NO_SCHEME = 3;
const SPECIAL_RELATIVE_OR_AUTHORITY = 4;
const PATH_OR_AUTHORITY = 5;
const RELATIVE = 6;
const RELATIVE_SLASH = 7;
const SPECIAL_AUTHORITY_SLASHES = 8;
const SPECIAL_AUTHORITY_IGNORE_SLASHES = 9;
const AUTHORITY = 10;
const HOST = 11;
const HOSTNAME = 12;
const PORT = 13;
const FILE = 14;
const FILE_SLASH = 15;
const FILE_HOST = 16;
const PATH_START = 17;
const PATH = 18;
const OPAQUE_PATH = 19;
const QUERY = 20;
const FRAGMENT = 21;

// The basic URL parser. Without `url`, returns a new record or FAILURE. With `url` and
// `stateOverride` (the setters), modifies `url` and returns FAILURE or undefined.
function basicParse(input, base, url, stateOverride) {
  input = toUSV(input);
  if (url === undefined) {
    url = createRecord();
    input = input.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  }
  input = input.replace(/[\t\n\r]/g, '');
  const cps = codePointsOf(input);
  const len = cps.length;
  let state = stateOverride || SCHEME_START;
  let buffer = '';
  let atSignSeen = false;
  let insideBrackets = false;
  let passwordTokenSeen = false;
  let pointer = 0;
  // node (ada) quirk: an input with a fragment resolves against a base with an opaque path
  // as if that path were a first segment that cannot be removed: 'a#x' against 'sc:p' is
  // 'sc:p/a#x'. `rootInPath` marks a path that starts with such a segment.
  let rootInPath = false;
  let opaqueBase = false;
  const remaining = (i) => (pointer + i < len ? cps[pointer + i] : EOF);

  for (;;) {
    const c = pointer < len ? cps[pointer] : EOF;
    switch (state) {
      case SCHEME_START:
        if (isASCIIAlpha(c)) {
          buffer += String.fromCharCode(toLowerASCII(c));
          state = SCHEME;
        } else if (!stateOverride) {
          state = NO_SCHEME;
          pointer--;
        } else {
          return FAILURE;
        }
        break;

      case SCHEME:
        if (isASCIIAlphanumeric(c) || c === 0x2b || c === 0x2d || c === 0x2e) {
          buffer += String.fromCharCode(toLowerASCII(c));
        } else if (c === 0x3a) {
          if (stateOverride) {
            if (isSpecialScheme(url.scheme) !== isSpecialScheme(buffer)) return undefined;
            if ((includesCredentials(url) || url.port !== null) && buffer === 'file') return undefined;
            if (url.scheme === 'file' && url.host === '') return undefined;
          }
          url.scheme = buffer;
          if (stateOverride) {
            if (url.port === defaultPort(url.scheme)) url.port = null;
            return undefined;
          }
          buffer = '';
          if (url.scheme === 'file') {
            state = FILE;
          } else if (isSpecialScheme(url.scheme) && base !== null && base.scheme === url.scheme) {
            state = SPECIAL_RELATIVE_OR_AUTHORITY;
          } else if (isSpecialScheme(url.scheme)) {
            state = SPECIAL_AUTHORITY_SLASHES;
          } else if (remaining(1) === 0x2f) {
            state = PATH_OR_AUTHORITY;
            pointer++;
          } else {
            url.path = '';
            state = OPAQUE_PATH;
          }
        } else if (!stateOverride) {
          buffer = '';
          state = NO_SCHEME;
          pointer = -1;
        } else {
          return FAILURE;
        }
        break;

      case NO_SCHEME:
        if (base !== null && hasOpaquePath(base) && c !== 0x23 && cps.includes(0x23)) {
          base = { ...base, path: base.path.split('/') };
          opaqueBase = true;
          state = RELATIVE;
          pointer--;
        } else if (base === null || (hasOpaquePath(base) && c !== 0x23)) {
          return FAILURE;
        } else if (hasOpaquePath(base) && c === 0x23) {
          url.scheme = base.scheme;
          url.path = base.path;
          url.query = base.query;
          url.fragment = '';
          state = FRAGMENT;
        } else if (base.scheme !== 'file') {
          state = RELATIVE;
          pointer--;
        } else {
          state = FILE;
          pointer--;
        }
        break;

      case SPECIAL_RELATIVE_OR_AUTHORITY:
        if (c === 0x2f && remaining(1) === 0x2f) {
          state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
          pointer++;
        } else {
          state = RELATIVE;
          pointer--;
        }
        break;

      case PATH_OR_AUTHORITY:
        if (c === 0x2f) {
          state = AUTHORITY;
        } else {
          state = PATH;
          pointer--;
        }
        break;

      case RELATIVE:
        url.scheme = base.scheme;
        if (c === 0x2f) {
          state = RELATIVE_SLASH;
        } else if (isSpecialScheme(url.scheme) && c === 0x5c) {
          state = RELATIVE_SLASH;
        } else {
          url.username = base.username;
          url.password = base.password;
          url.host = base.host;
          url.port = base.port;
          url.path = base.path.slice();
          url.query = base.query;
          rootInPath = opaqueBase;
          if (c === 0x3f) {
            url.query = '';
            state = QUERY;
          } else if (c === 0x23) {
            url.fragment = '';
            state = FRAGMENT;
          } else if (c !== EOF) {
            url.query = null;
            shortenPath(url, rootInPath);
            state = PATH;
            pointer--;
          }
        }
        break;

      case RELATIVE_SLASH:
        if (isSpecialScheme(url.scheme) && (c === 0x2f || c === 0x5c)) {
          state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
        } else if (c === 0x2f) {
          state = AUTHORITY;
        } else {
          url.username = base.username;
          url.password = base.password;
          url.host = base.host;
          url.port = base.port;
          state = PATH;
          pointer--;
        }
        break;

      case SPECIAL_AUTHORITY_SLASHES:
        if (c === 0x2f && remaining(1) === 0x2f) {
          state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
          pointer++;
        } else {
          state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
          pointer--;
        }
        break;

      case SPECIAL_AUTHORITY_IGNORE_SLASHES:
        if (c !== 0x2f && c !== 0x5c) {
          state = AUTHORITY;
          pointer--;
        }
        break;

      case AUTHORITY:
        if (c === 0x40) {
          if (atSignSeen) buffer = `%40${buffer}`;
          atSignSeen = true;
          for (const ch of buffer) {
            const cp = ch.codePointAt(0);
            if (cp === 0x3a && !passwordTokenSeen) {
              passwordTokenSeen = true;
              continue;
            }
            const encoded = percentEncodeCodePoint(cp, USERINFO_SET);
            if (passwordTokenSeen) url.password += encoded;
            else url.username += encoded;
          }
          buffer = '';
        } else if (c === EOF || c === 0x2f || c === 0x3f || c === 0x23 ||
                   (isSpecialScheme(url.scheme) && c === 0x5c)) {
          if (atSignSeen && buffer === '') return FAILURE;
          pointer -= codePointsOf(buffer).length + 1;
          buffer = '';
          state = HOST;
        } else {
          buffer += String.fromCodePoint(c);
        }
        break;

      case HOST:
      case HOSTNAME:
        if (stateOverride && url.scheme === 'file') {
          pointer--;
          state = FILE_HOST;
        } else if (c === 0x3a && !insideBrackets) {
          if (buffer === '') return FAILURE;
          if (stateOverride === HOSTNAME) return FAILURE;
          const host = parseHost(buffer, !isSpecialScheme(url.scheme));
          if (host === FAILURE) return FAILURE;
          url.host = host;
          buffer = '';
          state = PORT;
        } else if (c === EOF || c === 0x2f || c === 0x3f || c === 0x23 ||
                   (isSpecialScheme(url.scheme) && c === 0x5c)) {
          pointer--;
          if (isSpecialScheme(url.scheme) && buffer === '') return FAILURE;
          if (stateOverride && buffer === '' && (includesCredentials(url) || url.port !== null)) {
            return FAILURE;
          }
          const host = parseHost(buffer, !isSpecialScheme(url.scheme));
          if (host === FAILURE) return FAILURE;
          url.host = host;
          buffer = '';
          state = PATH_START;
          if (stateOverride) return undefined;
        } else {
          if (c === 0x5b) insideBrackets = true;
          if (c === 0x5d) insideBrackets = false;
          buffer += String.fromCodePoint(c);
        }
        break;

      case PORT:
        if (isASCIIDigit(c)) {
          buffer += String.fromCharCode(c);
        } else if (c === EOF || c === 0x2f || c === 0x3f || c === 0x23 ||
                   (isSpecialScheme(url.scheme) && c === 0x5c) || stateOverride) {
          if (buffer !== '') {
            const port = parseInt(buffer, 10);
            if (port > 65535) return FAILURE;
            url.port = port === defaultPort(url.scheme) ? null : port;
            buffer = '';
          }
          if (stateOverride) return undefined;
          state = PATH_START;
          pointer--;
        } else {
          return FAILURE;
        }
        break;

      case FILE:
        url.scheme = 'file';
        url.host = '';
        if (c === 0x2f || c === 0x5c) {
          state = FILE_SLASH;
        } else if (base !== null && base.scheme === 'file') {
          url.host = base.host;
          url.path = base.path.slice();
          url.query = base.query;
          if (c === 0x3f) {
            url.query = '';
            state = QUERY;
          } else if (c === 0x23) {
            url.fragment = '';
            state = FRAGMENT;
          } else if (c !== EOF) {
            url.query = null;
            if (!startsWithWindowsDriveLetter(cps, pointer)) shortenPath(url);
            else url.path = [];
            state = PATH;
            pointer--;
          }
        } else {
          state = PATH;
          pointer--;
        }
        break;

      case FILE_SLASH:
        if (c === 0x2f || c === 0x5c) {
          state = FILE_HOST;
        } else {
          if (base !== null && base.scheme === 'file') {
            url.host = base.host;
            if (!startsWithWindowsDriveLetter(cps, pointer) &&
                base.path.length > 0 && isWindowsDriveLetter(base.path[0], true)) {
              url.path.push(base.path[0]);
            }
          }
          state = PATH;
          pointer--;
        }
        break;

      case FILE_HOST:
        if (c === EOF || c === 0x2f || c === 0x5c || c === 0x3f || c === 0x23) {
          pointer--;
          if (!stateOverride && isWindowsDriveLetter(buffer)) {
            state = PATH;
          } else if (buffer === '') {
            url.host = '';
            if (stateOverride) return undefined;
            state = PATH_START;
          } else {
            let host = parseHost(buffer, !isSpecialScheme(url.scheme));
            if (host === FAILURE) return FAILURE;
            if (host === 'localhost') host = '';
            url.host = host;
            if (stateOverride) return undefined;
            buffer = '';
            state = PATH_START;
          }
        } else {
          buffer += String.fromCodePoint(c);
        }
        break;

      case PATH_START:
        if (isSpecialScheme(url.scheme)) {
          state = PATH;
          if (c !== 0x2f && c !== 0x5c) pointer--;
        } else if (!stateOverride && c === 0x3f) {
          url.query = '';
          state = QUERY;
        } else if (!stateOverride && c === 0x23) {
          url.fragment = '';
          state = FRAGMENT;
        } else if (c !== EOF) {
          state = PATH;
          if (c !== 0x2f) pointer--;
        } else if (stateOverride && url.host === null) {
          url.path.push('');
        }
        break;

      case PATH: {
        const special = isSpecialScheme(url.scheme);
        if (c === EOF || c === 0x2f || (special && c === 0x5c) ||
            (!stateOverride && (c === 0x3f || c === 0x23))) {
          const slash = c === 0x2f || (special && c === 0x5c);
          if (isDoubleDot(buffer)) {
            const removed = shortenPath(url, rootInPath);
            // node (ada) quirk: in a non-special URL, a final '..' with nothing left to remove
            // leaves the path empty instead of adding an empty segment.
            if (!slash && (special || removed)) url.path.push('');
          } else if (isSingleDot(buffer) && !slash) {
            url.path.push('');
          } else if (!isSingleDot(buffer)) {
            if (url.scheme === 'file' && url.path.length === 0 && isWindowsDriveLetter(buffer)) {
              buffer = `${buffer[0]}:`;
            }
            url.path.push(buffer);
          }
          buffer = '';
          if (c === 0x3f) {
            url.query = '';
            state = QUERY;
          }
          if (c === 0x23) {
            url.fragment = '';
            state = FRAGMENT;
          }
        } else {
          buffer += percentEncodeCodePoint(c, PATH_SET);
        }
        break;
      }

      case OPAQUE_PATH:
        if (c === 0x3f) {
          url.query = '';
          state = QUERY;
        } else if (c === 0x23) {
          url.fragment = '';
          state = FRAGMENT;
        } else if (c !== EOF) {
          url.path += percentEncodeCodePoint(c, C0_CONTROL_SET);
        }
        break;

      case QUERY:
        if ((!stateOverride && c === 0x23) || c === EOF) {
          const set = isSpecialScheme(url.scheme) ? SPECIAL_QUERY_SET : QUERY_SET;
          url.query += percentEncodeString(buffer, set);
          buffer = '';
          if (c === 0x23) {
            url.fragment = '';
            state = FRAGMENT;
          }
        } else if (c !== EOF) {
          buffer += String.fromCodePoint(c);
        }
        break;

      case FRAGMENT:
        if (c !== EOF) url.fragment += percentEncodeCodePoint(c, FRAGMENT_SET);
        break;

      default:
        throw new Error(`unreachable URL parser state ${state}`);
    }
    if (pointer >= len) break;
    pointer++;
  }
  if (rootInPath && !hasOpaquePath(url)) url.path = url.path.join('/');
  return stateOverride ? undefined : url;
}

function serializeHostAndPort(url) {
  return url.port === null ? url.host : `${url.host}:${url.port}`;
}

function serializePath(url) {
  if (hasOpaquePath(url)) return url.path;
  let out = '';
  for (const segment of url.path) out += `/${segment}`;
  return out;
}

function serializeURL(url, excludeFragment = false) {
  let out = `${url.scheme}:`;
  if (url.host !== null) {
    out += '//';
    if (includesCredentials(url)) {
      out += url.username;
      if (url.password !== '') out += `:${url.password}`;
      out += '@';
    }
    out += serializeHostAndPort(url);
  }
  if (url.host === null && !hasOpaquePath(url) && url.path.length > 1 && url.path[0] === '') out += '/.';
  out += serializePath(url);
  if (url.query !== null) out += `?${url.query}`;
  if (!excludeFragment && url.fragment !== null) out += `#${url.fragment}`;
  return out;
}

function serializeOrigin(url) {
  switch (url.scheme) {
    case 'blob': {
      const pathURL = basicParse(serializePath(url), null);
      if (pathURL !== FAILURE && (pathURL.scheme === 'http' || pathURL.scheme === 'https')) {
        return serializeOrigin(pathURL);
      }
      return 'null';
    }
    case 'ftp': case 'http': case 'https': case 'ws': case 'wss':
      return `${url.scheme}://${serializeHostAndPort(url)}`;
    default:
      return 'null';
  }
}

// node's (ada's) port setter, which differs from the standard's in a few corners: tabs and
// newlines alone clear the port, and so does a value that starts with neither a digit nor '-'
// but contains one.
function setPort(url, value) {
  if (cannotHaveCredentialsOrPort(url)) return;
  const trimmed = value.replace(/[\t\n\r]/g, '');
  if (trimmed === '') {
    url.port = null;
    return;
  }
  if (trimmed.charCodeAt(0) <= 0x20 || trimmed[0] === '-' || !/[0-9]/.test(trimmed)) return;
  const digits = /^[0-9]*/.exec(trimmed)[0];
  if (digits === '') {
    url.port = null;
    return;
  }
  const port = parseInt(digits, 10);
  if (port > 65535) return;
  url.port = port === defaultPort(url.scheme) ? null : port;
}

// node's (ada's) host and hostname setters. They agree with the standard's state-override
// parse except that a non-special URL takes an empty host before a port (`:80`), and the port
// part goes through setPort.
function setHost(url, value, hostnameOnly) {
  if (hasOpaquePath(url)) return;
  if (url.scheme === 'file') {
    basicParse(value, null, url, hostnameOnly ? HOSTNAME : HOST);
    return;
  }
  const special = isSpecialScheme(url.scheme);
  value = value.replace(/[\t\n\r]/g, '');
  let end = value.length;
  let colon = false;
  let insideBrackets = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '[') {
      insideBrackets = true;
    } else if (c === ']') {
      insideBrackets = false;
    } else if (c === ':' && !insideBrackets) {
      colon = true;
      end = i;
      break;
    } else if (c === '/' || c === '?' || c === '#' || (special && c === '\\')) {
      end = i;
      break;
    }
  }
  const hostPart = value.slice(0, end);
  const savedPort = url.port;
  if (colon) {
    if (hostnameOnly) return;
    const portPart = value.slice(end + 1);
    if (portPart !== '') setPort(url, portPart);
  }
  if (hostPart === '') {
    if (special) {
      url.port = savedPort;
      return;
    }
    if (!colon && (includesCredentials(url) || url.port !== null)) return;
    // A URL without a host gets an empty one only when its path needs the '/.' guard.
    if (url.host !== null || (url.path.length > 1 && url.path[0] === '')) url.host = '';
    return;
  }
  const host = parseHost(hostPart, !special);
  if (host === FAILURE) {
    url.port = savedPort;
    return;
  }
  url.host = host;
}

function stripTrailingSpacesFromOpaquePath(url) {
  if (!hasOpaquePath(url) || url.fragment !== null || url.query !== null) return;
  url.path = url.path.replace(/ +$/, '');
}

// Parses `input` against the optional base string; returns a record or FAILURE.
function parseURL(input, base) {
  let baseRecord = null;
  if (base !== undefined) {
    baseRecord = basicParse(base, null);
    if (baseRecord === FAILURE) return FAILURE;
  }
  return basicParse(input, baseRecord);
}

// ---------------------------------------------------------------------------------------------
// application/x-www-form-urlencoded

function parseFormURLEncoded(input) {
  const list = [];
  for (const sequence of input.split('&')) {
    if (sequence === '') continue;
    const eq = sequence.indexOf('=');
    let name = eq === -1 ? sequence : sequence.slice(0, eq);
    let value = eq === -1 ? '' : sequence.slice(eq + 1);
    name = percentDecodeString(name.replace(/\+/g, ' '));
    value = percentDecodeString(value.replace(/\+/g, ' '));
    list.push([name, value]);
  }
  return list;
}

function serializeFormURLEncoded(list) {
  let out = '';
  for (let i = 0; i < list.length; i++) {
    if (i > 0) out += '&';
    out += `${percentEncodeString(list[i][0], FORM_SET, true)}=${percentEncodeString(list[i][1], FORM_SET, true)}`;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// URLSearchParams

// Cross-class access to private state, set up in the classes' static blocks.
let paramsList;
let setParamsList;
let attachParams;
let urlRecordOf;
let isURLSearchParams;

function toUSVString(value) {
  return toUSV(`${value}`);
}

function colorlessLength(str) {
  return str.replace(/\u001b\[\d\d?m/g, '').length;
}

class URLSearchParams {
  #list = [];
  #url = null;

  static {
    paramsList = (params) => params.#list;
    setParamsList = (params, list) => {
      params.#list = list;
    };
    attachParams = (params, url) => {
      params.#url = url;
    };
    isURLSearchParams = (value) => value !== null && typeof value === 'object' && #list in value;
  }

  constructor(init = undefined) {
    if (init === undefined || init === null) {
      // empty
    } else if (typeof init === 'object' || typeof init === 'function') {
      const method = init[Symbol.iterator];
      if (method === this[Symbol.iterator] && #list in init) {
        this.#list = init.#list.map((pair) => [pair[0], pair[1]]);
      } else if (method != null) {
        if (typeof method !== 'function') throw new ERR_ARG_NOT_ITERABLE('Query pairs');
        for (const pair of init) {
          if (pair == null || typeof pair[Symbol.iterator] !== 'function') {
            throw new ERR_INVALID_TUPLE('Each query pair', '[name, value]');
          }
          const converted = [];
          for (const element of pair) converted.push(toUSVString(element));
          if (converted.length !== 2) throw new ERR_INVALID_TUPLE('Each query pair', '[name, value]');
          this.#list.push(converted);
        }
      } else {
        const seen = new Map();
        for (const key of Reflect.ownKeys(init)) {
          const desc = Reflect.getOwnPropertyDescriptor(init, key);
          if (desc === undefined || !desc.enumerable) continue;
          const name = toUSVString(key);
          const value = toUSVString(init[key]);
          const index = seen.get(name);
          if (index !== undefined) {
            this.#list[index][1] = value;
          } else {
            seen.set(name, this.#list.length);
            this.#list.push([name, value]);
          }
        }
      }
    } else {
      let str = toUSVString(init);
      if (str[0] === '?') str = str.slice(1);
      this.#list = parseFormURLEncoded(str);
    }
  }

  #update() {
    if (this.#url === null) return;
    const record = urlRecordOf(this.#url);
    const serialized = serializeFormURLEncoded(this.#list);
    record.query = serialized === '' ? null : serialized;
    if (record.query === null) stripTrailingSpacesFromOpaquePath(record);
  }

  get size() {
    checkParams(this);
    return this.#list.length;
  }

  append(name, value) {
    checkParams(this);
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('name', 'value');
    this.#list.push([toUSVString(name), toUSVString(value)]);
    this.#update();
  }

  delete(name, value = undefined) {
    checkParams(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    name = toUSVString(name);
    if (value !== undefined) {
      value = toUSVString(value);
      this.#list = this.#list.filter((pair) => pair[0] !== name || pair[1] !== value);
    } else {
      this.#list = this.#list.filter((pair) => pair[0] !== name);
    }
    this.#update();
  }

  get(name) {
    checkParams(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    name = toUSVString(name);
    for (const pair of this.#list) if (pair[0] === name) return pair[1];
    return null;
  }

  getAll(name) {
    checkParams(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    name = toUSVString(name);
    const out = [];
    for (const pair of this.#list) if (pair[0] === name) out.push(pair[1]);
    return out;
  }

  has(name, value = undefined) {
    checkParams(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    name = toUSVString(name);
    if (value !== undefined) {
      value = toUSVString(value);
      return this.#list.some((pair) => pair[0] === name && pair[1] === value);
    }
    return this.#list.some((pair) => pair[0] === name);
  }

  set(name, value) {
    checkParams(this);
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('name', 'value');
    name = toUSVString(name);
    value = toUSVString(value);
    const list = [];
    let found = false;
    for (const pair of this.#list) {
      if (pair[0] !== name) {
        list.push(pair);
      } else if (!found) {
        found = true;
        list.push([name, value]);
      }
    }
    if (!found) list.push([name, value]);
    this.#list = list;
    this.#update();
  }

  sort() {
    checkParams(this);
    // Array.prototype.sort is stable; names compare by UTF-16 code units.
    this.#list.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    this.#update();
  }

  entries() {
    checkParams(this);
    return createParamsIterator(this, 'key+value');
  }

  forEach(callback, thisArg = undefined) {
    checkParams(this);
    if (typeof callback !== 'function') throw new ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
    for (let i = 0; i < this.#list.length; i++) {
      const pair = this.#list[i];
      callback.call(thisArg, pair[1], pair[0], this);
    }
  }

  keys() {
    checkParams(this);
    return createParamsIterator(this, 'key');
  }

  values() {
    checkParams(this);
    return createParamsIterator(this, 'value');
  }

  toString() {
    checkParams(this);
    return serializeFormURLEncoded(this.#list);
  }

  [kInspect](depth, options) {
    checkParams(this);
    if (typeof depth === 'number' && depth < 0) return options.stylize('[Object]', 'special');
    const { inspect } = lazyInspect();
    const innerOptions = { ...options };
    if (depth !== null) innerOptions.depth = depth - 1;
    const entries = this.#list.map((pair) => `${inspect(pair[0], innerOptions)} => ${inspect(pair[1], innerOptions)}`);
    const name = this.constructor.name;
    const length = entries.reduce((sum, s) => sum + colorlessLength(s) + 2, -2);
    if (length > options.breakLength) return `${name} {\n  ${entries.join(',\n  ')} }`;
    if (entries.length > 0) return `${name} { ${entries.join(', ')} }`;
    return `${name} {}`;
  }
}

function checkParams(self) {
  if (!isURLSearchParams(self)) throw new ERR_INVALID_THIS('URLSearchParams');
}

Object.defineProperty(URLSearchParams.prototype, Symbol.iterator, {
  value: URLSearchParams.prototype.entries, writable: true, enumerable: false, configurable: true,
});
Object.defineProperty(URLSearchParams.prototype, Symbol.toStringTag, {
  value: 'URLSearchParams', writable: false, enumerable: false, configurable: true,
});
for (const name of ['size', 'append', 'delete', 'get', 'getAll', 'has', 'set', 'sort', 'entries',
  'forEach', 'keys', 'values', 'toString']) {
  Object.defineProperty(URLSearchParams.prototype, name, { enumerable: true });
}

// URLSearchParams iterators: live views over the list, like the standard's.
const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));

let createParamsIterator;

class URLSearchParamsIterator {
  #target;
  #kind;
  #index = 0;

  static {
    createParamsIterator = (target, kind) => {
      const it = new URLSearchParamsIterator();
      it.#target = target;
      it.#kind = kind;
      return it;
    };
  }

  static check(self) {
    if (self === null || typeof self !== 'object' || !(#target in self)) {
      throw new ERR_INVALID_THIS('URLSearchParamsIterator');
    }
  }

  next() {
    URLSearchParamsIterator.check(this);
    const list = paramsList(this.#target);
    if (this.#index >= list.length) return { value: undefined, done: true };
    const pair = list[this.#index++];
    let value;
    if (this.#kind === 'key') value = pair[0];
    else if (this.#kind === 'value') value = pair[1];
    else value = [pair[0], pair[1]];
    return { value, done: false };
  }

  [kInspect](depth, options) {
    URLSearchParamsIterator.check(this);
    if (typeof depth === 'number' && depth < 0) return options.stylize('[Object]', 'special');
    const { inspect } = lazyInspect();
    const innerOptions = { ...options };
    if (depth !== null) innerOptions.depth = depth - 1;
    const rest = paramsList(this.#target).slice(this.#index);
    const items = rest.map((pair) => {
      if (this.#kind === 'key') return pair[0];
      if (this.#kind === 'value') return pair[1];
      return [pair[0], pair[1]];
    });
    const multiline = inspect(items, innerOptions).includes('\n');
    const strs = items.map((item) => inspect(item, innerOptions));
    const body = multiline ? `\n  ${strs.join(',\n  ')}` : ` ${strs.join(', ')}`;
    return `${this[Symbol.toStringTag]} {${body} }`;
  }
}
{
  const proto = URLSearchParamsIterator.prototype;
  delete proto.constructor;
  Object.setPrototypeOf(proto, IteratorPrototype);
  Object.defineProperty(proto, 'next', { enumerable: true });
  Object.defineProperty(proto, Symbol.toStringTag, {
    value: 'URLSearchParams Iterator', writable: false, enumerable: false, configurable: true,
  });
}

// ---------------------------------------------------------------------------------------------
// URL

const kConstruct = Symbol('kConstruct');
let isURLInstance;

class URL {
  #url;
  #searchParams;

  static {
    urlRecordOf = (url) => url.#url;
    isURLInstance = (value) => value !== null && typeof value === 'object' && #url in value;
  }

  constructor(input, base = undefined) {
    if (input === kConstruct) {
      this.#url = base;
      return;
    }
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    input = `${input}`;
    if (base !== undefined) base = `${base}`;
    const record = parseURL(input, base);
    if (record === FAILURE) throw new ERR_INVALID_URL(input, base);
    this.#url = record;
  }

  static #check(self) {
    if (!isURLInstance(self)) throw new TypeError('Receiver must be an instance of class URL');
  }

  static #checkSetter(self) {
    if (!isURLInstance(self)) {
      throw new TypeError('Cannot read private member #context from an object whose class did not declare it');
    }
  }

  // Keeps an existing searchParams object's list in step with the query.
  #syncSearchParams() {
    if (this.#searchParams !== undefined) {
      const query = this.#url.query;
      setParamsList(this.#searchParams, query === null ? [] : parseFormURLEncoded(query));
    }
  }

  [kInspect](depth, options) {
    URL.#check(this);
    if (typeof depth === 'number' && depth < 0) return this;
    const obj = {};
    obj.href = this.href;
    obj.origin = this.origin;
    obj.protocol = this.protocol;
    obj.username = this.username;
    obj.password = this.password;
    obj.host = this.host;
    obj.hostname = this.hostname;
    obj.port = this.port;
    obj.pathname = this.pathname;
    obj.search = this.search;
    obj.searchParams = this.searchParams;
    obj.hash = this.hash;
    const constructor = this.constructor;
    const name = typeof constructor === 'function' && constructor.name ? constructor.name : 'URL';
    return `${name} ${lazyInspect().inspect(obj, options)}`;
  }

  toString() {
    URL.#check(this);
    return serializeURL(this.#url);
  }

  get href() {
    URL.#check(this);
    return serializeURL(this.#url);
  }

  set href(value) {
    URL.#checkSetter(this);
    value = `${value}`;
    const record = basicParse(value, null);
    if (record === FAILURE) throw new ERR_INVALID_URL(value);
    this.#url = record;
    this.#syncSearchParams();
  }

  get origin() {
    URL.#check(this);
    return serializeOrigin(this.#url);
  }

  get protocol() {
    URL.#check(this);
    return `${this.#url.scheme}:`;
  }

  set protocol(value) {
    URL.#checkSetter(this);
    basicParse(`${value}:`, null, this.#url, SCHEME_START);
  }

  get username() {
    URL.#check(this);
    return this.#url.username;
  }

  set username(value) {
    URL.#checkSetter(this);
    value = toUSVString(value);
    if (cannotHaveCredentialsOrPort(this.#url)) return;
    this.#url.username = percentEncodeString(value, USERINFO_SET);
  }

  get password() {
    URL.#check(this);
    return this.#url.password;
  }

  set password(value) {
    URL.#checkSetter(this);
    value = toUSVString(value);
    if (cannotHaveCredentialsOrPort(this.#url)) return;
    this.#url.password = percentEncodeString(value, USERINFO_SET);
  }

  get host() {
    URL.#check(this);
    const url = this.#url;
    // An empty host reads as '' even with a port (only node's host setter can produce that).
    if (url.host === null || url.host === '') return '';
    return serializeHostAndPort(url);
  }

  set host(value) {
    URL.#checkSetter(this);
    setHost(this.#url, toUSVString(value), false);
  }

  get hostname() {
    URL.#check(this);
    const host = this.#url.host;
    return host === null ? '' : host;
  }

  set hostname(value) {
    URL.#checkSetter(this);
    setHost(this.#url, toUSVString(value), true);
  }

  get port() {
    URL.#check(this);
    const port = this.#url.port;
    return port === null ? '' : String(port);
  }

  set port(value) {
    URL.#checkSetter(this);
    setPort(this.#url, `${value}`);
  }

  get pathname() {
    URL.#check(this);
    return serializePath(this.#url);
  }

  set pathname(value) {
    URL.#checkSetter(this);
    value = `${value}`;
    const url = this.#url;
    if (hasOpaquePath(url)) return;
    const saved = url.path;
    url.path = [];
    if (basicParse(value, null, url, PATH_START) === FAILURE) url.path = saved;
  }

  get search() {
    URL.#check(this);
    const query = this.#url.query;
    return query === null || query === '' ? '' : `?${query}`;
  }

  set search(value) {
    URL.#checkSetter(this);
    value = `${value}`;
    const url = this.#url;
    if (value === '') {
      url.query = null;
      stripTrailingSpacesFromOpaquePath(url);
    } else {
      if (value[0] === '?') value = value.slice(1);
      url.query = '';
      basicParse(value, null, url, QUERY);
    }
    this.#syncSearchParams();
  }

  get searchParams() {
    URL.#check(this);
    if (this.#searchParams === undefined) {
      const params = new URLSearchParams();
      const query = this.#url.query;
      if (query !== null) setParamsList(params, parseFormURLEncoded(query));
      attachParams(params, this);
      this.#searchParams = params;
    }
    return this.#searchParams;
  }

  get hash() {
    URL.#check(this);
    const fragment = this.#url.fragment;
    return fragment === null || fragment === '' ? '' : `#${fragment}`;
  }

  set hash(value) {
    URL.#checkSetter(this);
    value = `${value}`;
    const url = this.#url;
    if (value === '') {
      url.fragment = null;
      stripTrailingSpacesFromOpaquePath(url);
      return;
    }
    if (value[0] === '#') value = value.slice(1);
    url.fragment = '';
    basicParse(value, null, url, FRAGMENT);
  }

  toJSON() {
    URL.#check(this);
    return serializeURL(this.#url);
  }

  static parse(input, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    input = `${input}`;
    if (base !== undefined) base = `${base}`;
    const record = parseURL(input, base);
    if (record === FAILURE) return null;
    return new URL(kConstruct, record);
  }

  static canParse(url, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    url = `${url}`;
    if (base !== undefined) base = `${base}`;
    return parseURL(url, base) !== FAILURE;
  }

  static createObjectURL(obj) {
    // There is no Blob in Lode yet, so nothing is a valid argument.
    throw new ERR_INVALID_ARG_TYPE('obj', 'Blob', obj);
  }

  static revokeObjectURL(url) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
  }
}

Object.defineProperty(URL.prototype, Symbol.toStringTag, {
  value: 'URL', writable: false, enumerable: false, configurable: true,
});
for (const name of ['toString', 'href', 'origin', 'protocol', 'username', 'password', 'host',
  'hostname', 'port', 'pathname', 'search', 'searchParams', 'hash', 'toJSON']) {
  Object.defineProperty(URL.prototype, name, { enumerable: true });
}
for (const name of ['parse', 'canParse', 'createObjectURL', 'revokeObjectURL']) {
  Object.defineProperty(URL, name, { enumerable: true });
}

// ---------------------------------------------------------------------------------------------
// node's helpers

// node's duck-typed check: a URL, or an object that looks like one (but not a legacy Url).
function isURL(self) {
  return Boolean(self?.href && self.protocol && self.auth === undefined && self.path === undefined);
}

function domainToASCII(domain) {
  if (arguments.length < 1) throw new ERR_MISSING_ARGS('domain');
  domain = `${domain}`;
  if (domain === '') return '';
  // node sets the hostname of a special URL and reads it back.
  const record = basicParse('ws://x', null);
  if (basicParse(domain, null, record, HOSTNAME) === FAILURE) return '';
  return record.host;
}

function domainToUnicode(domain) {
  if (arguments.length < 1) throw new ERR_MISSING_ARGS('domain');
  domain = `${domain}`;
  if (domain === '') return '';
  const record = basicParse('ws://x', null);
  if (basicParse(domain, null, record, HOSTNAME) === FAILURE) return '';
  return domainToUnicodeInternal(record.host);
}

function getPathFromURLPosix(url) {
  if (url.hostname !== '') throw new ERR_INVALID_FILE_URL_HOST(process.platform);
  const pathname = url.pathname;
  for (let n = 0; n < pathname.length; n++) {
    if (pathname[n] === '%') {
      const third = pathname.codePointAt(n + 2) | 0x20;
      if (pathname[n + 1] === '2' && third === 0x66) {
        throw new ERR_INVALID_FILE_URL_PATH('must not include encoded / characters');
      }
    }
  }
  return decodeURIComponent(pathname);
}

function getPathFromURLWin32(url) {
  const hostname = url.hostname;
  let pathname = url.pathname;
  for (let n = 0; n < pathname.length; n++) {
    if (pathname[n] === '%') {
      const third = pathname.codePointAt(n + 2) | 0x20;
      if ((pathname[n + 1] === '2' && third === 0x66) || (pathname[n + 1] === '5' && third === 0x63)) {
        throw new ERR_INVALID_FILE_URL_PATH('must not include encoded \\ or / characters');
      }
    }
  }
  pathname = decodeURIComponent(pathname.replaceAll('/', '\\'));
  if (hostname !== '') return `\\\\${domainToUnicode(hostname)}${pathname}`;
  const letter = pathname.codePointAt(1) | 0x20;
  if (letter < 0x61 || letter > 0x7a || pathname[2] !== ':') {
    throw new ERR_INVALID_FILE_URL_PATH('must be absolute');
  }
  return pathname.slice(1);
}

function fileURLToPath(path, options = undefined) {
  const windows = options?.windows ?? process.platform === 'win32';
  if (typeof path === 'string') path = new URL(path);
  else if (!isURL(path)) throw new ERR_INVALID_ARG_TYPE('path', ['string', 'URL'], path);
  if (path.protocol !== 'file:') throw new ERR_INVALID_URL_SCHEME('file');
  return windows ? getPathFromURLWin32(path) : getPathFromURLPosix(path);
}

function encodePathChars(filepath, windows) {
  if (filepath.includes('%')) filepath = filepath.replace(/%/g, '%25');
  if (!windows && filepath.includes('\\')) filepath = filepath.replace(/\\/g, '%5C');
  if (filepath.includes('\n')) filepath = filepath.replace(/\n/g, '%0A');
  if (filepath.includes('\r')) filepath = filepath.replace(/\r/g, '%0D');
  if (filepath.includes('\t')) filepath = filepath.replace(/\t/g, '%09');
  return filepath;
}

function pathToFileURL(filepath, options = undefined) {
  if (typeof filepath !== 'string') throw new ERR_INVALID_ARG_TYPE('path', 'string', filepath);
  const windows = options?.windows ?? process.platform === 'win32';
  const path = require('path');
  if (windows && filepath.startsWith('\\\\')) {
    // UNC path: \\server\share\resource
    const outURL = new URL('file://');
    const hostnameEndIndex = filepath.indexOf('\\', 2);
    if (hostnameEndIndex === -1) {
      throw new ERR_INVALID_ARG_VALUE('path', filepath, 'Missing UNC resource path');
    }
    if (hostnameEndIndex === 2) {
      throw new ERR_INVALID_ARG_VALUE('path', filepath, 'Empty UNC servername');
    }
    const hostname = filepath.slice(2, hostnameEndIndex);
    outURL.hostname = domainToASCII(hostname);
    outURL.pathname = encodePathChars(filepath.slice(hostnameEndIndex).replace(/\\/g, '/'), windows);
    return outURL;
  }
  let resolved = windows ? path.win32.resolve(filepath) : path.posix.resolve(filepath);
  const last = filepath.charCodeAt(filepath.length - 1);
  const sep = windows ? '\\' : '/';
  if ((last === 0x2f || (windows && last === 0x5c)) && resolved[resolved.length - 1] !== sep) {
    resolved += '/';
  }
  resolved = encodePathChars(resolved, windows);
  if (resolved.includes('?')) resolved = resolved.replace(/\?/g, '%3F');
  if (resolved.includes('#')) resolved = resolved.replace(/#/g, '%23');
  if (windows) resolved = resolved.replace(/\\/g, '/');
  return new URL(`file://${windows ? '/' : ''}${resolved}`);
}

function toPathIfFileURL(fileURLOrPath) {
  if (!isURL(fileURLOrPath)) return fileURLOrPath;
  return fileURLToPath(fileURLOrPath);
}

function urlToHttpOptions(url) {
  const { hostname, pathname, port, username, password, search } = url;
  const options = {
    __proto__: null,
    ...url,
    protocol: url.protocol,
    hostname: hostname && hostname[0] === '[' ? hostname.slice(1, -1) : hostname,
    hash: url.hash,
    search,
    pathname,
    path: `${pathname || ''}${search || ''}`,
    href: url.href,
  };
  if (port !== '') options.port = Number(port);
  if (username || password) options.auth = `${decodeURIComponent(username)}:${decodeURIComponent(password)}`;
  return options;
}

module.exports = {
  URL,
  URLSearchParams,
  fileURLToPath,
  pathToFileURL,
  toPathIfFileURL,
  urlToHttpOptions,
  domainToASCII,
  domainToUnicode,
  isURL,
  isURLInstance: (value) => isURLInstance(value),
  // For the legacy url module and tests.
  encodeStr: percentEncodeString,
  punycode: { encode: punycodeEncode, decode: punycodeDecode },
};
