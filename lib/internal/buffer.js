'use strict';
// Buffer internals: FastBuffer (the Uint8Array subclass every Buffer is), the argument
// validators with node's error messages, the encoding table (each encoding's byteLength, write,
// slice and indexOf, backed by the Rust ops of internalBinding('buffer')), and the integer,
// float and BigInt readers and writers of Buffer.prototype.

const binding = internalBinding('buffer');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_OUT_OF_RANGE,
    ERR_BUFFER_OUT_OF_BOUNDS,
  },
} = require('internal/errors');

const kMaxLength = 2 ** 32;
const kStringMaxLength = binding.kStringMaxLength;

class FastBuffer extends Uint8Array {
  // A constructor of its own keeps `new FastBuffer(length)` and `new FastBuffer(ab, off, len)`
  // on one path.
  // eslint-disable-next-line no-useless-constructor
  constructor(bufferOrLength, byteOffset, length) {
    super(bufferOrLength, byteOffset, length);
  }
}

const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
const typedArrayTag = Object.getOwnPropertyDescriptor(TypedArrayPrototype, Symbol.toStringTag).get;
const isUint8Array = (value) => typedArrayTag.call(value) === 'Uint8Array';
const isTypedArray = (value) => typedArrayTag.call(value) !== undefined;

// ---- validators ------------------------------------------------------------------------------

const { validateNumber, validateInteger } = require('internal/validators');

function validateOffset(value, name, min = 0, max = kMaxLength) {
  validateInteger(value, name, min, max);
}

// ---- encodings -------------------------------------------------------------------------------

// Encoding numbers understood by the Rust ops (indexOfString, fill).
const ENC_UTF8 = 0;
const ENC_LATIN1 = 1;
const ENC_UCS2 = 2;
const ENC_HEX = 3;
const ENC_BASE64 = 4;

const {
  byteLengthUtf8,
  utf8Write, latin1Write, ucs2Write, hexWrite, base64Write, base64urlWrite,
  utf8Slice, latin1Slice, asciiSlice, ucs2Slice, hexSlice, base64Slice, base64urlSlice,
  indexOfString, indexOfBytes,
} = binding;

// Errors node throws from C++: a plain error with an own `code` (no `[code]` in the header).
function nativeError(Base, code, message) {
  const err = new Base(message);
  err.code = code;
  return err;
}

function checkedString(s) {
  if (s === undefined) {
    throw nativeError(Error, 'ERR_STRING_TOO_LONG',
                      `Cannot create a string longer than 0x${kStringMaxLength.toString(16)} characters`);
  }
  return s;
}

// node's estimate of base64's decoded size: 3/4 of the length after up to two trailing '='.
function base64ByteLength(str) {
  let bytes = str.length;
  if (bytes > 0 && str.charCodeAt(bytes - 1) === 0x3D) bytes--;
  if (bytes > 1 && str.charCodeAt(bytes - 1) === 0x3D) bytes--;
  return (bytes * 3) >>> 2;
}

// Needles for hex, base64 and ascii searches are made the way node makes them: as Buffers from
// the pool (set by lib/buffer.js).
let needleFromString;

function makeOps(encoding, encodingVal, enc, byteLength, write, slice, searchAsString) {
  return {
    encoding,
    encodingVal,
    enc,
    byteLength,
    write: (buf, string, offset, len) => write(buf, string, offset, len),
    // Into a buffer just allocated for the result (bytes past what is written may be dirtied).
    writeFresh: (buf, string, offset, len) => write(buf, string, offset, len, true),
    slice: (buf, start, end) => checkedString(slice(buf, start, end)),
    indexOf: searchAsString ?
      (buf, val, byteOffset, dir) => indexOfString(buf, val, byteOffset, dir, enc) :
      (buf, val, byteOffset, dir) =>
        indexOfBytes(buf, needleFromString(val, encodingOps[encoding]), byteOffset, dir, false),
  };
}

