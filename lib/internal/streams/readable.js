'use strict';
// Readable streams.
//
// Data enters through push() (called by the implementation's _read()) and is either handed
// straight to 'data' listeners (flowing mode, empty buffer) or queued in state.buffer. In
// paused mode the consumer pulls with read(n), usually on 'readable'. _read() is asked for
// more whenever the buffer is below highWaterMark. push(null) marks EOF; 'end' follows once
// the buffer is drained, then (autoDestroy) destroy() and 'close'.
//
// Every boolean of ReadableState is one bit of state[kState]; the legacy property names
// (state.flowing, state.ended, ...) are accessors over those bits.

module.exports = Readable;
Readable.ReadableState = ReadableState;

const EE = require('events');
const { Stream, prependListener } = require('internal/streams/legacy');
const { Buffer } = require('buffer');
const { FastBuffer } = require('internal/buffer');
const { StringDecoder } = require('string_decoder');
const { addAbortSignal } = require('internal/streams/add-abort-signal');
const eos = require('internal/streams/end-of-stream');
const destroyImpl = require('internal/streams/destroy');
const { getHighWaterMark, getDefaultHighWaterMark } = require('internal/streams/state');
const {
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
  kOnConstructed,
  bitProperty,
  valueProperty,
  defaultEncodingProperty,
  defaultEncodingOption,
  lazyWebStreams,
  aggregateTwoErrors,
  SymbolAsyncDispose,
} = require('internal/streams/utils');
const { validateObject } = require('internal/validators');
const {
  AbortError,
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_METHOD_NOT_IMPLEMENTED,
    ERR_OUT_OF_RANGE,
    ERR_STREAM_PUSH_AFTER_EOF,
    ERR_STREAM_UNSHIFT_AFTER_END_EVENT,
  },
} = require('internal/errors');

const { errorOrDestroy } = destroyImpl;
let from; // internal/streams/from, loaded on first use

Object.setPrototypeOf(Readable.prototype, Stream.prototype);
Object.setPrototypeOf(Readable, Stream);

const nop = () => {};

// Values behind bits that mean "has a value".
const kErroredValue = Symbol('kErroredValue');
const kDefaultEncodingValue = Symbol('kDefaultEncodingValue');
const kDecoderValue = Symbol('kDecoderValue');
const kEncodingValue = Symbol('kEncodingValue');

// Readable-only bits (the low ones are shared, see utils.js).
const kEnded = 1 << 9; // push(null) happened
const kEndEmitted = 1 << 10; // 'end' was emitted
const kReading = 1 << 11; // _read() was called and has not pushed yet
const kSync = 1 << 12; // inside _read(): events must wait for the next tick
const kNeedReadable = 1 << 13; // a 'readable' event is wanted when data arrives
const kEmittedReadable = 1 << 14; // a 'readable' event is scheduled or being emitted
const kReadableListening = 1 << 15; // someone listens for 'readable'
const kResumeScheduled = 1 << 16; // resume_() is queued
const kMultiAwaitDrain = 1 << 17; // awaitDrainWriters is a Set (several pipes)
const kReadingMore = 1 << 18; // maybeReadMore_() is queued
const kDataEmitted = 1 << 19; // some 'data' has been emitted
const kDefaultUTF8Encoding = 1 << 20; // defaultEncoding is utf8
const kDecoder = 1 << 21; // setEncoding() installed a decoder
const kEncoding = 1 << 22;
const kHasFlowing = 1 << 23; // flowing is true or false rather than null
const kFlowing = 1 << 24;
const kHasPaused = 1 << 25;
const kPaused = 1 << 26; // pause() was called explicitly
const kDataListening = 1 << 27; // someone listens for 'data'

Object.defineProperties(ReadableState.prototype, {
  objectMode: bitProperty(kObjectMode),
  ended: bitProperty(kEnded),
  endEmitted: bitProperty(kEndEmitted),
  reading: bitProperty(kReading),
  constructed: bitProperty(kConstructed),
  sync: bitProperty(kSync),
  needReadable: bitProperty(kNeedReadable),
  emittedReadable: bitProperty(kEmittedReadable),
  readableListening: bitProperty(kReadableListening),
  resumeScheduled: bitProperty(kResumeScheduled),
  errorEmitted: bitProperty(kErrorEmitted),
  emitClose: bitProperty(kEmitClose),
  autoDestroy: bitProperty(kAutoDestroy),
  destroyed: bitProperty(kDestroyed),
  closed: bitProperty(kClosed),
  closeEmitted: bitProperty(kCloseEmitted),
  multiAwaitDrain: bitProperty(kMultiAwaitDrain),
  readingMore: bitProperty(kReadingMore),
  dataEmitted: bitProperty(kDataEmitted),
  errored: valueProperty(kErrored, kErroredValue, null),
  decoder: valueProperty(kDecoder, kDecoderValue, null),
  encoding: valueProperty(kEncoding, kEncodingValue, null),
  defaultEncoding: defaultEncodingProperty(kDefaultUTF8Encoding, kDefaultEncodingValue),
  // null until the consumer chose: true (flowing) or false (paused).
  flowing: {
    __proto__: null,
    enumerable: false,
    get() {
      if ((this[kState] & kHasFlowing) === 0) return null;
      return (this[kState] & kFlowing) !== 0;
    },
    set(value) {
      if (value == null) this[kState] &= ~(kHasFlowing | kFlowing);
      else if (value) this[kState] |= kHasFlowing | kFlowing;
      else this[kState] = (this[kState] | kHasFlowing) & ~kFlowing;
    },
  },
  pipesCount: {
    __proto__: null,
    get() { return this.pipes.length; },
  },
  paused: {
    __proto__: null,
    get() { return (this[kState] & kPaused) !== 0; },
    set(value) {
      this[kState] |= kHasPaused;
      if (value) this[kState] |= kPaused;
      else this[kState] &= ~kPaused;
    },
  },
});

