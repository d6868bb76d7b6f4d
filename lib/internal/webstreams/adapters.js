'use strict';
// Conversions between node streams and web streams: Readable.toWeb/fromWeb,
// Writable.toWeb/fromWeb and Duplex.toWeb/fromWeb.

const {
  AbortError,
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_STREAM_PREMATURE_CLOSE,
  },
} = require('internal/errors');
const { ReadableStream, isReadableStream } = require('internal/webstreams/readablestream');
const { WritableStream, isWritableStream } = require('internal/webstreams/writablestream');
const { CountQueuingStrategy, ByteLengthQueuingStrategy } = require('internal/webstreams/queuingstrategies');
const { createDeferredPromise } = require('internal/webstreams/util');
const { validateObject, validateBoolean } = require('internal/validators');

// node:stream is loaded on first use, so stream/web does not pull it in.
let streamModule;
let streamUtils;
function lazyStream() {
  if (streamModule === undefined) {
    streamModule = require('stream');
    streamUtils = require('internal/streams/utils');
  }
  return streamModule;
}

function lazyUtils() {
  lazyStream();
  return streamUtils;
}

let encoder;
function encodeUtf8(text) {
  if (encoder === undefined) encoder = new (require('internal/encoding').TextEncoder)();
  return encoder.encode(text);
}

function validateEncoding(encoding) {
  if (encoding !== undefined && !require('buffer').Buffer.isEncoding(encoding)) {
    // node passes the arguments the other way round, so the message names the encoding.
    throw new ERR_INVALID_ARG_VALUE(encoding, 'options.encoding');
  }
}

// A premature close of the node stream reaches the web side as an AbortError.
function adaptFinishError(error) {
  if (error?.code === 'ERR_STREAM_PREMATURE_CLOSE') return new AbortError(undefined, { cause: error });
  return error;
}

// Runs a node stream callback from a promise reaction; a throw escapes to the next tick.
function callbackFrom(callback, onThrow) {
  return (error) => {
    try {
      callback(error);
    } catch (thrown) {
      process.nextTick(() => onThrow(thrown));
    }
  };
}