const encodingOps = {
  utf8: makeOps('utf8', 1, ENC_UTF8, byteLengthUtf8, utf8Write, utf8Slice, true),
  ucs2: makeOps('utf16le', 3, ENC_UCS2, (s) => s.length * 2, ucs2Write, ucs2Slice, true),
  latin1: makeOps('latin1', 4, ENC_LATIN1, (s) => s.length, latin1Write, latin1Slice, true),
  ascii: makeOps('ascii', 0, ENC_LATIN1, (s) => s.length, latin1Write, asciiSlice, false),
  base64: makeOps('base64', 5, ENC_BASE64, base64ByteLength, base64Write, base64Slice, false),
  base64url: makeOps('base64url', 6, ENC_BASE64, base64ByteLength, base64urlWrite, base64urlSlice, false),
  hex: makeOps('hex', 7, ENC_HEX, (s) => s.length >>> 1, hexWrite, hexSlice, false),
};
encodingOps.utf16le = encodingOps.ucs2;

const opsByName = new Map([
  ['utf8', encodingOps.utf8], ['utf-8', encodingOps.utf8],
  ['ucs2', encodingOps.ucs2], ['ucs-2', encodingOps.ucs2],
  ['utf16le', encodingOps.ucs2], ['utf-16le', encodingOps.ucs2],
  ['latin1', encodingOps.latin1], ['binary', encodingOps.latin1],
  ['ascii', encodingOps.ascii],
  ['base64', encodingOps.base64], ['base64url', encodingOps.base64url],
  ['hex', encodingOps.hex],
]);

// The ops of an encoding name (any case), or undefined.
function getEncodingOps(encoding) {
  encoding += '';
  const ops = opsByName.get(encoding);
  if (ops !== undefined) return ops;
  return opsByName.get(encoding.toLowerCase());
}

// Node's normalizeEncoding: the canonical name, 'utf8' for undefined/null/'', else undefined.
function normalizeEncoding(enc) {
  if (enc == null || enc === 'utf8' || enc === 'utf-8' || enc === '') return 'utf8';
  if (typeof enc !== 'string') return undefined;
  const ops = getEncodingOps(enc);
  return ops === undefined ? undefined : ops.encoding;
}

// ---- integer and float access ----------------------------------------------------------------

function boundsError(value, length, type) {
  if (Math.floor(value) !== value) {
    validateNumber(value, type);
    throw new ERR_OUT_OF_RANGE(type || 'offset', 'an integer', value);
  }
  if (length < 0) throw new ERR_BUFFER_OUT_OF_BOUNDS();
  throw new ERR_OUT_OF_RANGE(type || 'offset', `>= ${type ? 1 : 0} and <= ${length}`, value);
}

// `n` bytes at `offset` must exist.
function checkBounds(buf, offset, n) {
  validateNumber(offset, 'offset');
  if (buf[offset] === undefined || buf[offset + n - 1] === undefined) boundsError(offset, buf.length - n);
}

function checkInt(value, min, max, buf, offset, n) {
  if (value > max || value < min) {
    const suffix = typeof min === 'bigint' ? 'n' : '';
    let range;
    if (n > 4) {
      if (min === 0 || min === 0n) {
        range = `>= 0${suffix} and < 2${suffix} ** ${n * 8}${suffix}`;
      } else {
        range = `>= -(2${suffix} ** ${n * 8 - 1}${suffix}) and < 2${suffix} ** ${n * 8 - 1}${suffix}`;
      }
    } else {
      range = `>= ${min}${suffix} and <= ${max}${suffix}`;
    }
    throw new ERR_OUT_OF_RANGE('value', range, value);
  }
  checkBounds(buf, offset, n);
}

// Unsigned little/big-endian reads of 1..6 bytes (after the bounds check).
function getLE(buf, offset, n) {
  let v = 0;
  let mul = 1;
  for (let i = 0; i < n; i++) {
    v += buf[offset + i] * mul;
    mul *= 256;
  }
  return v;
}

function getBE(buf, offset, n) {
  let v = 0;
  for (let i = 0; i < n; i++) v = v * 256 + buf[offset + i];
  return v;
}

function readULE(buf, offset, n) {
  checkBounds(buf, offset, n);
  return getLE(buf, offset, n);
}

function readUBE(buf, offset, n) {
  checkBounds(buf, offset, n);
  return getBE(buf, offset, n);
}

function toSigned(v, n) {
  const top = 2 ** (8 * n - 1);
  return v >= top ? v - top * 2 : v;
}

