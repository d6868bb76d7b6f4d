'use strict';
// node:buffer — Buffer (a Uint8Array subclass sharing node's 8 KiB allocation pool), SlowBuffer,
// transcode, isUtf8/isAscii, Blob/File, atob/btoa and the constants. Encoding, decoding,
// searching and comparing run in Rust (internalBinding('buffer'), crates/runtime/src/ops/buffer.rs).

const binding = internalBinding('buffer');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_OUT_OF_RANGE,
    ERR_BUFFER_OUT_OF_BOUNDS,
    ERR_UNKNOWN_ENCODING,
    ERR_INVALID_BUFFER_SIZE,
  },
} = require('internal/errors');
const {
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
  setNeedleFromString,
} = require('internal/buffer');
const { validateNumber, validateInteger, validateString, validateArray } = require('internal/validators');
const types = require('internal/util/types');
const { atob, btoa } = require('internal/encoding');

const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');
const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
const TypedArrayPrototypeSet = TypedArrayPrototype.set;
const TypedArrayPrototypeFill = TypedArrayPrototype.fill;
const typedArrayByteLength = Object.getOwnPropertyDescriptor(TypedArrayPrototype, 'byteLength').get;

const constants = Object.defineProperties({}, {
  MAX_LENGTH: { value: kMaxLength, writable: false, enumerable: true },
  MAX_STRING_LENGTH: { value: kStringMaxLength, writable: false, enumerable: true },
});

let INSPECT_MAX_BYTES = 50;

FastBuffer.prototype.constructor = Buffer;
Buffer.prototype = FastBuffer.prototype;
addBufferPrototypeMethods(Buffer.prototype);

// ---- the allocation pool ---------------------------------------------------------------------

let poolSize;
let poolOffset;
let allocPool;

function createPool() {
  poolSize = Buffer.poolSize;
  // Not zeroed, as node's pool: every slice is written before it is handed out, or comes from
  // allocUnsafe.
  allocPool = binding.allocUninit(poolSize).buffer;
  poolOffset = 0;
}

function alignPool() {
  // Keep the next slice 8-byte aligned.
  if (poolOffset & 0x7) {
    poolOffset |= 0x7;
    poolOffset++;
  }
}

// A Buffer of `size` bytes, from the pool when small (contents zeroed in Lode, but callers must
// not rely on it, as in node).
function allocate(size) {
  if (size <= 0) return new FastBuffer();
  if (size < (Buffer.poolSize >>> 1)) {
    if (size > (poolSize - poolOffset)) createPool();
    const b = new FastBuffer(allocPool, poolOffset, size);
    poolOffset += size;
    alignPool();
    return b;
  }
  return new FastBuffer(size);
}

// A string's bytes in a Buffer of their own (byteLength() may overestimate: the Buffer then
// views the first `actual` bytes of a larger ArrayBuffer, as in node).
function createFromString(string, ops, length = ops.byteLength(string)) {
  const buf = new FastBuffer(length);
  const actual = ops.writeFresh(buf, string, 0, length);
  return actual < length ? new FastBuffer(buf.buffer, 0, actual) : buf;
}

// Short strings go to the pool. Up to a quarter of the threshold in characters, the space
// reserved is four bytes per character, which spares counting the bytes first.
function fromStringFast(string, ops) {
  const maxLength = Buffer.poolSize >>> 1;
  let length = string.length;
  if (length >= maxLength) return createFromString(string, ops);
  length *= 4;
  if (length >= maxLength) length = ops.byteLength(string);
  if (length >= maxLength) return createFromString(string, ops, length);
  if (length > (poolSize - poolOffset)) createPool();
  let b = new FastBuffer(allocPool, poolOffset, length);
  const actual = ops.writeFresh(b, string, 0, length);
  if (actual !== length) b = new FastBuffer(allocPool, poolOffset, actual);
  poolOffset += actual;
  alignPool();
  return b;
}
setNeedleFromString(fromStringFast);

function fromString(string, encoding) {
  let ops;
  if (typeof encoding !== 'string' || encoding.length === 0) {
    if (string.length === 0) return new FastBuffer();
    ops = encodingOps.utf8;
  } else {
    ops = getEncodingOps(encoding);
    if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
    if (string.length === 0) return new FastBuffer();
  }
  return fromStringFast(string, ops);
}