// A string written to a byte-mode adapter becomes its bytes.
function toBytes(chunk, encoding) {
  const enc = `${encoding}`.toLowerCase();
  if (encoding === undefined || enc === 'utf8' || enc === 'utf-8') return encodeUtf8(chunk);
  const buf = require('buffer').Buffer.from(chunk, encoding);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

// write/writev/final for a node Writable or Duplex that writes through a web writer.
function writerMethods(writer, getStream, isClosed, decodeStrings, objectMode) {
  const { destroy } = lazyStream();
  return {
    writev(chunks, callback) {
      const done = (errors) => {
        const list = errors.filter((e) => e);
        callbackFrom(callback, (e) => destroy(getStream(), e))(list.length === 0 ? undefined : list);
      };
      writer.ready.then(
        () => Promise.all(chunks.map((data) => writer.write(data.chunk))).then(done, done),
        done);
    },

    write(chunk, encoding, callback) {
      if (typeof chunk === 'string' && decodeStrings && !objectMode) chunk = toBytes(chunk, encoding);
      const done = (error) => {
        try {
          callback(error);
        } catch (thrown) {
          destroy(getStream(), thrown);
        }
      };
      writer.ready.then(() => writer.write(chunk).then(done, done), done);
    },

    final(callback) {
      const done = callbackFrom(callback, (e) => destroy(getStream(), e));
      if (!isClosed()) writer.close().then(done, done);
    },
  };
}

function rethrowLater(callback, error) {
  try {
    callback(error);
  } catch (thrown) {
    process.nextTick(() => { throw thrown; });
  }
}

function newWritableStreamFromStreamWritable(streamWritable) {
  // Any writable-looking object (a Writable, a Duplex, an http.OutgoingMessage) is accepted; one
  // that is no longer writable gives a closed WritableStream.
  if (!streamWritable || typeof streamWritable.write !== 'function' || typeof streamWritable.on !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('streamWritable', 'stream.Writable', streamWritable);
  }
  const { destroy, finished } = lazyStream();
  const { isDestroyed, isWritable, isWritableEnded } = lazyUtils();
  if (isDestroyed(streamWritable) || !isWritable(streamWritable)) {
    const writable = new WritableStream();
    writable.close();
    return writable;
  }

  const highWaterMark = streamWritable.writableHighWaterMark;
  const strategy = streamWritable.writableObjectMode ?
    new CountQueuingStrategy({ highWaterMark }) : { highWaterMark };

  let controller;
  let backpressure;
  let closed;

  const cleanup = finished(streamWritable, (error) => {
    error = adaptFinishError(error);
    cleanup();
    // Legacy streams may emit 'error' again after finishing.
    streamWritable.on('error', () => {});
    if (error != null) {
      if (backpressure !== undefined) backpressure.reject(error);
      if (closed !== undefined) {
        closed.reject(error);
        closed = undefined;
      }
      controller.error(error);
      controller = undefined;
      return;
    }
    if (closed !== undefined) {
      closed.resolve();
      closed = undefined;
      return;
    }
    controller.error(new AbortError());
    controller = undefined;
  });

  streamWritable.on('drain', () => {
    if (backpressure !== undefined) backpressure.resolve();
  });

  return new WritableStream({
    start(c) { controller = c; },

    write(chunk) {
      if (streamWritable.writableNeedDrain || !streamWritable.write(chunk)) {
        backpressure = createDeferredPromise();
        return backpressure.promise.finally(() => { backpressure = undefined; });
      }
    },

    abort(reason) {
      destroy(streamWritable, reason);
    },

    close() {
      if (closed === undefined && !isWritableEnded(streamWritable)) {
        closed = createDeferredPromise();
        streamWritable.end();
        return closed.promise;
      }
      controller = undefined;
      return Promise.resolve();
    },
  }, strategy);
}

function newStreamWritableFromWritableStream(writableStream, options = {}) {
  if (!isWritableStream(writableStream)) {
    throw new ERR_INVALID_ARG_TYPE('writableStream', 'WritableStream', writableStream);
  }
  validateObject(options, 'options');
  const { highWaterMark, decodeStrings = true, objectMode = false, signal } = options;
  validateBoolean(objectMode, 'options.objectMode');
  validateBoolean(decodeStrings, 'options.decodeStrings');
  const { Writable, destroy } = lazyStream();
  const { isWritableEnded } = lazyUtils();

  const writer = writableStream.getWriter();
  let closed = false;

  const writable = new Writable({
    highWaterMark,
    objectMode,
    decodeStrings,
    signal,
    ...writerMethods(writer, () => writable, () => closed, decodeStrings, objectMode),

    destroy(error, callback) {
      const done = () => rethrowLater(callback, error);
      if (!closed) {
        (error != null ? writer.abort(error) : writer.close()).then(done, done);
        return;
      }
      done();
    },
  });

  writer.closed.then(
    () => {
      // The web side closing first ends the node side prematurely.
      closed = true;
      if (!isWritableEnded(writable)) destroy(writable, new ERR_STREAM_PREMATURE_CLOSE());
    },
    (error) => {
      closed = true;
      destroy(writable, error);
    });

  return writable;
}

function newReadableStreamFromStreamReadable(streamReadable, options = {}) {
  // A Duplex that is not readable passes the check and gives a cancelled ReadableStream.
  if (typeof streamReadable?._readableState !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('streamReadable', 'stream.Readable', streamReadable);
  }
  const { destroy, finished } = lazyStream();
  const { isDestroyed, isReadable } = lazyUtils();
  if (isDestroyed(streamReadable) || !isReadable(streamReadable)) {
    const readable = new ReadableStream();
    readable.cancel();
    return readable;
  }

  const objectMode = streamReadable.readableObjectMode;
  const highWaterMark = streamReadable.readableHighWaterMark;
  let strategy = options?.strategy;
  if (!strategy) {
    strategy = objectMode ?
      new CountQueuingStrategy({ highWaterMark }) :
      new ByteLengthQueuingStrategy({ highWaterMark });
  }

  let controller;
  let wasCanceled = false;
  const { Buffer } = require('buffer');

  streamReadable.pause();

  const cleanup = finished(streamReadable, (error) => {
    error = adaptFinishError(error);
    cleanup();
    streamReadable.on('error', () => {});
    if (error) return controller.error(error);
    if (wasCanceled) return;
    controller.close();
  });

  streamReadable.on('data', (chunk) => {
    // A copy, so the chunk does not keep (or detach) a pooled Buffer's memory.
    if (Buffer.isBuffer(chunk) && !objectMode) chunk = new Uint8Array(chunk);
    controller.enqueue(chunk);
    if (controller.desiredSize <= 0) streamReadable.pause();
  });

  return new ReadableStream({
    start(c) { controller = c; },

    pull() { streamReadable.resume(); },

    cancel(reason) {
      wasCanceled = true;
      destroy(streamReadable, reason);
    },
  }, strategy);
}

function newStreamReadableFromReadableStream(readableStream, options = {}) {
  if (!isReadableStream(readableStream)) {
    throw new ERR_INVALID_ARG_TYPE('readableStream', 'ReadableStream', readableStream);
  }
  validateObject(options, 'options');
  const { highWaterMark, encoding, objectMode = false, signal } = options;
  validateEncoding(encoding);
  validateBoolean(objectMode, 'options.objectMode');
  const { Readable, destroy } = lazyStream();

  const reader = readableStream.getReader();
  let closed = false;

  const readable = new Readable({
    objectMode,
    highWaterMark,
    encoding,
    signal,

    read() {
      reader.read().then(
        (result) => {
          if (result.done) readable.push(null);
          else readable.push(result.value);
        },
        (error) => destroy(readable, error));
    },

    destroy(error, callback) {
      const done = () => rethrowLater(callback, error);
      if (!closed) {
        reader.cancel(error).then(done, done);
        return;
      }
      done();
    },
  });

  reader.closed.then(
    () => { closed = true; },
    (error) => {
      closed = true;
      destroy(readable, error);
    });

  return readable;
}

function newReadableWritablePairFromDuplex(duplex) {
  // The sides are checked afterwards: a side that is off gives a closed or cancelled stream.
  if (typeof duplex?._writableState !== 'object' || typeof duplex?._readableState !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('duplex', 'stream.Duplex', duplex);
  }
  const { isDestroyed, isReadable, isWritable } = lazyUtils();
  if (isDestroyed(duplex)) {
    const writable = new WritableStream();
    const readable = new ReadableStream();
    writable.close();
    readable.cancel();
    return { readable, writable };
  }

  const writable = isWritable(duplex) ? newWritableStreamFromStreamWritable(duplex) : new WritableStream();
  if (!isWritable(duplex)) writable.close();
  const readable = isReadable(duplex) ? newReadableStreamFromStreamReadable(duplex) : new ReadableStream();
  if (!isReadable(duplex)) readable.cancel();
  return { writable, readable };
}

function newStreamDuplexFromReadableWritablePair(pair = {}, options = {}) {
  validateObject(pair, 'pair');
  const { readable: readableStream, writable: writableStream } = pair;
  if (!isReadableStream(readableStream)) {
    throw new ERR_INVALID_ARG_TYPE('pair.readable', 'ReadableStream', readableStream);
  }
  if (!isWritableStream(writableStream)) {
    throw new ERR_INVALID_ARG_TYPE('pair.writable', 'WritableStream', writableStream);
  }
  validateObject(options, 'options');
  const {
    allowHalfOpen = false,
    objectMode = false,
    encoding,
    decodeStrings = true,
    highWaterMark,
    signal,
  } = options;
  validateBoolean(objectMode, 'options.objectMode');
  validateEncoding(encoding);
  const { Duplex, destroy } = lazyStream();
  const { isWritableEnded } = lazyUtils();

  const writer = writableStream.getWriter();
  const reader = readableStream.getReader();
  let writableClosed = false;
  let readableClosed = false;

  const duplex = new Duplex({
    allowHalfOpen,
    highWaterMark,
    objectMode,
    encoding,
    decodeStrings,
    signal,
    ...writerMethods(writer, () => duplex, () => writableClosed, decodeStrings, objectMode),

    read() {
      reader.read().then(
        (result) => {
          if (result.done) duplex.push(null);
          else duplex.push(result.value);
        },
        (error) => destroy(duplex, error));
    },

    destroy(error, callback) {
      const done = () => rethrowLater(callback, error);
      async function closeWriter() {
        if (!writableClosed) await writer.abort(error);
      }
      async function closeReader() {
        if (!readableClosed) await reader.cancel(error);
      }
      if (!writableClosed || !readableClosed) {
        Promise.all([closeWriter(), closeReader()]).then(done, done);
        return;
      }
      done();
    },
  });

  writer.closed.then(
    () => {
      writableClosed = true;
      if (!isWritableEnded(duplex)) destroy(duplex, new ERR_STREAM_PREMATURE_CLOSE());
    },
    (error) => {
      writableClosed = true;
      readableClosed = true;
      destroy(duplex, error);
    });

  reader.closed.then(
    () => { readableClosed = true; },
    (error) => {
      writableClosed = true;
      readableClosed = true;
      destroy(duplex, error);
    });

  return duplex;
}

module.exports = {
  newWritableStreamFromStreamWritable,
  newReadableStreamFromStreamReadable,
  newStreamWritableFromWritableStream,
  newStreamReadableFromReadableStream,
  newReadableWritablePairFromDuplex,
  newStreamDuplexFromReadableWritablePair,
};
