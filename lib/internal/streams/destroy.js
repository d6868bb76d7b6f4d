'use strict';
// Tearing streams down: destroy() (shared by Readable, Writable and Duplex), the 'error' then
// 'close' emission that follows it, errorOrDestroy() for internal failures, _construct()
// handling, and destroyer() which destroys anything stream-like (legacy streams, requests).

const {
  AbortError,
  codes: { ERR_MULTIPLE_CALLBACK },
} = require('internal/errors');
const {
  aggregateTwoErrors,
  kIsDestroyed,
  isDestroyed,
  isFinished,
  isServerRequest,
  kState,
  kErrorEmitted,
  kEmitClose,
  kClosed,
  kCloseEmitted,
  kConstructed,
  kDestroyed,
  kAutoDestroy,
  kErrored,
} = require('internal/streams/utils');

// Events used internally: the end of _construct(), and a destroy() waiting for it.
const kDestroy = Symbol('kDestroy');
const kConstruct = Symbol('kConstruct');

function isSet(state, bit) {
  return state != null && (state[kState] & bit) !== 0;
}

// Records err as the stream's error on each side that has none yet.
function recordError(err, w, r) {
  if (!err) return;
  if (w && !w.errored) w.errored = err;
  if (r && !r.errored) r.errored = err;
}

// stream.destroy(err, cb): marks both sides destroyed right away (so re-entrant calls are
// no-ops), then runs _destroy() — after _construct() finished, if that is still running.
function destroy(err, cb) {
  const r = this._readableState;
  const w = this._writableState;

  if (isSet(w, kDestroyed) || isSet(r, kDestroyed)) {
    if (typeof cb === 'function') cb();
    return this;
  }

  recordError(err, w, r);
  if (w) w[kState] |= kDestroyed;
  if (r) r[kState] |= kDestroyed;

  const s = w || r;
  if ((s[kState] & kConstructed) === 0) {
    this.once(kDestroy, function (er) {
      runDestroy(this, aggregateTwoErrors(er, err), cb);
    });
  } else {
    runDestroy(this, err, cb);
  }
  return this;
}

function runDestroy(stream, err, cb) {
  let done = false;
  const onDestroyed = (er) => {
    if (done) return;
    done = true;
    const r = stream._readableState;
    const w = stream._writableState;
    recordError(er, w, r);
    if (w) w[kState] |= kClosed;
    if (r) r[kState] |= kClosed;
    if (typeof cb === 'function') cb(er);
    if (er) process.nextTick(emitErrorCloseNT, stream, er);
    else process.nextTick(emitCloseNT, stream);
  };
  try {
    stream._destroy(err || null, onDestroyed);
  } catch (e) {
    onDestroyed(e);
  }
}

function emitErrorCloseNT(stream, err) {
  emitErrorNT(stream, err);
  emitCloseNT(stream);
}

function emitCloseNT(stream) {
  const r = stream._readableState;
  const w = stream._writableState;
  if (w) w[kState] |= kCloseEmitted;
  if (r) r[kState] |= kCloseEmitted;
  if (isSet(w, kEmitClose) || isSet(r, kEmitClose)) stream.emit('close');
}

// 'error' is emitted at most once per stream.
function emitErrorNT(stream, err) {
  const r = stream._readableState;
  const w = stream._writableState;
  if (isSet(w, kErrorEmitted) || isSet(r, kErrorEmitted)) return;
  if (w) w[kState] |= kErrorEmitted;
  if (r) r[kState] |= kErrorEmitted;
  stream.emit('error', err);
}

