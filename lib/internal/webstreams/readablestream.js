'use strict';
// ReadableStream with its default and byte controllers, default and BYOB readers, tee, pipeTo,
// async iteration and ReadableStream.from (WHATWG Streams §4).

const {
  AbortError,
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_STATE,
    ERR_INVALID_THIS,
    ERR_OUT_OF_RANGE,
  },
} = require('internal/errors');
const {
  kState,
  kType,
  kInspect,
  kIsDisturbed,
  kIsErrored,
  kIsReadable,
  kIsClosedPromise,
  kControllerErrorFunction,
  AsyncIterator,
  isBrandCheck,
  customInspect,
  defineClassProperties,
  createDeferredPromise,
  settled,
  setPromiseHandled,
  createPromiseCallback,
  validateDictionary,
  extractHighWaterMark,
  extractSizeAlgorithm,
  dequeueValue,
  enqueueValueWithSize,
  resetQueue,
  isDataView,
  viewBuffer,
  viewByteLength,
  viewByteOffset,
  typedArrayLength,
  arrayBufferByteLength,
  isArrayBufferDetached,
  isViewedArrayBufferDetached,
  transferArrayBuffer,
  cloneAsUint8Array,
  copyArrayBuffer,
  getIterator,
  iteratorNext,
  nonOpStart,
  nonOpPull,
  nonOpCancel,
} = require('internal/webstreams/util');
const { validateAbortSignal, validateBuffer } = require('internal/validators');
const {
  WritableStreamDefaultWriter,
  isWritableStream,
  isWritableStreamLocked,
  writableStreamAbort,
  writableStreamCloseQueuedOrInFlight,
  writableStreamDefaultWriterCloseWithErrorPropagation,
  writableStreamDefaultWriterRelease,
  writableStreamDefaultWriterWrite,
} = require('internal/webstreams/writablestream');

const kSkipThrow = Symbol('kSkipThrow');

let DOMExceptionClass;
function lazyDOMException(message, name) {
  if (DOMExceptionClass === undefined) DOMExceptionClass = require('internal/event_target').DOMException;
  return new DOMExceptionClass(message, name);
}

let BufferClass;
function lazyBuffer() {
  if (BufferClass === undefined) BufferClass = require('buffer').Buffer;
  return BufferClass;
}