function ReadableState(options, stream, isDuplex) {
  this[kState] = kEmitClose | kAutoDestroy | kConstructed | kSync;
  if (options && (options.objectMode || (isDuplex && options.readableObjectMode))) {
    this[kState] |= kObjectMode;
  }

  // Below this many bytes (objects) buffered, _read() is asked for more. 0 is allowed.
  this.highWaterMark = options ?
    getHighWaterMark(this, options, 'readableHighWaterMark', isDuplex) :
    getDefaultHighWaterMark(false);

  // Queued chunks are buffer[bufferIndex..]; length counts bytes (or objects).
  this.buffer = [];
  this.bufferIndex = 0;
  this.length = 0;
  this.pipes = [];

  if (options && options.emitClose === false) this[kState] &= ~kEmitClose;
  if (options && options.autoDestroy === false) this[kState] &= ~kAutoDestroy;

  this.defaultEncoding = defaultEncodingOption(options);

  // The piped destinations whose 'drain' we wait for: null, one Writable, or a Set.
  this.awaitDrainWriters = null;

  if (options && options.encoding) {
    this.decoder = new StringDecoder(options.encoding);
    this.encoding = options.encoding;
  }
}

ReadableState.prototype[kOnConstructed] = function onConstructed(stream) {
  if ((this[kState] & kNeedReadable) !== 0) maybeReadMore(stream, this);
};

function Readable(options) {
  if (!(this instanceof Readable)) return new Readable(options);

  // Pre-created slots for the common events keep the emitter's shape stable.
  this._events ??= {
    close: undefined,
    error: undefined,
    data: undefined,
    end: undefined,
    readable: undefined,
  };

  this._readableState = new ReadableState(options, this, false);

  if (options) {
    if (typeof options.read === 'function') this._read = options.read;
    if (typeof options.destroy === 'function') this._destroy = options.destroy;
    if (typeof options.construct === 'function') this._construct = options.construct;
    if (options.signal) addAbortSignal(options.signal, this);
  }

  Stream.call(this, options);

  if (this._construct != null) {
    destroyImpl.construct(this, () => {
      this._readableState[kOnConstructed](this);
    });
  }
}

Readable.prototype.destroy = destroyImpl.destroy;
Readable.prototype._undestroy = destroyImpl.undestroy;
Readable.prototype._destroy = function (err, cb) {
  cb(err);
};

Readable.prototype[EE.captureRejectionSymbol] = function (err) {
  this.destroy(err);
};

Readable.prototype[SymbolAsyncDispose] = function () {
  let error;
  if (!this.destroyed) {
    error = this.readableEnded ? null : new AbortError();
    this.destroy(error);
  }
  return new Promise((resolve, reject) => {
    eos(this, (err) => (err && err !== error ? reject(err) : resolve(null)));
  });
};

// --- Putting data in ---------------------------------------------------------------------------

function toBuffer(view) {
  return new FastBuffer(view.buffer, view.byteOffset, view.byteLength);
}

function invalidChunk(stream, chunk) {
  errorOrDestroy(stream, new ERR_INVALID_ARG_TYPE(
    'chunk', ['string', 'Buffer', 'TypedArray', 'DataView'], chunk));
}

// push(chunk[, encoding]): returns whether more data is welcome (below highWaterMark).
Readable.prototype.push = function (chunk, encoding) {
  const state = this._readableState;
  if ((state[kState] & kObjectMode) !== 0) return pushObject(this, state, chunk, encoding);
  return pushBytes(this, state, chunk, encoding);
};

// unshift(chunk[, encoding]): puts data back at the front of the buffer.
Readable.prototype.unshift = function (chunk, encoding) {
  const state = this._readableState;
  if ((state[kState] & kObjectMode) !== 0) return unshiftChunk(this, state, chunk);
  return unshiftBytes(this, state, chunk, encoding);
};

function pushEOF(stream, state) {
  state[kState] &= ~kReading;
  onEofChunk(stream, state);
  return false;
}