function fromArrayLike(obj) {
  if (obj.length <= 0) return new FastBuffer();
  if (obj.length < (Buffer.poolSize >>> 1)) {
    if (obj.length > (poolSize - poolOffset)) createPool();
    const b = new FastBuffer(allocPool, poolOffset, obj.length);
    TypedArrayPrototypeSet.call(b, obj, 0);
    poolOffset += obj.length;
    alignPool();
    return b;
  }
  return new FastBuffer(obj);
}

function fromArrayBuffer(obj, byteOffset, length) {
  if (byteOffset === undefined) {
    byteOffset = 0;
  } else {
    byteOffset = +byteOffset;
    if (Number.isNaN(byteOffset)) byteOffset = 0;
  }
  const maxLength = obj.byteLength - byteOffset;
  if (maxLength < 0) throw new ERR_BUFFER_OUT_OF_BOUNDS('offset');
  if (length === undefined) {
    length = maxLength;
  } else {
    length = +length;
    if (length > 0) {
      if (length > maxLength) throw new ERR_BUFFER_OUT_OF_BOUNDS('length');
    } else {
      length = 0;
    }
  }
  // V8's wording for an offset the typed array constructor rejects.
  if (Math.trunc(byteOffset) < 0) throw new RangeError(`Start offset ${byteOffset} is outside the bounds of the buffer`);
  return new FastBuffer(obj, byteOffset, length);
}

function fromObject(obj) {
  if (obj.length !== undefined || types.isAnyArrayBuffer(obj.buffer)) {
    if (typeof obj.length !== 'number') return new FastBuffer();
    return fromArrayLike(obj);
  }
  if (obj.type === 'Buffer' && Array.isArray(obj.data)) return fromArrayLike(obj.data);
}

// ---- Buffer and its static methods -----------------------------------------------------------

const bufferWarning = 'Buffer() is deprecated due to security and usability issues. Please use the Buffer.alloc(), Buffer.allocUnsafe(), or Buffer.from() methods instead.';
let bufferWarningAlreadyEmitted = false;
let nodeModulesCheckCounter = 0;

// Whether the nearest caller outside Lode's own modules lives in node_modules.
function isInsideNodeModules() {
  const stack = new Error().stack;
  if (typeof stack !== 'string') return false;
  for (const line of stack.split('\n').slice(1)) {
    const m = /^\s*at (?:.*? \()?(.*?)(?::\d+:\d+)?\)?$/.exec(line);
    if (m === null || m[1].startsWith('node:')) continue;
    return /[\\/]node_modules[\\/]/.test(m[1]);
  }
  return false;
}

function showFlaggedDeprecation() {
  if (bufferWarningAlreadyEmitted || ++nodeModulesCheckCounter > 10000 || isInsideNodeModules()) return;
  process.emitWarning(bufferWarning, 'DeprecationWarning', 'DEP0005');
  bufferWarningAlreadyEmitted = true;
}

function Buffer(arg, encodingOrOffset, length) {
  showFlaggedDeprecation();
  if (typeof arg === 'number') {
    if (typeof encodingOrOffset === 'string') throw new ERR_INVALID_ARG_TYPE('string', 'string', arg);
    return Buffer.alloc(arg);
  }
  return Buffer.from(arg, encodingOrOffset, length);
}

Object.defineProperty(Buffer, Symbol.species, {
  get() {
    return FastBuffer;
  },
  enumerable: false,
  configurable: true,
});
Object.setPrototypeOf(Buffer, Uint8Array);

Buffer.poolSize = 8 * 1024;
createPool();

Buffer.from = function from(value, encodingOrOffset, length) {
  if (typeof value === 'string') return fromString(value, encodingOrOffset);
  if (typeof value === 'object' && value !== null) {
    if (types.isAnyArrayBuffer(value)) return fromArrayBuffer(value, encodingOrOffset, length);
    const valueOf = value.valueOf && value.valueOf();
    if (valueOf != null && valueOf !== value && (typeof valueOf === 'string' || typeof valueOf === 'object')) {
      return from(valueOf, encodingOrOffset, length);
    }
    const b = fromObject(value);
    if (b) return b;
    if (typeof value[Symbol.toPrimitive] === 'function') {
      const primitive = value[Symbol.toPrimitive]('string');
      if (typeof primitive === 'string') return fromString(primitive, encodingOrOffset);
    }
  }
  throw new ERR_INVALID_ARG_TYPE('first argument', ['string', 'Buffer', 'ArrayBuffer', 'Array', 'Array-like Object'], value);
};

