'use strict';
// Writable streams.
//
// write() hands one chunk at a time to the implementation's _write(chunk, encoding, cb);
// chunks written meanwhile (or while corked, or before _construct() finished) are queued and
// later passed one by one or, when _writev exists, all at once. write() returns false once
// the queued length reaches highWaterMark; 'drain' follows when it is back to zero. end()
// waits for the queue, runs _final(), emits 'prefinish' and 'finish', then (autoDestroy)
// destroy() and 'close'.
//
// The booleans of WritableState are bits of state[kState], as in ReadableState.

module.exports = Writable;
Writable.WritableState = WritableState;

const EE = require('events');
const { Stream } = require('internal/streams/legacy');
const { Buffer } = require('buffer');
const { FastBuffer } = require('internal/buffer');
const destroyImpl = require('internal/streams/destroy');
const eos = require('internal/streams/end-of-stream');
const { addAbortSignal } = require('internal/streams/add-abort-signal');
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
  SymbolAsyncDispose,
} = require('internal/streams/utils');
const {
  AbortError,
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_METHOD_NOT_IMPLEMENTED,
    ERR_MULTIPLE_CALLBACK,
    ERR_STREAM_ALREADY_FINISHED,
    ERR_STREAM_CANNOT_PIPE,
    ERR_STREAM_DESTROYED,
    ERR_STREAM_NULL_VALUES,
    ERR_STREAM_WRITE_AFTER_END,
    ERR_UNKNOWN_ENCODING,
  },
} = require('internal/errors');

const { errorOrDestroy } = destroyImpl;

Object.setPrototypeOf(Writable.prototype, Stream.prototype);
Object.setPrototypeOf(Writable, Stream);

function nop() {}

const kOnFinishedValue = Symbol('kOnFinishedValue');
const kErroredValue = Symbol('kErroredValue');
const kDefaultEncodingValue = Symbol('kDefaultEncodingValue');
const kWriteCbValue = Symbol('kWriteCbValue');
const kAfterWriteTickInfoValue = Symbol('kAfterWriteTickInfoValue');
const kBufferedValue = Symbol('kBufferedValue');

// Writable-only bits (the low ones are shared, see utils.js).
const kSync = 1 << 9; // inside _write(): its callback must defer its effects
const kFinalCalled = 1 << 10;
const kNeedDrain = 1 << 11; // write() returned false; 'drain' is owed
const kEnding = 1 << 12; // end() was called
const kFinished = 1 << 13; // 'finish' was emitted
const kDecodeStrings = 1 << 14; // strings become Buffers before _write()
const kWriting = 1 << 15; // a _write()/_writev() is in progress
const kBufferProcessing = 1 << 16; // clearBuffer() is running
const kPrefinished = 1 << 17;
const kAllBuffers = 1 << 18; // every queued chunk is a Buffer
const kAllNoop = 1 << 19; // no queued chunk has a callback
const kOnFinished = 1 << 20; // end() callbacks are waiting
const kHasWritable = 1 << 21; // `writable` was set explicitly...
const kWritable = 1 << 22; // ...to this
const kCorked = 1 << 23;
const kDefaultUTF8Encoding = 1 << 24;
const kWriteCb = 1 << 25; // the write in progress has a callback
const kExpectWriteCb = 1 << 26; // _write()'s callback has not been called yet
const kAfterWriteTickInfo = 1 << 27;
const kAfterWritePending = 1 << 28; // an afterWrite() is queued
const kBuffered = 1 << 29; // the queue array exists
const kEnded = 1 << 30; // end() returned

// A property that holds a value when its bit is set, `empty` otherwise. Unlike utils'
// valueProperty, a falsy value is stored too, so the old callback or tick info is let go.
function releasingValueProperty(bit, key, empty) {
  return {
    __proto__: null,
    enumerable: false,
    get() { return (this[kState] & bit) !== 0 ? this[key] : empty; },
    set(value) {
      this[key] = value;
      if (value) this[kState] |= bit;
      else this[kState] &= ~bit;
    },
  };
}

