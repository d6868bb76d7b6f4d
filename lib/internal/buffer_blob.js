'use strict';
// Blob and File (node:buffer): immutable byte sequences with a MIME type; File adds a name and
// lastModified. The bytes are kept in memory, together with the lengths of the parts they were
// made of: stream() yields one chunk per part, as node does.

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_THIS,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const types = require('internal/util/types');

const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');
const disallowedTypeCharacters = /[^\u0020-\u007E]/;

let utf8Encoder;
function encodeUtf8(text) {
  if (utf8Encoder === undefined) utf8Encoder = internalBinding('encoding').encodeUtf8;
  return utf8Encoder(text);
}

let lazyInspectFn;
function lazyInspect() {
  if (lazyInspectFn === undefined) lazyInspectFn = require('internal/util/inspect').inspect;
  return lazyInspectFn;
}

function validateDictionary(value, name) {
  if (value != null && typeof value !== 'object' && typeof value !== 'function') {
    throw new ERR_INVALID_ARG_TYPE(name, 'a dictionary', value);
  }
}

// Past the inspection depth node prints `[Blob]` (its Blobs carry symbol-keyed state, so they
// never format as an empty `Blob {}`).
function beyondDepth(value, options) {
  if (options === undefined || typeof options.stylize !== 'function') return value;
  const name = value.constructor && typeof value.constructor.name === 'string' ? value.constructor.name : 'Blob';
  return options.stylize(`[${name}]`, 'special');
}

function normalizeType(type) {
  type = `${type}`;
  return disallowedTypeCharacters.test(type) ? '' : type.toLowerCase();
}

// The bytes of one source of a Blob: a private copy, or a Blob source's own (immutable) bytes.
function sourceBytes(source, endings) {
  if (isBlob(source)) return getBytes(source);
  if (types.isAnyArrayBuffer(source)) {
    source = new Uint8Array(source);
  } else if (!ArrayBuffer.isView(source)) {
    source = `${source}`;
    if (endings === 'native') source = source.replace(/\n|\r\n/g, '\n');
    return encodeUtf8(source);
  }
  return new Uint8Array(source.buffer.slice(source.byteOffset, source.byteOffset + source.byteLength));
}

// The part lengths of bytes[start, end) given the part lengths of all the bytes.
function sliceParts(parts, start, end) {
  const out = [];
  let offset = 0;
  for (const length of parts) {
    const from = Math.max(start, offset);
    const to = Math.min(end, offset + length);
    if (to > from) out.push(to - from);
    offset += length;
    if (offset >= end) break;
  }
  return out;
}

// Blobs made by fs.openAsBlob(). Their bytes are read when the Blob is made, but like node's
// file-backed Blobs they cannot be structured-cloned.
const fileBacked = new WeakSet();
function markFileBacked(blob) {
  fileBacked.add(blob);
  return blob;
}

// structuredClone(blob): a Blob with the same bytes, parts and type (a File clones to a Blob too).
function cloneBlob(blob) {
  if (fileBacked.has(blob)) {
    const { ERR_INVALID_STATE } = require('internal/errors').codes;
    throw new ERR_INVALID_STATE.TypeError('File-backed Blobs are not cloneable');
  }
  return makeBlob(getBytes(blob), blob.type, getParts(blob));
}

let isBlob;
let getBytes;
let getParts;
let makeBlob;

class Blob {
  #bytes;
  #parts;
  #type;

  static {
    isBlob = (value) => value !== null && typeof value === 'object' && #bytes in value;
    getBytes = (blob) => blob.#bytes;
    getParts = (blob) => blob.#parts;
    makeBlob = (bytes, type, parts) => {
      const blob = new Blob();
      blob.#bytes = bytes;
      blob.#parts = parts;
      blob.#type = type;
      return blob;
    };
  }

  constructor(sources = [], options) {
    if (sources === null || typeof sources[Symbol.iterator] !== 'function' || typeof sources === 'string') {
      throw new ERR_INVALID_ARG_TYPE('sources', 'a sequence', sources);
    }
    validateDictionary(options, 'options');
    let { type = '', endings = 'transparent' } = options ?? {};
    endings = `${endings}`;
    if (endings !== 'transparent' && endings !== 'native') {
      throw new ERR_INVALID_ARG_VALUE('options.endings', endings);
    }
    const parts = [];
    const partLengths = [];
    let length = 0;
    for (const source of sources) {
      const bytes = sourceBytes(source, endings);
      parts.push(bytes);
      length += bytes.length;
      if (isBlob(source)) partLengths.push(...getParts(source));
      else if (bytes.length > 0) partLengths.push(bytes.length);
    }
    let bytes;
    if (parts.length === 1) {
      bytes = parts[0];
    } else {
      bytes = new Uint8Array(length);
      let pos = 0;
      for (const part of parts) {
        bytes.set(part, pos);
        pos += part.length;
      }
    }
    this.#bytes = bytes;
    this.#parts = partLengths;
    this.#type = normalizeType(type);
  }

  get type() {
    if (!isBlob(this)) throw new ERR_INVALID_THIS('Blob');
    return this.#type;
  }

