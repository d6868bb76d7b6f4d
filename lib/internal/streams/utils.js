'use strict';
// Shared pieces of the stream implementation: the state bits common to ReadableState and
// WritableState, the symbols other stream libraries (readable-stream, web streams) look for,
// duck-typing predicates (is this a node stream? has it ended? ...) and aggregateTwoErrors.
// Argument validators come from internal/validators.

const { codes: { ERR_UNKNOWN_ENCODING } } = require('internal/errors');

// Registered symbols, so that other copies of the stream code can read the same state.
const kIsDestroyed = Symbol.for('nodejs.stream.destroyed');
const kIsErrored = Symbol.for('nodejs.stream.errored');
const kIsReadable = Symbol.for('nodejs.stream.readable');
const kIsWritable = Symbol.for('nodejs.stream.writable');
const kIsDisturbed = Symbol.for('nodejs.stream.disturbed');
const kIsClosedPromise = Symbol.for('nodejs.webstream.isClosedPromise');
const kControllerErrorFunction = Symbol.for('nodejs.webstream.controllerErrorFunction');

const kOnConstructed = Symbol('kOnConstructed');

// Both state objects keep their boolean flags as bits of one integer under this key. The low
// nine bits mean the same thing on both sides; readable.js and writable.js number the rest.
const kState = Symbol('kState');
const kObjectMode = 1 << 0;
const kErrorEmitted = 1 << 1;
const kAutoDestroy = 1 << 2;
const kEmitClose = 1 << 3;
const kDestroyed = 1 << 4;
const kClosed = 1 << 5;
const kCloseEmitted = 1 << 6;
const kErrored = 1 << 7;
const kConstructed = 1 << 8;

// An accessor that exposes one bit of state[kState] as a boolean property.
function bitProperty(bit) {
  return {
    __proto__: null,
    enumerable: false,
    get() { return (this[kState] & bit) !== 0; },
    set(value) {
      if (value) this[kState] |= bit;
      else this[kState] &= ~bit;
    },
  };
}

// A property that holds a value when its bit is set, `empty` otherwise. Setting a falsy value
// only clears the bit (the old value stays behind the key, unread).
function valueProperty(bit, key, empty) {
  return {
    __proto__: null,
    enumerable: false,
    get() { return (this[kState] & bit) !== 0 ? this[key] : empty; },
    set(value) {
      if (value) {
        this[key] = value;
        this[kState] |= bit;
      } else {
        this[kState] &= ~bit;
      }
    },
  };
}

// defaultEncoding: the common 'utf8' is a bit, any other encoding is kept behind `key`.
function defaultEncodingProperty(utf8Bit, key) {
  return {
    __proto__: null,
    enumerable: false,
    get() {
      return (this[kState] & utf8Bit) !== 0 ? 'utf8' : this[key];
    },
    set(value) {
      if (value === 'utf8' || value === 'utf-8') {
        this[kState] |= utf8Bit;
      } else {
        this[kState] &= ~utf8Bit;
        this[key] = value;
      }
    },
  };
}

// options.defaultEncoding of a new ReadableState or WritableState, checked: 'utf8' when not
// given. Assigned to the state's defaultEncoding accessor, which keeps utf8 as a bit.
function defaultEncodingOption(options) {
  const encoding = options ? options.defaultEncoding : undefined;
  if (encoding == null) return 'utf8';
  if (encoding === 'utf8' || encoding === 'utf-8' || Buffer.isEncoding(encoding)) return encoding;
  throw new ERR_UNKNOWN_ENCODING(encoding);
}

// Readable, Writable and Duplex load the web stream adapters only when fromWeb/toWeb is used.
let webStreamsAdapters;
function lazyWebStreams() {
  webStreamsAdapters ??= require('internal/webstreams/adapters');
  return webStreamsAdapters;
}

// --- What kind of thing is this? -------------------------------------------------------------

function isReadableNodeStream(obj, strict = false) {
  if (!obj || typeof obj.pipe !== 'function' || typeof obj.on !== 'function') return false;
  if (strict && (typeof obj.pause !== 'function' || typeof obj.resume !== 'function')) return false;
  if (obj._writableState) {
    // A Writable has .pipe too; a Duplex may have had its readable side switched off.
    const r = obj._readableState;
    if (!r || r.readable === false) return false;
  }
  return true;
}

function isWritableNodeStream(obj) {
  if (!obj || typeof obj.write !== 'function' || typeof obj.on !== 'function') return false;
  // A Duplex may have had its writable side switched off.
  if (obj._readableState && obj._writableState && obj._writableState.writable === false) return false;
  return true;
}