function pushBytes(stream, state, chunk, encoding) {
  if (chunk === null) return pushEOF(stream, state);

  // `decoded` says whether chunk is already a string in the stream's encoding.
  let decoded = false;
  if (typeof chunk === 'string') {
    encoding = encoding || state.defaultEncoding;
    if (state.encoding !== encoding) chunk = Buffer.from(chunk, encoding);
    else decoded = !!encoding;
  } else if (chunk instanceof Buffer) {
    // as is
  } else if (ArrayBuffer.isView(chunk)) {
    chunk = toBuffer(chunk);
  } else if (chunk !== undefined) {
    invalidChunk(stream, chunk);
    return false;
  }

  if (!chunk || chunk.length <= 0) {
    // An empty chunk ends this _read() without adding anything.
    state[kState] &= ~kReading;
    maybeReadMore(stream, state);
    return canPushMore(state);
  }
  if ((state[kState] & kEnded) !== 0) {
    errorOrDestroy(stream, new ERR_STREAM_PUSH_AFTER_EOF());
    return false;
  }
  if ((state[kState] & (kDestroyed | kErrored)) !== 0) return false;

  state[kState] &= ~kReading;
  if ((state[kState] & kDecoder) !== 0 && !decoded) {
    chunk = state[kDecoderValue].write(chunk);
    if (chunk.length === 0) {
      maybeReadMore(stream, state);
      return canPushMore(state);
    }
  }
  addChunk(stream, state, chunk, false);
  return canPushMore(state);
}

function pushObject(stream, state, chunk, encoding) {
  if (chunk === null) return pushEOF(stream, state);
  if ((state[kState] & kEnded) !== 0) {
    errorOrDestroy(stream, new ERR_STREAM_PUSH_AFTER_EOF());
    return false;
  }
  if ((state[kState] & (kDestroyed | kErrored)) !== 0) return false;

  state[kState] &= ~kReading;
  if ((state[kState] & kDecoder) !== 0 && !encoding) chunk = state[kDecoderValue].write(chunk);
  addChunk(stream, state, chunk, false);
  return canPushMore(state);
}

function unshiftBytes(stream, state, chunk, encoding) {
  if (chunk === null) return pushEOF(stream, state);

  if (typeof chunk === 'string') {
    encoding = encoding || state.defaultEncoding;
    if (state.encoding !== encoding) {
      // The buffer holds strings in the stream's encoding when it has one.
      chunk = state.encoding ?
        Buffer.from(chunk, encoding).toString(state.encoding) :
        Buffer.from(chunk, encoding);
    }
  } else if (ArrayBuffer.isView(chunk)) {
    chunk = toBuffer(chunk);
  } else if (chunk !== undefined) {
    invalidChunk(stream, chunk);
    return false;
  }

  if (!chunk || chunk.length <= 0) return canPushMore(state);
  return unshiftChunk(stream, state, chunk);
}

function unshiftChunk(stream, state, chunk) {
  if (chunk === null) return pushEOF(stream, state);
  if ((state[kState] & kEndEmitted) !== 0) {
    errorOrDestroy(stream, new ERR_STREAM_UNSHIFT_AFTER_END_EVENT());
  } else if ((state[kState] & (kDestroyed | kErrored)) !== 0) {
    return false;
  } else {
    addChunk(stream, state, chunk, true);
  }
  return canPushMore(state);
}

// Below the highWaterMark (or empty, which matters for highWaterMark 0) and not at EOF.
function canPushMore(state) {
  return (state[kState] & kEnded) === 0 &&
    (state.length < state.highWaterMark || state.length === 0);
}

function addChunk(stream, state, chunk, toFront) {
  if ((state[kState] & (kFlowing | kSync | kDataListening)) === (kFlowing | kDataListening) &&
      state.length === 0) {
    // Flowing with nothing queued: straight to the listeners.
    if ((state[kState] & kMultiAwaitDrain) !== 0) state.awaitDrainWriters.clear();
    else state.awaitDrainWriters = null;
    state[kState] |= kDataEmitted;
    stream.emit('data', chunk);
  } else {
    state.length += (state[kState] & kObjectMode) !== 0 ? 1 : chunk.length;
    if (!toFront) {
      state.buffer.push(chunk);
    } else if (state.bufferIndex > 0) {
      state.buffer[--state.bufferIndex] = chunk;
    } else {
      state.buffer.unshift(chunk);
    }
    if ((state[kState] & kNeedReadable) !== 0) emitReadable(stream);
  }
  maybeReadMore(stream, state);
}

function onEofChunk(stream, state) {
  if ((state[kState] & kEnded) !== 0) return;
  if ((state[kState] & kDecoder) !== 0) {
    const rest = state[kDecoderValue].end();
    if (rest && rest.length) {
      state.buffer.push(rest);
      state.length += (state[kState] & kObjectMode) !== 0 ? 1 : rest.length;
    }
  }
  state[kState] |= kEnded;

  if ((state[kState] & kSync) !== 0) {
    // Inside _read(): emitting now could start reading again from within read().
    emitReadable(stream);
  } else {
    // Emitted synchronously: some modules rely on it.
    state[kState] = (state[kState] & ~kNeedReadable) | kEmittedReadable;
    emitReadable_(stream);
  }
}