Object.defineProperties(WritableState.prototype, {
  objectMode: bitProperty(kObjectMode),
  finalCalled: bitProperty(kFinalCalled),
  needDrain: bitProperty(kNeedDrain),
  ending: bitProperty(kEnding),
  ended: bitProperty(kEnded),
  finished: bitProperty(kFinished),
  destroyed: bitProperty(kDestroyed),
  decodeStrings: bitProperty(kDecodeStrings),
  writing: bitProperty(kWriting),
  sync: bitProperty(kSync),
  bufferProcessing: bitProperty(kBufferProcessing),
  constructed: bitProperty(kConstructed),
  prefinished: bitProperty(kPrefinished),
  errorEmitted: bitProperty(kErrorEmitted),
  emitClose: bitProperty(kEmitClose),
  autoDestroy: bitProperty(kAutoDestroy),
  closed: bitProperty(kClosed),
  closeEmitted: bitProperty(kCloseEmitted),
  allBuffers: bitProperty(kAllBuffers),
  allNoop: bitProperty(kAllNoop),
  errored: valueProperty(kErrored, kErroredValue, null),
  // undefined unless set: false switches the writable side of a Duplex off.
  writable: {
    __proto__: null,
    enumerable: false,
    get() {
      if ((this[kState] & kHasWritable) === 0) return undefined;
      return (this[kState] & kWritable) !== 0;
    },
    set(value) {
      if (value == null) this[kState] &= ~(kHasWritable | kWritable);
      else if (value) this[kState] |= kHasWritable | kWritable;
      else this[kState] = (this[kState] | kHasWritable) & ~kWritable;
    },
  },
  defaultEncoding: defaultEncodingProperty(kDefaultUTF8Encoding, kDefaultEncodingValue),
  // The callback of the write in progress.
  writecb: releasingValueProperty(kWriteCb, kWriteCbValue, nop),
  // Callbacks of synchronously completed writes, run together on the next tick.
  afterWriteTickInfo: releasingValueProperty(kAfterWriteTickInfo, kAfterWriteTickInfoValue, null),
  // The queue: entries { chunk, encoding, callback }, the live ones from bufferedIndex on.
  buffered: {
    __proto__: null,
    enumerable: false,
    get() { return (this[kState] & kBuffered) !== 0 ? this[kBufferedValue] : []; },
    set(value) {
      this[kBufferedValue] = value;
      if (value) this[kState] |= kBuffered;
      else this[kState] &= ~kBuffered;
    },
  },
  bufferedRequestCount: {
    __proto__: null,
    get() {
      return (this[kState] & kBuffered) === 0 ? 0 : this[kBufferedValue].length - this.bufferedIndex;
    },
  },
});

function WritableState(options, stream, isDuplex) {
  this[kState] = kSync | kConstructed | kEmitClose | kAutoDestroy;
  if (options && (options.objectMode || (isDuplex && options.writableObjectMode))) {
    this[kState] |= kObjectMode;
  }

  // write() returns false once this many bytes (objects) wait. 0 is allowed.
  this.highWaterMark = options ?
    getHighWaterMark(this, options, 'writableHighWaterMark', isDuplex) :
    getDefaultHighWaterMark(false);

  if (!options || options.decodeStrings !== false) this[kState] |= kDecodeStrings;
  if (options && options.emitClose === false) this[kState] &= ~kEmitClose;
  if (options && options.autoDestroy === false) this[kState] &= ~kAutoDestroy;

  this.defaultEncoding = defaultEncodingOption(options);

  // Bytes (objects) written but not yet confirmed by _write()'s callback.
  this.length = 0;
  this.corked = 0;
  // The callback given to _write(); one per stream, no allocation per write.
  this.onwrite = onwrite.bind(undefined, stream);
  this.writelen = 0;
  resetBuffer(this);
  // Write callbacks not yet called; 'finish' waits for zero.
  this.pendingcb = 0;
}

function resetBuffer(state) {
  state[kBufferedValue] = null;
  state.bufferedIndex = 0;
  state[kState] = (state[kState] | kAllBuffers | kAllNoop) & ~kBuffered;
}

WritableState.prototype.getBuffer = function getBuffer() {
  return (this[kState] & kBuffered) === 0 ? [] : this.buffered.slice(this.bufferedIndex);
};

