'use strict';
// WritableStream, its default writer and controller (WHATWG Streams §5).

const {
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_STATE,
    ERR_INVALID_THIS,
    ERR_INTERNAL_ASSERTION,
  },
} = require('internal/errors');
const {
  kState,
  kType,
  kInspect,
  kIsClosedPromise,
  kControllerErrorFunction,
  isBrandCheck,
  customInspect,
  defineClassProperties,
  createDeferredPromise,
  settled,
  isPromisePending,
  setPromiseHandled,
  createPromiseCallback,
  validateDictionary,
  extractHighWaterMark,
  extractSizeAlgorithm,
  dequeueValue,
  enqueueValueWithSize,
  peekQueueValue,
  resetQueue,
  nonOpStart,
  nonOpWrite,
  nonOpCancel,
} = require('internal/webstreams/util');

const kSkipThrow = Symbol('kSkipThrow');
const kCloseSentinel = Symbol('kCloseSentinel');
const kAbortSteps = Symbol('kAbort');
const kErrorSteps = Symbol('kError');

let AbortControllerClass;
function newAbortController() {
  if (AbortControllerClass === undefined) AbortControllerClass = require('internal/abort_controller').AbortController;
  return new AbortControllerClass();
}

let releasedError;
function writerReleasedError() {
  if (releasedError === undefined) releasedError = new ERR_INVALID_STATE.TypeError('Writer has been released');
  return releasedError;
}

const isWritableStream = isBrandCheck('WritableStream');
const isWritableStreamDefaultWriter = isBrandCheck('WritableStreamDefaultWriter');
const isWritableStreamDefaultController = isBrandCheck('WritableStreamDefaultController');

class WritableStream {
  [kType] = 'WritableStream';

  constructor(sink = {}, strategy = {}) {
    validateDictionary(sink, 'sink');
    validateDictionary(strategy, 'strategy', true);
    const type = sink?.type;
    if (type !== undefined) throw new ERR_INVALID_ARG_VALUE.RangeError('type', type);
    initWritableStream(this);
    const size = extractSizeAlgorithm(strategy?.size);
    const highWaterMark = extractHighWaterMark(strategy?.highWaterMark, 1);
    setupControllerFromSink(this, sink, highWaterMark, size);
  }

  get locked() {
    if (!isWritableStream(this)) throw new ERR_INVALID_THIS('WritableStream');
    return isWritableStreamLocked(this);
  }

  abort(reason = undefined) {
    if (!isWritableStream(this)) return Promise.reject(new ERR_INVALID_THIS('WritableStream'));
    if (isWritableStreamLocked(this)) {
      return Promise.reject(new ERR_INVALID_STATE.TypeError('WritableStream is locked'));
    }
    return writableStreamAbort(this, reason);
  }

  close() {
    if (!isWritableStream(this)) return Promise.reject(new ERR_INVALID_THIS('WritableStream'));
    if (isWritableStreamLocked(this)) {
      return Promise.reject(new ERR_INVALID_STATE.TypeError('WritableStream is locked'));
    }
    if (writableStreamCloseQueuedOrInFlight(this)) {
      return Promise.reject(new ERR_INVALID_STATE.TypeError('Failure closing WritableStream'));
    }
    return writableStreamClose(this);
  }

  getWriter() {
    if (!isWritableStream(this)) throw new ERR_INVALID_THIS('WritableStream');
    return new WritableStreamDefaultWriter(this);
  }

  [kInspect](depth, options) {
    return customInspect(depth, options, this[kType], {
      locked: this.locked,
      state: this[kState].state,
    });
  }
}

defineClassProperties(WritableStream, ['locked', 'abort', 'close', 'getWriter']);

class WritableStreamDefaultWriter {
  [kType] = 'WritableStreamDefaultWriter';

  constructor(stream) {
    if (!isWritableStream(stream)) throw new ERR_INVALID_ARG_TYPE('stream', 'WritableStream', stream);
    this[kState] = { stream: undefined, ready: undefined, close: undefined };
    setupWritableStreamDefaultWriter(this, stream);
  }

  get closed() {
    if (!isWritableStreamDefaultWriter(this)) {
      return Promise.reject(new ERR_INVALID_THIS('WritableStreamDefaultWriter'));
    }
    return this[kState].close.promise;
  }

