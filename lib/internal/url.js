'use strict';
// The WHATWG URL Standard: the URL parser and serializer, URL, URLSearchParams, and node's
// file-URL helpers. Written against https://url.spec.whatwg.org/; node v20 is the reference
// for everything the standard leaves to the host (errors, inspection, property layout).

// URL and URLSearchParams are globals set up at start-up, so internal/errors is loaded only
// when the first error is thrown.
let errorCodes;
function codes() {
  if (errorCodes === undefined) errorCodes = require('internal/errors').codes;
  return errorCodes;
}

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
  return str.toWellFormed();
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

// `%XX` for each byte, filled in as bytes are first encoded.
const HEX_BYTE = [];
function hexByte(byte) {
  let text = HEX_BYTE[byte];
  if (text === undefined) {
    text = `%${byte < 16 ? '0' : ''}${byte.toString(16).toUpperCase()}`;
    HEX_BYTE[byte] = text;
  }
  return text;
}

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
  for (let i = 0; i < bytes.length; i++) out += hexByte(bytes[i]);
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

// UTS #46 data, derived from the IDNA mapping table and the Unicode Character Database
// (Unicode 15.1, as in node v20). The mapping itself is computed: for every code point that
// is neither disallowed nor ignored, the table's mapping equals NFKC followed by lowercasing
// (twice, to a fixed point), apart from the few cases handled in idnaMapCodePoint.
// A range list is comma-separated `gap:span` pairs in hex: the range starts `gap` code points
// after the end of the previous one (or 0) and ends `span` code points after its start.
const IDNA_DISALLOWED_DATA =
  '80:1f,2d8:1,6:3,7:0,1:0,14:0,11d:0,6f:0,26:1,32:1,3:0,37:7,1b:3,6:10,16:0,c0:0,30:1,3b:1,65:' +
  'd,3b:1,31:1,f:0,1c:1,1:0,b:4,1f:8,4a:0,a1:0,8:1,2:1,16:0,7:0,1:2,4:1,9:1,2:1,4:7,1:3,2:0,5:1' +
  ',19:1,3:0,6:3,2:1,16:0,7:0,2:0,2:0,2:1,1:0,5:3,2:1,3:2,1:6,4:0,1:6,11:9,3:0,9:0,3:0,16:0,7:0' +
  ',2:0,5:1,a:0,3:0,3:1,1:e,4:1,c:6,7:0,3:0,8:1,2:1,16:0,7:0,2:0,5:1,9:1,2:1,3:6,3:3,2:0,5:1,12' +
  ':9,2:0,6:2,3:0,4:2,2:0,1:0,2:2,2:2,3:2,c:3,5:2,3:0,4:1,1:5,1:d,15:4,d:0,3:0,17:0,10:1,9:0,3:' +
  '0,4:6,2:0,3:1,1:1,4:1,a:6,16:0,3:0,17:0,a:0,5:1,9:0,3:0,4:6,2:5,2:0,4:1,a:0,3:b,d:0,3:0,33:0' +
  ',3:0,6:3,10:1,1a:0,3:0,12:2,18:0,9:0,1:1,7:2,1:3,6:0,1:0,8:5,a:1,3:b,3a:3,1d:24,2:0,1:0,5:0,' +
  '18:0,1:0,17:1,5:0,1:0,7:0,a:1,4:1f,48:0,24:3,27:0,24:0,f:0,d:24,a0:26,1:4,1:1,8f:1,e8:0,4:1,' +
  '7:0,1:0,4:1,29:0,4:1,21:0,4:1,7:0,1:0,4:1,f:0,39:0,4:1,43:1,20:2,1a:5,56:1,6:1,280:0,1c:2,59' +
  ':6,16:8,18:8,14:b,d:0,3:0,2:b,34:1,28:1,a:5,a:5,6:0,7:0,b:5,59:6,2b:4,46:9,1f:0,c:3,c:3,1:2,' +
  '2a:1,5:a,2c:3,1a:5,b:2,3e:1,41:0,1d:1,b:5,a:5,e:1,1f:30,4d:2,2f:0,74:7,3c:2,f:2,3c:6,2b:1,b:' +
  '7,2b:4,216:1,6:1,26:1,6:1,8:0,1:0,1:0,1:0,1f:1,35:0,f:0,e:1,6:0,13:1,3:0,9:0,e:1,14:2,1:6,32' +
  ':2,1:a,2:1,1b:0,d:2,21:e,21:e,32:0,50:0,8:3,297:18,b:14,28:13,6d8:1,20:0,15d:4,2d:0,1:4,1:1,' +
  '38:6,2:d,18:8,7:0,7:0,7:0,7:0,7:0,7:0,7:0,7:0,7e:21,1a:0,59:b,d6:29,40:0,56:1,67:4,2b:0,33:0' +
  ',2a:0,54:b,2f:0,1a2:0,4:0,10:0,70b4:2,37:8,15c:13,b8:7,cb:4,2:0,1:0,5:17,3b:2,a:5,38:7,46:7,' +
  'c:5,74:a,1e:2,4e:0,b:3,21:0,37:8,e:1,a:1,67:17,1c:9,6:1,6:1,6:8,7:0,7:0,3c:3,7e:1,a:5,2ba4:b' +
  ',17:3,31:2103,16e:1,6a:25,7:b,5:4,1a:0,5:0,1:0,2:0,2:0,7d:f,1bd:1,36:6,1:1f,22:0,6:6,10:0,21' +
  ':1,13:0,4:3,5:0,87:1,1:0,9f:0,1e:2,6:1,6:1,6:1,3:2,7:0,7:10,c:0,1a:0,13:0,2:0,f:1,e:21,7b:4,' +
  '3:3,2d:2,58:0,d:2,1:2e,2e:81,1d:2,31:e,1c:3,24:8,1e:4,2b:4,1e:0,25:3,e:29,9e:1,a:5,24:3,24:3' +
  ',28:7,34:a,c:0,f:0,7:0,2:0,b:0,f:0,7:0,2:42,137:8,16:9,8:17,6:0,2a:0,9:44,6:1,1:0,2c:0,2:2,1' +
  ':1,17:0,48:7,9:2f,13:0,2:4,21:2,1b:4,1:3f,38:3,14:1,32:0,2:4,8:0,3:0,1d:1,3:3,a:6,9:6,40:1f,' +
  '27:3,c:8,36:2,1d:1,1b:4,1a:6,4:b,7:4f,49:36,33:c,33:6,2e:7,a:125,1f:0,2a:0,3:1,2:4a,2b:7,2a:' +
  '15,1a:25,1c:13,17:8,4e:3,24:8,3e:0,5:c,19:6,a:5,35:0,12:7,27:8,60:0,14:a,12:0,2f:3d,7:0,1:0,' +
  '4:0,f:0,b:5,3b:4,a:5,4:0,8:1,2:1,16:0,7:0,2:0,5:0,a:1,2:1,3:1,1:5,1:4,7:1,7:2,5:8a,5c:0,5:1d' +
  ',48:7,a:a5,36:1,26:21,45:a,a:5,d:12,3a:5,a:35,1b:1,f:3,17:b8,3c:63,53:b,8:1,1:1,8:0,2:0,1e:0' +
  ',2:1,c:8,a:45,8:1,2e:1,b:1a,48:7,53:c,49:6,a:f5,9:0,2d:0,e:9,1d:2,20:1,16:0,e:48,7:0,2:0,2c:' +
  '2,1:0,2:0,9:7,a:5,6:0,2:0,25:0,2:0,6:6,a:135,19:6,11:0,29:2,1c:55,1:e,32:c,39b:65,6f:0,5:a,c' +
  '4:a4b,63:c,430:f,16:fa9,247:21b8,239:6,1f:0,a:3,51:0,a:5,1e:1,6:9,46:9,a:0,7:0,15:4,13:2af,5' +
  'b:64,4b:3,39:6,11:3f,5:a,2:d,17f8:7,4d6:29,9:22e6,4:0,7:0,2:0,123:e,1:1c,3:1,1:d,4:7,18c:903' +
  ',6b:4,d:2,9:6,a:1,8:125b,2e:1,17:8,74:3b,f6:9,27:1,4a:7,70:14,46:79,14:b,14:b,57:8,19:86,55:' +
  '0,47:0,2:1,1:1,2:1,4:0,c:0,1:0,7:0,41:0,4:1,8:0,7:0,1c:0,4:0,5:0,1:2,7:0,154:1,124:1,2be:e,5' +
  ':0,f:44f,1f:5,6:d4,7:0,11:1,7:0,2:0,5:4,3e:20,1:6f,2d:2,e:1,a:3,2:13f,1f:10,3a:4,1:1cf,2a:2e' +
  '5,7:0,4:0,2:0,f:0,c5:1,10:28,4c:3,a:3,2:310,44:4b,3d:c1,4:0,1b:0,2:0,1:1,1:0,a:0,4:0,1:0,1:5' +
  ',1:3,1:0,1:0,1:0,3:0,2:0,1:1,1:0,1:0,1:0,1:0,1:0,2:0,1:1,4:0,7:0,4:0,4:0,1:0,a:0,11:4,3:0,5:' +
  '0,11:33,2:10d,2c:3,64:b,f:1,f:0,f:0,25:a,ad:37,1d:c,2c:3,9:6,2:d,6:99,3d8:3,11:2,d:2,77:3,5f' +
  ':5,c:3,1:e,c:3,38:7,a:5,28:7,1e:1,2:4d,154:b,e:1,d:2,9:6,2e:0,7:7,e:3,9:6,9:6,93:0,37:24,a:4' +
  '05,a6e0:1f,103a:5,de:1,1682:d,1d31:e,26e:9a1,68:0,b:0,aa:0,3f:0,5f:0,5e:5e1,134b:4,1060:add4' +
  'f,f0:2fe0f';