WritableState.prototype[kOnConstructed] = function onConstructed(stream) {
  if ((this[kState] & kWriting) === 0) clearBuffer(stream, this);
  if ((this[kState] & kEnding) !== 0) finishMaybe(stream, this);
};

function Writable(options) {
  if (!(this instanceof Writable)) return new Writable(options);

  this._events ??= {
    close: undefined,
    error: undefined,
    prefinish: undefined,
    finish: undefined,
    drain: undefined,
  };

  this._writableState = new WritableState(options, this, false);

  if (options) {
    if (typeof options.write === 'function') this._write = options.write;
    if (typeof options.writev === 'function') this._writev = options.writev;
    if (typeof options.destroy === 'function') this._destroy = options.destroy;
    if (typeof options.final === 'function') this._final = options.final;
    if (typeof options.construct === 'function') this._construct = options.construct;
    if (options.signal) addAbortSignal(options.signal, this);
  }

  Stream.call(this, options);

  if (this._construct != null) {
    destroyImpl.construct(this, () => {
      this._writableState[kOnConstructed](this);
    });
  }
}

// A Duplex counts as a Writable: `instanceof Writable` also accepts anything whose
// _writableState is a WritableState.
Object.defineProperty(Writable, Symbol.hasInstance, {
  __proto__: null,
  value: function (object) {
    if (Function.prototype[Symbol.hasInstance].call(this, object)) return true;
    if (this !== Writable) return false;
    return !!object && object._writableState instanceof WritableState;
  },
});

// Writables cannot be piped from.
Writable.prototype.pipe = function () {
  errorOrDestroy(this, new ERR_STREAM_CANNOT_PIPE());
};

// Shared by write() and end(chunk): returns true/false like write(), or the error it reported.
function writeChunk(stream, chunk, encoding, cb) {
  const state = stream._writableState;
  if (typeof cb !== 'function') cb = nop;
  if (chunk === null) throw new ERR_STREAM_NULL_VALUES();

  if ((state[kState] & kObjectMode) === 0) {
    if (!encoding) {
      encoding = (state[kState] & kDefaultUTF8Encoding) !== 0 ? 'utf8' : state.defaultEncoding;
    } else if (encoding !== 'buffer' && !Buffer.isEncoding(encoding)) {
      throw new ERR_UNKNOWN_ENCODING(encoding);
    }

    if (typeof chunk === 'string') {
      if ((state[kState] & kDecodeStrings) !== 0) {
        chunk = Buffer.from(chunk, encoding);
        encoding = 'buffer';
      }
    } else if (chunk instanceof Buffer) {
      encoding = 'buffer';
    } else if (ArrayBuffer.isView(chunk)) {
      chunk = new FastBuffer(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      encoding = 'buffer';
    } else {
      throw new ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'TypedArray', 'DataView'], chunk);
    }
  }

  let err;
  if ((state[kState] & kEnding) !== 0) err = new ERR_STREAM_WRITE_AFTER_END();
  else if ((state[kState] & kDestroyed) !== 0) err = new ERR_STREAM_DESTROYED('write');
  if (err) {
    process.nextTick(cb, err);
    errorOrDestroy(stream, err, true);
    return err;
  }

  state.pendingcb++;
  return writeOrBuffer(stream, state, chunk, encoding, cb);
}

Writable.prototype.write = function (chunk, encoding, cb) {
  if (typeof encoding === 'function') {
    cb = encoding;
    encoding = null;
  }
  return writeChunk(this, chunk, encoding, cb) === true;
};

Writable.prototype.cork = function () {
  const state = this._writableState;
  state[kState] |= kCorked;
  state.corked++;
};

Writable.prototype.uncork = function () {
  const state = this._writableState;
  if (state.corked) {
    state.corked--;
    if (!state.corked) state[kState] &= ~kCorked;
    if ((state[kState] & kWriting) === 0) clearBuffer(this, state);
  }
};

Writable.prototype.setDefaultEncoding = function setDefaultEncoding(encoding) {
  if (typeof encoding === 'string') encoding = encoding.toLowerCase();
  if (!Buffer.isEncoding(encoding)) throw new ERR_UNKNOWN_ENCODING(encoding);
  this._writableState.defaultEncoding = encoding;
  return this;
};