function readUInt8(offset = 0) {
  validateNumber(offset, 'offset');
  const val = this[offset];
  if (val === undefined) boundsError(offset, this.length - 1);
  return val;
}

function readInt8(offset = 0) {
  validateNumber(offset, 'offset');
  const val = this[offset];
  if (val === undefined) boundsError(offset, this.length - 1);
  return val > 127 ? val - 256 : val;
}

// The 16- and 32-bit accessors are written out: they are the hot ones.
function readUInt16LE(offset = 0) {
  validateNumber(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 1];
  if (first === undefined || last === undefined) boundsError(offset, this.length - 2);
  return first + last * 2 ** 8;
}

function readUInt16BE(offset = 0) {
  validateNumber(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 1];
  if (first === undefined || last === undefined) boundsError(offset, this.length - 2);
  return first * 2 ** 8 + last;
}

function readUInt32LE(offset = 0) {
  validateNumber(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 3];
  if (first === undefined || last === undefined) boundsError(offset, this.length - 4);
  return first + this[offset + 1] * 2 ** 8 + this[offset + 2] * 2 ** 16 + last * 2 ** 24;
}

function readUInt32BE(offset = 0) {
  validateNumber(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 3];
  if (first === undefined || last === undefined) boundsError(offset, this.length - 4);
  return first * 2 ** 24 + this[offset + 1] * 2 ** 16 + this[offset + 2] * 2 ** 8 + last;
}

function readInt16LE(offset = 0) {
  const val = readUInt16LE.call(this, offset);
  return val | (val & 2 ** 15) * 0x1fffe;
}

function readInt16BE(offset = 0) {
  const val = readUInt16BE.call(this, offset);
  return val | (val & 2 ** 15) * 0x1fffe;
}

function readInt32LE(offset = 0) {
  validateNumber(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 3];
  if (first === undefined || last === undefined) boundsError(offset, this.length - 4);
  return first + this[offset + 1] * 2 ** 8 + this[offset + 2] * 2 ** 16 + (last << 24);
}

function readInt32BE(offset = 0) {
  validateNumber(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 3];
  if (first === undefined || last === undefined) boundsError(offset, this.length - 4);
  return (first << 24) + this[offset + 1] * 2 ** 16 + this[offset + 2] * 2 ** 8 + last;
}

function checkByteLength(byteLength) {
  if (byteLength >= 1 && byteLength <= 6 && Number.isInteger(byteLength)) return;
  boundsError(byteLength, 6, 'byteLength');
}

function readUIntLE(offset, byteLength) {
  if (offset === undefined) throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset);
  if (byteLength === 4) return this.readUInt32LE(offset);
  if (byteLength === 2) return this.readUInt16LE(offset);
  if (byteLength === 1) return this.readUInt8(offset);
  if (byteLength !== 3 && byteLength !== 5 && byteLength !== 6) checkByteLength(byteLength);
  return readULE(this, offset, byteLength);
}

function readUIntBE(offset, byteLength) {
  if (offset === undefined) throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset);
  if (byteLength === 4) return this.readUInt32BE(offset);
  if (byteLength === 2) return this.readUInt16BE(offset);
  if (byteLength === 1) return this.readUInt8(offset);
  if (byteLength !== 3 && byteLength !== 5 && byteLength !== 6) checkByteLength(byteLength);
  return readUBE(this, offset, byteLength);
}

function readIntLE(offset, byteLength) {
  if (offset === undefined) throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset);
  if (byteLength === 4) return this.readInt32LE(offset);
  if (byteLength === 2) return this.readInt16LE(offset);
  if (byteLength === 1) return this.readInt8(offset);
  if (byteLength !== 3 && byteLength !== 5 && byteLength !== 6) checkByteLength(byteLength);
  return toSigned(readULE(this, offset, byteLength), byteLength);
}

function readIntBE(offset, byteLength) {
  if (offset === undefined) throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset);
  if (byteLength === 4) return this.readInt32BE(offset);
  if (byteLength === 2) return this.readInt16BE(offset);
  if (byteLength === 1) return this.readInt8(offset);
  if (byteLength !== 3 && byteLength !== 5 && byteLength !== 6) checkByteLength(byteLength);
  return toSigned(readUBE(this, offset, byteLength), byteLength);
}