const IDNA_IGNORED_DATA = 'ad:0,2a1:0,14bb:2,1:0,7fb:0,54:0,3:0,dd9b:f,ef:0,bda0:3,c445c:ef';
// Bidi classes other than L of valid code points: R (R or AL), A (AN), E (EN), M (NSM),
// N (ES, CS, ET, ON, BN), X (the rest); each entry is class, start delta, optional ':length'.
const BIDI_DATA =
  'N0:8X0:4N0:dX0:4N0:eE0:9N0:26N1a:5cN1fN1c1:1N7:dN2:1bN1:10M0:6fN5N80M8c:6N100:5M1:2cR0M0R0M0' +
  ':1R0M0:1R0M0R8:24N11:1R0N0:1R0N0R0N0:1M0:aR0:2fM0:14A0:9N0A0:1R0:2M0R0:64M0:6N1M0:5R0:1M0:1N' +
  '0M0:3R0:1E0:9R0:16M0R0:1dM0:1aR2:58M0:aR0:39M0:8R0:1N0:3R0M2R0:17M0:3R0M0:8R0M0:2R0M0:4R2:28' +
  'M0:2R2:30M9:7R0:29M0:38M37M1M4:7M4M3:6Ma:1M1dM3aM4:3M8M14:1Ne:1N7M2:4M39M4:10M1e:1M3Mb:1M39M' +
  '4:7M4M14:1NdM8:7M3aM2M1:3M8:9Mb:1M1eM3dMcN25:7M5M3M37M1:2M5:10Mb:1N14:6M2M3aMf:1M14:1M1c:1M3' +
  '9:1M4:3M8M14:1M1dM48M7:4M5aM2:6N4M7:7M62M2:8Mb:6M49:1M1bM1M1N0:3M33:dM1:4M1:1M5:2fM9M66:3M1:' +
  '5M1:1M2:1M19:1M4:2M10:3MdM2:1M6MfM2bf:2N30:9N66N29a:1M75:2M1d:1M1e:1M1e:1M43:6M8M2:aN7M1N12:' +
  '1aM7a:1M22M76:2M4:1M9M6:2N4:5N98:21M17:1M2M3aM1:8M1M2:7M6:cM30:53M30M1:4M1M5M28:8Mc:1M20:3M2' +
  ':1M1:2M38M1:1M3M1:2M3a:7M2:1M98:2M1:cM1:6M4M6M3:1Mc6:3fN20c:b4Mf:20N13:49N3c:1abN45:19N1:315' +
  'N1:152N100:2ffNe5:5M4:2N7:6M7fM60:1fN0:204N3:18M9:3N2N6N5:2M59:1N5N5aNc4:23N1bdc:3fN5690:36N' +
  '146:2M5f:3N0M0:9N0:1M1e:1M50:1Ne:21N66M79M3M4M19:1N1:3M0Nb:1N3a:3M4c:1M1a:11MdM26:7M19:aM2e:' +
  '2M30M2:3M2:1M27M43:5M2:1M2:1McM8M2fM33M1:2M2:1M5:1M1M2a:1M8N73:1M79M2M4M4f30R93:10N17b:c1M20' +
  ':fN15:1R2cN28dN3e:4cN3:10M5cMe2E0:1aM7a:4R485:11bN3R0:e0M0:eR0:25M2:7R0:a4M0:1R4:4aN3:6R0:1e' +
  '3M0:3A8:14eR1:29M1:1R0:4M4b:2R0:45M0:aR0:30M0:3R0:70MaM36:eNb:13MaM2:1Ma:2M31:3M2:1M7M3d:2M2' +
  '4:4M1:7M3eMc:1M34:8Ma:3M2M5f:2M2M1:1M6M2M9dM3:7M15:1M39:1M3M25:eMc3:7M2:2M1M17M54:5M1M4:1M1:' +
  '1Mee:3M6:1M1:1M1b:1M55:7M2M1:1N1f:cM3eM1M2:5M1M65:2M2:3M1:4M103:8M1:1M100:1M1M4M90:7M4M20:5M' +
  '2:1M28:5M2:3M8M9:5M2:2M2e:cM1:1M196:dM54:15M2:6M1:1M1:1M7a:14M1M48:1M3M1M15b:1Mb:1M34:4M5M1N' +
  '92:1cM144eM6:eM369a:4M3b:6M418M3f:3N4fM1M4cb8:1M1261:46M220:2M11:7M2:6M1e:3N3b:58M0:2N0Nba:5' +
  '6M6a9:36M4:31M8MeM16:14M550:8fMa0:6M177M3d:3NfM1ec:3R310:cfM0:6R4b:21M0:6R0:3f2N1b2:23fN3d:2' +
  'N3dNb2:96a';