// Writes now if nothing is in the way, queues otherwise.
function writeOrBuffer(stream, state, chunk, encoding, callback) {
  const len = (state[kState] & kObjectMode) !== 0 ? 1 : chunk.length;
  state.length += len;

  if ((state[kState] & (kWriting | kErrored | kCorked | kConstructed)) !== kConstructed) {
    if ((state[kState] & kBuffered) === 0) {
      state[kState] |= kBuffered;
      state[kBufferedValue] = [];
    }
    state[kBufferedValue].push({ chunk, encoding, callback });
    if (encoding !== 'buffer') state[kState] &= ~kAllBuffers;
    if (callback !== nop) state[kState] &= ~kAllNoop;
  } else {
    state.writelen = len;
    if (callback !== nop) state.writecb = callback;
    state[kState] |= kWriting | kSync | kExpectWriteCb;
    stream._write(chunk, encoding, state.onwrite);
    state[kState] &= ~kSync;
  }

  const ret = state.length < state.highWaterMark || state.length === 0;
  if (!ret) state[kState] |= kNeedDrain;
  // false after an error or destroy, to stop `while (stream.write(x))` loops.
  return ret && (state[kState] & (kDestroyed | kErrored)) === 0;
}

function doWrite(stream, state, writev, len, chunk, encoding, cb) {
  state.writelen = len;
  if (cb !== nop) state.writecb = cb;
  state[kState] |= kWriting | kSync | kExpectWriteCb;
  if ((state[kState] & kDestroyed) !== 0) state.onwrite(new ERR_STREAM_DESTROYED('write'));
  else if (writev) stream._writev(chunk, state.onwrite);
  else stream._write(chunk, encoding, state.onwrite);
  state[kState] &= ~kSync;
}

function onwriteError(stream, state, er, cb) {
  --state.pendingcb;
  cb(er);
  // Queued writes fail too (even without autoDestroy); 'error' comes after the callback.
  errorBuffer(state);
  errorOrDestroy(stream, er);
}

// The callback _write() calls when a chunk is done.
function onwrite(stream, er) {
  const state = stream._writableState;

  if ((state[kState] & kExpectWriteCb) === 0) {
    errorOrDestroy(stream, new ERR_MULTIPLE_CALLBACK());
    return;
  }

  const sync = (state[kState] & kSync) !== 0;
  const cb = (state[kState] & kWriteCb) !== 0 ? state[kWriteCbValue] : nop;

  state.writecb = null;
  state[kState] &= ~(kWriting | kExpectWriteCb);
  state.length -= state.writelen;
  state.writelen = 0;

  if (er) {
    if ((state[kState] & kErrored) === 0) {
      state[kErroredValue] = er;
      state[kState] |= kErrored;
    }
    // A Duplex's readable side learns of it too.
    if (stream._readableState && !stream._readableState.errored) {
      stream._readableState.errored = er;
    }
    if (sync) process.nextTick(onwriteError, stream, state, er, cb);
    else onwriteError(stream, state, er, cb);
    return;
  }

  if ((state[kState] & kBuffered) !== 0) clearBuffer(stream, state);

  if (!sync) {
    afterWrite(stream, state, 1, cb);
    return;
  }

  // Completed synchronously: callbacks and 'drain' wait for the next tick. Consecutive
  // writes with the same callback share one tick. (Node tests `kDestroyed !== 0` with the
  // precedence of `&` against `!==`, i.e. the object-mode bit; kept for identical timing.)
  const needDrain = (state[kState] & kNeedDrain) !== 0 && state.length === 0;
  const needTick = needDrain || (state[kState] & kObjectMode) !== 0 || cb !== nop;

  if (cb === nop) {
    if ((state[kState] & kAfterWritePending) === 0 && needTick) {
      process.nextTick(afterWrite, stream, state, 1, cb);
      state[kState] |= kAfterWritePending;
    } else {
      state.pendingcb--;
      if ((state[kState] & kEnding) !== 0) finishMaybe(stream, state, true);
    }
  } else if ((state[kState] & kAfterWriteTickInfo) !== 0 &&
             state[kAfterWriteTickInfoValue].cb === cb) {
    state[kAfterWriteTickInfoValue].count++;
  } else if (needTick) {
    state[kAfterWriteTickInfoValue] = { count: 1, cb, stream, state };
    process.nextTick(afterWriteTick, state[kAfterWriteTickInfoValue]);
    state[kState] |= kAfterWritePending | kAfterWriteTickInfo;
  } else {
    state.pendingcb--;
    if ((state[kState] & kEnding) !== 0) finishMaybe(stream, state, true);
  }
}