function readBigUInt64LE(offset = 0) {
  checkBounds(this, offset, 8);
  return BigInt(getLE(this, offset, 4)) + (BigInt(getLE(this, offset + 4, 4)) << 32n);
}

function readBigUInt64BE(offset = 0) {
  checkBounds(this, offset, 8);
  return (BigInt(getBE(this, offset, 4)) << 32n) + BigInt(getBE(this, offset + 4, 4));
}

function readBigInt64LE(offset = 0) {
  checkBounds(this, offset, 8);
  return (BigInt(getLE(this, offset + 4, 4) | 0) << 32n) + BigInt(getLE(this, offset, 4));
}

function readBigInt64BE(offset = 0) {
  checkBounds(this, offset, 8);
  return (BigInt(getBE(this, offset, 4) | 0) << 32n) + BigInt(getBE(this, offset + 4, 4));
}

// Writes: bytes of `value` as node computes them (ToUint8 of the value and of `value >>> 8k`
// for the low 32 bits, `Math.floor(value / 2 ** 32)` above), so fractional and negative values
// land exactly as in node.
function putLE(buf, value, offset, n) {
  const lo = n > 4 ? 4 : n;
  for (let i = 0; i < lo; i++) buf[offset + i] = i === 0 ? value : value >>> (8 * i);
  if (n > 4) {
    const hi = Math.floor(value * 2 ** -32);
    buf[offset + 4] = hi;
    if (n > 5) buf[offset + 5] = hi >>> 8;
  }
  return offset + n;
}

function putBE(buf, value, offset, n) {
  const lo = n > 4 ? 4 : n;
  for (let i = 0; i < lo; i++) buf[offset + n - 1 - i] = i === 0 ? value : value >>> (8 * i);
  if (n > 4) {
    const hi = Math.floor(value * 2 ** -32);
    buf[offset + n - 5] = hi;
    if (n > 5) buf[offset] = hi >>> 8;
  }
  return offset + n;
}

function writeLE(buf, value, offset, n, min, max) {
  value = +value;
  checkInt(value, min, max, buf, offset, n);
  return putLE(buf, value, offset, n);
}

function writeBE(buf, value, offset, n, min, max) {
  value = +value;
  checkInt(value, min, max, buf, offset, n);
  return putBE(buf, value, offset, n);
}

function writeByte(buf, value, offset, min, max) {
  value = +value;
  validateNumber(offset, 'offset');
  if (value > max || value < min) throw new ERR_OUT_OF_RANGE('value', `>= ${min} and <= ${max}`, value);
  if (buf[offset] === undefined) boundsError(offset, buf.length - 1);
  buf[offset] = value;
  return offset + 1;
}

function writeUInt8(value, offset = 0) { return writeByte(this, value, offset, 0, 0xff); }
function writeInt8(value, offset = 0) { return writeByte(this, value, offset, -0x80, 0x7f); }
function write16LE(buf, value, offset, min, max) {
  value = +value;
  checkInt(value, min, max, buf, offset, 2);
  buf[offset] = value;
  buf[offset + 1] = value >>> 8;
  return offset + 2;
}

function write16BE(buf, value, offset, min, max) {
  value = +value;
  checkInt(value, min, max, buf, offset, 2);
  buf[offset] = value >>> 8;
  buf[offset + 1] = value;
  return offset + 2;
}

function write32LE(buf, value, offset, min, max) {
  value = +value;
  checkInt(value, min, max, buf, offset, 4);
  buf[offset] = value;
  buf[offset + 1] = value >>> 8;
  buf[offset + 2] = value >>> 16;
  buf[offset + 3] = value >>> 24;
  return offset + 4;
}

function write32BE(buf, value, offset, min, max) {
  value = +value;
  checkInt(value, min, max, buf, offset, 4);
  buf[offset] = value >>> 24;
  buf[offset + 1] = value >>> 16;
  buf[offset + 2] = value >>> 8;
  buf[offset + 3] = value;
  return offset + 4;
}