function isDuplexNodeStream(obj) {
  return !!(obj && typeof obj.pipe === 'function' && obj._readableState &&
    typeof obj.on === 'function' && typeof obj.write === 'function');
}

function isNodeStream(obj) {
  return obj && (
    obj._readableState ||
    obj._writableState ||
    (typeof obj.write === 'function' && typeof obj.on === 'function') ||
    (typeof obj.pipe === 'function' && typeof obj.on === 'function'));
}

function isReadableStream(obj) {
  return !!(obj && !isNodeStream(obj) && typeof obj.pipeThrough === 'function' &&
    typeof obj.getReader === 'function' && typeof obj.cancel === 'function');
}

function isWritableStream(obj) {
  return !!(obj && !isNodeStream(obj) && typeof obj.getWriter === 'function' &&
    typeof obj.abort === 'function');
}

function isTransformStream(obj) {
  return !!(obj && !isNodeStream(obj) && typeof obj.readable === 'object' &&
    typeof obj.writable === 'object');
}

function isWebStream(obj) {
  return isReadableStream(obj) || isWritableStream(obj) || isTransformStream(obj);
}

function isIterable(obj, isAsync) {
  if (obj == null) return false;
  if (isAsync === true) return typeof obj[Symbol.asyncIterator] === 'function';
  if (isAsync === false) return typeof obj[Symbol.iterator] === 'function';
  return typeof obj[Symbol.asyncIterator] === 'function' || typeof obj[Symbol.iterator] === 'function';
}

// --- Where is it in its life? -----------------------------------------------------------------

function isDestroyed(stream) {
  if (!isNodeStream(stream)) return null;
  const state = stream._writableState || stream._readableState;
  return !!(stream.destroyed || stream[kIsDestroyed] || (state && state.destroyed));
}

// end() was called.
function isWritableEnded(stream) {
  if (!isWritableNodeStream(stream)) return null;
  if (stream.writableEnded === true) return true;
  const w = stream._writableState;
  if (w && w.errored) return false;
  if (!w || typeof w.ended !== 'boolean') return null;
  return w.ended;
}

// 'finish' was emitted (or, unless strict, is all that is left to happen).
function isWritableFinished(stream, strict) {
  if (!isWritableNodeStream(stream)) return null;
  if (stream.writableFinished === true) return true;
  const w = stream._writableState;
  if (w && w.errored) return false;
  if (!w || typeof w.finished !== 'boolean') return null;
  return !!(w.finished || (strict === false && w.ended === true && w.length === 0));
}

// push(null) was called.
function isReadableEnded(stream) {
  if (!isReadableNodeStream(stream)) return null;
  if (stream.readableEnded === true) return true;
  const r = stream._readableState;
  if (!r || r.errored) return false;
  if (typeof r.ended !== 'boolean') return null;
  return r.ended;
}

// 'end' was emitted (or, unless strict, nothing is left to read after EOF).
function isReadableFinished(stream, strict) {
  if (!isReadableNodeStream(stream)) return null;
  const r = stream._readableState;
  if (r && r.errored) return false;
  if (!r || typeof r.endEmitted !== 'boolean') return null;
  return !!(r.endEmitted || (strict === false && r.ended === true && r.length === 0));
}

function isReadable(stream) {
  if (stream && stream[kIsReadable] != null) return stream[kIsReadable];
  if (!stream || typeof stream.readable !== 'boolean') return null;
  if (isDestroyed(stream)) return false;
  return isReadableNodeStream(stream) && stream.readable && !isReadableFinished(stream);
}

function isWritable(stream) {
  if (stream && stream[kIsWritable] != null) return stream[kIsWritable];
  if (!stream || typeof stream.writable !== 'boolean') return null;
  if (isDestroyed(stream)) return false;
  return isWritableNodeStream(stream) && stream.writable && !isWritableEnded(stream);
}

function isFinished(stream, opts) {
  if (!isNodeStream(stream)) return null;
  if (isDestroyed(stream)) return true;
  if ((!opts || opts.readable !== false) && isReadable(stream)) return false;
  if ((!opts || opts.writable !== false) && isWritable(stream)) return false;
  return true;
}

function isWritableErrored(stream) {
  if (!isNodeStream(stream)) return null;
  if (stream.writableErrored) return stream.writableErrored;
  const w = stream._writableState;
  return (w && w.errored) ?? null;
}