function afterWriteTick(info) {
  const state = info.state;
  state[kState] &= ~kAfterWriteTickInfo;
  state[kAfterWriteTickInfoValue] = null;
  return afterWrite(info.stream, state, info.count, info.cb);
}

function afterWrite(stream, state, count, cb) {
  state[kState] &= ~kAfterWritePending;

  if ((state[kState] & (kEnding | kNeedDrain | kDestroyed)) === kNeedDrain && state.length === 0) {
    state[kState] &= ~kNeedDrain;
    stream.emit('drain');
  }

  while (count-- > 0) {
    state.pendingcb--;
    cb(null);
  }

  if ((state[kState] & kDestroyed) !== 0) errorBuffer(state);
  if ((state[kState] & kEnding) !== 0) finishMaybe(stream, state, true);
}

// Fails every queued write and end() callback (after destroy or an error).
function errorBuffer(state) {
  if ((state[kState] & kWriting) !== 0) return;

  if ((state[kState] & kBuffered) !== 0) {
    const buffered = state[kBufferedValue];
    for (let i = state.bufferedIndex; i < buffered.length; ++i) {
      const { chunk, callback } = buffered[i];
      state.length -= (state[kState] & kObjectMode) !== 0 ? 1 : chunk.length;
      callback(state.errored ?? new ERR_STREAM_DESTROYED('write'));
    }
  }
  callFinishedCallbacks(state, state.errored ?? new ERR_STREAM_DESTROYED('end'));
  resetBuffer(state);
}

// Writes out what was queued, through _writev() when there are several chunks and it exists.
function clearBuffer(stream, state) {
  if ((state[kState] & (kDestroyed | kBufferProcessing | kCorked | kBuffered | kConstructed)) !==
      (kBuffered | kConstructed)) {
    return;
  }

  const objectMode = (state[kState] & kObjectMode) !== 0;
  const buffered = state[kBufferedValue];
  const start = state.bufferedIndex;
  const count = buffered.length - start;
  if (!count) return;

  state[kState] |= kBufferProcessing;
  if (count > 1 && stream._writev) {
    state.pendingcb -= count - 1;
    const allNoop = (state[kState] & kAllNoop) !== 0;
    const callback = allNoop ? nop : (err) => {
      for (let i = start; i < buffered.length; ++i) buffered[i].callback(err);
    };
    // The callback above reads the array, so _writev gets a copy unless none is needed.
    const chunks = allNoop && start === 0 ? buffered : buffered.slice(start);
    chunks.allBuffers = (state[kState] & kAllBuffers) !== 0;
    doWrite(stream, state, true, state.length, chunks, '', callback);
    resetBuffer(state);
  } else {
    let i = start;
    do {
      const { chunk, encoding, callback } = buffered[i];
      buffered[i++] = null;
      doWrite(stream, state, false, objectMode ? 1 : chunk.length, chunk, encoding, callback);
    } while (i < buffered.length && (state[kState] & kWriting) === 0);

    if (i === buffered.length) {
      resetBuffer(state);
    } else if (i > 256) {
      buffered.splice(0, i);
      state.bufferedIndex = 0;
    } else {
      state.bufferedIndex = i;
    }
  }
  state[kState] &= ~kBufferProcessing;
}

Writable.prototype._write = function (chunk, encoding, cb) {
  if (this._writev) this._writev([{ chunk, encoding }], cb);
  else throw new ERR_METHOD_NOT_IMPLEMENTED('_write()');
};

Writable.prototype._writev = null;