function writeUInt16LE(value, offset = 0) { return write16LE(this, value, offset, 0, 0xffff); }
function writeUInt16BE(value, offset = 0) { return write16BE(this, value, offset, 0, 0xffff); }
function writeUInt32LE(value, offset = 0) { return write32LE(this, value, offset, 0, 0xffffffff); }
function writeUInt32BE(value, offset = 0) { return write32BE(this, value, offset, 0, 0xffffffff); }
function writeInt16LE(value, offset = 0) { return write16LE(this, value, offset, -0x8000, 0x7fff); }
function writeInt16BE(value, offset = 0) { return write16BE(this, value, offset, -0x8000, 0x7fff); }
function writeInt32LE(value, offset = 0) { return write32LE(this, value, offset, -0x80000000, 0x7fffffff); }
function writeInt32BE(value, offset = 0) { return write32BE(this, value, offset, -0x80000000, 0x7fffffff); }

function writeUIntLE(value, offset, byteLength) {
  if (byteLength === 1) return writeByte(this, value, offset, 0, 0xff);
  checkByteLength(byteLength);
  return writeLE(this, value, offset, byteLength, 0, 2 ** (8 * byteLength) - 1);
}

function writeUIntBE(value, offset, byteLength) {
  if (byteLength === 1) return writeByte(this, value, offset, 0, 0xff);
  checkByteLength(byteLength);
  return writeBE(this, value, offset, byteLength, 0, 2 ** (8 * byteLength) - 1);
}

function writeIntLE(value, offset, byteLength) {
  if (byteLength === 1) return writeByte(this, value, offset, -0x80, 0x7f);
  checkByteLength(byteLength);
  const top = 2 ** (8 * byteLength - 1);
  return writeLE(this, value, offset, byteLength, -top, top - 1);
}

function writeIntBE(value, offset, byteLength) {
  if (byteLength === 1) return writeByte(this, value, offset, -0x80, 0x7f);
  checkByteLength(byteLength);
  const top = 2 ** (8 * byteLength - 1);
  return writeBE(this, value, offset, byteLength, -top, top - 1);
}

function checkBigInt(value) {
  // V8's message for mixing BigInt and Number in the bit operations below.
  if (typeof value !== 'bigint') throw new TypeError('Cannot mix BigInt and other types, use explicit conversions');
}

function writeBig64(buf, value, offset, min, max, littleEndian) {
  checkInt(value, min, max, buf, offset, 8);
  checkBigInt(value);
  const lo = Number(value & 0xffffffffn);
  const hi = Number((value >> 32n) & 0xffffffffn);
  if (littleEndian) {
    putLE(buf, lo, offset, 4);
    putLE(buf, hi, offset + 4, 4);
  } else {
    putBE(buf, hi, offset, 4);
    putBE(buf, lo, offset + 4, 4);
  }
  return offset + 8;
}

function writeBigUInt64LE(value, offset = 0) {
  return writeBig64(this, value, offset, 0n, 0xffffffffffffffffn, true);
}
function writeBigUInt64BE(value, offset = 0) {
  return writeBig64(this, value, offset, 0n, 0xffffffffffffffffn, false);
}
function writeBigInt64LE(value, offset = 0) {
  return writeBig64(this, value, offset, -(2n ** 63n), 2n ** 63n - 1n, true);
}
function writeBigInt64BE(value, offset = 0) {
  return writeBig64(this, value, offset, -(2n ** 63n), 2n ** 63n - 1n, false);
}

const float32Array = new Float32Array(1);
const float32Bytes = new Uint8Array(float32Array.buffer);
const float64Array = new Float64Array(1);
const float64Bytes = new Uint8Array(float64Array.buffer);
const littleEndianHost = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