Buffer.copyBytesFrom = function copyBytesFrom(view, offset, length) {
  if (!isTypedArray(view)) throw new ERR_INVALID_ARG_TYPE('view', ['TypedArray'], view);
  const viewLength = view.length;
  if (viewLength === 0) return Buffer.alloc(0);
  if (offset !== undefined || length !== undefined) {
    if (offset !== undefined) {
      validateInteger(offset, 'offset', 0);
      if (offset >= viewLength) return Buffer.alloc(0);
    } else {
      offset = 0;
    }
    let end;
    if (length !== undefined) {
      validateInteger(length, 'length', 0);
      end = offset + length;
    } else {
      end = viewLength;
    }
    view = TypedArrayPrototype.slice.call(view, offset, end);
  }
  return fromArrayLike(new Uint8Array(view.buffer, view.byteOffset, typedArrayByteLength.call(view)));
};

Buffer.of = {
  of(...items) {
    const newObj = new FastBuffer(items.length);
    for (let k = 0; k < items.length; k++) newObj[k] = items[k];
    return newObj;
  },
}.of;

Buffer.alloc = function alloc(size, fill, encoding) {
  validateNumber(size, 'size', 0, kMaxLength);
  if (fill !== undefined && fill !== 0 && size > 0) {
    const buf = new FastBuffer(size);
    return _fill(buf, fill, 0, buf.length, encoding);
  }
  return new FastBuffer(size);
};

Buffer.allocUnsafe = function allocUnsafe(size) {
  validateNumber(size, 'size', 0, kMaxLength);
  return allocate(size);
};

Buffer.allocUnsafeSlow = function allocUnsafeSlow(size) {
  validateNumber(size, 'size', 0, kMaxLength);
  return new FastBuffer(size);
};

function SlowBuffer(size) {
  validateNumber(size, 'size', 0, kMaxLength);
  return new FastBuffer(size);
}
Object.setPrototypeOf(SlowBuffer.prototype, Uint8Array.prototype);
Object.setPrototypeOf(SlowBuffer, Uint8Array);

Buffer.isBuffer = function isBuffer(b) {
  return b instanceof Buffer;
};

Buffer.compare = function compare(buf1, buf2) {
  if (!isUint8Array(buf1)) throw new ERR_INVALID_ARG_TYPE('buf1', ['Buffer', 'Uint8Array'], buf1);
  if (!isUint8Array(buf2)) throw new ERR_INVALID_ARG_TYPE('buf2', ['Buffer', 'Uint8Array'], buf2);
  if (buf1 === buf2) return 0;
  return binding.compare(buf1, buf2);
};

Buffer.isEncoding = function isEncoding(encoding) {
  return typeof encoding === 'string' && encoding.length !== 0 && normalizeEncoding(encoding) !== undefined;
};
Buffer[Symbol('kIsEncodingSymbol')] = Buffer.isEncoding;

Buffer.concat = function concat(list, length) {
  validateArray(list, 'list');
  if (list.length === 0) return new FastBuffer();
  if (length === undefined) {
    length = 0;
    for (let i = 0; i < list.length; i++) {
      if (list[i].length) length += list[i].length;
    }
  } else {
    validateOffset(length, 'length');
  }
  const buffer = Buffer.allocUnsafe(length);
  let pos = 0;
  for (let i = 0; i < list.length; i++) {
    const buf = list[i];
    if (!isUint8Array(buf)) throw new ERR_INVALID_ARG_TYPE(`list[${i}]`, ['Buffer', 'Uint8Array'], list[i]);
    pos += _copyActual(buf, buffer, pos, 0, buf.length);
  }
  // A `length` beyond the total leaves allocated bytes that nothing wrote.
  if (pos < length) TypedArrayPrototypeFill.call(buffer, 0, pos, length);
  return buffer;
};

function byteLength(string, encoding) {
  if (typeof string !== 'string') {
    if (ArrayBuffer.isView(string) || types.isAnyArrayBuffer(string)) return string.byteLength;
    throw new ERR_INVALID_ARG_TYPE('string', ['string', 'Buffer', 'ArrayBuffer'], string);
  }
  const len = string.length;
  const mustMatch = (arguments.length > 2 && arguments[2] === true);
  if (!mustMatch && len === 0) return 0;
  if (!encoding) return (mustMatch ? -1 : binding.byteLengthUtf8(string));
  const ops = getEncodingOps(encoding);
  if (ops === undefined) return (mustMatch ? -1 : binding.byteLengthUtf8(string));
  return ops.byteLength(string);
}
Buffer.byteLength = byteLength;