// --- Taking data out ---------------------------------------------------------------------------

Readable.prototype.isPaused = function () {
  const s = this._readableState[kState];
  return (s & kPaused) !== 0 || (s & (kHasFlowing | kFlowing)) === kHasFlowing;
};

Readable.prototype.setEncoding = function (enc) {
  const state = this._readableState;
  const decoder = new StringDecoder(enc);
  state.decoder = decoder;
  // setEncoding(null) means utf8.
  state.encoding = decoder.encoding;

  // Whatever is queued is converted too.
  let content = '';
  const buffer = state.buffer;
  for (let i = state.bufferIndex; i < buffer.length; i++) content += decoder.write(buffer[i]);
  buffer.length = 0;
  state.bufferIndex = 0;
  if (content !== '') buffer.push(content);
  state.length = content.length;
  return this;
};

// read(n) beyond the highWaterMark raises it to the next power of two (at most 1 GiB).
const MAX_HWM = 0x40000000;
function computeNewHighWaterMark(n) {
  if (n > MAX_HWM) throw new ERR_OUT_OF_RANGE('size', '<= 1GiB', n);
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

// How much read(n) can return now.
function howMuchToRead(n, state) {
  if (n <= 0 || (state.length === 0 && (state[kState] & kEnded) !== 0)) return 0;
  if ((state[kState] & kObjectMode) !== 0) return 1;
  if (Number.isNaN(n)) {
    // read() while flowing hands out one chunk at a time; otherwise everything.
    if ((state[kState] & kFlowing) !== 0 && state.length) return state.buffer[state.bufferIndex].length;
    return state.length;
  }
  if (n <= state.length) return n;
  return (state[kState] & kEnded) !== 0 ? state.length : 0;
}

Readable.prototype.read = function (n) {
  if (n === undefined) n = NaN;
  else if (!Number.isInteger(n)) n = Number.parseInt(n, 10);
  const state = this._readableState;
  const nOrig = n;

  if (n > state.highWaterMark) state.highWaterMark = computeNewHighWaterMark(n);
  if (n !== 0) state[kState] &= ~kEmittedReadable;

  // read(0) with enough buffered (or at EOF) only makes sure 'readable'/'end' comes.
  if (n === 0 && (state[kState] & kNeedReadable) !== 0 &&
      ((state.highWaterMark !== 0 ? state.length >= state.highWaterMark : state.length > 0) ||
       (state[kState] & kEnded) !== 0)) {
    if (state.length === 0 && (state[kState] & kEnded) !== 0) endReadable(this);
    else emitReadable(this);
    return null;
  }

  n = howMuchToRead(n, state);

  if (n === 0 && (state[kState] & kEnded) !== 0) {
    if (state.length === 0) endReadable(this);
    return null;
  }

  // Ask _read() for more if a 'readable' is awaited or the buffer would drop below the
  // highWaterMark — unless reading already, ended, destroyed, errored or constructing.
  // _read() may push synchronously, so the amount to return is recomputed after it.
  let doRead = (state[kState] & kNeedReadable) !== 0 ||
    state.length === 0 || state.length - n < state.highWaterMark;
  if ((state[kState] & (kReading | kEnded | kDestroyed | kErrored | kConstructed)) !== kConstructed) {
    doRead = false;
  } else if (doRead) {
    state[kState] |= kReading | kSync;
    if (state.length === 0) state[kState] |= kNeedReadable;
    try {
      this._read(state.highWaterMark);
    } catch (err) {
      errorOrDestroy(this, err);
    }
    state[kState] &= ~kSync;
    if ((state[kState] & kReading) === 0) n = howMuchToRead(nOrig, state);
  }

  const ret = n > 0 ? fromList(n, state) : null;

  if (ret === null) {
    if (state.length <= state.highWaterMark) state[kState] |= kNeedReadable;
    n = 0;
  } else {
    state.length -= n;
    if ((state[kState] & kMultiAwaitDrain) !== 0) state.awaitDrainWriters.clear();
    else state.awaitDrainWriters = null;
  }

  if (state.length === 0) {
    // Empty: the next chunk should announce itself.
    if ((state[kState] & kEnded) === 0) state[kState] |= kNeedReadable;
    // Asked past EOF: 'end' is due.
    if (nOrig !== n && (state[kState] & kEnded) !== 0) endReadable(this);
  }

  if (ret !== null && (state[kState] & (kErrorEmitted | kCloseEmitted)) === 0) {
    state[kState] |= kDataEmitted;
    this.emit('data', ret);
  }
  return ret;
};

// Takes n bytes (one object in object mode) off the front of the buffer.
function fromList(n, state) {
  if (state.length === 0) return null;

  const buf = state.buffer;
  const len = buf.length;
  let idx = state.bufferIndex;
  let ret;

  if ((state[kState] & kObjectMode) !== 0) {
    ret = buf[idx];
    buf[idx++] = null;
  } else if (!n || n >= state.length) {
    // Everything.
    if ((state[kState] & kDecoder) !== 0) {
      ret = '';
      while (idx < len) {
        ret += buf[idx];
        buf[idx++] = null;
      }
    } else if (len - idx === 0) {
      ret = Buffer.alloc(0);
    } else if (len - idx === 1) {
      ret = buf[idx];
      buf[idx++] = null;
    } else {
      ret = Buffer.allocUnsafe(state.length);
      let at = 0;
      while (idx < len) {
        ret.set(buf[idx], at);
        at += buf[idx].length;
        buf[idx++] = null;
      }
    }
  } else if (n < buf[idx].length) {
    // Part of the first chunk (slice works for strings and buffers).
    ret = buf[idx].slice(0, n);
    buf[idx] = buf[idx].slice(n);
  } else if (n === buf[idx].length) {
    ret = buf[idx];
    buf[idx++] = null;
  } else if ((state[kState] & kDecoder) !== 0) {
    // Strings spanning several chunks.
    ret = '';
    while (idx < len) {
      const str = buf[idx];
      if (n > str.length) {
        ret += str;
        n -= str.length;
        buf[idx++] = null;
      } else {
        if (n === buf.length) {
          ret += str;
          buf[idx++] = null;
        } else {
          ret += str.slice(0, n);
          buf[idx] = str.slice(n);
        }
        break;
      }
    }
  } else {
    // Bytes spanning several chunks.
    ret = Buffer.allocUnsafe(n);
    const total = n;
    while (idx < len) {
      const data = buf[idx];
      if (n > data.length) {
        ret.set(data, total - n);
        n -= data.length;
        buf[idx++] = null;
      } else {
        if (n === data.length) {
          ret.set(data, total - n);
          buf[idx++] = null;
        } else {
          ret.set(new FastBuffer(data.buffer, data.byteOffset, n), total - n);
          buf[idx] = new FastBuffer(data.buffer, data.byteOffset + n, data.length - n);
        }
        break;
      }
    }
  }

  // Consumed slots are dropped when all is read, or in bulk once there are many.
  if (idx === len) {
    buf.length = 0;
    state.bufferIndex = 0;
  } else if (idx > 1024) {
    buf.splice(0, idx);
    state.bufferIndex = 0;
  } else {
    state.bufferIndex = idx;
  }
  return ret;
}

// --- 'readable', flowing, reading ahead --------------------------------------------------------

// 'readable' is emitted on the next tick, so that a read() inside _read() cannot recurse.
function emitReadable(stream) {
  const state = stream._readableState;
  state[kState] &= ~kNeedReadable;
  if ((state[kState] & kEmittedReadable) === 0) {
    state[kState] |= kEmittedReadable;
    process.nextTick(emitReadable_, stream);
  }
}

function emitReadable_(stream) {
  const state = stream._readableState;
  if ((state[kState] & (kDestroyed | kErrored)) === 0 &&
      (state.length || (state[kState] & kEnded) !== 0)) {
    stream.emit('readable');
    state[kState] &= ~kEmittedReadable;
  }
  // Another 'readable' is wanted later unless flowing (flow() takes over), ended, or full.
  if ((state[kState] & (kFlowing | kEnded)) === 0 && state.length <= state.highWaterMark) {
    state[kState] |= kNeedReadable;
  }
  flow(stream);
}

// After data came in, keep reading ahead on the next tick while below the highWaterMark.
function maybeReadMore(stream, state) {
  if ((state[kState] & (kReadingMore | kConstructed)) === kConstructed) {
    state[kState] |= kReadingMore;
    process.nextTick(maybeReadMore_, stream, state);
  }
}

function maybeReadMore_(stream, state) {
  // Read while nothing is pending and not ended, and the buffer is below the highWaterMark
  // (or empty while flowing — otherwise a fresh 'data' listener would wait forever).
  while ((state[kState] & (kReading | kEnded)) === 0 &&
         (state.length < state.highWaterMark ||
          ((state[kState] & kFlowing) !== 0 && state.length === 0))) {
    const before = state.length;
    stream.read(0);
    if (before === state.length) break; // nothing came, stop
  }
  state[kState] &= ~kReadingMore;
}

Readable.prototype._read = function (n) {
  throw new ERR_METHOD_NOT_IMPLEMENTED('_read()');
};

function flow(stream) {
  const state = stream._readableState;
  while ((state[kState] & kFlowing) !== 0 && stream.read() !== null);
}

// --- pipe --------------------------------------------------------------------------------------

Readable.prototype.pipe = function (dest, pipeOpts) {
  const src = this;
  const state = this._readableState;

  // From the second destination on, the drains awaited are kept in a Set.
  if (state.pipes.length === 1 && (state[kState] & kMultiAwaitDrain) === 0) {
    state[kState] |= kMultiAwaitDrain;
    state.awaitDrainWriters = new Set(state.awaitDrainWriters ? [state.awaitDrainWriters] : []);
  }
  state.pipes.push(dest);

  const doEnd = (!pipeOpts || pipeOpts.end !== false) &&
    dest !== process.stdout && dest !== process.stderr;
  const endFn = doEnd ? onend : unpipe;
  if ((state[kState] & kEndEmitted) !== 0) process.nextTick(endFn);
  else src.once('end', endFn);

  let ondrain;
  let cleanedUp = false;

  function onunpipe(readable, unpipeInfo) {
    if (readable === src && unpipeInfo && unpipeInfo.hasUnpiped === false) {
      unpipeInfo.hasUnpiped = true;
      cleanup();
    }
  }

  function onend() {
    dest.end();
  }

  function cleanup() {
    dest.removeListener('close', onclose);
    dest.removeListener('finish', onfinish);
    if (ondrain) dest.removeListener('drain', ondrain);
    dest.removeListener('error', onerror);
    dest.removeListener('unpipe', onunpipe);
    src.removeListener('end', onend);
    src.removeListener('end', unpipe);
    src.removeListener('data', ondata);
    cleanedUp = true;
    // If the source waits for this destination's 'drain', stop waiting; when unsure
    // (dest is not a node Writable), assume it does.
    if (ondrain && state.awaitDrainWriters &&
        (!dest._writableState || dest._writableState.needDrain)) {
      ondrain();
    }
  }

  function pause() {
    // dest may have been unpiped during its write(); then don't stay paused for it.
    if (!cleanedUp) {
      if (state.pipes.length === 1 && state.pipes[0] === dest) {
        state.awaitDrainWriters = dest;
        state[kState] &= ~kMultiAwaitDrain;
      } else if (state.pipes.length > 1 && state.pipes.includes(dest)) {
        state.awaitDrainWriters.add(dest);
      }
      src.pause();
    }
    if (!ondrain) {
      ondrain = pipeOnDrain(src, dest);
      dest.on('drain', ondrain);
    }
  }

  function ondata(chunk) {
    if (dest.write(chunk) === false) pause();
  }

  // An error on dest stops the piping; it is still thrown if nobody else listens.
  function onerror(er) {
    unpipe();
    dest.removeListener('error', onerror);
    if (dest.listenerCount('error') === 0) {
      const s = dest._writableState || dest._readableState;
      if (s && !s.errorEmitted) {
        // Someone emitted 'error' on dest by hand.
        errorOrDestroy(dest, er);
      } else {
        dest.emit('error', er);
      }
    }
  }

  // 'close' or 'finish' on dest unpipes it, once.
  function onclose() {
    dest.removeListener('finish', onfinish);
    unpipe();
  }
  function onfinish() {
    dest.removeListener('close', onclose);
    unpipe();
  }
  function unpipe() {
    src.unpipe(dest);
  }

  dest.on('unpipe', onunpipe);
  src.on('data', ondata);
  prependListener(dest, 'error', onerror); // before any user listener
  dest.once('close', onclose);
  dest.once('finish', onfinish);

  dest.emit('pipe', src);

  if (dest.writableNeedDrain === true) pause();
  else if ((state[kState] & kFlowing) === 0) src.resume();

  return dest;
};

function pipeOnDrain(src, dest) {
  return function pipeOnDrainFunctionResult() {
    const state = src._readableState;
    if (state.awaitDrainWriters === dest) {
      state.awaitDrainWriters = null;
    } else if ((state[kState] & kMultiAwaitDrain) !== 0) {
      state.awaitDrainWriters.delete(dest);
    }
    if ((!state.awaitDrainWriters || state.awaitDrainWriters.size === 0) &&
        (state[kState] & kDataListening) !== 0) {
      src.resume();
    }
  };
}

Readable.prototype.unpipe = function (dest) {
  const state = this._readableState;
  if (state.pipes.length === 0) return this;

  if (!dest) {
    const dests = state.pipes;
    state.pipes = [];
    this.pause();
    for (let i = 0; i < dests.length; i++) dests[i].emit('unpipe', this, { hasUnpiped: false });
    return this;
  }

  const index = state.pipes.indexOf(dest);
  if (index === -1) return this;
  state.pipes.splice(index, 1);
  if (state.pipes.length === 0) this.pause();
  dest.emit('unpipe', this, { hasUnpiped: false });
  return this;
};

// --- Listeners switch modes --------------------------------------------------------------------

Readable.prototype.on = function (ev, fn) {
  const res = Stream.prototype.on.call(this, ev, fn);
  const state = this._readableState;

  if (ev === 'data') {
    state[kState] |= kDataListening;
    // Keep readableListening current so that a pending once('readable') blocks resume().
    if (this.listenerCount('readable') > 0) state[kState] |= kReadableListening;
    // A 'data' listener starts the flow unless the stream was paused explicitly.
    if ((state[kState] & (kHasFlowing | kFlowing)) !== kHasFlowing) this.resume();
  } else if (ev === 'readable') {
    if ((state[kState] & (kEndEmitted | kReadableListening)) === 0) {
      state[kState] = (state[kState] | kReadableListening | kNeedReadable | kHasFlowing) &
        ~(kFlowing | kEmittedReadable);
      if (state.length) emitReadable(this);
      else if ((state[kState] & kReading) === 0) process.nextTick(nReadingNextTick, this);
    }
  }
  return res;
};
Readable.prototype.addListener = Readable.prototype.on;

Readable.prototype.removeListener = function (ev, fn) {
  const state = this._readableState;
  const res = Stream.prototype.removeListener.call(this, ev, fn);
  if (ev === 'readable') {
    // Re-evaluated on the next tick, so that once('readable') loops keep working.
    process.nextTick(updateReadableListening, this);
  } else if (ev === 'data' && this.listenerCount('data') === 0) {
    state[kState] &= ~kDataListening;
  }
  return res;
};
Readable.prototype.off = Readable.prototype.removeListener;

Readable.prototype.removeAllListeners = function (ev) {
  const res = Reflect.apply(Stream.prototype.removeAllListeners, this, arguments);
  if (ev === 'readable' || ev === undefined) process.nextTick(updateReadableListening, this);
  return res;
};

function updateReadableListening(self) {
  const state = self._readableState;
  if (self.listenerCount('readable') > 0) state[kState] |= kReadableListening;
  else state[kState] &= ~kReadableListening;

  if ((state[kState] & (kHasPaused | kPaused | kResumeScheduled)) === (kHasPaused | kResumeScheduled)) {
    // A resume() is pending: let it flow.
    state[kState] |= kHasFlowing | kFlowing;
  } else if ((state[kState] & kDataListening) !== 0) {
    self.resume();
  } else if ((state[kState] & kReadableListening) === 0) {
    state[kState] &= ~(kHasFlowing | kFlowing);
  }
}

function nReadingNextTick(self) {
  self.read(0);
}

// --- resume() and pause() --------------------------------------------------------------------

Readable.prototype.resume = function () {
  const state = this._readableState;
  if ((state[kState] & kFlowing) === 0) {
    // With a 'readable' listener, resume() does not start the flow (but is remembered).
    state[kState] |= kHasFlowing;
    if ((state[kState] & kReadableListening) === 0) state[kState] |= kFlowing;
    else state[kState] &= ~kFlowing;
    if ((state[kState] & kResumeScheduled) === 0) {
      state[kState] |= kResumeScheduled;
      process.nextTick(resume_, this, state);
    }
  }
  state[kState] = (state[kState] | kHasPaused) & ~kPaused;
  return this;
};

function resume_(stream, state) {
  if ((state[kState] & kReading) === 0) stream.read(0);
  state[kState] &= ~kResumeScheduled;
  stream.emit('resume');
  flow(stream);
  if ((state[kState] & (kFlowing | kReading)) === kFlowing) stream.read(0);
}

Readable.prototype.pause = function () {
  const state = this._readableState;
  if ((state[kState] & (kHasFlowing | kFlowing)) !== kHasFlowing) {
    state[kState] = (state[kState] | kHasFlowing) & ~kFlowing;
    this.emit('pause');
  }
  state[kState] |= kHasPaused | kPaused;
  return this;
};

// --- wrap(): an old-style stream as the data source ---------------------------------------------

Readable.prototype.wrap = function (stream) {
  let paused = false;

  stream.on('data', (chunk) => {
    if (!this.push(chunk) && stream.pause) {
      paused = true;
      stream.pause();
    }
  });
  stream.on('end', () => {
    this.push(null);
  });
  stream.on('error', (err) => {
    errorOrDestroy(this, err);
  });
  stream.on('close', () => {
    this.destroy();
  });
  stream.on('destroy', () => {
    this.destroy();
  });

  this._read = () => {
    if (paused && stream.resume) {
      paused = false;
      stream.resume();
    }
  };

  // Methods of the wrapped stream we lack are proxied (the first own key is skipped, as node).
  const keys = Object.keys(stream);
  for (let j = 1; j < keys.length; j++) {
    const key = keys[j];
    if (this[key] === undefined && typeof stream[key] === 'function') {
      this[key] = stream[key].bind(stream);
    }
  }
  return this;
};

// --- Async iteration ---------------------------------------------------------------------------

Readable.prototype[Symbol.asyncIterator] = function () {
  return streamToAsyncIterator(this);
};

Readable.prototype.iterator = function (options) {
  if (options !== undefined) validateObject(options, 'options');
  return streamToAsyncIterator(this, options);
};

function streamToAsyncIterator(stream, options) {
  if (typeof stream.read !== 'function') stream = Readable.wrap(stream, { objectMode: true });
  const iter = createAsyncIterator(stream, options);
  iter.stream = stream;
  return iter;
}

async function* createAsyncIterator(stream, options) {
  // The pending next(): resolved by 'readable' or by the end of the stream.
  let wake = nop;
  function next(resolve) {
    if (this === stream) {
      wake();
      wake = nop;
    } else {
      wake = resolve;
    }
  }

  stream.on('readable', next);

  // undefined: still going; null: ended cleanly; otherwise the error.
  let error;
  const cleanup = eos(stream, { writable: false }, (err) => {
    error = err ? aggregateTwoErrors(error, err) : null;
    wake();
    wake = nop;
  });

  try {
    while (true) {
      const chunk = stream.destroyed ? null : stream.read();
      if (chunk !== null) {
        yield chunk;
      } else if (error) {
        throw error;
      } else if (error === null) {
        return;
      } else {
        await new Promise(next);
      }
    }
  } catch (err) {
    error = aggregateTwoErrors(error, err);
    throw error;
  } finally {
    // Leaving early (break, return, throw) destroys the stream unless destroyOnReturn is false.
    if ((error || (options && options.destroyOnReturn) !== false) &&
        (error === undefined || stream._readableState.autoDestroy)) {
      destroyImpl.destroyer(stream, null);
    } else {
      stream.off('readable', next);
      cleanup();
    }
  }
}

// --- Properties --------------------------------------------------------------------------------

function rsGetter(get) {
  return { __proto__: null, enumerable: false, get };
}

Object.defineProperties(Readable.prototype, {
  readable: {
    __proto__: null,
    get() {
      const r = this._readableState;
      // r.readable === false: the readable side of a Duplex was switched off.
      return !!r && r.readable !== false && !r.destroyed && !r.errorEmitted && !r.endEmitted;
    },
    set(val) {
      if (this._readableState) this._readableState.readable = !!val;
    },
  },
  readableDidRead: rsGetter(function () { return this._readableState.dataEmitted; }),
  readableAborted: rsGetter(function () {
    const r = this._readableState;
    return !!(r.readable !== false && (r.destroyed || r.errored) && !r.endEmitted);
  }),
  readableHighWaterMark: rsGetter(function () { return this._readableState.highWaterMark; }),
  readableBuffer: rsGetter(function () {
    return this._readableState && this._readableState.buffer;
  }),
  readableFlowing: {
    __proto__: null,
    enumerable: false,
    get() { return this._readableState.flowing; },
    set(value) {
      if (this._readableState) this._readableState.flowing = value;
    },
  },
  readableLength: rsGetter(function () { return this._readableState.length; }),
  readableObjectMode: rsGetter(function () {
    return this._readableState ? this._readableState.objectMode : false;
  }),
  readableEncoding: rsGetter(function () {
    return this._readableState ? this._readableState.encoding : null;
  }),
  errored: rsGetter(function () {
    return this._readableState ? this._readableState.errored : null;
  }),
  closed: {
    __proto__: null,
    get() { return this._readableState ? this._readableState.closed : false; },
  },
  destroyed: {
    __proto__: null,
    enumerable: false,
    get() { return this._readableState ? this._readableState.destroyed : false; },
    set(value) {
      // Ignored before the state exists; otherwise the user manages it explicitly.
      if (this._readableState) this._readableState.destroyed = value;
    },
  },
  readableEnded: rsGetter(function () {
    return this._readableState ? this._readableState.endEmitted : false;
  }),
});

// --- The end -----------------------------------------------------------------------------------

function endReadable(stream) {
  const state = stream._readableState;
  if ((state[kState] & kEndEmitted) === 0) {
    state[kState] |= kEnded;
    process.nextTick(endReadableNT, state, stream);
  }
}

function endReadableNT(state, stream) {
  // A last unshift() may have refilled the buffer.
  if ((state[kState] & (kErrored | kCloseEmitted | kEndEmitted)) !== 0 || state.length !== 0) return;
  state[kState] |= kEndEmitted;
  stream.emit('end');

  if (stream.writable && stream.allowHalfOpen === false) {
    process.nextTick(endWritableNT, stream);
  } else if (state.autoDestroy) {
    // A Duplex is destroyed once its writable side is finished too (or switched off).
    const w = stream._writableState;
    if (!w || (w.autoDestroy && (w.finished || w.writable === false))) stream.destroy();
  }
}

function endWritableNT(stream) {
  if (stream.writable && !stream.writableEnded && !stream.destroyed) stream.end();
}

// Exposed for node's own tests.
Readable._fromList = fromList;

Readable.from = function (iterable, opts) {
  from ??= require('internal/streams/from');
  return from(Readable, iterable, opts);
};

// Web stream interop lives in internal/webstreams/adapters.
Readable.fromWeb = function (readableStream, options) {
  return lazyWebStreams().newStreamReadableFromReadableStream(readableStream, options);
};

Readable.toWeb = function (streamReadable, options) {
  return lazyWebStreams().newReadableStreamFromStreamReadable(streamReadable, options);
};

// A Readable reading from an old-style stream (wrap()), destroying it along.
Readable.wrap = function (src, options) {
  return new Readable({
    objectMode: src.readableObjectMode ?? src.objectMode ?? true,
    ...options,
    destroy(err, callback) {
      destroyImpl.destroyer(src, err);
      callback(err);
    },
  }).wrap(src);
};