// "Forwards" copies bytes in host order, "Backwards" reversed; on a little-endian host the LE
// methods are the forwards ones (node names the functions this way).
function readFloatForwards(offset = 0) {
  checkBounds(this, offset, 4);
  for (let i = 0; i < 4; i++) float32Bytes[i] = this[offset + i];
  return float32Array[0];
}
function readFloatBackwards(offset = 0) {
  checkBounds(this, offset, 4);
  for (let i = 0; i < 4; i++) float32Bytes[3 - i] = this[offset + i];
  return float32Array[0];
}
function readDoubleForwards(offset = 0) {
  checkBounds(this, offset, 8);
  for (let i = 0; i < 8; i++) float64Bytes[i] = this[offset + i];
  return float64Array[0];
}
function readDoubleBackwards(offset = 0) {
  checkBounds(this, offset, 8);
  for (let i = 0; i < 8; i++) float64Bytes[7 - i] = this[offset + i];
  return float64Array[0];
}
function writeFloatForwards(val, offset = 0) {
  val = +val;
  checkBounds(this, offset, 4);
  float32Array[0] = val;
  for (let i = 0; i < 4; i++) this[offset + i] = float32Bytes[i];
  return offset + 4;
}
function writeFloatBackwards(val, offset = 0) {
  val = +val;
  checkBounds(this, offset, 4);
  float32Array[0] = val;
  for (let i = 0; i < 4; i++) this[offset + i] = float32Bytes[3 - i];
  return offset + 4;
}
function writeDoubleForwards(val, offset = 0) {
  val = +val;
  checkBounds(this, offset, 8);
  float64Array[0] = val;
  for (let i = 0; i < 8; i++) this[offset + i] = float64Bytes[i];
  return offset + 8;
}
function writeDoubleBackwards(val, offset = 0) {
  val = +val;
  checkBounds(this, offset, 8);
  float64Array[0] = val;
  for (let i = 0; i < 8; i++) this[offset + i] = float64Bytes[7 - i];
  return offset + 8;
}

// ---- the encoding methods of Buffer.prototype (buf.utf8Slice(start, end), ...) ---------------

// Errors the C++ methods of node throw with a fixed message.
function indexOutOfRange() {
  return nativeError(RangeError, 'ERR_OUT_OF_RANGE', 'Index out of range');
}

// An index argument as node's C++ parses one: ToInteger, undefined meaning `def`, negative an
// error.
function parseIndex(value, def) {
  if (value === undefined) return def;
  const n = Math.trunc(+value) || 0;
  if (n < 0) throw indexOutOfRange();
  return n;
}

function makeSlice(name, slice) {
  const fn = {
    [name](start, end) {
      start = parseIndex(start, 0);
      end = parseIndex(end, this.length);
      if (end < start) end = start;
      if (end > this.length) throw indexOutOfRange();
      return checkedString(slice(this, start, end));
    },
  }[name];
  Object.defineProperty(fn, 'length', { value: 0 });
  return fn;
}

function makeWrite(name, write) {
  const fn = {
    [name](string, offset, length) {
      if (typeof string !== 'string') throw nativeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'argument must be a string');
      offset = parseIndex(offset, 0);
      if (offset > this.length) {
        throw nativeError(RangeError, 'ERR_BUFFER_OUT_OF_BOUNDS', '"offset" is outside of buffer bounds');
      }
      length = parseIndex(length, this.length - offset);
      if (length > this.length - offset) length = this.length - offset;
      return write(this, string, offset, length);
    },
  }[name];
  Object.defineProperty(fn, 'length', { value: 0 });
  return fn;
}