// ---- Buffer.prototype ------------------------------------------------------------------------

Object.defineProperty(Buffer.prototype, 'parent', {
  enumerable: true,
  configurable: true,
  get() {
    if (!(this instanceof Buffer)) return undefined;
    return this.buffer;
  },
});
Object.defineProperty(Buffer.prototype, 'offset', {
  enumerable: true,
  configurable: true,
  get() {
    if (!(this instanceof Buffer)) return undefined;
    return this.byteOffset;
  },
});

function toInteger(n, defaultVal) {
  n = +n;
  if (!Number.isNaN(n) && n >= Number.MIN_SAFE_INTEGER && n <= Number.MAX_SAFE_INTEGER) {
    return ((n % 1) === 0 ? n : Math.floor(n));
  }
  return defaultVal;
}

function _copyActual(source, target, targetStart, sourceStart, sourceEnd) {
  if (sourceEnd - sourceStart > target.length - targetStart) sourceEnd = sourceStart + target.length - targetStart;
  let nb = sourceEnd - sourceStart;
  const sourceLen = source.length - sourceStart;
  if (nb > sourceLen) nb = sourceLen;
  if (nb <= 0) return 0;
  // TypedArray#set copies as if through a temporary, so overlapping memory is safe.
  if (sourceStart === 0 && nb === source.length) {
    TypedArrayPrototypeSet.call(target, source, targetStart);
  } else {
    TypedArrayPrototypeSet.call(target, new Uint8Array(source.buffer, source.byteOffset + sourceStart, nb), targetStart);
  }
  return nb;
}

function _copy(source, target, targetStart, sourceStart, sourceEnd) {
  if (!isUint8Array(source)) throw new ERR_INVALID_ARG_TYPE('source', ['Buffer', 'Uint8Array'], source);
  if (!isUint8Array(target)) throw new ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'], target);
  if (targetStart === undefined) {
    targetStart = 0;
  } else {
    targetStart = Number.isInteger(targetStart) ? targetStart : toInteger(targetStart, 0);
    if (targetStart < 0) throw new ERR_OUT_OF_RANGE('targetStart', '>= 0', targetStart);
  }
  if (sourceStart === undefined) {
    sourceStart = 0;
  } else {
    sourceStart = Number.isInteger(sourceStart) ? sourceStart : toInteger(sourceStart, 0);
    if (sourceStart < 0 || sourceStart > source.length) {
      throw new ERR_OUT_OF_RANGE('sourceStart', `>= 0 && <= ${source.length}`, sourceStart);
    }
  }
  if (sourceEnd === undefined) {
    sourceEnd = source.length;
  } else {
    sourceEnd = Number.isInteger(sourceEnd) ? sourceEnd : toInteger(sourceEnd, 0);
    if (sourceEnd < 0) throw new ERR_OUT_OF_RANGE('sourceEnd', '>= 0', sourceEnd);
  }
  if (targetStart >= target.length || sourceStart >= sourceEnd) return 0;
  return _copyActual(source, target, targetStart, sourceStart, sourceEnd);
}

Buffer.prototype.copy = function copy(target, targetStart, sourceStart, sourceEnd) {
  return _copy(this, target, targetStart, sourceStart, sourceEnd);
};

Buffer.prototype.toString = function toString(encoding, start, end) {
  if (arguments.length === 0) return checkedString(binding.utf8Slice(this, 0, this.length));
  const len = this.length;
  if (start <= 0) {
    start = 0;
  } else if (start >= len) {
    return '';
  } else {
    start = Math.trunc(start) || 0;
  }
  if (end === undefined || end > len) {
    end = len;
  } else {
    end = Math.trunc(end) || 0;
  }
  if (end <= start) return '';
  if (encoding === undefined) return checkedString(binding.utf8Slice(this, start, end));
  const ops = getEncodingOps(encoding);
  if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
  return ops.slice(this, start, end);
};

Buffer.prototype.equals = function equals(otherBuffer) {
  if (!isUint8Array(otherBuffer)) throw new ERR_INVALID_ARG_TYPE('otherBuffer', ['Buffer', 'Uint8Array'], otherBuffer);
  if (this === otherBuffer) return true;
  const len = typedArrayByteLength.call(this);
  if (len !== typedArrayByteLength.call(otherBuffer)) return false;
  return len === 0 || binding.compare(this, otherBuffer) === 0;
};