// Code points with Canonical_Combining_Class Virama.
const VIRAMAS = [
  0x94d, 0x9cd, 0xa4d, 0xacd, 0xb4d, 0xbcd, 0xc4d, 0xccd, 0xd3b, 0xd3c, 0xd4d, 0xdca, 0xe3a,
  0xeba, 0xf84, 0x1039, 0x103a, 0x1714, 0x1715, 0x1734, 0x17d2, 0x1a60, 0x1b44, 0x1baa, 0x1bab,
  0x1bf2, 0x1bf3, 0x2d7f, 0xa806, 0xa82c, 0xa8c4, 0xa953, 0xa9c0, 0xaaf6, 0xabed, 0x10a3f,
  0x11046, 0x11070, 0x1107f, 0x110b9, 0x11133, 0x11134, 0x111c0, 0x11235, 0x112ea, 0x1134d,
  0x11442, 0x114c2, 0x115bf, 0x1163f, 0x116b6, 0x1172b, 0x11839, 0x1193d, 0x1193e, 0x119e0,
  0x11a34, 0x11a47, 0x11a99, 0x11c3f, 0x11d44, 0x11d45, 0x11d97, 0x11f41, 0x11f42
];

const CYRILLIC_SMALL_VARIANTS = '\u0432\u0434\u043e\u0441\u0442\u0442\u044a\u0463\ua64b';