Writable.prototype.end = function (chunk, encoding, cb) {
  const state = this._writableState;

  if (typeof chunk === 'function') {
    cb = chunk;
    chunk = null;
    encoding = null;
  } else if (typeof encoding === 'function') {
    cb = encoding;
    encoding = null;
  }

  let err;
  if (chunk != null) {
    const ret = writeChunk(this, chunk, encoding);
    if (ret instanceof Error) err = ret;
  }

  // end() uncorks completely.
  if ((state[kState] & kCorked) !== 0) {
    state.corked = 1;
    this.uncork();
  }

  if (err) {
    // Already reported by write.
  } else if ((state[kState] & (kEnding | kErrored)) === 0) {
    // Calling end() twice is forgiven.
    state[kState] |= kEnding;
    finishMaybe(this, state, true);
    state[kState] |= kEnded;
  } else if ((state[kState] & kFinished) !== 0) {
    err = new ERR_STREAM_ALREADY_FINISHED('end');
  } else if ((state[kState] & kDestroyed) !== 0) {
    err = new ERR_STREAM_DESTROYED('end');
  }

  if (typeof cb === 'function') {
    if (err) {
      process.nextTick(cb, err);
    } else if ((state[kState] & kErrored) !== 0) {
      process.nextTick(cb, state[kErroredValue]);
    } else if ((state[kState] & kFinished) !== 0) {
      process.nextTick(cb, null);
    } else {
      state[kState] |= kOnFinished;
      state[kOnFinishedValue] ??= [];
      state[kOnFinishedValue].push(cb);
    }
  }
  return this;
};

// Ending, constructed, nothing queued or in flight, and not already finished/failed.
function needFinish(state) {
  return (state[kState] & (kEnding | kDestroyed | kConstructed | kFinished | kWriting |
    kErrorEmitted | kCloseEmitted | kErrored | kBuffered)) === (kEnding | kConstructed) &&
    state.length === 0;
}

// _final()'s callback.
function onFinal(stream, state, err) {
  if ((state[kState] & kPrefinished) !== 0) {
    errorOrDestroy(stream, err ?? new ERR_MULTIPLE_CALLBACK());
    return;
  }
  state.pendingcb--;
  if (err) {
    callFinishedCallbacks(state, err);
    errorOrDestroy(stream, err, (state[kState] & kSync) !== 0);
  } else if (needFinish(state)) {
    state[kState] |= kPrefinished;
    stream.emit('prefinish');
    // 'finish' stays asynchronous relative to _final's callback; some streams rely on it.
    state.pendingcb++;
    process.nextTick(finish, stream, state);
  }
}

function prefinish(stream, state) {
  if ((state[kState] & (kPrefinished | kFinalCalled)) !== 0) return;

  if (typeof stream._final === 'function' && (state[kState] & kDestroyed) === 0) {
    state[kState] |= kFinalCalled | kSync;
    state.pendingcb++;
    try {
      stream._final((err) => onFinal(stream, state, err));
    } catch (err) {
      onFinal(stream, state, err);
    }
    state[kState] &= ~kSync;
  } else {
    state[kState] |= kFinalCalled | kPrefinished;
    stream.emit('prefinish');
  }
}

function finishMaybe(stream, state, sync) {
  if (!needFinish(state)) return;
  prefinish(stream, state);
  if (state.pendingcb !== 0) return;
  if (sync) {
    state.pendingcb++;
    process.nextTick(finishIfStillDue, stream, state);
  } else if (needFinish(state)) {
    state.pendingcb++;
    finish(stream, state);
  }
}

function finishIfStillDue(stream, state) {
  if (needFinish(state)) finish(stream, state);
  else state.pendingcb--;
}

function finish(stream, state) {
  state.pendingcb--;
  state[kState] |= kFinished;
  callFinishedCallbacks(state, null);
  stream.emit('finish');

  if ((state[kState] & kAutoDestroy) !== 0) {
    // A Duplex is destroyed once its readable side has ended too (or is switched off).
    const r = stream._readableState;
    if (!r || (r.autoDestroy && (r.endEmitted || r.readable === false))) stream.destroy();
  }
}