// `<Buffer 68 65 6c 6c 6f>`: at most INSPECT_MAX_BYTES bytes, then own non-index properties.
function inspect(recurseTimes, ctx) {
  const max = INSPECT_MAX_BYTES;
  const actualMax = Math.min(max, this.length);
  const remaining = this.length - max;
  const hex = binding.hexSlice(this, 0, actualMax);
  let str = '';
  for (let i = 0; i < hex.length; i += 2) str += (i === 0 ? '' : ' ') + hex.slice(i, i + 2);
  if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
  if (ctx) {
    const obj = { __proto__: null };
    let extras = false;
    const names = ctx.showHidden ? Object.getOwnPropertyNames(this) : Object.keys(this);
    for (const key of names) {
      if (/^(0|[1-9][0-9]*)$/.test(key) && Number(key) < 4294967295) continue;
      extras = true;
      obj[key] = this[key];
    }
    for (const sym of Object.getOwnPropertySymbols(this)) {
      if (!ctx.showHidden && !Object.prototype.propertyIsEnumerable.call(this, sym)) continue;
      extras = true;
      obj[sym] = this[sym];
    }
    if (extras) {
      if (this.length !== 0) str += ', ';
      // Drop the '[Object: null prototype] {' prefix and the ' }' suffix.
      const { inspect: utilInspect } = require('internal/util/inspect');
      str += utilInspect(obj, { ...ctx, breakLength: Infinity, compact: true }).slice(27, -2);
    }
  }
  return `<${this.constructor.name} ${str}>`;
}
Buffer.prototype[customInspectSymbol] = inspect;
Buffer.prototype.inspect = inspect;

Buffer.prototype.compare = function compare(target, targetStart, targetEnd, sourceStart, sourceEnd) {
  if (!isUint8Array(target)) throw new ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'], target);
  if (arguments.length === 1) return binding.compare(this, target);
  if (targetStart === undefined) targetStart = 0;
  else validateOffset(targetStart, 'targetStart');
  if (targetEnd === undefined) targetEnd = target.length;
  else validateOffset(targetEnd, 'targetEnd', 0, target.length);
  if (sourceStart === undefined) sourceStart = 0;
  else validateOffset(sourceStart, 'sourceStart');
  if (sourceEnd === undefined) sourceEnd = this.length;
  else validateOffset(sourceEnd, 'sourceEnd', 0, this.length);
  if (sourceStart >= sourceEnd) return (targetStart >= targetEnd ? 0 : -1);
  if (targetStart >= targetEnd) return 1;
  const r = binding.compareOffset(this, target, targetStart, sourceStart, targetEnd, sourceEnd);
  if (r === 2) throw nativeError(RangeError, 'ERR_OUT_OF_RANGE', 'The value of "sourceStart" is out of range.');
  if (r === 3) throw nativeError(RangeError, 'ERR_OUT_OF_RANGE', 'The value of "targetStart" is out of range.');
  return r;
};

// indexOf/lastIndexOf (`dir` true/false) of a number, string or Uint8Array.
function bidirectionalIndexOf(buffer, val, byteOffset, encoding, dir) {
  if (!ArrayBuffer.isView(buffer)) throw new ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray', 'DataView'], buffer);
  if (typeof byteOffset === 'string') {
    encoding = byteOffset;
    byteOffset = undefined;
  } else if (byteOffset > 0x7fffffff) {
    byteOffset = 0x7fffffff;
  } else if (byteOffset < -0x80000000) {
    byteOffset = -0x80000000;
  }
  // null, [] and the like become 0; undefined, 'foo' and {} NaN, meaning the whole buffer.
  byteOffset = +byteOffset;
  if (Number.isNaN(byteOffset)) byteOffset = dir ? 0 : (buffer.length || buffer.byteLength);
  dir = !!dir;

  if (typeof val === 'number') return binding.indexOfNumber(buffer, val >>> 0, byteOffset, dir);

  let ops;
  if (encoding === undefined) ops = encodingOps.utf8;
  else ops = getEncodingOps(encoding);

  if (typeof val === 'string') {
    if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
    return ops.indexOf(buffer, val, byteOffset, dir);
  }
  if (isUint8Array(val)) {
    return binding.indexOfBytes(buffer, val, byteOffset, dir, ops !== undefined && ops.enc === ENC_UCS2);
  }
  throw new ERR_INVALID_ARG_TYPE('value', ['number', 'string', 'Buffer', 'Uint8Array'], val);
}