let idnaTables;
function getIdnaTables() {
  if (idnaTables !== undefined) return idnaTables;
  const decode = (data) => {
    const starts = [];
    const ends = [];
    let prev = 0;
    for (const item of data.split(',')) {
      const colon = item.indexOf(':');
      const start = prev + parseInt(item.slice(0, colon), 16);
      const end = start + parseInt(item.slice(colon + 1), 16);
      starts.push(start);
      ends.push(end);
      prev = end + 1;
    }
    return { starts, ends, values: null };
  };
  const bidi = { starts: [], ends: [], values: [] };
  let prev = 0;
  for (const m of BIDI_DATA.matchAll(/([RAEMNX])([0-9a-f]+)(?::([0-9a-f]+))?/g)) {
    const start = prev + parseInt(m[2], 16);
    const end = start + (m[3] === undefined ? 0 : parseInt(m[3], 16));
    bidi.starts.push(start);
    bidi.ends.push(end);
    bidi.values.push(m[1].toLowerCase());
    prev = end + 1;
  }
  idnaTables = {
    disallowed: decode(IDNA_DISALLOWED_DATA),
    ignored: decode(IDNA_IGNORED_DATA),
    bidi,
    viramas: new Set(VIRAMAS),
  };
  return idnaTables;
}

// Index of the range containing cp, or -1.
function findRange(table, cp) {
  const { starts, ends } = table;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] > cp) hi = mid - 1;
    else if (ends[mid] < cp) lo = mid + 1;
    else return mid;
  }
  return -1;
}

function lowerEach(str) {
  let out = '';
  for (const ch of str) out += ch.toLowerCase();
  return out;
}

// The UTS #46 mapping of one code point: a string, or null when it is disallowed.
function idnaMapCodePoint(cp) {
  if (cp < 0x80) return String.fromCharCode(cp >= 0x41 && cp <= 0x5a ? cp + 0x20 : cp);
  const tables = getIdnaTables();
  if (findRange(tables.disallowed, cp) !== -1) return null;
  if (findRange(tables.ignored, cp) !== -1) return '';
  // Cherokee folds to its capital letters; some Cyrillic variants to their base letters.
  if (cp >= 0x13a0 && cp <= 0x13f5) return String.fromCodePoint(cp);
  if (cp >= 0x13f8 && cp <= 0x13fd) return String.fromCodePoint(cp - 8);
  if (cp >= 0xab70 && cp <= 0xabbf) return String.fromCodePoint(cp - 0x97d0);
  if (cp >= 0x1c80 && cp <= 0x1c88) return CYRILLIC_SMALL_VARIANTS[cp - 0x1c80];
  if (cp === 0x1e9e) return 'ss';
  const ch = String.fromCodePoint(cp);
  let s = lowerEach(lowerEach(ch.normalize('NFKC')).normalize('NFKC'));
  // The iota subscript folds to iota; final-sigma look-alikes fold to sigma.
  const nfd = s.normalize('NFD');
  if (nfd.includes('\u0345')) s = nfd.replace(/\u0345/g, '\u03b9').normalize('NFC');
  if (s === '\u03c2' && cp !== 0x3c2) s = '\u03c3';
  if (s === '\u3002' || s === '\uff0e' || s === '\uff61') s = '.';
  return s;
}

// Maps a whole domain and normalizes it; null when it has a disallowed code point.
function idnaMap(str) {
  let out = '';
  for (const ch of str) {
    const mapped = idnaMapCodePoint(ch.codePointAt(0));
    if (mapped === null) return null;
    out += mapped;
  }
  return out.normalize('NFC');
}

function bidiClass(cp) {
  const table = getIdnaTables().bidi;
  const i = findRange(table, cp);
  return i === -1 ? 'l' : table.values[i];
}