// stream._undestroy(): back to a fresh state (used by streams that can be reopened).
function undestroy() {
  const r = this._readableState;
  const w = this._writableState;
  if (r) {
    r.constructed = true;
    r.closed = false;
    r.closeEmitted = false;
    r.destroyed = false;
    r.errored = null;
    r.errorEmitted = false;
    r.reading = false;
    r.ended = r.readable === false;
    r.endEmitted = r.readable === false;
  }
  if (w) {
    w.constructed = true;
    w.destroyed = false;
    w.closed = false;
    w.closeEmitted = false;
    w.errored = null;
    w.errorEmitted = false;
    w.finalCalled = false;
    w.prefinished = false;
    w.ended = w.writable === false;
    w.ending = w.writable === false;
    w.finished = w.writable === false;
  }
}

// An internal failure: with autoDestroy the stream is destroyed with err; otherwise err is
// recorded and 'error' emitted (now, or on the next tick when sync).
function errorOrDestroy(stream, err, sync) {
  const r = stream._readableState;
  const w = stream._writableState;

  const destroyed = (s) => s && (s[kState] ? (s[kState] & kDestroyed) !== 0 : s.destroyed);
  if (destroyed(w) || destroyed(r)) return this;

  if (isSet(r, kAutoDestroy) || isSet(w, kAutoDestroy)) {
    stream.destroy(err);
  } else if (err) {
    if (w && (w[kState] & kErrored) === 0) w.errored = err;
    if (r && (r[kState] & kErrored) === 0) r.errored = err;
    if (sync) process.nextTick(emitErrorNT, stream, err);
    else emitErrorNT(stream, err);
  }
}

// Runs stream._construct() on the next tick; until its callback, the stream is not
// 'constructed' and reads, writes and destroy wait. cb runs when construction succeeded.
function construct(stream, cb) {
  if (typeof stream._construct !== 'function') return;
  const r = stream._readableState;
  const w = stream._writableState;
  if (r) r[kState] &= ~kConstructed;
  if (w) w[kState] &= ~kConstructed;

  stream.once(kConstruct, cb);
  // A Duplex registers once per side but constructs once.
  if (stream.listenerCount(kConstruct) > 1) return;
  process.nextTick(constructNT, stream);
}

function constructNT(stream) {
  let called = false;
  function onConstructed(err) {
    if (called) {
      errorOrDestroy(stream, err ?? new ERR_MULTIPLE_CALLBACK());
      return;
    }
    called = true;
    const r = stream._readableState;
    const w = stream._writableState;
    if (r) r[kState] |= kConstructed;
    if (w) w[kState] |= kConstructed;
    if ((w || r).destroyed) stream.emit(kDestroy, err);
    else if (err) errorOrDestroy(stream, err, true);
    else stream.emit(kConstruct);
  }
  try {
    stream._construct((err) => { process.nextTick(onConstructed, err); });
  } catch (err) {
    process.nextTick(onConstructed, err);
  }
}

function isRequest(stream) {
  return stream && stream.setHeader && typeof stream.abort === 'function';
}

function emitCloseLegacy(stream) {
  stream.emit('close');
}

function emitErrorCloseLegacy(stream, err) {
  stream.emit('error', err);
  process.nextTick(emitCloseLegacy, stream);
}

// Destroys whatever stream-like object it is given; an unfinished stream gets an AbortError.
function destroyer(stream, err) {
  if (!stream || isDestroyed(stream)) return;
  if (!err && !isFinished(stream)) err = new AbortError();

  if (isServerRequest(stream)) {
    stream.socket = null;
    stream.destroy(err);
  } else if (isRequest(stream)) {
    stream.abort();
  } else if (isRequest(stream.req)) {
    stream.req.abort();
  } else if (typeof stream.destroy === 'function') {
    stream.destroy(err);
  } else if (typeof stream.close === 'function') {
    stream.close();
  } else if (err) {
    process.nextTick(emitErrorCloseLegacy, stream, err);
  } else {
    process.nextTick(emitCloseLegacy, stream);
  }

  if (!stream.destroyed) stream[kIsDestroyed] = true;
}

module.exports = {
  construct,
  destroyer,
  destroy,
  undestroy,
  errorOrDestroy,
  kDestroy,
  kConstruct,
};