const typedArrayIndexOf = Uint8Array.prototype.indexOf;

Buffer.prototype.indexOf = function indexOf(val, byteOffset, encoding) {
  // A byte searched forward (line splitting, parsers): SpiderMonkey's own search, which is
  // memchr-fast and skips the op call. Same results: the byte is `val` mod 256, offsets
  // truncate and count from the end when negative.
  if (typeof val === 'number' && this instanceof Uint8Array &&
      (byteOffset === undefined || (typeof byteOffset === 'number' && byteOffset === byteOffset))) {
    return typedArrayIndexOf.call(this, (val >>> 0) & 255, byteOffset);
  }
  return bidirectionalIndexOf(this, val, byteOffset, encoding, true);
};

Buffer.prototype.lastIndexOf = function lastIndexOf(val, byteOffset, encoding) {
  return bidirectionalIndexOf(this, val, byteOffset, encoding, false);
};

Buffer.prototype.includes = function includes(val, byteOffset, encoding) {
  return this.indexOf(val, byteOffset, encoding) !== -1;
};

const fillEncodings = {
  utf8: ENC_UTF8, latin1: ENC_LATIN1, ascii: ENC_LATIN1, utf16le: ENC_UCS2,
  hex: ENC_HEX, base64: ENC_BASE64, base64url: ENC_BASE64,
};

function _fill(buf, value, offset, end, encoding) {
  let enc = ENC_UTF8;
  if (typeof value === 'string') {
    if (offset === undefined || typeof offset === 'string') {
      encoding = offset;
      offset = 0;
      end = buf.length;
    } else if (typeof end === 'string') {
      encoding = end;
      end = buf.length;
    }
    const normalizedEncoding = normalizeEncoding(encoding);
    if (normalizedEncoding === undefined) {
      validateString(encoding, 'encoding');
      throw new ERR_UNKNOWN_ENCODING(encoding);
    }
    enc = fillEncodings[normalizedEncoding];
    if (value.length === 0) {
      value = 0;
    } else if (value.length === 1) {
      // One character that is one byte: a plain byte fill.
      if (normalizedEncoding === 'utf8') {
        const code = value.charCodeAt(0);
        if (code < 128) value = code;
      } else if (normalizedEncoding === 'latin1') {
        value = value.charCodeAt(0);
      }
    }
  }

  if (offset === undefined) {
    offset = 0;
    end = buf.length;
  } else {
    validateOffset(offset, 'offset');
    if (end === undefined) end = buf.length;
    else validateOffset(end, 'end', 0, buf.length);
    if (offset >= end) return buf;
  }

  if (typeof value === 'number') {
    const byteLen = typedArrayByteLength.call(buf);
    const fillLength = end - offset;
    if (offset > end || fillLength + offset > byteLen) throw new ERR_BUFFER_OUT_OF_BOUNDS();
    TypedArrayPrototypeFill.call(buf, value, offset, end);
  } else if (typeof value === 'string' || ArrayBuffer.isView(value)) {
    if (binding.fill(buf, value, offset, end, enc) === -1) throw new ERR_INVALID_ARG_VALUE('value', value);
  } else {
    // Anything else fills with its uint32 value's low byte (V8's wording for what can't convert).
    if (typeof value === 'bigint') throw new TypeError('Cannot convert a BigInt value to a number');
    if (typeof value === 'symbol') throw new TypeError('Cannot convert a Symbol value to a number');
    TypedArrayPrototypeFill.call(buf, (value >>> 0) & 255, offset, end);
  }
  return buf;
}

Buffer.prototype.fill = function fill(value, offset, end, encoding) {
  return _fill(this, value, offset, end, encoding);
};

Buffer.prototype.write = function write(string, offset, length, encoding) {
  if (offset === undefined) return this.utf8Write(string, 0, this.length);
  if (length === undefined && typeof offset === 'string') {
    encoding = offset;
    length = this.length;
    offset = 0;
  } else {
    validateOffset(offset, 'offset', 0, this.length);
    const remaining = this.length - offset;
    if (length === undefined) {
      length = remaining;
    } else if (typeof length === 'string') {
      encoding = length;
      length = remaining;
    } else {
      validateOffset(length, 'length', 0, this.length);
      if (length > remaining) length = remaining;
    }
  }
  if (!encoding || encoding === 'utf8') return this.utf8Write(string, offset, length);
  if (encoding === 'ascii') return this.asciiWrite(string, offset, length);
  const ops = getEncodingOps(encoding);
  if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
  if (typeof string !== 'string') throw nativeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'argument must be a string');
  return ops.write(this, string, offset, length);
};