// Built on first use: only internationalized domain names need them.
let joiningPatterns;
function getJoiningPatterns() {
  if (joiningPatterns !== undefined) return joiningPatterns;
  const arabicRightJoining = new RegExp(`[${[
    '\\u0622-\\u0625\\u0627\\u0629\\u062f-\\u0632\\u0648\\u0671-\\u0673\\u0675-\\u0677\\u0688-\\u0699',
    '\\u06c0\\u06c3-\\u06cb\\u06cd\\u06cf\\u06d2\\u06d3\\u06d5\\u06ee\\u06ef\\u0710\\u0715-\\u0719',
    '\\u071e\\u0728\\u072a\\u072c\\u072f\\u074d\\u0759-\\u075b\\u076b\\u076c\\u0771\\u0773\\u0774',
    '\\u0778\\u0779\\u0870-\\u0882\\u088e\\u08aa-\\u08ac\\u08ae\\u08b1\\u08b2\\u08b9',
  ].join('')}]`, 'u');
  const joiningScriptLetter = new RegExp(`[${[
    'Arabic', 'Syriac', 'Nko', 'Mongolian', 'Mandaic',
    'Phags_Pa', 'Manichaean', 'Adlam', 'Hanifi_Rohingya', 'Sogdian',
    'Psalter_Pahlavi',
  ].map((script) => `\\p{Script=${script}}`).join('')}]`, 'u');
  joiningPatterns = { arabicRightJoining, joiningScriptLetter };
  return joiningPatterns;
}

// Joining_Type R or D (approximated: letters of the joining scripts are dual-joining unless
// they are known to be right-joining).
function joinsRight(ch) {
  const { arabicRightJoining, joiningScriptLetter } = getJoiningPatterns();
  return arabicRightJoining.test(ch) || (joiningScriptLetter.test(ch) && /\p{L}/u.test(ch));
}

function joinsLeft(ch) {
  const { arabicRightJoining, joiningScriptLetter } = getJoiningPatterns();
  return !arabicRightJoining.test(ch) && joiningScriptLetter.test(ch) && /\p{L}/u.test(ch);
}

// The validity criteria of UTS #46 for one mapped, normalized label, as node (ada) applies
// them: the first ZWNJ/ZWJ decides by the ContextJ rules alone, and the Bidi rule is checked
// per label, only in labels that have right-to-left characters.
function isValidIDNALabel(label) {
  if (label === '') return true;
  if (/^\p{M}/u.test(label)) return false;
  const chars = Array.from(label);
  const { viramas } = getIdnaTables();
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch !== '\u200c' && ch !== '\u200d') continue;
    if (i > 0 && viramas.has(chars[i - 1].codePointAt(0))) return true;
    if (ch === '\u200d' || i + 1 >= chars.length) return false;
    return chars.slice(0, i).some(joinsLeft) && chars.slice(i + 1).some(joinsRight);
  }
  const classes = chars.map((ch) => bidiClass(ch.codePointAt(0)));
  let last = classes.length - 1;
  while (last >= 0 && classes[last] === 'm') last--;
  if (last < 0) return false;
  if (!classes.includes('r') && !classes.includes('a')) return true;
  if (classes[0] === 'l') {
    for (let i = 0; i < last; i++) {
      const c = classes[i];
      if (c !== 'l' && c !== 'e' && c !== 'n' && c !== 'm') return false;
    }
    return true;
  }
  for (const c of classes) {
    if (c === 'l' || c === 'x') return false;
  }
  const end = classes[last];
  if (end !== 'r' && end !== 'e' && end !== 'a') return false;
  return !(classes.includes('e') && classes.includes('a'));
}

// UTS #46 ToASCII with the URL Standard's options (CheckHyphens false, CheckBidi and
// CheckJoiners true, UseSTD3ASCIIRules false, nontransitional). Returns the ASCII domain, or
// FAILURE.
function domainToASCIIInternal(domain) {
  let ascii = true;
  for (let i = 0; i < domain.length; i++) {
    if (domain.charCodeAt(i) >= 0x80) {
      ascii = false;
      break;
    }
  }
  const mapped = ascii ? domain.toLowerCase() : idnaMap(domain);
  if (mapped === null) return FAILURE;
  const labels = mapped.split('.');
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (label.startsWith('xn--')) {
      const decoded = punycodeDecode(label.slice(4));
      if (decoded === null || decoded === '') return FAILURE;
      // Every code point of a decoded label must be valid, not mapped or disallowed.
      if (idnaMap(decoded) !== decoded || !isValidIDNALabel(decoded)) return FAILURE;
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
    if (eq === -1) list.push([decodeFormComponent(sequence), '']);
    else list.push([decodeFormComponent(sequence.slice(0, eq)), decodeFormComponent(sequence.slice(eq + 1))]);
  }
  return list;
}

// Decodes a name or value as node does: '+' is a space, and a component with a valid
// percent-escape goes through decodeURIComponent. When that fails (a malformed escape or
// invalid UTF-8 elsewhere in it), node decodes the escapes to bytes and takes every other
// UTF-16 code unit as a byte (its low 8 bits), then decodes the bytes as UTF-8. For valid
// input this is the standard's percent-decode and UTF-8 decode.
function decodeFormComponent(str) {
  const spaced = str.includes('+') ? str.replace(/\+/g, ' ') : str;
  if (!hasPercentEscape(str)) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    const bytes = [];
    for (let i = 0; i < spaced.length; i++) {
      const c = spaced.charCodeAt(i);
      if (c === 0x25 && i < spaced.length - 2) {
        const h = hexValue(spaced.charCodeAt(i + 1));
        const l = hexValue(spaced.charCodeAt(i + 2));
        if (h >= 0 && l >= 0) {
          bytes.push(h * 16 + l);
          i += 2;
          continue;
        }
      }
      bytes.push(c & 0xff);
    }
    return utf8Decode(bytes);
  }
}