// The typed array constructors by their tag: what a BYOB read hands back for each view type.
const typedArrayCtors = {
  Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
  Float32Array, Float64Array, BigInt64Array, BigUint64Array,
};
if (typeof Float16Array === 'function') typedArrayCtors.Float16Array = Float16Array;
const getTypedArrayTag = Object.getOwnPropertyDescriptor(
  Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get;

const isReadableStream = isBrandCheck('ReadableStream');
const isReadableStreamDefaultController = isBrandCheck('ReadableStreamDefaultController');
const isReadableByteStreamController = isBrandCheck('ReadableByteStreamController');
const isReadableStreamBYOBRequest = isBrandCheck('ReadableStreamBYOBRequest');
const isReadableStreamDefaultReader = isBrandCheck('ReadableStreamDefaultReader');
const isReadableStreamBYOBReader = isBrandCheck('ReadableStreamBYOBReader');

class ReadableStream {
  [kType] = 'ReadableStream';

  constructor(source = {}, strategy = {}) {
    validateDictionary(source, 'source');
    validateDictionary(strategy, 'strategy', true);
    initReadableStream(this);
    // The strategy is read before the source, as the spec's dictionary conversion does.
    const size = strategy?.size;
    const highWaterMark = strategy?.highWaterMark;
    const type = source.type;
    if (`${type}` === 'bytes') {
      if (size !== undefined) throw new ERR_INVALID_ARG_VALUE.RangeError('strategy.size', size);
      setupByteControllerFromSource(this, source, extractHighWaterMark(highWaterMark, 0));
    } else {
      if (type !== undefined) throw new ERR_INVALID_ARG_VALUE('source.type', type);
      setupDefaultControllerFromSource(this, source, extractHighWaterMark(highWaterMark, 1),
                                       extractSizeAlgorithm(size));
    }
  }

  get [kIsDisturbed]() {
    return this[kState].disturbed;
  }

  get [kIsErrored]() {
    return this[kState].state === 'errored';
  }

  get [kIsReadable]() {
    return this[kState].state === 'readable';
  }

  get locked() {
    if (!isReadableStream(this)) throw new ERR_INVALID_THIS('ReadableStream');
    return isReadableStreamLocked(this);
  }

  static from(iterable) {
    return readableStreamFromIterable(iterable);
  }

  cancel(reason = undefined) {
    if (!isReadableStream(this)) return Promise.reject(new ERR_INVALID_THIS('ReadableStream'));
    if (isReadableStreamLocked(this)) {
      return Promise.reject(new ERR_INVALID_STATE.TypeError('ReadableStream is locked'));
    }
    return readableStreamCancel(this, reason);
  }

  getReader(options = {}) {
    if (!isReadableStream(this)) throw new ERR_INVALID_THIS('ReadableStream');
    validateDictionary(options, 'options', true);
    const mode = options?.mode;
    if (mode === undefined) return new ReadableStreamDefaultReader(this);
    if (`${mode}` !== 'byob') throw new ERR_INVALID_ARG_VALUE('options.mode', mode);
    return new ReadableStreamBYOBReader(this);
  }

  pipeThrough(transform, options = {}) {
    if (!isReadableStream(this)) throw new ERR_INVALID_THIS('ReadableStream');
    const readable = transform?.readable;
    if (!isReadableStream(readable)) {
      throw new ERR_INVALID_ARG_TYPE('transform.readable', 'ReadableStream', readable);
    }
    const writable = transform?.writable;
    if (!isWritableStream(writable)) {
      throw new ERR_INVALID_ARG_TYPE('transform.writable', 'WritableStream', writable);
    }
    const { preventAbort, preventCancel, preventClose, signal } = readPipeOptions(options);
    if (isReadableStreamLocked(this)) throw new ERR_INVALID_STATE.TypeError('The ReadableStream is locked');
    if (isWritableStreamLocked(writable)) throw new ERR_INVALID_STATE.TypeError('The WritableStream is locked');
    const promise = readableStreamPipeTo(this, writable, preventClose, preventAbort, preventCancel, signal);
    setPromiseHandled(promise);
    return readable;
  }

  pipeTo(destination, options = {}) {
    try {
      if (!isReadableStream(this)) throw new ERR_INVALID_THIS('ReadableStream');
      if (!isWritableStream(destination)) {
        throw new ERR_INVALID_ARG_TYPE('transform.writable', 'WritableStream', destination);
      }
      const { preventAbort, preventCancel, preventClose, signal } = readPipeOptions(options);
      if (isReadableStreamLocked(this)) throw new ERR_INVALID_STATE.TypeError('The ReadableStream is locked');
      if (isWritableStreamLocked(destination)) {
        throw new ERR_INVALID_STATE.TypeError('The WritableStream is locked');
      }
      return readableStreamPipeTo(this, destination, preventClose, preventAbort, preventCancel, signal);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  tee() {
    if (!isReadableStream(this)) throw new ERR_INVALID_THIS('ReadableStream');
    return readableStreamTee(this);
  }

  values(options = {}) {
    if (!isReadableStream(this)) throw new ERR_INVALID_THIS('ReadableStream');
    validateDictionary(options, 'options', true);
    return createAsyncIterator(this, !!options?.preventCancel);
  }

  [kInspect](depth, options) {
    return customInspect(depth, options, this[kType], {
      locked: this.locked,
      state: this[kState].state,
      supportsBYOB: isReadableByteStreamController(this[kState].controller),
    });
  }
}

Object.defineProperty(ReadableStream.prototype, Symbol.asyncIterator, {
  value: ReadableStream.prototype.values, writable: true, enumerable: false, configurable: true,
});
defineClassProperties(ReadableStream, ['locked', 'cancel', 'getReader', 'pipeThrough', 'pipeTo', 'tee', 'values']);
Object.defineProperty(ReadableStream, 'from', { enumerable: true });

function readPipeOptions(options) {
  validateDictionary(options, 'options', true);
  const preventAbort = options?.preventAbort;
  const preventCancel = options?.preventCancel;
  const preventClose = options?.preventClose;
  const signal = options?.signal;
  if (signal !== undefined) validateAbortSignal(signal, 'options.signal');
  return { preventAbort: !!preventAbort, preventCancel: !!preventCancel, preventClose: !!preventClose, signal };
}

class ReadableStreamBYOBRequest {
  [kType] = 'ReadableStreamBYOBRequest';

  constructor(skipThrow = undefined) {
    if (skipThrow !== kSkipThrow) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get view() {
    if (!isReadableStreamBYOBRequest(this)) throw new ERR_INVALID_THIS('ReadableStreamBYOBRequest');
    return this[kState].view;
  }

  respond(bytesWritten) {
    if (!isReadableStreamBYOBRequest(this)) throw new ERR_INVALID_THIS('ReadableStreamBYOBRequest');
    const { view, controller } = this[kState];
    if (controller === undefined) {
      throw new ERR_INVALID_STATE.TypeError('This BYOB request has been invalidated');
    }
    if (isArrayBufferDetached(viewBuffer(view))) {
      throw new ERR_INVALID_STATE.TypeError('Viewed ArrayBuffer is detached');
    }
    byteControllerRespond(controller, bytesWritten);
  }

  respondWithNewView(view) {
    if (!isReadableStreamBYOBRequest(this)) throw new ERR_INVALID_THIS('ReadableStreamBYOBRequest');
    const { controller } = this[kState];
    if (controller === undefined) {
      throw new ERR_INVALID_STATE.TypeError('This BYOB request has been invalidated');
    }
    validateBuffer(view, 'view');
    if (isViewedArrayBufferDetached(view)) {
      throw new ERR_INVALID_STATE.TypeError('Viewed ArrayBuffer is detached');
    }
    byteControllerRespondWithNewView(controller, view);
  }

  [kInspect](depth, options) {
    return customInspect(depth, options, this[kType], {
      view: this.view,
      controller: this[kState].controller,
    });
  }
}

defineClassProperties(ReadableStreamBYOBRequest, ['view', 'respond', 'respondWithNewView']);

function createBYOBRequest(controller, view) {
  const request = new ReadableStreamBYOBRequest(kSkipThrow);
  request[kState] = { controller, view };
  return request;
}

// Read requests: what a pending read does when a chunk, the end or an error arrives. One shape
// serves both readers: a default read closes with no value (so `value` is undefined), a BYOB
// read closes with the (empty) view it was given.
function readRequest() {
  const { promise, resolve, reject } = createDeferredPromise();
  return {
    promise,
    chunk(value) { resolve({ value, done: false }); },
    close(value) { resolve({ value, done: true }); },
    error(e) { reject(e); },
  };
}

// The `closed` getter and `cancel()` are the same for both readers but for the brand check.
function readerClosed(reader, isReader, name) {
  if (!isReader(reader)) return Promise.reject(new ERR_INVALID_THIS(name));
  return reader[kState].close.promise;
}

function readerCancel(reader, isReader, name, reason) {
  if (!isReader(reader)) return Promise.reject(new ERR_INVALID_THIS(name));
  if (reader[kState].stream === undefined) {
    return Promise.reject(new ERR_INVALID_STATE.TypeError('The reader is not attached to a stream'));
  }
  return readableStreamCancel(reader[kState].stream, reason);
}

class ReadableStreamDefaultReader {
  [kType] = 'ReadableStreamDefaultReader';

  constructor(stream) {
    if (!isReadableStream(stream)) throw new ERR_INVALID_ARG_TYPE('stream', 'ReadableStream', stream);
    this[kState] = { stream: undefined, readRequests: [], close: undefined };
    setupReadableStreamDefaultReader(this, stream);
  }

  read() {
    if (!isReadableStreamDefaultReader(this)) {
      return Promise.reject(new ERR_INVALID_THIS('ReadableStreamDefaultReader'));
    }
    if (this[kState].stream === undefined) {
      return Promise.reject(new ERR_INVALID_STATE.TypeError('The reader is not attached to a stream'));
    }
    const request = readRequest();
    readableStreamDefaultReaderRead(this, request);
    return request.promise;
  }

  releaseLock() {
    if (!isReadableStreamDefaultReader(this)) throw new ERR_INVALID_THIS('ReadableStreamDefaultReader');
    if (this[kState].stream === undefined) return;
    readableStreamDefaultReaderRelease(this);
  }

  get closed() {
    return readerClosed(this, isReadableStreamDefaultReader, 'ReadableStreamDefaultReader');
  }

  cancel(reason = undefined) {
    return readerCancel(this, isReadableStreamDefaultReader, 'ReadableStreamDefaultReader', reason);
  }

  [kInspect](depth, options) {
    return customInspect(depth, options, this[kType], {
      stream: this[kState].stream,
      readRequests: this[kState].readRequests.length,
      close: this[kState].close.promise,
    });
  }
}

defineClassProperties(ReadableStreamDefaultReader, ['closed', 'read', 'releaseLock', 'cancel']);

class ReadableStreamBYOBReader {
  [kType] = 'ReadableStreamBYOBReader';

  constructor(stream) {
    if (!isReadableStream(stream)) throw new ERR_INVALID_ARG_TYPE('stream', 'ReadableStream', stream);
    this[kState] = { stream: undefined, readIntoRequests: [], close: undefined };
    setupReadableStreamBYOBReader(this, stream);
  }

  async read(view, options = {}) {
    if (!isReadableStreamBYOBReader(this)) throw new ERR_INVALID_THIS('ReadableStreamBYOBReader');
    validateBuffer(view, 'view');
    validateDictionary(options, 'options', true);
    const byteLength = viewByteLength(view);
    if (byteLength === 0 || arrayBufferByteLength(viewBuffer(view)) === 0) {
      throw new ERR_INVALID_STATE.TypeError('View or Viewed ArrayBuffer is zero-length or detached');
    }
    const min = options?.min ?? 1;
    if (typeof min !== 'number') throw new ERR_INVALID_ARG_TYPE('options.min', 'number', min);
    if (!Number.isInteger(min)) throw new ERR_INVALID_ARG_VALUE('options.min', min, 'must be an integer');
    if (min <= 0) throw new ERR_INVALID_ARG_VALUE('options.min', min, 'must be greater than 0');
    if (!isDataView(view)) {
      if (min > typedArrayLength(view)) throw new ERR_OUT_OF_RANGE('options.min', '<= view.length', min);
    } else if (min > byteLength) {
      throw new ERR_OUT_OF_RANGE('options.min', '<= view.byteLength', min);
    }
    if (this[kState].stream === undefined) {
      throw new ERR_INVALID_STATE.TypeError('The reader is not attached to a stream');
    }
    const request = readRequest();
    readableStreamBYOBReaderRead(this, view, min, request);
    return request.promise;
  }

  releaseLock() {
    if (!isReadableStreamBYOBReader(this)) throw new ERR_INVALID_THIS('ReadableStreamBYOBReader');
    if (this[kState].stream === undefined) return;
    readableStreamBYOBReaderRelease(this);
  }

  get closed() {
    return readerClosed(this, isReadableStreamBYOBReader, 'ReadableStreamBYOBReader');
  }

  cancel(reason = undefined) {
    return readerCancel(this, isReadableStreamBYOBReader, 'ReadableStreamBYOBReader', reason);
  }

  [kInspect](depth, options) {
    return customInspect(depth, options, this[kType], {
      stream: this[kState].stream,
      readIntoRequests: this[kState].readIntoRequests.length,
      close: this[kState].close.promise,
    });
  }
}

defineClassProperties(ReadableStreamBYOBReader, ['closed', 'read', 'releaseLock', 'cancel']);

class ReadableStreamDefaultController {
  [kType] = 'ReadableStreamDefaultController';

  constructor(skipThrow = undefined) {
    if (skipThrow !== kSkipThrow) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get desiredSize() {
    if (!isReadableStreamDefaultController(this)) throw new ERR_INVALID_THIS('ReadableStreamDefaultController');
    return controllerGetDesiredSize(this);
  }

  close() {
    if (!isReadableStreamDefaultController(this)) throw new ERR_INVALID_THIS('ReadableStreamDefaultController');
    if (!defaultControllerCanCloseOrEnqueue(this)) {
      throw new ERR_INVALID_STATE.TypeError('Controller is already closed');
    }
    readableStreamDefaultControllerClose(this);
  }

  enqueue(chunk = undefined) {
    if (!isReadableStreamDefaultController(this)) throw new ERR_INVALID_THIS('ReadableStreamDefaultController');
    if (!defaultControllerCanCloseOrEnqueue(this)) {
      throw new ERR_INVALID_STATE.TypeError('Controller is already closed');
    }
    readableStreamDefaultControllerEnqueue(this, chunk);
  }

  error(error = undefined) {
    if (!isReadableStreamDefaultController(this)) throw new ERR_INVALID_THIS('ReadableStreamDefaultController');
    readableStreamDefaultControllerError(this, error);
  }

  [kInspect](depth, options) {
    return customInspect(depth, options, this[kType], {});
  }
}

defineClassProperties(ReadableStreamDefaultController, ['desiredSize', 'close', 'enqueue', 'error']);

class ReadableByteStreamController {
  [kType] = 'ReadableByteStreamController';

  constructor(skipThrow = undefined) {
    if (skipThrow !== kSkipThrow) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get byobRequest() {
    if (!isReadableByteStreamController(this)) throw new ERR_INVALID_THIS('ReadableByteStreamController');
    const state = this[kState];
    if (state.byobRequest === null && state.pendingPullIntos.length > 0) {
      const { buffer, byteOffset, bytesFilled, byteLength } = state.pendingPullIntos[0];
      const view = new Uint8Array(buffer, byteOffset + bytesFilled, byteLength - bytesFilled);
      state.byobRequest = createBYOBRequest(this, view);
    }
    return state.byobRequest;
  }

  get desiredSize() {
    if (!isReadableByteStreamController(this)) throw new ERR_INVALID_THIS('ReadableByteStreamController');
    return controllerGetDesiredSize(this);
  }

  close() {
    if (!isReadableByteStreamController(this)) throw new ERR_INVALID_THIS('ReadableByteStreamController');
    if (this[kState].closeRequested) throw new ERR_INVALID_STATE.TypeError('Controller is already closed');
    if (this[kState].stream[kState].state !== 'readable') {
      throw new ERR_INVALID_STATE.TypeError('ReadableStream is already closed');
    }
    byteControllerClose(this);
  }

  enqueue(chunk) {
    if (!isReadableByteStreamController(this)) throw new ERR_INVALID_THIS('ReadableByteStreamController');
    validateBuffer(chunk);
    if (viewByteLength(chunk) === 0 || arrayBufferByteLength(viewBuffer(chunk)) === 0) {
      throw new ERR_INVALID_STATE.TypeError('chunk ArrayBuffer is zero-length or detached');
    }
    if (this[kState].closeRequested) throw new ERR_INVALID_STATE.TypeError('Controller is already closed');
    if (this[kState].stream[kState].state !== 'readable') {
      throw new ERR_INVALID_STATE.TypeError('ReadableStream is already closed');
    }
    byteControllerEnqueue(this, chunk);
  }

  error(error = undefined) {
    if (!isReadableByteStreamController(this)) throw new ERR_INVALID_THIS('ReadableByteStreamController');
    byteControllerError(this, error);
  }

  [kInspect](depth, options) {
    return customInspect(depth, options, this[kType], {});
  }
}

defineClassProperties(ReadableByteStreamController, ['byobRequest', 'desiredSize', 'close', 'enqueue', 'error']);

// ---- Internal construction

function initReadableStream(stream) {
  stream[kState] = {
    state: 'readable',
    storedError: undefined,
    disturbed: false,
    reader: undefined,
    controller: undefined,
  };
  stream[kIsClosedPromise] = createDeferredPromise();
  stream[kControllerErrorFunction] = () => {};
}

function newInternalStream() {
  const stream = Object.create(ReadableStream.prototype);
  stream[kType] = 'ReadableStream';
  initReadableStream(stream);
  return stream;
}

// A ReadableStream with a default controller driven by internal algorithms.
function createReadableStream(start, pull, cancel, highWaterMark = 1, size = () => 1) {
  const stream = newInternalStream();
  const controller = new ReadableStreamDefaultController(kSkipThrow);
  setupDefaultController(stream, controller, start, pull, cancel, highWaterMark, size);
  return stream;
}

// A byte ReadableStream driven by internal algorithms.
function createReadableByteStream(start, pull, cancel) {
  const stream = newInternalStream();
  const controller = new ReadableByteStreamController(kSkipThrow);
  setupByteController(stream, controller, start, pull, cancel, 0, undefined);
  return stream;
}

// ---- Stream abstract operations

function isReadableStreamLocked(stream) {
  return stream[kState].reader !== undefined;
}

function readableStreamCancel(stream, reason) {
  const state = stream[kState];
  state.disturbed = true;
  if (state.state === 'closed') return Promise.resolve();
  if (state.state === 'errored') return Promise.reject(state.storedError);
  readableStreamClose(stream);
  const { reader } = state;
  if (reader !== undefined && isReadableStreamBYOBReader(reader)) {
    const requests = reader[kState].readIntoRequests;
    reader[kState].readIntoRequests = [];
    for (const request of requests) request.close(undefined);
  }
  const controller = state.controller;
  const result = isReadableByteStreamController(controller) ?
    byteControllerCancelSteps(controller, reason) :
    defaultControllerCancelSteps(controller, reason);
  return result.then(() => {});
}

function readableStreamClose(stream) {
  const state = stream[kState];
  state.state = 'closed';
  stream[kIsClosedPromise].resolve();
  const { reader } = state;
  if (reader === undefined) return;
  reader[kState].close.resolve?.();
  if (isReadableStreamDefaultReader(reader)) {
    const requests = reader[kState].readRequests;
    reader[kState].readRequests = [];
    for (const request of requests) request.close();
  }
}

function readableStreamError(stream, error) {
  const state = stream[kState];
  state.state = 'errored';
  state.storedError = error;
  setPromiseHandled(stream[kIsClosedPromise].promise);
  stream[kIsClosedPromise].reject(error);
  const { reader } = state;
  if (reader === undefined) return;
  setPromiseHandled(reader[kState].close.promise);
  reader[kState].close.reject?.(error);
  if (isReadableStreamDefaultReader(reader)) {
    const requests = reader[kState].readRequests;
    reader[kState].readRequests = [];
    for (const request of requests) request.error(error);
  } else {
    const requests = reader[kState].readIntoRequests;
    reader[kState].readIntoRequests = [];
    for (const request of requests) request.error(error);
  }
}

function readableStreamHasDefaultReader(stream) {
  const { reader } = stream[kState];
  return reader !== undefined && isReadableStreamDefaultReader(reader);
}

function readableStreamHasBYOBReader(stream) {
  const { reader } = stream[kState];
  return reader !== undefined && isReadableStreamBYOBReader(reader);
}

function readableStreamGetNumReadRequests(stream) {
  return stream[kState].reader[kState].readRequests.length;
}

function readableStreamGetNumReadIntoRequests(stream) {
  return stream[kState].reader[kState].readIntoRequests.length;
}

function readableStreamFulfillReadRequest(stream, chunk, done) {
  const request = stream[kState].reader[kState].readRequests.shift();
  if (done) request.close();
  else request.chunk(chunk);
}

function readableStreamFulfillReadIntoRequest(stream, chunk, done) {
  const request = stream[kState].reader[kState].readIntoRequests.shift();
  if (done) request.close(chunk);
  else request.chunk(chunk);
}

function readableStreamAddReadRequest(stream, request) {
  stream[kState].reader[kState].readRequests.push(request);
}

function readableStreamAddReadIntoRequest(stream, request) {
  stream[kState].reader[kState].readIntoRequests.push(request);
}

// ---- Reader abstract operations

function readerGenericInitialize(reader, stream) {
  reader[kState].stream = stream;
  stream[kState].reader = reader;
  switch (stream[kState].state) {
    case 'readable':
      reader[kState].close = createDeferredPromise();
      break;
    case 'closed':
      reader[kState].close = settled(Promise.resolve());
      break;
    case 'errored':
      reader[kState].close = settled(Promise.reject(stream[kState].storedError));
      setPromiseHandled(reader[kState].close.promise);
      break;
  }
}

function readableStreamReaderGenericRelease(reader) {
  const { stream } = reader[kState];
  const error = new ERR_INVALID_STATE.TypeError('Reader released');
  if (stream[kState].state === 'readable') {
    reader[kState].close.reject?.(error);
  } else {
    reader[kState].close = settled(Promise.reject(error));
  }
  setPromiseHandled(reader[kState].close.promise);
  const { controller } = stream[kState];
  if (isReadableByteStreamController(controller)) byteControllerReleaseSteps(controller);
  stream[kState].reader = undefined;
  reader[kState].stream = undefined;
}

function setupReadableStreamDefaultReader(reader, stream) {
  if (isReadableStreamLocked(stream)) throw new ERR_INVALID_STATE.TypeError('ReadableStream is locked');
  readerGenericInitialize(reader, stream);
  reader[kState].readRequests = [];
}

function setupReadableStreamBYOBReader(reader, stream) {
  if (isReadableStreamLocked(stream)) throw new ERR_INVALID_STATE.TypeError('ReadableStream is locked');
  if (!isReadableByteStreamController(stream[kState].controller)) {
    throw new ERR_INVALID_ARG_VALUE('stream', stream, 'must be a byte stream');
  }
  readerGenericInitialize(reader, stream);
  reader[kState].readIntoRequests = [];
}

function readableStreamDefaultReaderRead(reader, request) {
  const { stream } = reader[kState];
  const state = stream[kState];
  state.disturbed = true;
  switch (state.state) {
    case 'closed':
      request.close();
      break;
    case 'errored':
      request.error(state.storedError);
      break;
    default:
      if (isReadableByteStreamController(state.controller)) {
        byteControllerPullSteps(state.controller, request);
      } else {
        defaultControllerPullSteps(state.controller, request);
      }
  }
}

function readableStreamDefaultReaderRelease(reader) {
  readableStreamReaderGenericRelease(reader);
  const requests = reader[kState].readRequests;
  reader[kState].readRequests = [];
  const error = new ERR_INVALID_STATE.TypeError('Releasing reader');
  for (const request of requests) request.error(error);
}

function readableStreamBYOBReaderRead(reader, view, min, request) {
  const { stream } = reader[kState];
  stream[kState].disturbed = true;
  if (stream[kState].state === 'errored') {
    request.error(stream[kState].storedError);
    return;
  }
  byteControllerPullInto(stream[kState].controller, view, min, request);
}

function readableStreamBYOBReaderRelease(reader) {
  readableStreamReaderGenericRelease(reader);
  const requests = reader[kState].readIntoRequests;
  reader[kState].readIntoRequests = [];
  const error = new ERR_INVALID_STATE.TypeError('Releasing reader');
  for (const request of requests) request.error(error);
}

// ---- Default controller abstract operations

function setupDefaultController(stream, controller, startAlgorithm, pullAlgorithm, cancelAlgorithm,
                                highWaterMark, sizeAlgorithm) {
  controller[kState] = {
    stream,
    queue: [],
    queueTotalSize: 0,
    started: false,
    closeRequested: false,
    pullAgain: false,
    pulling: false,
    highWaterMark,
    sizeAlgorithm,
    pullAlgorithm,
    cancelAlgorithm,
  };
  stream[kState].controller = controller;
  stream[kControllerErrorFunction] = controller.error.bind(controller);
  startController(controller, startAlgorithm, defaultControllerCallPullIfNeeded, readableStreamDefaultControllerError);
}

// The start, pull and cancel algorithms of an underlying source, for either controller.
function sourceAlgorithms(source, controller, start, pull, cancel) {
  const startAlgorithm = start ? () => Reflect.apply(start, source, [controller]) : nonOpStart;
  const pullAlgorithm = pull ? createPromiseCallback('source.pull', pull, source) : nonOpPull;
  const cancelAlgorithm = cancel ? createPromiseCallback('source.cancel', cancel, source) : nonOpCancel;
  return { startAlgorithm, pullAlgorithm, cancelAlgorithm };
}

// Runs the start algorithm; once its result settles the controller is started and may pull,
// or is errored.
function startController(controller, startAlgorithm, callPullIfNeeded, controllerError) {
  const startResult = startAlgorithm();
  new Promise((resolve) => resolve(startResult)).then(
    () => {
      controller[kState].started = true;
      callPullIfNeeded(controller);
    },
    (error) => controllerError(controller, error));
}

function setupDefaultControllerFromSource(stream, source, highWaterMark, sizeAlgorithm) {
  const controller = new ReadableStreamDefaultController(kSkipThrow);
  const { start, pull, cancel } = source;
  const { startAlgorithm, pullAlgorithm, cancelAlgorithm } = sourceAlgorithms(source, controller, start, pull, cancel);
  setupDefaultController(stream, controller, startAlgorithm, pullAlgorithm, cancelAlgorithm,
                         highWaterMark, sizeAlgorithm);
}

function defaultControllerCallPullIfNeeded(controller) {
  if (!defaultControllerShouldCallPull(controller)) return;
  const state = controller[kState];
  if (state.pulling) {
    state.pullAgain = true;
    return;
  }
  state.pulling = true;
  state.pullAlgorithm(controller).then(
    () => {
      state.pulling = false;
      if (state.pullAgain) {
        state.pullAgain = false;
        defaultControllerCallPullIfNeeded(controller);
      }
    },
    (error) => readableStreamDefaultControllerError(controller, error));
}

function defaultControllerShouldCallPull(controller) {
  const { stream, started } = controller[kState];
  if (!defaultControllerCanCloseOrEnqueue(controller) || !started) return false;
  if (isReadableStreamLocked(stream) && readableStreamHasDefaultReader(stream) &&
      readableStreamGetNumReadRequests(stream) > 0) {
    return true;
  }
  return controllerGetDesiredSize(controller) > 0;
}

function defaultControllerClearAlgorithms(controller) {
  const state = controller[kState];
  state.pullAlgorithm = undefined;
  state.cancelAlgorithm = undefined;
  state.sizeAlgorithm = undefined;
}

function readableStreamDefaultControllerClose(controller) {
  if (!defaultControllerCanCloseOrEnqueue(controller)) return;
  const state = controller[kState];
  state.closeRequested = true;
  if (state.queue.length === 0) {
    defaultControllerClearAlgorithms(controller);
    readableStreamClose(state.stream);
  }
}

function readableStreamDefaultControllerEnqueue(controller, chunk) {
  if (!defaultControllerCanCloseOrEnqueue(controller)) return;
  const { stream } = controller[kState];
  if (isReadableStreamLocked(stream) && readableStreamHasDefaultReader(stream) &&
      readableStreamGetNumReadRequests(stream) > 0) {
    readableStreamFulfillReadRequest(stream, chunk, false);
  } else {
    try {
      const chunkSize = Reflect.apply(controller[kState].sizeAlgorithm, undefined, [chunk]);
      enqueueValueWithSize(controller, chunk, chunkSize);
    } catch (error) {
      readableStreamDefaultControllerError(controller, error);
      throw error;
    }
  }
  defaultControllerCallPullIfNeeded(controller);
}

function readableStreamDefaultControllerError(controller, error) {
  const { stream } = controller[kState];
  if (stream[kState].state !== 'readable') return;
  resetQueue(controller);
  defaultControllerClearAlgorithms(controller);
  readableStreamError(stream, error);
}

// Both controllers keep highWaterMark and queueTotalSize in their state, so one rule serves both.
function controllerGetDesiredSize(controller) {
  const { stream, highWaterMark, queueTotalSize } = controller[kState];
  switch (stream[kState].state) {
    case 'errored': return null;
    case 'closed': return 0;
    default: return highWaterMark - queueTotalSize;
  }
}

function readableStreamDefaultControllerHasBackpressure(controller) {
  return !defaultControllerShouldCallPull(controller);
}

function defaultControllerCanCloseOrEnqueue(controller) {
  const { stream, closeRequested } = controller[kState];
  return !closeRequested && stream[kState].state === 'readable';
}

function defaultControllerCancelSteps(controller, reason) {
  resetQueue(controller);
  const result = controller[kState].cancelAlgorithm(reason);
  defaultControllerClearAlgorithms(controller);
  return result;
}

function defaultControllerPullSteps(controller, request) {
  const state = controller[kState];
  if (state.queue.length > 0) {
    const chunk = dequeueValue(controller);
    if (state.closeRequested && state.queue.length === 0) {
      defaultControllerClearAlgorithms(controller);
      readableStreamClose(state.stream);
    } else {
      defaultControllerCallPullIfNeeded(controller);
    }
    request.chunk(chunk);
    return;
  }
  readableStreamAddReadRequest(state.stream, request);
  defaultControllerCallPullIfNeeded(controller);
}

// ---- Byte controller abstract operations

function setupByteController(stream, controller, startAlgorithm, pullAlgorithm, cancelAlgorithm,
                             highWaterMark, autoAllocateChunkSize) {
  controller[kState] = {
    stream,
    byobRequest: null,
    closeRequested: false,
    pullAgain: false,
    pulling: false,
    started: false,
    queue: [],
    queueTotalSize: 0,
    highWaterMark,
    pullAlgorithm,
    cancelAlgorithm,
    autoAllocateChunkSize,
    pendingPullIntos: [],
  };
  stream[kState].controller = controller;
  startController(controller, startAlgorithm, byteControllerCallPullIfNeeded, byteControllerError);
}

function setupByteControllerFromSource(stream, source, highWaterMark) {
  const controller = new ReadableByteStreamController(kSkipThrow);
  const { start, pull, cancel, autoAllocateChunkSize } = source;
  const { startAlgorithm, pullAlgorithm, cancelAlgorithm } = sourceAlgorithms(source, controller, start, pull, cancel);
  if (autoAllocateChunkSize === 0) {
    throw new ERR_INVALID_ARG_VALUE('source.autoAllocateChunkSize', autoAllocateChunkSize);
  }
  setupByteController(stream, controller, startAlgorithm, pullAlgorithm, cancelAlgorithm,
                      highWaterMark, autoAllocateChunkSize);
}

function byteControllerCallPullIfNeeded(controller) {
  if (!byteControllerShouldCallPull(controller)) return;
  const state = controller[kState];
  if (state.pulling) {
    state.pullAgain = true;
    return;
  }
  state.pulling = true;
  state.pullAlgorithm(controller).then(
    () => {
      state.pulling = false;
      if (state.pullAgain) {
        state.pullAgain = false;
        byteControllerCallPullIfNeeded(controller);
      }
    },
    (error) => byteControllerError(controller, error));
}

function byteControllerShouldCallPull(controller) {
  const { stream, closeRequested, started } = controller[kState];
  if (stream[kState].state !== 'readable' || closeRequested || !started) return false;
  if (readableStreamHasDefaultReader(stream) && readableStreamGetNumReadRequests(stream) > 0) return true;
  if (readableStreamHasBYOBReader(stream) && readableStreamGetNumReadIntoRequests(stream) > 0) return true;
  return controllerGetDesiredSize(controller) > 0;
}

function byteControllerClearAlgorithms(controller) {
  controller[kState].pullAlgorithm = undefined;
  controller[kState].cancelAlgorithm = undefined;
}

function byteControllerInvalidateBYOBRequest(controller) {
  const state = controller[kState];
  if (state.byobRequest === null) return;
  state.byobRequest[kState].controller = undefined;
  state.byobRequest[kState].view = null;
  state.byobRequest = null;
}

function byteControllerClearPendingPullIntos(controller) {
  byteControllerInvalidateBYOBRequest(controller);
  controller[kState].pendingPullIntos = [];
}

function byteControllerClose(controller) {
  const state = controller[kState];
  if (state.closeRequested || state.stream[kState].state !== 'readable') return;
  if (state.queueTotalSize > 0) {
    state.closeRequested = true;
    return;
  }
  if (state.pendingPullIntos.length > 0) {
    const first = state.pendingPullIntos[0];
    if (first.bytesFilled % first.elementSize !== 0) {
      const error = new ERR_INVALID_STATE.TypeError('Partial read');
      byteControllerError(controller, error);
      throw error;
    }
  }
  byteControllerClearAlgorithms(controller);
  readableStreamClose(state.stream);
}

function byteControllerError(controller, error) {
  const { stream } = controller[kState];
  if (stream[kState].state !== 'readable') return;
  byteControllerClearPendingPullIntos(controller);
  resetQueue(controller);
  byteControllerClearAlgorithms(controller);
  readableStreamError(stream, error);
}

function byteControllerCancelSteps(controller, reason) {
  byteControllerClearPendingPullIntos(controller);
  resetQueue(controller);
  const result = controller[kState].cancelAlgorithm(reason);
  byteControllerClearAlgorithms(controller);
  return result;
}

function byteControllerReleaseSteps(controller) {
  const state = controller[kState];
  if (state.pendingPullIntos.length > 0) {
    const first = state.pendingPullIntos[0];
    first.type = 'none';
    state.pendingPullIntos = [first];
  }
}

function byteControllerEnqueueChunkToQueue(controller, buffer, byteOffset, byteLength) {
  controller[kState].queue.push({ buffer, byteOffset, byteLength });
  controller[kState].queueTotalSize += byteLength;
}

function byteControllerEnqueueClonedChunkToQueue(controller, buffer, byteOffset, byteLength) {
  let clone;
  try {
    clone = buffer.slice(byteOffset, byteOffset + byteLength);
  } catch (error) {
    byteControllerError(controller, error);
    throw error;
  }
  byteControllerEnqueueChunkToQueue(controller, clone, 0, byteLength);
}

function byteControllerEnqueueDetachedPullIntoToQueue(controller, desc) {
  if (desc.bytesFilled > 0) {
    byteControllerEnqueueClonedChunkToQueue(controller, desc.buffer, desc.byteOffset, desc.bytesFilled);
  }
  byteControllerShiftPendingPullInto(controller);
}

function byteControllerShiftPendingPullInto(controller) {
  return controller[kState].pendingPullIntos.shift();
}

function byteControllerEnqueue(controller, chunk) {
  const state = controller[kState];
  const { stream } = state;
  const buffer = viewBuffer(chunk);
  const byteOffset = viewByteOffset(chunk);
  const byteLength = viewByteLength(chunk);
  if (state.closeRequested || stream[kState].state !== 'readable') return;
  const transferredBuffer = transferArrayBuffer(buffer);
  if (state.pendingPullIntos.length > 0) {
    const first = state.pendingPullIntos[0];
    if (isArrayBufferDetached(first.buffer)) {
      throw new ERR_INVALID_STATE.TypeError('Destination ArrayBuffer is detached');
    }
    byteControllerInvalidateBYOBRequest(controller);
    first.buffer = transferArrayBuffer(first.buffer);
    if (first.type === 'none') byteControllerEnqueueDetachedPullIntoToQueue(controller, first);
  }
  if (readableStreamHasDefaultReader(stream)) {
    byteControllerProcessReadRequestsUsingQueue(controller);
    if (readableStreamGetNumReadRequests(stream) === 0) {
      byteControllerEnqueueChunkToQueue(controller, transferredBuffer, byteOffset, byteLength);
    } else {
      if (state.pendingPullIntos.length > 0) byteControllerShiftPendingPullInto(controller);
      readableStreamFulfillReadRequest(stream, new Uint8Array(transferredBuffer, byteOffset, byteLength), false);
    }
  } else if (readableStreamHasBYOBReader(stream)) {
    byteControllerEnqueueChunkToQueue(controller, transferredBuffer, byteOffset, byteLength);
    byteControllerProcessPullIntosUsingQueue(controller);
  } else {
    byteControllerEnqueueChunkToQueue(controller, transferredBuffer, byteOffset, byteLength);
  }
  byteControllerCallPullIfNeeded(controller);
}

function byteControllerFillReadRequestFromQueue(controller, request) {
  const state = controller[kState];
  const { buffer, byteOffset, byteLength } = state.queue.shift();
  state.queueTotalSize -= byteLength;
  byteControllerHandleQueueDrain(controller);
  request.chunk(new Uint8Array(buffer, byteOffset, byteLength));
}

function byteControllerProcessReadRequestsUsingQueue(controller) {
  const state = controller[kState];
  const reader = state.stream[kState].reader;
  while (reader[kState].readRequests.length > 0) {
    if (state.queueTotalSize === 0) return;
    byteControllerFillReadRequestFromQueue(controller, reader[kState].readRequests.shift());
  }
}

function byteControllerHandleQueueDrain(controller) {
  const state = controller[kState];
  if (state.queueTotalSize === 0 && state.closeRequested) {
    byteControllerClearAlgorithms(controller);
    readableStreamClose(state.stream);
  } else {
    byteControllerCallPullIfNeeded(controller);
  }
}

function byteControllerFillHeadPullIntoDescriptor(controller, size, desc) {
  desc.bytesFilled += size;
}

function byteControllerFillPullIntoDescriptorFromQueue(controller, desc) {
  const state = controller[kState];
  const maxBytesToCopy = Math.min(state.queueTotalSize, desc.byteLength - desc.bytesFilled);
  const maxBytesFilled = desc.bytesFilled + maxBytesToCopy;
  const maxAlignedBytes = maxBytesFilled - (maxBytesFilled % desc.elementSize);
  let remaining = maxBytesToCopy;
  let ready = false;
  if (maxAlignedBytes >= desc.minimumFill) {
    remaining = maxAlignedBytes - desc.bytesFilled;
    ready = true;
  }
  const { queue } = state;
  while (remaining > 0) {
    const head = queue[0];
    const bytesToCopy = Math.min(remaining, head.byteLength);
    const destStart = desc.byteOffset + desc.bytesFilled;
    if (arrayBufferByteLength(desc.buffer) - destStart < bytesToCopy) {
      throw new ERR_INVALID_STATE.RangeError('view ArrayBuffer size is invalid');
    }
    copyArrayBuffer(desc.buffer, destStart, head.buffer, head.byteOffset, bytesToCopy);
    if (head.byteLength === bytesToCopy) {
      queue.shift();
    } else {
      head.byteOffset += bytesToCopy;
      head.byteLength -= bytesToCopy;
    }
    state.queueTotalSize -= bytesToCopy;
    byteControllerFillHeadPullIntoDescriptor(controller, bytesToCopy, desc);
    remaining -= bytesToCopy;
  }
  return ready;
}

function byteControllerProcessPullIntosUsingQueue(controller) {
  const state = controller[kState];
  while (state.pendingPullIntos.length > 0) {
    if (state.queueTotalSize === 0) return;
    const desc = state.pendingPullIntos[0];
    if (byteControllerFillPullIntoDescriptorFromQueue(controller, desc)) {
      byteControllerShiftPendingPullInto(controller);
      byteControllerCommitPullIntoDescriptor(state.stream, desc);
    }
  }
}

function byteControllerConvertPullIntoDescriptor(desc) {
  const { bytesFilled, byteLength, byteOffset, elementSize, ctor } = desc;
  if (bytesFilled > byteLength) throw new ERR_INVALID_STATE.RangeError('The buffer size is invalid');
  const buffer = transferArrayBuffer(desc.buffer);
  const length = bytesFilled / elementSize;
  if (ctor === 'Buffer') return lazyBuffer().from(buffer, byteOffset, length);
  return new ctor(buffer, byteOffset, length);
}

function byteControllerCommitPullIntoDescriptor(stream, desc) {
  const done = stream[kState].state === 'closed';
  const filledView = byteControllerConvertPullIntoDescriptor(desc);
  if (desc.type === 'default') {
    readableStreamFulfillReadRequest(stream, filledView, done);
  } else {
    readableStreamFulfillReadIntoRequest(stream, filledView, done);
  }
}

function byteControllerPullSteps(controller, request) {
  const state = controller[kState];
  if (state.queueTotalSize > 0) {
    byteControllerFillReadRequestFromQueue(controller, request);
    return;
  }
  const { autoAllocateChunkSize } = state;
  if (autoAllocateChunkSize !== undefined) {
    let buffer;
    try {
      buffer = new ArrayBuffer(autoAllocateChunkSize);
    } catch (error) {
      request.error(error);
      return;
    }
    state.pendingPullIntos.push({
      buffer,
      bufferByteLength: autoAllocateChunkSize,
      byteOffset: 0,
      byteLength: autoAllocateChunkSize,
      bytesFilled: 0,
      minimumFill: 1,
      elementSize: 1,
      ctor: Uint8Array,
      type: 'default',
    });
  }
  readableStreamAddReadRequest(state.stream, request);
  byteControllerCallPullIfNeeded(controller);
}

function viewConstructorOf(view) {
  if (isDataView(view)) return { ctor: DataView, elementSize: 1 };
  const ctor = typedArrayCtors[getTypedArrayTag.call(view)];
  if (lazyBuffer().isBuffer(view)) return { ctor: 'Buffer', elementSize: 1 };
  return { ctor, elementSize: ctor.BYTES_PER_ELEMENT };
}

function byteControllerPullInto(controller, view, min, request) {
  const state = controller[kState];
  const { stream } = state;
  const { ctor, elementSize } = viewConstructorOf(view);
  const minimumFill = min * elementSize;
  const buffer = viewBuffer(view);
  const byteOffset = viewByteOffset(view);
  const byteLength = viewByteLength(view);
  const bufferByteLength = arrayBufferByteLength(buffer);
  let transferredBuffer;
  try {
    transferredBuffer = transferArrayBuffer(buffer);
  } catch (error) {
    request.error(error);
    return;
  }
  const desc = {
    buffer: transferredBuffer,
    bufferByteLength,
    byteOffset,
    byteLength,
    bytesFilled: 0,
    minimumFill,
    elementSize,
    ctor,
    type: 'byob',
  };
  if (state.pendingPullIntos.length > 0) {
    state.pendingPullIntos.push(desc);
    readableStreamAddReadIntoRequest(stream, request);
    return;
  }
  if (stream[kState].state === 'closed') {
    // node constructs the empty view with `new`, so a Buffer here goes through the deprecated
    // Buffer() constructor (and its DEP0005 warning).
    const empty = new (ctor === 'Buffer' ? lazyBuffer() : ctor)(desc.buffer, byteOffset, 0);
    request.close(empty);
    return;
  }
  if (state.queueTotalSize > 0) {
    if (byteControllerFillPullIntoDescriptorFromQueue(controller, desc)) {
      const filledView = byteControllerConvertPullIntoDescriptor(desc);
      byteControllerHandleQueueDrain(controller);
      request.chunk(filledView);
      return;
    }
    if (state.closeRequested) {
      const error = new ERR_INVALID_STATE.TypeError('ReadableStream closed');
      byteControllerError(controller, error);
      request.error(error);
      return;
    }
  }
  state.pendingPullIntos.push(desc);
  readableStreamAddReadIntoRequest(stream, request);
  byteControllerCallPullIfNeeded(controller);
}

function byteControllerRespond(controller, bytesWritten) {
  const state = controller[kState];
  const desc = state.pendingPullIntos[0];
  if (state.stream[kState].state === 'closed') {
    if (bytesWritten !== 0) throw new ERR_INVALID_ARG_VALUE('bytesWritten', bytesWritten);
  } else {
    if (!bytesWritten) throw new ERR_INVALID_ARG_VALUE('bytesWritten', bytesWritten);
    if (desc.bytesFilled + bytesWritten > desc.byteLength) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('bytesWritten', bytesWritten);
    }
  }
  desc.buffer = transferArrayBuffer(desc.buffer);
  byteControllerRespondInternal(controller, bytesWritten);
}

function byteControllerRespondWithNewView(controller, view) {
  const state = controller[kState];
  const desc = state.pendingPullIntos[0];
  const byteLength = viewByteLength(view);
  if (state.stream[kState].state === 'closed') {
    if (byteLength !== 0) throw new ERR_INVALID_STATE.TypeError('View is not zero-length');
  } else if (byteLength === 0) {
    throw new ERR_INVALID_STATE.TypeError('View is zero-length');
  }
  const buffer = viewBuffer(view);
  if (desc.byteOffset + desc.bytesFilled !== viewByteOffset(view) ||
      desc.bytesFilled + byteLength > desc.byteLength ||
      desc.bufferByteLength !== arrayBufferByteLength(buffer)) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('view', view);
  }
  desc.buffer = transferArrayBuffer(buffer);
  byteControllerRespondInternal(controller, byteLength);
}

function byteControllerRespondInternal(controller, bytesWritten) {
  const state = controller[kState];
  const desc = state.pendingPullIntos[0];
  byteControllerInvalidateBYOBRequest(controller);
  if (state.stream[kState].state === 'closed') {
    if (bytesWritten) {
      throw new ERR_INVALID_STATE.TypeError('Controller is closed but view is not zero-length');
    }
    byteControllerRespondInClosedState(controller, desc);
  } else {
    if (!bytesWritten) throw new ERR_INVALID_STATE.TypeError('View cannot be zero-length');
    byteControllerRespondInReadableState(controller, bytesWritten, desc);
  }
  byteControllerCallPullIfNeeded(controller);
}

function byteControllerRespondInClosedState(controller, desc) {
  if (desc.type === 'none') byteControllerShiftPendingPullInto(controller);
  const { stream } = controller[kState];
  if (readableStreamHasBYOBReader(stream)) {
    while (readableStreamGetNumReadIntoRequests(stream) > 0) {
      byteControllerCommitPullIntoDescriptor(stream, byteControllerShiftPendingPullInto(controller));
    }
  }
}

function byteControllerRespondInReadableState(controller, bytesWritten, desc) {
  if (desc.bytesFilled + bytesWritten > desc.byteLength) {
    throw new ERR_INVALID_STATE.RangeError('The buffer size is invalid');
  }
  byteControllerFillHeadPullIntoDescriptor(controller, bytesWritten, desc);
  if (desc.type === 'none') {
    byteControllerEnqueueDetachedPullIntoToQueue(controller, desc);
    byteControllerProcessPullIntosUsingQueue(controller);
    return;
  }
  if (desc.bytesFilled < desc.minimumFill) return;
  byteControllerShiftPendingPullInto(controller);
  const remainderSize = desc.bytesFilled % desc.elementSize;
  if (remainderSize > 0) {
    const end = desc.byteOffset + desc.bytesFilled;
    byteControllerEnqueueClonedChunkToQueue(controller, desc.buffer, end - remainderSize, remainderSize);
  }
  desc.bytesFilled -= remainderSize;
  byteControllerCommitPullIntoDescriptor(controller[kState].stream, desc);
  byteControllerProcessPullIntosUsingQueue(controller);
}

// ---- Tee

function readableStreamTee(stream) {
  if (isReadableByteStreamController(stream[kState].controller)) return readableByteStreamTee(stream);
  return readableStreamDefaultTee(stream);
}

function readableStreamDefaultTee(stream) {
  const reader = new ReadableStreamDefaultReader(stream);
  let reading = false;
  let canceled1 = false;
  let canceled2 = false;
  let reason1;
  let reason2;
  let branch1;
  let branch2;
  const cancelPromise = createDeferredPromise();

  function pullAlgorithm() {
    if (reading) return Promise.resolve();
    reading = true;
    readableStreamDefaultReaderRead(reader, {
      chunk(value) {
        // Queued, so that a read error can reach the branches before this chunk does.
        queueMicrotask(() => {
          reading = false;
          if (!canceled1) readableStreamDefaultControllerEnqueue(branch1[kState].controller, value);
          if (!canceled2) readableStreamDefaultControllerEnqueue(branch2[kState].controller, value);
        });
      },
      close() {
        // node closes the branches on the next tick rather than at once.
        process.nextTick(() => {
          reading = false;
          if (!canceled1) readableStreamDefaultControllerClose(branch1[kState].controller);
          if (!canceled2) readableStreamDefaultControllerClose(branch2[kState].controller);
          if (!canceled1 || !canceled2) cancelPromise.resolve();
        });
      },
      error() {
        reading = false;
      },
    });
    return Promise.resolve();
  }

  function cancel1Algorithm(reason) {
    canceled1 = true;
    reason1 = reason;
    if (canceled2) cancelPromise.resolve(readableStreamCancel(stream, [reason1, reason2]));
    return cancelPromise.promise;
  }

  function cancel2Algorithm(reason) {
    canceled2 = true;
    reason2 = reason;
    if (canceled1) cancelPromise.resolve(readableStreamCancel(stream, [reason1, reason2]));
    return cancelPromise.promise;
  }

  branch1 = createReadableStream(nonOpStart, pullAlgorithm, cancel1Algorithm);
  branch2 = createReadableStream(nonOpStart, pullAlgorithm, cancel2Algorithm);

  reader[kState].close.promise.then(undefined, (error) => {
    readableStreamDefaultControllerError(branch1[kState].controller, error);
    readableStreamDefaultControllerError(branch2[kState].controller, error);
    if (!canceled1 || !canceled2) cancelPromise.resolve();
  });

  return [branch1, branch2];
}

function readableByteStreamTee(stream) {
  let reader = new ReadableStreamDefaultReader(stream);
  let reading = false;
  let readAgainForBranch1 = false;
  let readAgainForBranch2 = false;
  let canceled1 = false;
  let canceled2 = false;
  let reason1;
  let reason2;
  let branch1;
  let branch2;
  const cancelPromise = createDeferredPromise();

  function forwardReaderError(thisReader) {
    thisReader[kState].close.promise.then(undefined, (error) => {
      if (thisReader !== reader) return;
      byteControllerError(branch1[kState].controller, error);
      byteControllerError(branch2[kState].controller, error);
      if (!canceled1 || !canceled2) cancelPromise.resolve();
    });
  }

  function errorBoth(error) {
    byteControllerError(branch1[kState].controller, error);
    byteControllerError(branch2[kState].controller, error);
    cancelPromise.resolve(readableStreamCancel(stream, error));
  }

  function readAgainIfAsked() {
    if (readAgainForBranch1) pull1Algorithm();
    else if (readAgainForBranch2) pull2Algorithm();
  }

  function pullWithDefaultReader() {
    if (isReadableStreamBYOBReader(reader)) {
      readableStreamBYOBReaderRelease(reader);
      reader = new ReadableStreamDefaultReader(stream);
      forwardReaderError(reader);
    }
    readableStreamDefaultReaderRead(reader, {
      chunk(chunk) {
        queueMicrotask(() => {
          readAgainForBranch1 = false;
          readAgainForBranch2 = false;
          let chunk2 = chunk;
          if (!canceled1 && !canceled2) {
            try {
              chunk2 = cloneAsUint8Array(chunk);
            } catch (error) {
              errorBoth(error);
              return;
            }
          }
          if (!canceled1) byteControllerEnqueue(branch1[kState].controller, chunk);
          if (!canceled2) byteControllerEnqueue(branch2[kState].controller, chunk2);
          reading = false;
          readAgainIfAsked();
        });
      },
      close() {
        reading = false;
        if (!canceled1) byteControllerClose(branch1[kState].controller);
        if (!canceled2) byteControllerClose(branch2[kState].controller);
        if (branch1[kState].controller[kState].pendingPullIntos.length > 0) {
          byteControllerRespond(branch1[kState].controller, 0);
        }
        if (branch2[kState].controller[kState].pendingPullIntos.length > 0) {
          byteControllerRespond(branch2[kState].controller, 0);
        }
        if (!canceled1 || !canceled2) cancelPromise.resolve();
      },
      error() {
        reading = false;
      },
    });
  }

  function pullWithBYOBReader(view, forBranch2) {
    if (isReadableStreamDefaultReader(reader)) {
      readableStreamDefaultReaderRelease(reader);
      reader = new ReadableStreamBYOBReader(stream);
      forwardReaderError(reader);
    }
    const byobBranch = forBranch2 ? branch2 : branch1;
    const otherBranch = forBranch2 ? branch1 : branch2;
    readableStreamBYOBReaderRead(reader, view, 1, {
      chunk(chunk) {
        queueMicrotask(() => {
          readAgainForBranch1 = false;
          readAgainForBranch2 = false;
          const byobCanceled = forBranch2 ? canceled2 : canceled1;
          const otherCanceled = forBranch2 ? canceled1 : canceled2;
          if (!otherCanceled) {
            let cloned;
            try {
              cloned = cloneAsUint8Array(chunk);
            } catch (error) {
              errorBoth(error);
              return;
            }
            if (!byobCanceled) byteControllerRespondWithNewView(byobBranch[kState].controller, chunk);
            byteControllerEnqueue(otherBranch[kState].controller, cloned);
          } else if (!byobCanceled) {
            byteControllerRespondWithNewView(byobBranch[kState].controller, chunk);
          }
          reading = false;
          readAgainIfAsked();
        });
      },
      close(chunk) {
        reading = false;
        const byobCanceled = forBranch2 ? canceled2 : canceled1;
        const otherCanceled = forBranch2 ? canceled1 : canceled2;
        if (!byobCanceled) byteControllerClose(byobBranch[kState].controller);
        if (!otherCanceled) byteControllerClose(otherBranch[kState].controller);
        if (chunk !== undefined) {
          if (!byobCanceled) byteControllerRespondWithNewView(byobBranch[kState].controller, chunk);
          if (!otherCanceled && otherBranch[kState].controller[kState].pendingPullIntos.length > 0) {
            byteControllerRespond(otherBranch[kState].controller, 0);
          }
        }
        if (!byobCanceled || !otherCanceled) cancelPromise.resolve();
      },
      error() {
        reading = false;
      },
    });
  }

  function pull1Algorithm() {
    if (reading) {
      readAgainForBranch1 = true;
      return Promise.resolve();
    }
    reading = true;
    const byobRequest = branch1[kState].controller.byobRequest;
    if (byobRequest === null) pullWithDefaultReader();
    else pullWithBYOBReader(byobRequest[kState].view, false);
    return Promise.resolve();
  }

  function pull2Algorithm() {
    if (reading) {
      readAgainForBranch2 = true;
      return Promise.resolve();
    }
    reading = true;
    const byobRequest = branch2[kState].controller.byobRequest;
    if (byobRequest === null) pullWithDefaultReader();
    else pullWithBYOBReader(byobRequest[kState].view, true);
    return Promise.resolve();
  }

  function cancel1Algorithm(reason) {
    canceled1 = true;
    reason1 = reason;
    if (canceled2) cancelPromise.resolve(readableStreamCancel(stream, [reason1, reason2]));
    return cancelPromise.promise;
  }

  function cancel2Algorithm(reason) {
    canceled2 = true;
    reason2 = reason;
    if (canceled1) cancelPromise.resolve(readableStreamCancel(stream, [reason1, reason2]));
    return cancelPromise.promise;
  }

  branch1 = createReadableByteStream(nonOpStart, pull1Algorithm, cancel1Algorithm);
  branch2 = createReadableByteStream(nonOpStart, pull2Algorithm, cancel2Algorithm);
  forwardReaderError(reader);
  return [branch1, branch2];
}

// ---- pipeTo

function readableStreamPipeTo(source, dest, preventClose, preventAbort, preventCancel, signal) {
  let reader;
  let writer;
  try {
    reader = new ReadableStreamDefaultReader(source);
    writer = new WritableStreamDefaultWriter(dest);
  } catch (error) {
    return Promise.reject(error);
  }
  source[kState].disturbed = true;
  try {
    validateAbortSignal(signal, 'options.signal');
  } catch (error) {
    return Promise.reject(error);
  }

  let shuttingDown = false;
  let currentWrite = Promise.resolve();
  const result = createDeferredPromise();

  function finalize(rejected, error) {
    writableStreamDefaultWriterRelease(writer);
    readableStreamReaderGenericRelease(reader);
    if (signal !== undefined) signal.removeEventListener('abort', abortAlgorithm);
    if (rejected) result.reject(error);
    else result.resolve();
  }

  // Waits until no write is in flight, including writes started while waiting.
  async function waitForCurrentWrite() {
    const write = currentWrite;
    await write;
    if (write !== currentWrite) await waitForCurrentWrite();
  }

  function shutdownWithAnAction(action, rejected, originalError) {
    if (shuttingDown) return;
    shuttingDown = true;
    const complete = () => {
      action().then(() => finalize(rejected, originalError), (error) => finalize(true, error));
    };
    if (dest[kState].state === 'writable' && !writableStreamCloseQueuedOrInFlight(dest)) {
      waitForCurrentWrite().then(complete, (error) => finalize(true, error));
      return;
    }
    complete();
  }

  function shutdown(rejected, error) {
    if (shuttingDown) return;
    shuttingDown = true;
    if (dest[kState].state === 'writable' && !writableStreamCloseQueuedOrInFlight(dest)) {
      waitForCurrentWrite().then(() => finalize(rejected, error), (e) => finalize(true, e));
      return;
    }
    finalize(rejected, error);
  }

  function abortAlgorithm() {
    let error = signal.reason;
    // An AbortError from node's own helpers surfaces as the DOMException the spec wants.
    if (error instanceof AbortError) error = lazyDOMException(error.message, 'AbortError');
    const actions = [];
    if (!preventAbort) {
      actions.push(() => (dest[kState].state === 'writable' ? writableStreamAbort(dest, error) : Promise.resolve()));
    }
    if (!preventCancel) {
      actions.push(() => (source[kState].state === 'readable' ? readableStreamCancel(source, error) : Promise.resolve()));
    }
    shutdownWithAnAction(() => Promise.all(actions.map((action) => action())), true, error);
  }

  function watchErrored(stream, promise, action) {
    if (stream[kState].state === 'errored') action(stream[kState].storedError);
    else promise.then(undefined, action);
  }

  function watchClosed(stream, promise, action) {
    if (stream[kState].state === 'closed') action();
    else promise.then(action, () => {});
  }

  // One read-then-write; resolves true once the source is done.
  async function step() {
    if (shuttingDown) return true;
    await writer[kState].ready.promise;
    const { promise, resolve, reject } = createDeferredPromise();
    readableStreamDefaultReaderRead(reader, {
      chunk(chunk) {
        currentWrite = writableStreamDefaultWriterWrite(writer, chunk);
        setPromiseHandled(currentWrite);
        resolve(false);
      },
      close() {
        resolve(true);
      },
      error(e) {
        reject(e);
      },
    });
    return promise;
  }

  async function run() {
    while (!await step());
  }

  if (signal !== undefined) {
    if (signal.aborted) {
      abortAlgorithm();
      return result.promise;
    }
    signal.addEventListener('abort', abortAlgorithm, { once: true });
  }

  setPromiseHandled(run());

  watchErrored(source, reader[kState].close.promise, (error) => {
    if (!preventAbort) {
      shutdownWithAnAction(() => writableStreamAbort(dest, error), true, error);
      return;
    }
    shutdown(true, error);
  });

  watchErrored(dest, writer[kState].close.promise, (error) => {
    if (!preventCancel) {
      shutdownWithAnAction(() => readableStreamCancel(source, error), true, error);
      return;
    }
    shutdown(true, error);
  });

  watchClosed(source, reader[kState].close.promise, () => {
    if (!preventClose) {
      shutdownWithAnAction(() => writableStreamDefaultWriterCloseWithErrorPropagation(writer));
      return;
    }
    shutdown();
  });

  if (writableStreamCloseQueuedOrInFlight(dest) || dest[kState].state === 'closed') {
    const error = new ERR_INVALID_STATE.TypeError('Destination WritableStream is closed');
    if (!preventCancel) {
      shutdownWithAnAction(() => readableStreamCancel(source, error), true, error);
    } else {
      shutdown(true, error);
    }
  }

  return result.promise;
}

// ---- Async iteration

function createAsyncIterator(stream, preventCancel) {
  const reader = new ReadableStreamDefaultReader(stream);
  const state = { done: false, current: undefined };
  let started = false;

  function nextSteps() {
    if (state.done) return Promise.resolve({ done: true, value: undefined });
    if (reader[kState].stream === undefined) {
      return Promise.reject(new ERR_INVALID_STATE.TypeError('The reader is not bound to a ReadableStream'));
    }
    const { promise, resolve, reject } = createDeferredPromise();
    readableStreamDefaultReaderRead(reader, {
      chunk(value) {
        state.current = undefined;
        resolve({ value, done: false });
      },
      close() {
        state.current = undefined;
        state.done = true;
        readableStreamReaderGenericRelease(reader);
        resolve({ done: true, value: undefined });
      },
      error(error) {
        state.current = undefined;
        state.done = true;
        readableStreamReaderGenericRelease(reader);
        reject(error);
      },
    });
    return promise;
  }

  async function returnSteps(value) {
    if (state.done) return { done: true, value };
    state.done = true;
    if (reader[kState].stream === undefined) {
      throw new ERR_INVALID_STATE.TypeError('The reader is not bound to a ReadableStream');
    }
    if (!preventCancel) {
      const cancelled = readableStreamCancel(reader[kState].stream, value);
      readableStreamReaderGenericRelease(reader);
      await cancelled;
      return { done: true, value };
    }
    readableStreamReaderGenericRelease(reader);
    return { done: true, value };
  }

  return Object.setPrototypeOf({
    next() {
      // The first read waits one microtask so a freshly started source has begun pulling.
      if (!started) {
        state.current = Promise.resolve();
        started = true;
      }
      state.current = state.current !== undefined ?
        state.current.then(nextSteps, nextSteps) :
        nextSteps();
      return state.current;
    },

    return(value) {
      started = true;
      state.current = state.current !== undefined ?
        state.current.then(() => returnSteps(value), () => returnSteps(value)) :
        returnSteps(value);
      return state.current;
    },

    [Symbol.asyncIterator]() { return this; },
  }, AsyncIterator);
}

// ---- ReadableStream.from

function readableStreamFromIterable(iterable) {
  let stream;
  const record = getIterator(iterable, 'async');

  async function pullAlgorithm() {
    const nextResult = iteratorNext(record);
    return Promise.resolve(nextResult).then((iterResult) => {
      if (iterResult === null || typeof iterResult !== 'object') {
        throw new ERR_INVALID_STATE.TypeError(
          'The promise returned by the iterator.next() method must fulfill with an object');
      }
      const { controller } = stream[kState];
      if (iterResult.done) readableStreamDefaultControllerClose(controller);
      else readableStreamDefaultControllerEnqueue(controller, iterResult.value);
    });
  }

  async function cancelAlgorithm(reason) {
    const { iterator } = record;
    const returnMethod = iterator.return;
    if (returnMethod === undefined) return Promise.resolve();
    const returnResult = Reflect.apply(returnMethod, iterator, [reason]);
    return Promise.resolve(returnResult).then((iterResult) => {
      if (iterResult === null || typeof iterResult !== 'object') {
        throw new ERR_INVALID_STATE.TypeError(
          'The promise returned by the iterator.return() method must fulfill with an object');
      }
      return undefined;
    });
  }

  stream = createReadableStream(nonOpStart, pullAlgorithm, cancelAlgorithm, 0);
  return stream;
}

module.exports = {
  ReadableStream,
  ReadableStreamDefaultReader,
  ReadableStreamBYOBReader,
  ReadableStreamBYOBRequest,
  ReadableByteStreamController,
  ReadableStreamDefaultController,
  isReadableStream,
  isReadableByteStreamController,
  isReadableStreamDefaultController,
  isReadableStreamBYOBRequest,
  isReadableStreamDefaultReader,
  isReadableStreamBYOBReader,
  isReadableStreamLocked,
  createReadableStream,
  createReadableByteStream,
  readableStreamCancel,
  readableStreamClose,
  readableStreamError,
  readableStreamPipeTo,
  readableStreamTee,
  readableStreamDefaultReaderRead,
  readableStreamDefaultReaderRelease,
  readableStreamReaderGenericRelease,
  readableStreamDefaultControllerClose,
  readableStreamDefaultControllerEnqueue,
  readableStreamDefaultControllerError,
  readableStreamDefaultControllerHasBackpressure,
  readableStreamDefaultControllerCanCloseOrEnqueue: defaultControllerCanCloseOrEnqueue,
  readableStreamDefaultControllerGetDesiredSize: controllerGetDesiredSize,
  readableByteStreamControllerClose: byteControllerClose,
  readableByteStreamControllerConvertPullIntoDescriptor: byteControllerConvertPullIntoDescriptor,
  readableByteStreamControllerRespond: byteControllerRespond,
  readableByteStreamControllerEnqueue: byteControllerEnqueue,
  readableByteStreamControllerError: byteControllerError,
};