function addBufferPrototypeMethods(proto) {
  proto.readBigUInt64LE = readBigUInt64LE;
  proto.readBigUInt64BE = readBigUInt64BE;
  proto.readBigUint64LE = readBigUInt64LE;
  proto.readBigUint64BE = readBigUInt64BE;
  proto.readBigInt64LE = readBigInt64LE;
  proto.readBigInt64BE = readBigInt64BE;
  proto.writeBigUInt64LE = writeBigUInt64LE;
  proto.writeBigUInt64BE = writeBigUInt64BE;
  proto.writeBigUint64LE = writeBigUInt64LE;
  proto.writeBigUint64BE = writeBigUInt64BE;
  proto.writeBigInt64LE = writeBigInt64LE;
  proto.writeBigInt64BE = writeBigInt64BE;

  proto.readUIntLE = readUIntLE;
  proto.readUInt32LE = readUInt32LE;
  proto.readUInt16LE = readUInt16LE;
  proto.readUInt8 = readUInt8;
  proto.readUIntBE = readUIntBE;
  proto.readUInt32BE = readUInt32BE;
  proto.readUInt16BE = readUInt16BE;
  proto.readUintLE = readUIntLE;
  proto.readUint32LE = readUInt32LE;
  proto.readUint16LE = readUInt16LE;
  proto.readUint8 = readUInt8;
  proto.readUintBE = readUIntBE;
  proto.readUint32BE = readUInt32BE;
  proto.readUint16BE = readUInt16BE;
  proto.readIntLE = readIntLE;
  proto.readInt32LE = readInt32LE;
  proto.readInt16LE = readInt16LE;
  proto.readInt8 = readInt8;
  proto.readIntBE = readIntBE;
  proto.readInt32BE = readInt32BE;
  proto.readInt16BE = readInt16BE;

  proto.writeUIntLE = writeUIntLE;
  proto.writeUInt32LE = writeUInt32LE;
  proto.writeUInt16LE = writeUInt16LE;
  proto.writeUInt8 = writeUInt8;
  proto.writeUIntBE = writeUIntBE;
  proto.writeUInt32BE = writeUInt32BE;
  proto.writeUInt16BE = writeUInt16BE;
  proto.writeUintLE = writeUIntLE;
  proto.writeUint32LE = writeUInt32LE;
  proto.writeUint16LE = writeUInt16LE;
  proto.writeUint8 = writeUInt8;
  proto.writeUintBE = writeUIntBE;
  proto.writeUint32BE = writeUInt32BE;
  proto.writeUint16BE = writeUInt16BE;
  proto.writeIntLE = writeIntLE;
  proto.writeInt32LE = writeInt32LE;
  proto.writeInt16LE = writeInt16LE;
  proto.writeInt8 = writeInt8;
  proto.writeIntBE = writeIntBE;
  proto.writeInt32BE = writeInt32BE;
  proto.writeInt16BE = writeInt16BE;

  proto.readFloatLE = littleEndianHost ? readFloatForwards : readFloatBackwards;
  proto.readFloatBE = littleEndianHost ? readFloatBackwards : readFloatForwards;
  proto.readDoubleLE = littleEndianHost ? readDoubleForwards : readDoubleBackwards;
  proto.readDoubleBE = littleEndianHost ? readDoubleBackwards : readDoubleForwards;
  proto.writeFloatLE = littleEndianHost ? writeFloatForwards : writeFloatBackwards;
  proto.writeFloatBE = littleEndianHost ? writeFloatBackwards : writeFloatForwards;
  proto.writeDoubleLE = littleEndianHost ? writeDoubleForwards : writeDoubleBackwards;
  proto.writeDoubleBE = littleEndianHost ? writeDoubleBackwards : writeDoubleForwards;

  proto.asciiSlice = makeSlice('asciiSlice', asciiSlice);
  proto.base64Slice = makeSlice('base64Slice', base64Slice);
  proto.base64urlSlice = makeSlice('base64urlSlice', base64urlSlice);
  proto.latin1Slice = makeSlice('latin1Slice', latin1Slice);
  proto.hexSlice = makeSlice('hexSlice', hexSlice);
  proto.ucs2Slice = makeSlice('ucs2Slice', ucs2Slice);
  proto.utf8Slice = makeSlice('utf8Slice', utf8Slice);
  proto.asciiWrite = makeWrite('asciiWrite', latin1Write);
  proto.base64Write = makeWrite('base64Write', base64Write);
  proto.base64urlWrite = makeWrite('base64urlWrite', base64urlWrite);
  proto.latin1Write = makeWrite('latin1Write', latin1Write);
  proto.hexWrite = makeWrite('hexWrite', hexWrite);
  proto.ucs2Write = makeWrite('ucs2Write', ucs2Write);
  proto.utf8Write = makeWrite('utf8Write', utf8Write);
}

module.exports = {
  FastBuffer,
  addBufferPrototypeMethods,
  encodingOps,
  getEncodingOps,
  normalizeEncoding,
  isUint8Array,
  isTypedArray,
  kMaxLength,
  kStringMaxLength,
  validateOffset,
  checkedString,
  nativeError,
  ENC_UTF8,
  ENC_LATIN1,
  ENC_UCS2,
  ENC_HEX,
  ENC_BASE64,
  setNeedleFromString(fn) {
    needleFromString = fn;
  },
};