// Whether '%' and two hex digits follow each other, '+' signs in between aside (node's check).
function hasPercentEscape(str) {
  let seen = 0;
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    if (c === 0x2b) continue;
    if (c === 0x25) {
      seen = 1;
    } else if (seen > 0) {
      if (hexValue(c) < 0) seen = 0;
      else if (++seen === 3) return true;
    }
  }
  return false;
}

function serializeFormURLEncoded(list) {
  let out = '';
  for (let i = 0; i < list.length; i++) {
    if (i > 0) out += '&';
    const [name, value] = list[i];
    out += `${percentEncodeString(name, FORM_SET, true)}=${percentEncodeString(value, FORM_SET, true)}`;
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

// `${value}`, with V8's message for symbols.
function toStr(value) {
  if (typeof value === 'symbol') throw new TypeError('Cannot convert a Symbol value to a string');
  return `${value}`;
}

function toUSVString(value) {
  return toUSV(toStr(value));
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
        if (typeof method !== 'function') throw new (codes().ERR_ARG_NOT_ITERABLE)('Query pairs');
        for (const pair of init) {
          if ((typeof pair !== 'object' && typeof pair !== 'function') || pair === null ||
              typeof pair[Symbol.iterator] !== 'function') {
            throw new (codes().ERR_INVALID_TUPLE)('Each query pair', '[name, value]');
          }
          const converted = [];
          for (const element of pair) converted.push(toUSVString(element));
          if (converted.length !== 2) throw new (codes().ERR_INVALID_TUPLE)('Each query pair', '[name, value]');
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
    if (arguments.length < 2) throw new (codes().ERR_MISSING_ARGS)('name', 'value');
    this.#list.push([toUSVString(name), toUSVString(value)]);
    this.#update();
  }

  delete(name, value = undefined) {
    checkParams(this);
    if (arguments.length < 1) throw new (codes().ERR_MISSING_ARGS)('name');
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
    if (arguments.length < 1) throw new (codes().ERR_MISSING_ARGS)('name');
    name = toUSVString(name);
    for (const pair of this.#list) if (pair[0] === name) return pair[1];
    return null;
  }

  getAll(name) {
    checkParams(this);
    if (arguments.length < 1) throw new (codes().ERR_MISSING_ARGS)('name');
    name = toUSVString(name);
    const out = [];
    for (const pair of this.#list) if (pair[0] === name) out.push(pair[1]);
    return out;
  }

  has(name, value = undefined) {
    checkParams(this);
    if (arguments.length < 1) throw new (codes().ERR_MISSING_ARGS)('name');
    name = toUSVString(name);
    if (value !== undefined) {
      value = toUSVString(value);
      return this.#list.some((pair) => pair[0] === name && pair[1] === value);
    }
    return this.#list.some((pair) => pair[0] === name);
  }

  set(name, value) {
    checkParams(this);
    if (arguments.length < 2) throw new (codes().ERR_MISSING_ARGS)('name', 'value');
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
    if (typeof callback !== 'function') throw new (codes().ERR_INVALID_ARG_TYPE)('callback', 'Function', callback);
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
    const entries = this.#list.map(([name, value]) =>
      `${inspect(name, innerOptions)} => ${inspect(value, innerOptions)}`);
    const name = this.constructor.name;
    const length = entries.reduce((sum, s) => sum + colorlessLength(s) + 2, -2);
    if (length > options.breakLength) return `${name} {\n  ${entries.join(',\n  ')} }`;
    if (entries.length > 0) return `${name} { ${entries.join(', ')} }`;
    return `${name} {}`;
  }
}

function checkParams(self) {
  if (!isURLSearchParams(self)) throw new (codes().ERR_INVALID_THIS)('URLSearchParams');
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
      throw new (codes().ERR_INVALID_THIS)('URLSearchParamsIterator');
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

// node raises this one from C++: a plain TypeError with `code`, `input` and `base` (when given)
// as own enumerable properties, in that order.
function invalidURL(input, base = undefined) {
  const err = new TypeError('Invalid URL');
  err.code = 'ERR_INVALID_URL';
  err.input = input;
  if (base !== undefined) err.base = base;
  if (typeof Error.captureStackTrace === 'function') Error.captureStackTrace(err, invalidURL);
  return err;
}

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
    if (arguments.length === 0) throw new (codes().ERR_MISSING_ARGS)('url');
    input = toStr(input);
    if (base !== undefined) base = toStr(base);
    const record = parseURL(input, base);
    if (record === FAILURE) throw invalidURL(input, base);
    this.#url = record;
  }

  // Brand checks, with the messages node's (V8's) private-member accesses give.
  static #check(self, member = '#context') {
    if (isURLInstance(self)) return;
    if (self === null || self === undefined) {
      throw new TypeError(`Cannot read properties of ${self} (reading '${member === '' ? 'URL' : member}')`);
    }
    if (member === '') throw new TypeError('Receiver must be an instance of class URL');
    throw new TypeError(`Cannot read private member ${member} from an object whose class did not declare it`);
  }

  // Keeps an existing searchParams object's list in step with the query.
  #syncSearchParams() {
    if (this.#searchParams !== undefined) {
      const query = this.#url.query;
      setParamsList(this.#searchParams, query === null ? [] : parseFormURLEncoded(query));
    }
  }

  [kInspect](depth, options) {
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
    URL.#check(this, '');
    return serializeURL(this.#url);
  }

  get href() {
    URL.#check(this, '');
    return serializeURL(this.#url);
  }

  set href(value) {
    URL.#check(this);
    value = toStr(value);
    const record = basicParse(value, null);
    if (record === FAILURE) throw invalidURL(value);
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
    URL.#check(this);
    basicParse(`${toStr(value)}:`, null, this.#url, SCHEME_START);
  }

  get username() {
    URL.#check(this);
    return this.#url.username;
  }

  set username(value) {
    URL.#check(this);
    value = toUSVString(value);
    if (cannotHaveCredentialsOrPort(this.#url)) return;
    this.#url.username = percentEncodeString(value, USERINFO_SET);
  }

  get password() {
    URL.#check(this);
    return this.#url.password;
  }

  set password(value) {
    URL.#check(this);
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
    URL.#check(this);
    setHost(this.#url, toUSVString(value), false);
  }

  get hostname() {
    URL.#check(this);
    const host = this.#url.host;
    return host === null ? '' : host;
  }

  set hostname(value) {
    URL.#check(this);
    setHost(this.#url, toUSVString(value), true);
  }

  get port() {
    URL.#check(this);
    const port = this.#url.port;
    return port === null ? '' : String(port);
  }

  set port(value) {
    URL.#check(this);
    setPort(this.#url, toStr(value));
  }

  get pathname() {
    URL.#check(this);
    return serializePath(this.#url);
  }

  set pathname(value) {
    URL.#check(this);
    value = toStr(value);
    const url = this.#url;
    if (hasOpaquePath(url)) return;
    const saved = url.path;
    url.path = [];
    if (basicParse(value, null, url, PATH_START) === FAILURE) url.path = saved;
  }

  get search() {
    URL.#check(this, '');
    const query = this.#url.query;
    return query === null || query === '' ? '' : `?${query}`;
  }

  set search(value) {
    URL.#check(this);
    value = toStr(value);
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
    URL.#check(this, '#searchParams');
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
    URL.#check(this);
    value = toStr(value);
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
    URL.#check(this, '');
    return serializeURL(this.#url);
  }

  static parse(input, base = undefined) {
    if (arguments.length === 0) throw new (codes().ERR_MISSING_ARGS)('url');
    input = toStr(input);
    if (base !== undefined) base = toStr(base);
    const record = parseURL(input, base);
    if (record === FAILURE) return null;
    return new URL(kConstruct, record);
  }

  static canParse(url, base = undefined) {
    if (arguments.length === 0) throw new (codes().ERR_MISSING_ARGS)('url');
    url = toStr(url);
    if (base !== undefined) base = toStr(base);
    return parseURL(url, base) !== FAILURE;
  }

  static createObjectURL(obj) {
    // There is no Blob in Lode yet, so nothing is a valid argument.
    throw new (codes().ERR_INVALID_ARG_TYPE)('obj', 'Blob', obj);
  }

  static revokeObjectURL(url) {
    if (arguments.length === 0) throw new (codes().ERR_MISSING_ARGS)('url');
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
  if (arguments.length < 1) throw new (codes().ERR_MISSING_ARGS)('domain');
  domain = toStr(domain);
  if (domain === '') return '';
  // node sets the hostname of a special URL and reads it back.
  const record = basicParse('ws://x', null);
  if (basicParse(domain, null, record, HOSTNAME) === FAILURE) return '';
  return record.host;
}

function domainToUnicode(domain) {
  if (arguments.length < 1) throw new (codes().ERR_MISSING_ARGS)('domain');
  domain = toStr(domain);
  if (domain === '') return '';
  const record = basicParse('ws://x', null);
  if (basicParse(domain, null, record, HOSTNAME) === FAILURE) return '';
  return domainToUnicodeInternal(record.host);
}

// decodeURIComponent, with V8's message for malformed input.
function decodeURIComponentV8(str) {
  try {
    return decodeURIComponent(str);
  } catch (err) {
    if (err instanceof URIError) throw new URIError('URI malformed');
    throw err;
  }
}

function getPathFromURLPosix(url) {
  if (url.hostname !== '') throw new (codes().ERR_INVALID_FILE_URL_HOST)(process.platform);
  const pathname = url.pathname;
  for (let n = 0; n < pathname.length; n++) {
    if (pathname[n] === '%') {
      const third = pathname.codePointAt(n + 2) | 0x20;
      if (pathname[n + 1] === '2' && third === 0x66) {
        throw new (codes().ERR_INVALID_FILE_URL_PATH)('must not include encoded / characters');
      }
    }
  }
  return decodeURIComponentV8(pathname);
}

function getPathFromURLWin32(url) {
  const hostname = url.hostname;
  let pathname = url.pathname;
  for (let n = 0; n < pathname.length; n++) {
    if (pathname[n] === '%') {
      const third = pathname.codePointAt(n + 2) | 0x20;
      if ((pathname[n + 1] === '2' && third === 0x66) || (pathname[n + 1] === '5' && third === 0x63)) {
        throw new (codes().ERR_INVALID_FILE_URL_PATH)('must not include encoded \\ or / characters');
      }
    }
  }
  pathname = decodeURIComponentV8(pathname.replaceAll('/', '\\'));
  if (hostname !== '') return `\\\\${domainToUnicode(hostname)}${pathname}`;
  const letter = pathname.codePointAt(1) | 0x20;
  if (letter < 0x61 || letter > 0x7a || pathname[2] !== ':') {
    throw new (codes().ERR_INVALID_FILE_URL_PATH)('must be absolute');
  }
  return pathname.slice(1);
}

function fileURLToPath(path, options = undefined) {
  const windows = options?.windows ?? process.platform === 'win32';
  if (typeof path === 'string') path = new URL(path);
  else if (!isURL(path)) throw new (codes().ERR_INVALID_ARG_TYPE)('path', ['string', 'URL'], path);
  if (path.protocol !== 'file:') throw new (codes().ERR_INVALID_URL_SCHEME)('file');
  return windows ? getPathFromURLWin32(path) : getPathFromURLPosix(path);
}

// The characters pathToFileURL encodes itself before the URL parser sees the path: the ones
// the parser would drop or read as delimiters, and a few more node encodes.
const PATH_CHARS_TO_ENCODE = /[\t\n\r %#?[\]^|~\\]/g;
function encodePathChars(filepath, windows) {
  return filepath.replace(PATH_CHARS_TO_ENCODE, (c) => {
    if (c === '\\' && windows) return c;
    return hexByte(c.charCodeAt(0));
  });
}

// path.win32.resolve for drive-absolute paths (enough for pathToFileURL on any platform).
function resolveWin32(filepath) {
  const path = require('path');
  if (!/^[A-Za-z]:[\\/]/.test(filepath)) return path.win32.resolve(filepath);
  const out = [];
  for (const segment of filepath.slice(3).split(/[\\/]+/)) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment);
  }
  return `${filepath[0]}:\\${out.join('\\')}`;
}

function pathToFileURL(filepath, options = undefined) {
  if (typeof filepath !== 'string') throw new (codes().ERR_INVALID_ARG_TYPE)('path', 'string', filepath);
  const windows = options?.windows ?? process.platform === 'win32';
  if (windows && filepath.startsWith('\\\\')) {
    // A UNC path, \\server\share\resource (or \\?\UNC\server\share\resource).
    const outURL = new URL('file://');
    const prefixLength = filepath.startsWith('\\\\?\\UNC\\') ? 8 : 2;
    const hostnameEndIndex = filepath.indexOf('\\', prefixLength);
    if (hostnameEndIndex === -1) {
      throw new (codes().ERR_INVALID_ARG_VALUE)('path', filepath, 'Missing UNC resource path');
    }
    if (hostnameEndIndex === 2) {
      throw new (codes().ERR_INVALID_ARG_VALUE)('path', filepath, 'Empty UNC servername');
    }
    outURL.hostname = domainToASCII(filepath.slice(prefixLength, hostnameEndIndex));
    outURL.pathname = encodePathChars(filepath.slice(hostnameEndIndex).replace(/\\/g, '/'), windows);
    return outURL;
  }
  let resolved = windows ? resolveWin32(filepath) : require('path').posix.resolve(filepath);
  // path.resolve drops a trailing slash; the URL keeps it.
  const last = filepath.charCodeAt(filepath.length - 1);
  // (node compares with the platform's separator even for Windows paths.)
  const sep = require('path').sep;
  if ((last === 0x2f || (windows && last === 0x5c)) && resolved[resolved.length - 1] !== sep) {
    resolved += '/';
  }
  return new URL(`file://${encodePathChars(resolved, windows)}`);
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
  if (username || password) {
    options.auth = `${decodeURIComponentV8(username)}:${decodeURIComponentV8(password)}`;
  }
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
  // For the legacy url module: IDNA ToASCII alone ('' when the domain is invalid), and the
  // punycode decoding of a domain's labels.
  toUnicode: (domain) => domainToUnicodeInternal(toUSV(domain)),
  toASCII: (domain) => {
    const result = domainToASCIIInternal(toUSV(domain));
    return result === FAILURE ? '' : result;
  },
};