  get size() {
    if (!isBlob(this)) throw new ERR_INVALID_THIS('Blob');
    return this.#bytes.length;
  }

  slice(start = 0, end = undefined, contentType = '') {
    if (!isBlob(this)) throw new ERR_INVALID_THIS('Blob');
    const length = this.#bytes.length;
    start = Math.trunc(start) || 0;
    end = end === undefined ? length : Math.trunc(end) || 0;
    start = start < 0 ? Math.max(length + start, 0) : Math.min(start, length);
    end = end < 0 ? Math.max(length + end, 0) : Math.min(end, length);
    const span = Math.max(end - start, 0);
    return makeBlob(this.#bytes.subarray(start, start + span), normalizeType(contentType),
                    sliceParts(this.#parts, start, start + span));
  }

  arrayBuffer() {
    if (!isBlob(this)) return Promise.reject(new ERR_INVALID_THIS('Blob'));
    const bytes = this.#bytes;
    return Promise.resolve().then(() => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
  }

  text() {
    if (!isBlob(this)) return Promise.reject(new ERR_INVALID_THIS('Blob'));
    return this.arrayBuffer().then((ab) => {
      const { TextDecoder } = require('internal/encoding');
      return new TextDecoder().decode(ab);
    });
  }

  bytes() {
    if (!isBlob(this)) return Promise.reject(new ERR_INVALID_THIS('Blob'));
    return this.arrayBuffer().then((ab) => new Uint8Array(ab));
  }

  // A byte stream with one chunk (a copy) per part. Like node's, each pull keeps reading parts
  // until the queue is past the high-water mark of 0, checked a microtask after each chunk.
  stream() {
    if (!isBlob(this)) throw new ERR_INVALID_THIS('Blob');
    const bytes = this.#bytes;
    const parts = this.#parts;
    let index = 0;
    let offset = 0;
    let pendingPulls = [];
    const { ReadableStream } = require('internal/webstreams/readablestream');
    return new ReadableStream({
      type: 'bytes',
      pull(c) {
        const { promise, resolve } = Promise.withResolvers();
        pendingPulls.push(resolve);
        const readNext = () => {
          if (pendingPulls.length === 0) return;
          if (index >= parts.length) {
            c.close();
            c.byobRequest?.respond(0);
            pendingPulls.shift()();
            return;
          }
          const length = parts[index++];
          c.enqueue(bytes.slice(offset, offset + length));
          offset += length;
          queueMicrotask(() => {
            if (c.desiredSize < 0) {
              if (pendingPulls.length !== 0) pendingPulls.shift()();
              return;
            }
            readNext();
          });
        };
        readNext();
        return promise;
      },
      cancel() {
        pendingPulls = [];
      },
    }, { highWaterMark: 0 });
  }

  [customInspectSymbol](depth, options) {
    if (depth < 0) return beyondDepth(this, options);
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `Blob ${lazyInspect()({ size: this.size, type: this.type }, opts)}`;
  }
}

Object.defineProperty(Blob.prototype, Symbol.toStringTag, { value: 'Blob', configurable: true });
for (const name of ['type', 'size', 'slice', 'arrayBuffer', 'text', 'stream']) {
  Object.defineProperty(Blob.prototype, name, { enumerable: true });
}

let isFile;

function privateMemberError(name) {
  return new TypeError(`Cannot read private member #${name} from an object whose class did not declare it`);
}

class File extends Blob {
  #name;
  #lastModified;

  static {
    isFile = (value) => value !== null && typeof value === 'object' && #name in value;
  }

  constructor(fileBits, fileName, options = {}) {
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('fileBits', 'fileName');
    super(fileBits, options);
    let { lastModified } = options ?? {};
    if (lastModified !== undefined) {
      lastModified = +lastModified;
      if (Number.isNaN(lastModified)) lastModified = 0;
    } else {
      lastModified = Date.now();
    }
    this.#name = `${fileName}`.toWellFormed();
    this.#lastModified = lastModified;
  }

  // Node reads the private fields unchecked; V8's message for a foreign receiver.
  get name() {
    if (!isFile(this)) throw privateMemberError('name');
    return this.#name;
  }

  get lastModified() {
    if (!isFile(this)) throw privateMemberError('lastModified');
    return this.#lastModified;
  }

  [customInspectSymbol](depth, options) {
    if (depth < 0) return beyondDepth(this, options);
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `File ${lazyInspect()({
      size: this.size,
      type: this.type,
      name: this.#name,
      lastModified: this.#lastModified,
    }, opts)}`;
  }
}

Object.defineProperty(File.prototype, Symbol.toStringTag, { value: 'File', configurable: true });
for (const name of ['name', 'lastModified']) {
  Object.defineProperty(File.prototype, name, { enumerable: true });
}

// Blob URLs (URL.createObjectURL) are not supported yet, so none resolves.
function resolveObjectURL(url) {
  url = `${url}`;
  return undefined;
}

module.exports = { Blob, File, resolveObjectURL, isBlob, markFileBacked, cloneBlob };