Buffer.prototype.toJSON = function toJSON() {
  if (this.length > 0) {
    const data = new Array(this.length);
    for (let i = 0; i < this.length; ++i) data[i] = this[i];
    return { type: 'Buffer', data };
  }
  return { type: 'Buffer', data: [] };
};

function adjustOffset(offset, length) {
  // Math.trunc, not `| 0`: offsets may exceed int32.
  offset = Math.trunc(offset);
  if (offset === 0) return 0;
  if (offset < 0) {
    offset += length;
    return offset > 0 ? offset : 0;
  }
  if (offset < length) return offset;
  return Number.isNaN(offset) ? 0 : length;
}

Buffer.prototype.subarray = function subarray(start, end) {
  const srcLength = this.length;
  start = adjustOffset(start, srcLength);
  end = end !== undefined ? adjustOffset(end, srcLength) : srcLength;
  const newLength = end > start ? end - start : 0;
  return new FastBuffer(this.buffer, this.byteOffset + start, newLength);
};

Buffer.prototype.slice = function slice(start, end) {
  return this.subarray(start, end);
};

function swap(b, n, m) {
  const i = b[n];
  b[n] = b[m];
  b[m] = i;
}

Buffer.prototype.swap16 = function swap16() {
  const len = this.length;
  if (len % 2 !== 0) throw new ERR_INVALID_BUFFER_SIZE('16-bits');
  if (len < 128) {
    for (let i = 0; i < len; i += 2) swap(this, i, i + 1);
    return this;
  }
  binding.swap(this, 2);
  return this;
};

Buffer.prototype.swap32 = function swap32() {
  const len = this.length;
  if (len % 4 !== 0) throw new ERR_INVALID_BUFFER_SIZE('32-bits');
  if (len < 192) {
    for (let i = 0; i < len; i += 4) {
      swap(this, i, i + 3);
      swap(this, i + 1, i + 2);
    }
    return this;
  }
  binding.swap(this, 4);
  return this;
};

Buffer.prototype.swap64 = function swap64() {
  const len = this.length;
  if (len % 8 !== 0) throw new ERR_INVALID_BUFFER_SIZE('64-bits');
  if (len < 192) {
    for (let i = 0; i < len; i += 8) {
      swap(this, i, i + 7);
      swap(this, i + 1, i + 6);
      swap(this, i + 2, i + 5);
      swap(this, i + 3, i + 4);
    }
    return this;
  }
  binding.swap(this, 8);
  return this;
};

Buffer.prototype.toLocaleString = Buffer.prototype.toString;

// ---- isUtf8, isAscii, transcode --------------------------------------------------------------

function detachedError() {
  return nativeError(Error, 'ERR_INVALID_STATE', 'Cannot validate on a detached buffer');
}

function bytesOf(input) {
  if (types.isAnyArrayBuffer(input)) {
    if (input.detached) throw detachedError();
    return new Uint8Array(input);
  }
  if (input.buffer.detached) throw detachedError();
  return input;
}

function isUtf8(input) {
  if (isTypedArray(input) || types.isAnyArrayBuffer(input)) return binding.isUtf8(bytesOf(input));
  throw new ERR_INVALID_ARG_TYPE('input', ['ArrayBuffer', 'Buffer', 'TypedArray'], input);
}

function isAscii(input) {
  if (isTypedArray(input) || types.isAnyArrayBuffer(input)) return binding.isAscii(bytesOf(input));
  throw new ERR_INVALID_ARG_TYPE('input', ['ArrayBuffer', 'Buffer', 'TypedArray'], input);
}

function transcodeError(code, errno) {
  const err = new Error(`Unable to transcode Buffer [${code}]`);
  err.code = code;
  err.errno = errno;
  return err;
}

const defaultIgnorable = /^\p{Default_Ignorable_Code_Point}$/u;

// Text with every character above `max` (a surrogate pair counting as one) replaced by '?', as
// ICU's converters substitute what they cannot map; default-ignorable characters (soft hyphen,
// zero-width space, BOM, variation selectors, ...) are dropped instead, as ICU does.
function substituteAbove(text, max) {
  let out = '';
  for (const ch of text) {
    if (ch.length === 1 && ch.charCodeAt(0) <= max) out += ch;
    else if (!defaultIgnorable.test(ch)) out += '?';
  }
  return out;
}