  get desiredSize() {
    if (!isWritableStreamDefaultWriter(this)) throw new ERR_INVALID_THIS('WritableStreamDefaultWriter');
    if (this[kState].stream === undefined) {
      throw new ERR_INVALID_STATE.TypeError('Writer is not bound to a WritableStream');
    }
    return writableStreamDefaultWriterGetDesiredSize(this);
  }

  get ready() {
    if (!isWritableStreamDefaultWriter(this)) {
      return Promise.reject(new ERR_INVALID_THIS('WritableStreamDefaultWriter'));
    }
    return this[kState].ready.promise;
  }

  abort(reason = undefined) {
    if (!isWritableStreamDefaultWriter(this)) {
      return Promise.reject(new ERR_INVALID_THIS('WritableStreamDefaultWriter'));
    }
    if (this[kState].stream === undefined) {
      return Promise.reject(new ERR_INVALID_STATE.TypeError('Writer is not bound to a WritableStream'));
    }
    return writableStreamAbort(this[kState].stream, reason);
  }

  close() {
    if (!isWritableStreamDefaultWriter(this)) {
      return Promise.reject(new ERR_INVALID_THIS('WritableStreamDefaultWriter'));
    }
    const { stream } = this[kState];
    if (stream === undefined) {
      return Promise.reject(new ERR_INVALID_STATE.TypeError('Writer is not bound to a WritableStream'));
    }
    if (writableStreamCloseQueuedOrInFlight(stream)) {
      return Promise.reject(new ERR_INVALID_STATE.TypeError('Failure to close WritableStream'));
    }
    return writableStreamClose(stream);
  }

  releaseLock() {
    if (!isWritableStreamDefaultWriter(this)) throw new ERR_INVALID_THIS('WritableStreamDefaultWriter');
    if (this[kState].stream === undefined) return;
    writableStreamDefaultWriterRelease(this);
  }

  write(chunk = undefined) {
    if (!isWritableStreamDefaultWriter(this)) {
      return Promise.reject(new ERR_INVALID_THIS('WritableStreamDefaultWriter'));
    }
    if (this[kState].stream === undefined) {
      return Promise.reject(new ERR_INVALID_STATE.TypeError('Writer is not bound to a WritableStream'));
    }
    return writableStreamDefaultWriterWrite(this, chunk);
  }

  [kInspect](depth, options) {
    return customInspect(depth, options, this[kType], {
      stream: this[kState].stream,
      close: this[kState].close.promise,
      ready: this[kState].ready.promise,
      desiredSize: this.desiredSize,
    });
  }
}

defineClassProperties(WritableStreamDefaultWriter,
                      ['closed', 'ready', 'desiredSize', 'abort', 'close', 'releaseLock', 'write']);

class WritableStreamDefaultController {
  [kType] = 'WritableStreamDefaultController';

