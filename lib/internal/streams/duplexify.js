'use strict';
// Duplex.from(body): turns streams, iterables, async generator functions, promises, Blobs,
// web streams and { readable, writable } pairs into one Duplex.

const {
  isReadable,
  isWritable,
  isIterable,
  isNodeStream,
  isReadableNodeStream,
  isWritableNodeStream,
  isDuplexNodeStream,
  isReadableStream,
  isWritableStream,
} = require('internal/streams/utils');
const eos = require('internal/streams/end-of-stream');
const {
  AbortError,
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_RETURN_VALUE },
} = require('internal/errors');
const { destroyer } = require('internal/streams/destroy');
const { runWaiting, forwardWrites, forwardReads, clearWaiting } = require('internal/streams/forward');
const Duplex = require('internal/streams/duplex');
const Readable = require('internal/streams/readable');
const Writable = require('internal/streams/writable');
const from = require('internal/streams/from');
const { isBlob } = require('internal/buffer_blob');
const { AbortController } = require('internal/abort_controller');

// A Duplex whose sides can be switched off through options.readable/writable = false even
// when the options object reaches it through from().
class Duplexify extends Duplex {
  constructor(options) {
    super(options);
    if (options && options.readable === false) {
      const r = this._readableState;
      r.readable = false;
      r.ended = true;
      r.endEmitted = true;
    }
    if (options && options.writable === false) {
      const w = this._writableState;
      w.writable = false;
      w.ending = true;
      w.ended = true;
      w.finished = true;
    }
  }
}

function duplexify(body, name) {
  if (isDuplexNodeStream(body)) return body;
  if (isReadableNodeStream(body)) return fromPair({ readable: body });
  if (isWritableNodeStream(body)) return fromPair({ writable: body });
  if (isNodeStream(body)) return fromPair({ writable: false, readable: false });
  if (isReadableStream(body)) return fromPair({ readable: Readable.fromWeb(body) });
  if (isWritableStream(body)) return fromPair({ writable: Writable.fromWeb(body) });

  if (typeof body === 'function') {
    const { value, write, final, destroy } = fromAsyncGen(body);

    // body may have been a constructor of some Duplex.
    if (isDuplexNodeStream(value)) return value;

    // An async generator function: its input is what is written, its output what is read.
    if (isIterable(value)) {
      return from(Duplexify, value, { objectMode: true, write, final, destroy });
    }

    // An async function: it consumes the input; the Duplex finishes when it resolves.
    const then = value && value.then;
    if (typeof then === 'function') {
      let d;
      const promise = then.call(
        value,
        (val) => {
          if (val != null) throw new ERR_INVALID_RETURN_VALUE('nully', 'body', val);
        },
        (err) => {
          destroyer(d, err);
        },
      );
      d = new Duplexify({
        objectMode: true,
        readable: false,
        write,
        final(cb) {
          final(async () => {
            try {
              await promise;
              process.nextTick(cb, null);
            } catch (err) {
              process.nextTick(cb, err);
            }
          });
        },
        destroy,
      });
      return d;
    }

    throw new ERR_INVALID_RETURN_VALUE('Iterable, AsyncIterable or AsyncFunction', name, value);
  }

  if (isBlob(body)) return duplexify(body.arrayBuffer());

  if (isIterable(body)) {
    return from(Duplexify, body, { objectMode: true, writable: false });
  }

  if (body && isReadableStream(body.readable) && isWritableStream(body.writable)) {
    return Duplexify.fromWeb(body);
  }

  if (body && (typeof body.writable === 'object' || typeof body.readable === 'object')) {
    let readable;
    if (body.readable) {
      readable = isReadableNodeStream(body.readable) ? body.readable : duplexify(body.readable);
    }
    let writable;
    if (body.writable) {
      writable = isWritableNodeStream(body.writable) ? body.writable : duplexify(body.writable);
    }
    return fromPair({ readable, writable });
  }

  // A promise: its value (unless null or undefined) is the one chunk read.
  const then = body && body.then;
  if (typeof then === 'function') {
    let d;
    then.call(
      body,
      (val) => {
        if (val != null) d.push(val);
        d.push(null);
      },
      (err) => {
        destroyer(d, err);
      },
    );
    d = new Duplexify({ objectMode: true, writable: false, read() {} });
    return d;
  }

  throw new ERR_INVALID_ARG_TYPE(
    name,
    ['Blob', 'ReadableStream', 'WritableStream', 'Stream', 'Iterable',
      'AsyncIterable', 'Function', '{ readable, writable } pair', 'Promise'],
    body);
}

function deferred() {
  let resolve;
  const promise = new Promise((res) => { resolve = res; });
  return { promise, resolve };
}

// Calls fn with an async iterable of what gets written to the Duplex; returns fn's result and
// the write/final/destroy implementations feeding that iterable.
function fromAsyncGen(fn) {
  let { promise, resolve } = deferred();
  const ac = new AbortController();
  const signal = ac.signal;

  async function* source() {
    while (true) {
      const current = promise;
      promise = null;
      const { chunk, done, cb } = await current;
      process.nextTick(cb);
      if (done) return;
      if (signal.aborted) throw new AbortError(undefined, { cause: signal.reason });
      ({ promise, resolve } = deferred());
      yield chunk;
    }
  }

  const value = fn(source(), { signal });

  return {
    value,
    write(chunk, encoding, cb) {
      const res = resolve;
      resolve = null;
      res({ chunk, done: false, cb });
    },
    final(cb) {
      const res = resolve;
      resolve = null;
      res({ done: true, cb });
    },
    destroy(err, cb) {
      ac.abort();
      cb(err);
    },
  };
}

// One Duplex in front of a separate readable and writable.
function fromPair(pair) {
  const r = pair.readable && typeof pair.readable.read !== 'function' ?
    Readable.wrap(pair.readable) : pair.readable;
  const w = pair.writable;

  let readable = !!isReadable(r);
  let writable = !!isWritable(w);

  // Callbacks waiting on the inner streams.
  const waiting = { ondrain: null, onfinish: null, onreadable: null };
  let onclose;
  let d;

  function onfinished(err) {
    const cb = onclose;
    onclose = null;
    if (cb) cb(err);
    else if (err) d.destroy(err);
  }

  d = new Duplexify({
    readableObjectMode: !!(r && r.readableObjectMode),
    writableObjectMode: !!(w && w.writableObjectMode),
    readable,
    writable,
  });

  if (writable) {
    eos(w, (err) => {
      writable = false;
      if (err) destroyer(r, err);
      onfinished(err);
    });

    forwardWrites(d, w, waiting);

    w.on('finish', function () {
      runWaiting(waiting, 'onfinish');
    });
  }

  if (readable) {
    eos(r, (err) => {
      readable = false;
      if (err) destroyer(r, err);
      onfinished(err);
    });

    forwardReads(d, r, waiting);
  }

  d._destroy = function (err, callback) {
    if (!err && onclose !== null) err = new AbortError();
    clearWaiting(waiting);
    if (onclose === null) {
      callback(err);
    } else {
      onclose = callback;
      destroyer(w, err);
      destroyer(r, err);
    }
  };

  return d;
}

module.exports = duplexify;