function isReadableErrored(stream) {
  if (!isNodeStream(stream)) return null;
  if (stream.readableErrored) return stream.readableErrored;
  const r = stream._readableState;
  return (r && r.errored) ?? null;
}

function isOutgoingMessage(stream) {
  return typeof stream._closed === 'boolean' &&
    typeof stream._defaultKeepAlive === 'boolean' &&
    typeof stream._removedConnection === 'boolean' &&
    typeof stream._removedContLen === 'boolean';
}

function isServerResponse(stream) {
  return typeof stream._sent100 === 'boolean' && isOutgoingMessage(stream);
}

function isServerRequest(stream) {
  return typeof stream._consuming === 'boolean' &&
    typeof stream._dumped === 'boolean' &&
    (stream.req == null || stream.req.upgradeOrConnect === undefined);
}

function isClosed(stream) {
  if (!isNodeStream(stream)) return null;
  if (typeof stream.closed === 'boolean') return stream.closed;
  const w = stream._writableState;
  const r = stream._readableState;
  const wClosed = w ? w.closed : undefined;
  const rClosed = r ? r.closed : undefined;
  if (typeof wClosed === 'boolean' || typeof rClosed === 'boolean') return wClosed || rClosed;
  if (typeof stream._closed === 'boolean' && isOutgoingMessage(stream)) return stream._closed;
  return null;
}

// Will this stream emit 'close' by itself once it is done?
function willEmitClose(stream) {
  if (!isNodeStream(stream)) return null;
  const state = stream._writableState || stream._readableState;
  if (!state) return isServerResponse(stream);
  return !!(state.autoDestroy && state.emitClose && state.closed === false);
}

function isDisturbed(stream) {
  if (!stream) return false;
  const v = stream[kIsDisturbed];
  if (v != null) return !!v;
  return !!(stream.readableDidRead || stream.readableAborted);
}

function isErrored(stream) {
  if (!stream) return false;
  const r = stream._readableState;
  const w = stream._writableState;
  return !!(stream[kIsErrored] ??
    stream.readableErrored ??
    stream.writableErrored ??
    (r ? r.errorEmitted : undefined) ??
    (w ? w.errorEmitted : undefined) ??
    (r ? r.errored : undefined) ??
    (w ? w.errored : undefined));
}

// --- Errors and arguments --------------------------------------------------------------------

// Two errors from one operation become an AggregateError whose message and code are the
// outer one's; one error (or none) is returned as is.
function aggregateTwoErrors(inner, outer) {
  if (inner && outer && inner !== outer) {
    if (Array.isArray(outer.errors)) {
      outer.errors.push(inner);
      return outer;
    }
    // eslint-disable-next-line no-restricted-syntax
    const err = new AggregateError([outer, inner], outer.message);
    err.code = outer.code;
    return err;
  }
  return inner || outer;
}

// A function that runs its argument at most once.
function once(fn) {
  let called = false;
  return function (...args) {
    if (called) return;
    called = true;
    return Reflect.apply(fn, this, args);
  };
}

const SymbolDispose = Symbol.dispose || Symbol.for('nodejs.dispose');
const SymbolAsyncDispose = Symbol.asyncDispose || Symbol.for('nodejs.asyncDispose');
const kEmptyObject = Object.freeze({ __proto__: null });

module.exports = {
  kOnConstructed,
  kIsDestroyed,
  kIsDisturbed,
  kIsErrored,
  kIsReadable,
  kIsWritable,
  kIsClosedPromise,
  kControllerErrorFunction,
  isDestroyed,
  isDisturbed,
  isErrored,
  isReadable,
  isWritable,
  isClosed,
  isDuplexNodeStream,
  isFinished,
  isIterable,
  isReadableNodeStream,
  isReadableStream,
  isReadableEnded,
  isReadableFinished,
  isReadableErrored,
  isNodeStream,
  isWebStream,
  isWritableNodeStream,
  isWritableStream,
  isWritableEnded,
  isWritableFinished,
  isWritableErrored,
  isServerRequest,
  isServerResponse,
  willEmitClose,
  isTransformStream,
  aggregateTwoErrors,
  once,
  SymbolDispose,
  SymbolAsyncDispose,
  kEmptyObject,
  bitProperty,
  valueProperty,
  defaultEncodingProperty,
  defaultEncodingOption,
  lazyWebStreams,
  kState,
  kObjectMode,
  kErrorEmitted,
  kAutoDestroy,
  kEmitClose,
  kDestroyed,
  kClosed,
  kCloseEmitted,
  kErrored,
  kConstructed,
};