const transcodable = new Set(['ascii', 'latin1', 'utf16le', 'utf8']);

// Node's ICU-backed conversion among utf8, utf16le, latin1 and ascii. Decoding turns invalid
// input into U+FFFD; encoding to latin1/ascii turns what does not fit into '?'. Conversions to
// UTF-16 from latin1/ascii map bytes to code units; utf8 <-> utf16le reject invalid input.
function transcode(source, fromEncoding, toEncoding) {
  if (!isUint8Array(source)) throw new ERR_INVALID_ARG_TYPE('source', ['Buffer', 'Uint8Array'], source);
  if (source.length === 0) return Buffer.alloc(0);
  fromEncoding = normalizeEncoding(fromEncoding) || fromEncoding;
  toEncoding = normalizeEncoding(toEncoding) || toEncoding;
  if (!transcodable.has(fromEncoding) || !transcodable.has(toEncoding)) {
    throw transcodeError('U_ILLEGAL_ARGUMENT_ERROR', 1);
  }
  let text;
  switch (fromEncoding) {
    case 'utf8':
      if (toEncoding === 'utf16le' && !binding.isUtf8(source)) throw transcodeError('U_INVALID_CHAR_FOUND', 10);
      text = checkedString(binding.utf8Slice(source, 0, source.length));
      break;
    case 'utf16le':
      text = checkedString(binding.ucs2Slice(source, 0, source.length));
      if (toEncoding === 'utf8' && !text.isWellFormed()) throw transcodeError('U_INVALID_CHAR_FOUND', 10);
      if (toEncoding === 'utf16le' && source.length % 2 === 1) text += '\ufffd';
      break;
    case 'latin1':
      text = checkedString(binding.latin1Slice(source, 0, source.length));
      break;
    default:
      text = checkedString(binding.latin1Slice(source, 0, source.length));
      if (toEncoding !== 'utf16le') text = text.replace(/[\x80-\xff]/g, '\ufffd');
  }
  switch (toEncoding) {
    case 'utf8':
      return fromString(text, 'utf8');
    case 'utf16le':
      return fromString(text.toWellFormed(), 'utf16le');
    case 'latin1':
      return fromString(substituteAbove(text, 0xff), 'latin1');
    default:
      return fromString(substituteAbove(text, 0x7f), 'latin1');
  }
}

// ---- exports ---------------------------------------------------------------------------------

let blobModule;
function blob() {
  if (blobModule === undefined) blobModule = require('internal/buffer_blob');
  return blobModule;
}

module.exports = {
  Buffer,
  SlowBuffer,
  transcode,
  isUtf8,
  isAscii,
  kMaxLength,
  kStringMaxLength,
  btoa,
  atob,
  constants,
  INSPECT_MAX_BYTES: undefined,
  Blob: undefined,
  resolveObjectURL: undefined,
  File: undefined,
};

Object.defineProperties(module.exports, {
  constants: { configurable: false, enumerable: true, writable: false, value: constants },
  INSPECT_MAX_BYTES: {
    configurable: true,
    enumerable: true,
    get() {
      return INSPECT_MAX_BYTES;
    },
    set(val) {
      validateNumber(val, 'INSPECT_MAX_BYTES', 0);
      INSPECT_MAX_BYTES = val;
    },
  },
  // Blob and File load on first use.
  Blob: {
    configurable: true,
    enumerable: true,
    get() {
      const value = blob().Blob;
      Object.defineProperty(module.exports, 'Blob', { value, writable: true, enumerable: true, configurable: true });
      return value;
    },
    set(value) {
      Object.defineProperty(module.exports, 'Blob', { value, writable: true, enumerable: true, configurable: true });
    },
  },
  resolveObjectURL: {
    configurable: true,
    enumerable: true,
    get() {
      const value = blob().resolveObjectURL;
      Object.defineProperty(module.exports, 'resolveObjectURL', { value, writable: true, enumerable: true, configurable: true });
      return value;
    },
    set(value) {
      Object.defineProperty(module.exports, 'resolveObjectURL', { value, writable: true, enumerable: true, configurable: true });
    },
  },
  File: {
    configurable: true,
    enumerable: true,
    get() {
      const value = blob().File;
      Object.defineProperty(module.exports, 'File', { value, writable: true, enumerable: true, configurable: true });
      return value;
    },
    set(value) {
      Object.defineProperty(module.exports, 'File', { value, writable: true, enumerable: true, configurable: true });
    },
  },
});