  constructor(skipThrow = undefined) {
    if (skipThrow !== kSkipThrow) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get signal() {
    if (!isWritableStreamDefaultController(this)) throw new ERR_INVALID_THIS('WritableStreamDefaultController');
    return this[kState].abortController.signal;
  }

  error(error = undefined) {
    if (!isWritableStreamDefaultController(this)) throw new ERR_INVALID_THIS('WritableStreamDefaultController');
    if (this[kState].stream[kState].state !== 'writable') return;
    writableStreamDefaultControllerError(this, error);
  }

  [kAbortSteps](reason) {
    const result = this[kState].abortAlgorithm(reason);
    controllerClearAlgorithms(this);
    return result;
  }

  [kErrorSteps]() {
    resetQueue(this);
  }

  [kInspect](depth, options) {
    return customInspect(depth, options, this[kType], { stream: this[kState].stream });
  }
}

defineClassProperties(WritableStreamDefaultController, ['signal', 'error']);

// ---- Stream abstract operations

function initWritableStream(stream) {
  stream[kState] = {
    state: 'writable',
    storedError: undefined,
    writer: undefined,
    controller: undefined,
    writeRequests: [],
    inFlightWriteRequest: undefined,
    closeRequest: undefined,
    inFlightCloseRequest: undefined,
    pendingAbortRequest: undefined,
    backpressure: false,
  };
  stream[kIsClosedPromise] = createDeferredPromise();
  stream[kControllerErrorFunction] = () => {};
}

// A WritableStream driven by internal algorithms (used by TransformStream and the adapters).
function createWritableStream(start, write, close, abort, highWaterMark = 1, size = () => 1) {
  const stream = Object.create(WritableStream.prototype);
  stream[kType] = 'WritableStream';
  initWritableStream(stream);
  const controller = new WritableStreamDefaultController(kSkipThrow);
  setupWritableStreamDefaultController(stream, controller, start, write, close, abort, highWaterMark, size);
  return stream;
}

function isWritableStreamLocked(stream) {
  return stream[kState].writer !== undefined;
}

function writableStreamAbort(stream, reason) {
  const state = stream[kState];
  if (state.state === 'closed' || state.state === 'errored') return Promise.resolve();
  state.controller[kState].abortController.abort(reason);
  // Aborting the signal may have run user code that changed the state.
  if (state.pendingAbortRequest !== undefined) return state.pendingAbortRequest.promise;
  let wasAlreadyErroring = false;
  if (state.state === 'erroring') {
    wasAlreadyErroring = true;
    reason = undefined;
  }
  const request = createDeferredPromise();
  request.reason = reason;
  request.wasAlreadyErroring = wasAlreadyErroring;
  state.pendingAbortRequest = request;
  if (!wasAlreadyErroring) writableStreamStartErroring(stream, reason);
  return request.promise;
}

function writableStreamClose(stream) {
  const state = stream[kState];
  if (state.state === 'closed' || state.state === 'errored') {
    return Promise.reject(new ERR_INVALID_STATE.TypeError('WritableStream is closed'));
  }
  state.closeRequest = createDeferredPromise();
  const { promise } = state.closeRequest;
  const { writer } = state;
  if (writer !== undefined && state.backpressure && state.state === 'writable') {
    writer[kState].ready.resolve?.();
  }
  writableStreamDefaultControllerClose(state.controller);
  return promise;
}

function writableStreamAddWriteRequest(stream) {
  const request = createDeferredPromise();
  stream[kState].writeRequests.push(request);
  return request.promise;
}

function writableStreamCloseQueuedOrInFlight(stream) {
  const state = stream[kState];
  return state.closeRequest !== undefined || state.inFlightCloseRequest !== undefined;
}

function writableStreamDealWithRejection(stream, error) {
  if (stream[kState].state === 'writable') {
    writableStreamStartErroring(stream, error);
    return;
  }
  writableStreamFinishErroring(stream);
}

function writableStreamStartErroring(stream, reason) {
  const state = stream[kState];
  const { controller, writer } = state;
  state.state = 'erroring';
  state.storedError = reason;
  if (writer !== undefined) writerEnsureReadyPromiseRejected(writer, reason);
  if (!writableStreamHasOperationMarkedInFlight(stream) && controller[kState].started) {
    writableStreamFinishErroring(stream);
  }
}

function writableStreamFinishErroring(stream) {
  const state = stream[kState];
  state.state = 'errored';
  state.controller[kErrorSteps]();
  const { storedError } = state;
  for (const request of state.writeRequests) request.reject(storedError);
  state.writeRequests = [];
  const abortRequest = state.pendingAbortRequest;
  if (abortRequest === undefined) {
    writableStreamRejectCloseAndClosedPromiseIfNeeded(stream);
    return;
  }
  state.pendingAbortRequest = undefined;
  if (abortRequest.wasAlreadyErroring) {
    abortRequest.reject(storedError);
    writableStreamRejectCloseAndClosedPromiseIfNeeded(stream);
    return;
  }
  state.controller[kAbortSteps](abortRequest.reason).then(
    () => {
      abortRequest.resolve();
      writableStreamRejectCloseAndClosedPromiseIfNeeded(stream);
    },
    (error) => {
      abortRequest.reject(error);
      writableStreamRejectCloseAndClosedPromiseIfNeeded(stream);
    });
}

function writableStreamFinishInFlightWrite(stream) {
  stream[kState].inFlightWriteRequest.resolve();
  stream[kState].inFlightWriteRequest = undefined;
}

function writableStreamFinishInFlightWriteWithError(stream, error) {
  stream[kState].inFlightWriteRequest.reject(error);
  stream[kState].inFlightWriteRequest = undefined;
  writableStreamDealWithRejection(stream, error);
}

function writableStreamFinishInFlightClose(stream) {
  const state = stream[kState];
  state.inFlightCloseRequest.resolve();
  state.inFlightCloseRequest = undefined;
  if (state.state === 'erroring') {
    state.storedError = undefined;
    if (state.pendingAbortRequest !== undefined) {
      state.pendingAbortRequest.resolve();
      state.pendingAbortRequest = undefined;
    }
  }
  state.state = 'closed';
  if (state.writer !== undefined) state.writer[kState].close.resolve?.();
  stream[kIsClosedPromise].resolve();
}

function writableStreamFinishInFlightCloseWithError(stream, error) {
  const state = stream[kState];
  state.inFlightCloseRequest.reject(error);
  state.inFlightCloseRequest = undefined;
  if (state.pendingAbortRequest !== undefined) {
    state.pendingAbortRequest.reject(error);
    state.pendingAbortRequest = undefined;
  }
  writableStreamDealWithRejection(stream, error);
}

function writableStreamHasOperationMarkedInFlight(stream) {
  const state = stream[kState];
  return state.inFlightWriteRequest !== undefined || state.inFlightCloseRequest !== undefined;
}

function writableStreamMarkCloseRequestInFlight(stream) {
  const state = stream[kState];
  state.inFlightCloseRequest = state.closeRequest;
  state.closeRequest = undefined;
}

function writableStreamMarkFirstWriteRequestInFlight(stream) {
  const state = stream[kState];
  state.inFlightWriteRequest = state.writeRequests.shift();
}

function writableStreamRejectCloseAndClosedPromiseIfNeeded(stream) {
  const state = stream[kState];
  if (state.closeRequest !== undefined) {
    state.closeRequest.reject(state.storedError);
    state.closeRequest = undefined;
  }
  setPromiseHandled(stream[kIsClosedPromise].promise);
  stream[kIsClosedPromise].reject(state.storedError);
  const { writer } = state;
  if (writer !== undefined) {
    setPromiseHandled(writer[kState].close.promise);
    writer[kState].close.reject?.(state.storedError);
  }
}

function writableStreamUpdateBackpressure(stream, backpressure) {
  const state = stream[kState];
  const { writer } = state;
  if (writer !== undefined && backpressure !== state.backpressure) {
    if (backpressure) {
      writer[kState].ready = createDeferredPromise();
    } else {
      writer[kState].ready.resolve?.();
    }
  }
  state.backpressure = backpressure;
}

// ---- Writer abstract operations

function setupWritableStreamDefaultWriter(writer, stream) {
  if (isWritableStreamLocked(stream)) throw new ERR_INVALID_STATE.TypeError('WritableStream is locked');
  const writerState = writer[kState];
  writerState.stream = stream;
  const state = stream[kState];
  state.writer = writer;
  switch (state.state) {
    case 'writable':
      writerState.ready = !writableStreamCloseQueuedOrInFlight(stream) && state.backpressure ?
        createDeferredPromise() : settled(Promise.resolve());
      writerState.close = createDeferredPromise();
      break;
    case 'erroring':
      writerState.ready = settled(Promise.reject(state.storedError));
      setPromiseHandled(writerState.ready.promise);
      writerState.close = createDeferredPromise();
      break;
    case 'closed':
      writerState.ready = settled(Promise.resolve());
      writerState.close = settled(Promise.resolve());
      break;
    default:
      writerState.ready = settled(Promise.reject(state.storedError));
      writerState.close = settled(Promise.reject(state.storedError));
      setPromiseHandled(writerState.ready.promise);
      setPromiseHandled(writerState.close.promise);
  }
}

function writableStreamDefaultWriterCloseWithErrorPropagation(writer) {
  const stream = writer[kState].stream;
  const { state } = stream[kState];
  if (writableStreamCloseQueuedOrInFlight(stream) || state === 'closed') return Promise.resolve();
  if (state === 'errored') return Promise.reject(stream[kState].storedError);
  return writableStreamClose(stream);
}

function writerEnsureClosedPromiseRejected(writer, error) {
  const writerState = writer[kState];
  if (isPromisePending(writerState.close.promise)) {
    writerState.close.reject?.(error);
  } else {
    writerState.close = settled(Promise.reject(error));
  }
  setPromiseHandled(writerState.close.promise);
}

function writerEnsureReadyPromiseRejected(writer, error) {
  const writerState = writer[kState];
  if (isPromisePending(writerState.ready.promise)) {
    writerState.ready.reject?.(error);
  } else {
    writerState.ready = settled(Promise.reject(error));
  }
  setPromiseHandled(writerState.ready.promise);
}

function writableStreamDefaultWriterGetDesiredSize(writer) {
  const stream = writer[kState].stream;
  switch (stream[kState].state) {
    case 'errored':
    case 'erroring':
      return null;
    case 'closed':
      return 0;
  }
  return controllerGetDesiredSize(stream[kState].controller);
}

function writableStreamDefaultWriterRelease(writer) {
  const stream = writer[kState].stream;
  const error = writerReleasedError();
  writerEnsureReadyPromiseRejected(writer, error);
  writerEnsureClosedPromiseRejected(writer, error);
  stream[kState].writer = undefined;
  writer[kState].stream = undefined;
}

function writableStreamDefaultWriterWrite(writer, chunk) {
  const stream = writer[kState].stream;
  const { controller } = stream[kState];
  const chunkSize = controllerGetChunkSize(controller, chunk);
  if (stream !== writer[kState].stream) {
    return Promise.reject(new ERR_INVALID_STATE.TypeError('Mismatched WritableStreams'));
  }
  const { state } = stream[kState];
  if (state === 'errored') return Promise.reject(stream[kState].storedError);
  if (writableStreamCloseQueuedOrInFlight(stream) || state === 'closed') {
    return Promise.reject(new ERR_INVALID_STATE.TypeError('WritableStream is closed'));
  }
  if (state === 'erroring') return Promise.reject(stream[kState].storedError);
  const promise = writableStreamAddWriteRequest(stream);
  controllerWrite(controller, chunk, chunkSize);
  return promise;
}

// ---- Controller abstract operations

function setupWritableStreamDefaultController(stream, controller, startAlgorithm, writeAlgorithm,
                                              closeAlgorithm, abortAlgorithm, highWaterMark, sizeAlgorithm) {
  controller[kState] = {
    stream,
    queue: [],
    queueTotalSize: 0,
    abortController: newAbortController(),
    started: false,
    highWaterMark,
    sizeAlgorithm,
    writeAlgorithm,
    closeAlgorithm,
    abortAlgorithm,
  };
  stream[kState].controller = controller;
  stream[kControllerErrorFunction] = controller.error.bind(controller);
  writableStreamUpdateBackpressure(stream, controllerGetBackpressure(controller));
  const startResult = startAlgorithm();
  new Promise((resolve) => resolve(startResult)).then(
    () => {
      controller[kState].started = true;
      controllerAdvanceQueueIfNeeded(controller);
    },
    (error) => {
      controller[kState].started = true;
      writableStreamDealWithRejection(stream, error);
    });
}

function setupControllerFromSink(stream, sink, highWaterMark, sizeAlgorithm) {
  const controller = new WritableStreamDefaultController(kSkipThrow);
  const { start, write, close, abort } = sink;
  const startAlgorithm = start ? () => Reflect.apply(start, sink, [controller]) : nonOpStart;
  const writeAlgorithm = write ? createPromiseCallback('sink.write', write, sink) : nonOpWrite;
  const closeAlgorithm = close ? createPromiseCallback('sink.close', close, sink) : nonOpCancel;
  const abortAlgorithm = abort ? createPromiseCallback('sink.abort', abort, sink) : nonOpCancel;
  setupWritableStreamDefaultController(stream, controller, startAlgorithm, writeAlgorithm,
                                       closeAlgorithm, abortAlgorithm, highWaterMark, sizeAlgorithm);
}

function controllerAdvanceQueueIfNeeded(controller) {
  const { stream, started, queue } = controller[kState];
  if (!started || stream[kState].inFlightWriteRequest !== undefined) return;
  if (stream[kState].state === 'erroring') {
    writableStreamFinishErroring(stream);
    return;
  }
  if (queue.length === 0) return;
  const value = peekQueueValue(controller);
  if (value === kCloseSentinel) {
    controllerProcessClose(controller);
  } else {
    controllerProcessWrite(controller, value);
  }
}

function controllerClearAlgorithms(controller) {
  const state = controller[kState];
  state.writeAlgorithm = undefined;
  state.closeAlgorithm = undefined;
  state.abortAlgorithm = undefined;
  state.sizeAlgorithm = undefined;
}

function writableStreamDefaultControllerClose(controller) {
  enqueueValueWithSize(controller, kCloseSentinel, 0);
  controllerAdvanceQueueIfNeeded(controller);
}

function writableStreamDefaultControllerError(controller, error) {
  controllerClearAlgorithms(controller);
  writableStreamStartErroring(controller[kState].stream, error);
}

function writableStreamDefaultControllerErrorIfNeeded(controller, error) {
  if (controller[kState].stream[kState].state === 'writable') {
    writableStreamDefaultControllerError(controller, error);
  }
}

function controllerGetBackpressure(controller) {
  return controllerGetDesiredSize(controller) <= 0;
}

function controllerGetChunkSize(controller, chunk) {
  const { sizeAlgorithm, stream } = controller[kState];
  if (sizeAlgorithm === undefined) {
    // node asserts the stream is erroring or errored here; a write once closing has begun
    // (state still 'writable' or 'closed') fails that assertion and throws synchronously.
    const { state } = stream[kState];
    if (state !== 'errored' && state !== 'erroring') throw new ERR_INTERNAL_ASSERTION();
    return 1;
  }
  try {
    return Reflect.apply(sizeAlgorithm, undefined, [chunk]);
  } catch (error) {
    writableStreamDefaultControllerErrorIfNeeded(controller, error);
    return 1;
  }
}

function controllerGetDesiredSize(controller) {
  const { highWaterMark, queueTotalSize } = controller[kState];
  return highWaterMark - queueTotalSize;
}

function controllerProcessClose(controller) {
  const { stream, closeAlgorithm } = controller[kState];
  writableStreamMarkCloseRequestInFlight(stream);
  dequeueValue(controller);
  const sinkClosePromise = closeAlgorithm();
  controllerClearAlgorithms(controller);
  sinkClosePromise.then(
    () => writableStreamFinishInFlightClose(stream),
    (error) => writableStreamFinishInFlightCloseWithError(stream, error));
}

function controllerProcessWrite(controller, chunk) {
  const { stream, writeAlgorithm } = controller[kState];
  writableStreamMarkFirstWriteRequestInFlight(stream);
  writeAlgorithm(chunk, controller).then(
    () => {
      writableStreamFinishInFlightWrite(stream);
      dequeueValue(controller);
      if (!writableStreamCloseQueuedOrInFlight(stream) && stream[kState].state === 'writable') {
        writableStreamUpdateBackpressure(stream, controllerGetBackpressure(controller));
      }
      controllerAdvanceQueueIfNeeded(controller);
    },
    (error) => {
      if (stream[kState].state === 'writable') controllerClearAlgorithms(controller);
      writableStreamFinishInFlightWriteWithError(stream, error);
    });
}

function controllerWrite(controller, chunk, chunkSize) {
  try {
    enqueueValueWithSize(controller, chunk, chunkSize);
  } catch (error) {
    writableStreamDefaultControllerErrorIfNeeded(controller, error);
    return;
  }
  const { stream } = controller[kState];
  if (!writableStreamCloseQueuedOrInFlight(stream) && stream[kState].state === 'writable') {
    writableStreamUpdateBackpressure(stream, controllerGetBackpressure(controller));
  }
  controllerAdvanceQueueIfNeeded(controller);
}

module.exports = {
  WritableStream,
  WritableStreamDefaultWriter,
  WritableStreamDefaultController,
  isWritableStream,
  isWritableStreamDefaultWriter,
  isWritableStreamDefaultController,
  isWritableStreamLocked,
  createWritableStream,
  writableStreamAbort,
  writableStreamClose,
  writableStreamCloseQueuedOrInFlight,
  writableStreamDefaultWriterCloseWithErrorPropagation,
  writableStreamDefaultWriterRelease,
  writableStreamDefaultWriterWrite,
  writableStreamDefaultControllerErrorIfNeeded,
  writableStreamDefaultControllerError,
};