function callFinishedCallbacks(state, err) {
  if ((state[kState] & kOnFinished) === 0) return;
  const callbacks = state[kOnFinishedValue];
  state[kOnFinishedValue] = null;
  state[kState] &= ~kOnFinished;
  for (let i = 0; i < callbacks.length; i++) callbacks[i](err);
}

function wsGetter(get) {
  return { __proto__: null, get };
}

Object.defineProperties(Writable.prototype, {
  closed: wsGetter(function () {
    const state = this._writableState;
    return state ? (state[kState] & kClosed) !== 0 : false;
  }),
  destroyed: {
    __proto__: null,
    get() {
      const state = this._writableState;
      return state ? (state[kState] & kDestroyed) !== 0 : false;
    },
    set(value) {
      const state = this._writableState;
      if (!state) return;
      if (value) state[kState] |= kDestroyed;
      else state[kState] &= ~kDestroyed;
    },
  },
  writable: {
    __proto__: null,
    get() {
      const w = this._writableState;
      // w.writable === false: the writable side of a Duplex was switched off.
      return !!w && w.writable !== false &&
        (w[kState] & (kEnding | kEnded | kDestroyed | kErrored)) === 0;
    },
    set(val) {
      if (this._writableState) this._writableState.writable = !!val;
    },
  },
  writableFinished: wsGetter(function () {
    const state = this._writableState;
    return state ? (state[kState] & kFinished) !== 0 : false;
  }),
  writableObjectMode: wsGetter(function () {
    const state = this._writableState;
    return state ? (state[kState] & kObjectMode) !== 0 : false;
  }),
  writableBuffer: wsGetter(function () {
    const state = this._writableState;
    return state && state.getBuffer();
  }),
  writableEnded: wsGetter(function () {
    const state = this._writableState;
    return state ? (state[kState] & kEnding) !== 0 : false;
  }),
  writableNeedDrain: wsGetter(function () {
    const state = this._writableState;
    return state ? (state[kState] & (kDestroyed | kEnding | kNeedDrain)) === kNeedDrain : false;
  }),
  writableHighWaterMark: wsGetter(function () {
    const state = this._writableState;
    return state && state.highWaterMark;
  }),
  writableCorked: wsGetter(function () {
    const state = this._writableState;
    return state ? state.corked : 0;
  }),
  writableLength: wsGetter(function () {
    const state = this._writableState;
    return state && state.length;
  }),
  errored: {
    __proto__: null,
    enumerable: false,
    get() {
      const state = this._writableState;
      return state ? state.errored : null;
    },
  },
  writableAborted: wsGetter(function () {
    const state = this._writableState;
    return (state[kState] & (kHasWritable | kWritable)) !== kHasWritable &&
      (state[kState] & (kDestroyed | kErrored)) !== 0 &&
      (state[kState] & kFinished) === 0;
  }),
});

const destroy = destroyImpl.destroy;
Writable.prototype.destroy = function (err, cb) {
  const state = this._writableState;
  // Pending write and end() callbacks get their error on the next tick.
  if ((state[kState] & (kBuffered | kOnFinished)) !== 0 && (state[kState] & kDestroyed) === 0) {
    process.nextTick(errorBuffer, state);
  }
  destroy.call(this, err, cb);
  return this;
};

Writable.prototype._undestroy = destroyImpl.undestroy;
Writable.prototype._destroy = function (err, cb) {
  cb(err);
};

Writable.prototype[EE.captureRejectionSymbol] = function (err) {
  this.destroy(err);
};

Writable.fromWeb = function (writableStream, options) {
  return lazyWebStreams().newStreamWritableFromWritableStream(writableStream, options);
};

Writable.toWeb = function (streamWritable) {
  return lazyWebStreams().newWritableStreamFromStreamWritable(streamWritable);
};

Writable.prototype[SymbolAsyncDispose] = function () {
  let error;
  if (!this.destroyed) {
    error = this.writableFinished ? null : new AbortError();
    this.destroy(error);
  }
  return new Promise((resolve, reject) => {
    eos(this, (err) => (err && err.name !== 'AbortError' ? reject(err) : resolve(null)));
  });
};
